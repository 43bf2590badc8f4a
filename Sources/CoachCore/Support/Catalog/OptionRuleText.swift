/// Options a command's own check (`validate()`) refuses together or alone, in the user's language: the text of the
/// `ValidationError` it throws, which the command line then reports as a bad command line (exit 64).
public enum OptionRuleText: Sendable, Hashable {
  /// `coach lead add` without `--name` or `--phone` (`option`).
  case required(option: String)
  /// `coach snooze --clear` with `--until` or `--reason`.
  case clearAlone
  /// `coach snooze` without both `--until` and `--reason`.
  case snoozeNeedsUntilAndReason
  /// `--bury-kind` given more often than `--bury`.
  case buryKindsPastTopics(kinds: Int, topics: Int)
  /// `--said` given more often than `--objection`.
  case saidPastObjections(said: Int, objections: Int)
  /// `coach serve --port` outside 0…65535.
  case port
  /// `coach serve --session-seconds` below 1.
  case sessionSeconds
  /// `--limit` below 0.
  case negativeLimit
  /// `--limit` below 1 where a list of none says nothing (`objection`, `alerts`, `lead list`).
  case limitFromOne
  /// `coach export leads --format xlsx` without `--out`.
  case xlsxNeedsOut
  /// `coach user passwd` without `--password-stdin`.
  case passwordOnStdin
  /// `coach demo --leads` outside 1…1000000.
  case demoLeads
  /// `coach audit --json --format F` (F not json) without `--out`.
  case jsonWithFormat(format: String)
  /// `coach audit --list --format html`.
  case listNotHTML
  /// `coach audit --list --compare`.
  case compareWithList
  /// `coach user passwd NAME --password-stdin` with nothing on standard input.
  case noPasswordOnStdin(name: String)
  /// `coach user edit` with neither `--role` nor `--team`/`--no-team`, or with both `--team` and `--no-team`.
  case userEditNeedsAChange
  case teamOrNoTeam
  /// `coach import … --sheet S` of a file read as CSV.
  case sheetOfCSV(path: String)

  /// What was wrong and what is accepted, in one line.
  public func text(_ l: UILanguage) -> String {
    switch self {
    case .required(let option):
      let what = option == "--name" ? "客户姓名" : "客户电话"
      return l.pick("缺少 \(option) (\(what))", "\(option) is required")
    case .clearAlone:
      return l.pick(
        "--clear 是解除暂停：不要同时写 --until 和 --reason", "--clear lifts a snooze: give it without --until and --reason")
    case .snoozeNeedsUntilAndReason:
      return l.pick(
        "暂停跟进需要 --until YYYY-MM-DD 和 --reason 原因 (解除暂停用 --clear)",
        "a snooze needs --until YYYY-MM-DD and --reason TEXT (or --clear to lift one)")
    case .buryKindsPastTopics(let kinds, let topics):
      return l.pick(
        "--bury-kind 写了 \(kinds) 次，--bury 只有 \(topics) 个：每个话题后面写一个类型",
        "--bury-kind given \(kinds) times for \(topics) --bury: give one kind after each topic")
    case .saidPastObjections(let said, let objections):
      return l.pick(
        "--said 写了 \(said) 次，--objection 只有 \(objections) 个：每个异议代码后面写一句客户的原话",
        "--said given \(said) times for \(objections) --objection: give the customer's words after each code")
    case .port:
      return l.pick("--port 须在 0…65535 之间", "--port must be 0…65535")
    case .sessionSeconds:
      return l.pick("--session-seconds 至少为 1", "--session-seconds must be 1 or more")
    case .negativeLimit:
      return l.pick("--limit 不能为负数：请写 0 或更大的数", "--limit must be 0 or more")
    case .limitFromOne:
      return l.pick("--limit 至少为 1 (最多列出几条)", "--limit must be 1 or more (the most to list)")
    case .xlsxNeedsOut:
      return l.pick(
        "--format xlsx 生成的是工作簿文件，不是文本：请用 --out 文件.xlsx 指定文件",
        "--format xlsx writes a workbook, not text: give --out FILE.xlsx")
    case .passwordOnStdin:
      return l.pick(
        "请加 --password-stdin 并从标准输入给出密码 (写在命令行上的密码别人看得见)",
        "give --password-stdin and the password on standard input (a password on the command line is seen by others)")
    case .demoLeads:
      return l.pick("--leads 须在 1 到 1000000 之间", "--leads must be between 1 and 1000000")
    case .jsonWithFormat(let format):
      return l.pick(
        "--json 输出的是 JSON：去掉 --format \(format)，或加 --out 文件 把它写进文件",
        "--json prints JSON: drop --format \(format), or add --out FILE to write it to a file")
    case .listNotHTML:
      return l.pick(
        "--list 输出表格、JSON 或 CSV：请用 --format table、json 或 csv (不支持 html)",
        "--list prints a table, JSON or CSV: use --format table, json or csv (not html)")
    case .compareWithList:
      return l.pick(
        "--compare 是把整份考核与上一期对比：和 --list 一起用时请去掉它",
        "--compare sets the whole audit beside the period before; drop it with --list")
    case .userEditNeedsAChange:
      return l.pick(
        "没有要修改的内容：请给 --role、--team 或 --no-team (见 coach user edit --help)",
        "nothing to change: give --role, --team or --no-team (see coach user edit --help)")
    case .teamOrNoTeam:
      return l.pick("--team 和 --no-team 只能给一个", "give --team T or --no-team, not both")
    case .noPasswordOnStdin(let name):
      return l.pick(
        "标准输入里没有密码：请用管道给出一行，例如 `printf '%s\\n' \"$PW\" | coach user passwd \(name) --password-stdin`",
        "no password on standard input: pipe one line, e.g. `printf '%s\\n' \"$PW\" | coach user passwd \(name) --password-stdin`"
      )
    case .sheetOfCSV(let path):
      return l.pick("--sheet 只用于 .xlsx 文件；\(path) 按 CSV 读取", "--sheet is for .xlsx files; \(path) is read as CSV")
    }
  }
}
