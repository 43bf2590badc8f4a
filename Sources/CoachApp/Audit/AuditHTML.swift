import CoachCore
import Foundation

/// `coach audit --format html`: one self-contained page (inline CSS and SVG, no scripts, no fonts to fetch).
package struct AuditHTML {
  package let report: AuditReport
  package let labels: AuditLabels
  package let dealership: String
  package let generated: String
  /// Who took data out or moved it in the period (shown when anything happened).
  package var access: AuditAccessLog?
  /// Formats a time for the page (the run's zone).
  package var time: (Date) -> String = { "\($0)" }
  /// Whether the report holds the follow-ups behind every figure (`AuditRun.build(…, drillDown: true)`): each
  /// figure then links to its list, listed at the end of the page.
  package var drillDown = false

  package init(report: AuditReport, labels: AuditLabels, dealership: String, generated: String) {
    (self.report, self.labels, self.dealership, self.generated) = (report, labels, dealership, generated)
  }

  package func render() -> String {
    let charts = AuditSVG(report: report, labels: labels)
    let w = report.window
    let lang = labels.language.hasPrefix("zh") ? "zh-CN" : "en"
    var h = "<!DOCTYPE html>\n<html lang=\"\(lang)\" id=\"top\"><head><meta charset=\"utf-8\">"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    h += "<title>\(esc(labels["audit_title"])) \(w.from) – \(w.to)</title><style>\(Self.css)</style></head><body>"
    h += "<header><div><h1>\(esc(labels["audit_title"]))</h1><p class=\"sub\">\(esc(dealership))</p></div>"
    h +=
      "<div class=\"period\"><b>\(w.from) – \(w.to)</b><span>\(esc(labels["audit_generated"])) \(esc(generated))</span></div></header>"
    h += kpis()
    if report.consultants.isEmpty {
      return h + "<p class=\"empty\">\(esc(labels["audit_none"]))</p></body></html>\n"
    }
    h += "<div class=\"grid\">"
    h += section(labels["audit_rate_by_consultant"], charts.rateBars())
    h += section(labels["audit_weekly_trend"], charts.trend())
    h += section(labels["audit_funnel"], charts.funnel())
    h += section(labels["audit_churn_reasons"], charts.churn())
    h += "</div>"
    h += section(labels["audit_first_response_title"], speedToLead(), cls: "wide", id: "speed-to-lead")
    if let before = report.previous {
      h += section(labels["audit_previous"], comparison(before), cls: "wide", id: "previous")
    }
    h += section(labels["audit_activity"], activity(), cls: "wide", id: "activity")
    h += section(labels["audit_sources"], sources(), cls: "wide", id: "sources")
    h += whatWorks()
    h += section(labels["audit_details"], details(), cls: "wide")
    if let access, !access.entries.isEmpty || !access.transfers.isEmpty {
      h += section(labels["audit_data_access"], accessTable(access), cls: "wide")
    }
    h += drillDownSections()
    h += "<footer><h3>\(esc(labels["audit_definitions"]))</h3><p>\(esc(labels["audit_definition_text"]))</p>"
    h += "<p>\(esc(labels["audit_definition_more"]))</p></footer>"
    return h + "</body></html>\n"
  }

  /// The team's headline numbers. A rate shows its sample (`on time/due`); one from fewer than
  /// `AuditSVG.smallSample` is greyed and says so (100 % from 1 of 1 is not a result).
  package func kpis() -> String {
    let f = report.team
    let svg = AuditSVG(report: report, labels: labels)
    func rate(_ t: DueTally) -> (String, String, String) {
      let few = t.due > 0 && t.due < AuditSVG.smallSample
      return (
        AuditLabels.percent(t.rate), "\(t.onTime)/\(t.due)" + (few ? " · \(labels["audit_few"])" : ""),
        few ? AuditSVG.muted : svg.rateColour(t.rate)
      )
    }
    let onTime = rate(DueTally(due: f.due, onTime: f.onTime))
    let callback = rate(f.callback3day), issue = rate(f.issue7day)
    let first = rate(DueTally(due: f.firstResponse.judged, onTime: f.firstResponse.withinLimit))
    let cards: [(String, String, String, String, AuditList?)] = [
      (labels["audit_on_time_rate"], onTime.0, onTime.1, onTime.2, .onTime),
      (labels["audit_late"], "\(f.late)", "", "#b7791f", .late),
      (labels["audit_missed"], "\(f.missed)", "", AuditSVG.missed, .missed),
      (labels["audit_pending"], "\(f.pending)", "", AuditSVG.ink, .pending),
      (
        labels["audit_overdue_now"], "\(f.overdueNow)", "\(labels["audit_leads_open"]) \(f.leadsOpen)", AuditSVG.missed,
        .overdue
      ),
      (labels["audit_first_response_rate"], first.0, first.1, first.2, nil),
      (labels["audit_callback_rate"], callback.0, callback.1, callback.2, nil),
      (labels["audit_issue_rate"], issue.0, issue.1, issue.2, nil),
      (labels["audit_without_next"], "\(f.contactsWithoutNext)", "/ \(f.contacts)", AuditSVG.ink, nil),
    ]
    var h = "<div class=\"kpis\">"
    for (name, value, note, colour, list) in cards {
      // A card whose figure has a list opens it (the on-time rate opens the follow-ups done on time).
      let open = drillDown ? list.map { "<a class=\"kpi\" href=\"#\(Self.anchor($0, consultant: nil))\">" } : nil
      h +=
        "\(open ?? "<div class=\"kpi\">")<span class=\"k\">\(esc(name))</span><span class=\"v\" style=\"color:\(colour)\">\(esc(value))</span>"
      h += "<span class=\"n\">\(esc(note))</span>\(open == nil ? "</div>" : "</a>")"
    }
    return h + "</div>"
  }

  /// Every figure per consultant and for the team.
  package func details() -> String {
    let cols = [
      "audit_consultant", "audit_leads_open", "audit_touches", "audit_due", "audit_on_time", "audit_late",
      "audit_missed",
      "audit_pending", "audit_on_time_rate", "audit_overdue_now", "audit_callback_rate", "audit_issue_rate",
      "audit_first_response",
      "audit_first_response_rate", "audit_without_next",
      "audit_buried_left", "audit_buried_resolved", "audit_deposits", "audit_delivered", "audit_churned",
      "audit_exports",
      "audit_snoozes",
    ]
    var h =
      "<div class=\"scroll\"><table><thead><tr>" + cols.map { "<th>\(esc(labels[$0]))</th>" }.joined()
      + "</tr></thead><tbody>"
    // One row's cells; `link` writes a figure that has a list behind it (a store row's figures are plain sums).
    func cells(_ f: AuditFigures, _ link: (Int, AuditList) -> String) -> String {
      let rate = AuditSVG(report: report, labels: labels).rateColour(f.onTimeRate)
      return [
        "\(f.leadsOpen)", "\(f.touches)", "\(f.due)", link(f.onTime, .onTime), link(f.late, .late),
        link(f.missed, .missed), link(f.pending, .pending),
        "<b style=\"color:\(rate)\">\(AuditLabels.percent(f.onTimeRate))</b>", link(f.overdueNow, .overdue),
        AuditLabels.percent(f.callback3day.rate), AuditLabels.percent(f.issue7day.rate),
        esc(labels.minutes(f.firstResponse.medianMinutes)), AuditLabels.percent(f.firstResponse.withinLimitRate),
        "\(f.contactsWithoutNext)/\(f.contacts)", "\(f.buriedLeft)", "\(f.buriedResolved)", "\(f.deposits)",
        "\(f.delivered)", "\(f.churned)", "\(f.exports)", link(f.snoozes, .snoozes),
      ].map { "<td>\($0)</td>" }.joined()
    }
    // A group's audit: a row per store first, then the consultants.
    for store in report.stores {
      h += "<tr class=\"team\"><td>\(esc(store.label))</td>" + cells(store.figures) { n, _ in "\(n)" } + "</tr>"
    }
    let rows =
      report.consultants.enumerated().map { i, c in
        (labels.row(of: c.consultant, in: report), c.figures, AuditSVG.colour(i))
      }
      + [(labels["audit_team"], report.team, AuditSVG.ink)]
    for (i, (name, f, colour)) in rows.enumerated() {
      let team = i == rows.count - 1
      let who = team ? nil : i
      h += "<tr\(team ? " class=\"team\"" : "")><td><i style=\"background:\(colour)\"></i>\(esc(name))</td>"
      h += cells(f) { linked($0, $1, consultant: who) } + "</tr>"
    }
    return h + "</tbody></table></div>"
  }

  /// Bucket colours, fast to slow; grey for leads not touched yet.
  package static let bucketColours = ["#1b5e20", "#43a047", "#9ccc65", "#f2a900", "#c62828", "#9aa5b1"]

  /// Speed to lead per consultant and for the team: new leads, the median first response, the share first touched
  /// within the playbook's limit (with its sample), and the distribution as a stacked bar and counts.
  package func speedToLead() -> String {
    let buckets = FirstResponse.Bucket.allCases
    var h = "<div class=\"scroll\"><table class=\"speed\"><thead><tr><th>\(esc(labels["audit_consultant"]))</th>"
    h += ["audit_new_leads", "audit_first_response", "audit_first_response_rate"].map { "<th>\(esc(labels[$0]))</th>" }
      .joined()
    h += "<th class=\"dist\"></th>"
    for b in buckets {
      h += "<th><i style=\"background:\(Self.bucketColours[b.rawValue])\"></i>\(esc(labels.bucket(b)))</th>"
    }
    h += "</tr></thead><tbody>"
    let rows =
      report.consultants.map { ($0.consultant, $0.figures.firstResponse) }
      + [(labels["audit_team"], report.team.firstResponse)]
    for (i, (name, r)) in rows.enumerated() {
      h += "<tr\(i == rows.count - 1 ? " class=\"team\"" : "")><td>\(esc(name))</td><td>\(r.leads)</td>"
      h += "<td>\(esc(labels.minutes(r.medianMinutes)))</td>"
      h += "<td>\(AuditLabels.percent(r.withinLimitRate)) <small>\(r.withinLimit)/\(r.judged)</small></td>"
      h += "<td class=\"dist\"><span class=\"stack\">"
      for b in buckets where r.count(b) > 0 {
        let share = Double(r.count(b)) / Double(max(1, r.leads)) * 100
        h +=
          "<span style=\"width:\(String(format: "%.1f", share))%;background:\(Self.bucketColours[b.rawValue])\"></span>"
      }
      h += "</span></td>" + r.buckets.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }
    return h + "</tbody></table></div>"
  }

  /// Exports, unmasked views, backups and lead transfers of the period: who took data out or moved it.
  package func accessTable(_ access: AuditAccessLog) -> String {
    var h = "<div class=\"scroll\"><table><thead><tr>"
    h += [
      "audit_access_at", "audit_access_by", "audit_access_what", "audit_access_rows", "audit_access_masking",
      "audit_access_to",
    ].map { "<th>\(esc(labels[$0]))</th>" }.joined()
    h += "</tr></thead><tbody>"
    for e in access.entries {
      let mask = e.masked ? labels["audit_masked"] : "<b>\(esc(labels["audit_unmasked"]))</b>"
      h += "<tr><td>\(esc(time(e.at)))</td><td>\(esc(e.actor ?? "-"))</td><td>\(esc(labels.accessWhat(e)))</td>"
      h += "<td>\(e.rows)</td><td>\(mask)</td><td>\(esc(labels.accessTarget(e.target)))</td></tr>"
    }
    for t in access.transfers {
      h += "<tr><td>\(esc(time(t.at)))</td><td>\(esc(t.actor ?? "-"))</td><td>\(esc(labels["audit_transfers"]))</td>"
      h += "<td>\(t.leads)</td><td>\(esc(t.from)) → \(esc(t.to))</td><td></td></tr>"
    }
    return h + "</tbody></table></div>"
  }

  package func section(_ title: String, _ body: String, cls: String = "card", id: String? = nil) -> String {
    "<section class=\"\(cls)\"\(id.map { " id=\"\($0)\"" } ?? "")><h2>\(esc(title))</h2>\(body)</section>"
  }

  package static let css = """
    *{box-sizing:border-box}body{margin:0;padding:28px 36px;background:#f5f7fa;color:#1f2933;\
    font-family:system-ui,-apple-system,"Segoe UI","Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB",\
    "Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Source Han Sans CN",\
    "WenQuanYi Micro Hei","WenQuanYi Zen Hei","Droid Sans Fallback","AR PL UMing CN",SimHei,sans-serif;font-size:15px}\
    header{display:flex;flex-wrap:wrap;gap:8px;justify-content:space-between;align-items:flex-end;border-bottom:3px solid #1f2933;\
    padding-bottom:12px;margin-bottom:20px}h1{margin:0;font-size:32px}.sub{margin:4px 0 0;color:#6b7785;font-size:16px}\
    .period{text-align:right}.period b{display:block;font-size:22px}.period span{color:#6b7785;font-size:13px}\
    .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(132px,1fr));gap:12px;margin-bottom:20px}\
    .kpi{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}\
    .kpi .k{display:block;color:#6b7785;font-size:13px;min-height:18px}.kpi .v{display:block;font-size:34px;\
    font-weight:700;line-height:1.2}.kpi .n{display:block;color:#6b7785;font-size:13px;min-height:18px}\
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,520px),1fr));gap:16px}\
    .card,.wide{background:#fff;border-radius:8px;padding:14px 18px;box-shadow:0 1px 2px rgba(0,0,0,.08);\
    break-inside:avoid}.wide{margin-top:16px}h2{margin:0 0 10px;font-size:18px}svg{display:block;max-width:100%;\
    height:auto}table{border-collapse:collapse;width:100%;font-size:14px}th{color:#6b7785;font-weight:500;\
    font-size:12px;text-align:right;padding:6px 6px;border-bottom:2px solid #d5dbe1;vertical-align:bottom}\
    td{text-align:right;padding:7px 6px;border-bottom:1px solid #eef1f4;font-variant-numeric:tabular-nums}\
    th:first-child,td:first-child{text-align:left;white-space:nowrap}td i{display:inline-block;width:10px;\
    height:10px;border-radius:2px;margin-right:8px}tr.team td{font-weight:700;border-top:2px solid #1f2933}\
    footer{margin-top:18px;color:#6b7785;font-size:13px}footer h3{margin:0 0 4px;font-size:14px}\
    .empty{font-size:18px;color:#6b7785}.scroll{overflow-x:auto}td small,th small{color:#6b7785;font-weight:400}\
    h3{margin:14px 0 6px;font-size:15px}.heat th,.heat td{padding:4px 2px;text-align:center;min-width:22px;\
    font-size:12px}.heat th:first-child,.heat td:first-child{text-align:left;padding-right:8px}\
    .speed th i{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:4px}\
    td.dist{width:28%;min-width:120px}.stack{display:flex;height:14px;border-radius:3px;overflow:hidden;\
    background:#f1f3f5}.stack span{display:block;height:100%}\
    @media (max-width:640px){body{padding:12px 10px;font-size:14px}h1{font-size:24px}.period{text-align:left}\
    .period b{font-size:18px}.kpis{grid-template-columns:1fr 1fr;gap:8px}.kpi .v{font-size:26px}\
    .card,.wide{padding:10px 10px}table{font-size:13px}}\
    a.kpi{display:block;color:inherit;text-decoration:none}a.kpi:hover{outline:2px solid #1565c0}\
    td a{color:inherit;text-decoration:underline dotted}.list h3{margin:12px 0 4px}.list .top{margin:6px 0 0;text-align:right}\
    .list:target,.list h3:target{outline:2px solid #1565c0;outline-offset:4px}\
    @media print{body{background:#fff;padding:0;font-size:12px}.card,.wide,.kpi{box-shadow:none;border:1px solid #d5dbe1}\
    .grid{gap:10px}@page{size:A4 landscape;margin:12mm}}
    """
}
