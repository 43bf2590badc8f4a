/// The one stylesheet, served from `/static/app.css` (same origin; no inline style, so the CSP can forbid it).
/// Phone first: one column at 360 px; wider screens get a centred column and side-by-side form fields. Text people
/// typed (names, notes, topics, drafts, reasons) breaks anywhere once a line is full: a long link or 2,000 characters
/// without a space in a note made the lead page scroll sideways on a phone. Set on `body`, every element inherits it
/// (`word-break: break-word` for browsers older than `overflow-wrap: anywhere`); tables scroll in their `.scroll`.
enum Stylesheet {
  static let css = """
    *{box-sizing:border-box}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1d2330;background:#f4f5f7;overflow-wrap:anywhere;word-break:break-word}
    header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.6rem 1rem;background:#1d3557;color:#fff}
    header a,header .link{color:#fff}
    .brand{margin-right:auto}
    nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
    main{max-width:64rem;margin:0 auto;padding:1rem}
    h1{font-size:1.4rem;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem}
    small{color:#667;font-weight:normal}
    a{color:#1d4ed8}
    .cards{list-style:none;padding:0;margin:0}
    .card{background:#fff;border-radius:.5rem;padding:.8rem 1rem;margin:0 0 .75rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
    .cards .card a{display:block;color:inherit;text-decoration:none}
    .card.overdue,.sev-high{border-left:4px solid #c0392b}.sev-medium{border-left:4px solid #e67e22}.sev-low{border-left:4px solid #f1c40f}
    .name{font-weight:600}.tag{display:inline-block;font-size:.8rem;background:#e8eefc;color:#1d3557;border-radius:.25rem;padding:0 .4rem}
    .meta,.reason{display:block;color:#556;font-size:.9rem}
    .tag.flag{background:#fff4d6;color:#6b4e00}.tag.flag.warning{background:#fdecea;color:#8a1f11}
    .error{background:#fdecea;color:#8a1f11;padding:.5rem .75rem;border-radius:.4rem}
    .ok{background:#e7f6ec;color:#14532d;padding:.5rem .75rem;border-radius:.4rem}
    .warnings li{color:#8a1f11}
    blockquote{margin:.25rem 0;padding:.5rem .75rem;background:#f7f7f9;border-left:3px solid #99a;white-space:pre-wrap}
    dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .75rem;margin:.5rem 0}dt{color:#556}dd{margin:0}
    label{display:block;margin:.5rem 0;font-size:.95rem}
    label.check{display:inline-flex;gap:.3rem;margin:.2rem .8rem .2rem 0}
    input,select,textarea,button{font:inherit;width:100%;padding:.55rem;border:1px solid #bbc;border-radius:.4rem;background:#fff}
    label.check input{width:auto}
    fieldset{border:1px solid #dde;border-radius:.4rem;margin:.5rem 0}
    button,.button{background:#1d4ed8;color:#fff;border:0;cursor:pointer;min-height:2.75rem}
    .button{display:inline-block;padding:.55rem 1rem;border-radius:.4rem;text-decoration:none}
    form.inline{display:inline;margin:0}
    button.link{background:none;border:0;padding:0;width:auto;min-height:0;text-decoration:underline}
    .contact{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}
    th,td{padding:.4rem .5rem;border-bottom:1px solid #e3e5ea;text-align:right;white-space:nowrap}
    thead th{white-space:normal;vertical-align:bottom}
    th[scope=row],thead th:first-child{text-align:left}
    tfoot th,tfoot td{font-weight:700}
    @media (min-width:48rem){form.row{display:flex;gap:1rem;align-items:end}form.row label{flex:1}form.row button{width:auto}}
    """
}
