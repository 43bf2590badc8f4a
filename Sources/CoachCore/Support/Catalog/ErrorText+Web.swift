/// Refusals worded for the web (`coach serve`'s pages and API): where the command line's wording tells the user to
/// run a command (`coach lead reassign …`, `coach user add`) or names a stage by the code `coach stage` takes, the
/// web's names the page and the stage as the pages show them. Options (`--amount`) stay: the server words them as
/// its form labels or JSON fields (`WebWording`).
extension ErrorText {
  public func webText(_ l: UILanguage) -> String {
    // A stage as the pages name it (the default playbook's labels): `已交定金`, `Deposit`.
    let stage = { (s: Stage) in
      l == .zh
        ? UIText.stage(s).text(l)
        : [
          .prospect: "Prospect", .deposit: "Deposit", .waitingForDelivery: "Waiting for delivery",
          .delivered: "Delivered", .churned: "Lost",
        ][s] ?? s.rawValue
    }
    // A role as the pages name it (`销售顾问`, `销售经理`), not the command line's short words (`顾问`, `主管`).
    let role = { (code: String) in
      let r = Role(rawValue: code)
      return l == .zh
        ? r.map { [.consultant: "销售顾问", .lead: "销售经理"][$0] ?? DoneText.zhRole($0) } ?? code
        : r.map { [.consultant: "consultant", .lead: "team lead", .groupAdmin: "group admin"][$0] ?? $0.rawValue }
          ?? code
    }
    switch self {
    case .notAllowed(.teamView, let user, let code):
      return l.pick(
        "团队提醒只给销售经理和管理员看；\(user) 的角色是\(role(code))",
        "the team's alerts are for team leads and admins; \(user) is a \(role(code))")
    case .notAllowed(.audit, let user, let code):
      return l.pick(
        "跟进审计只给销售经理和管理员看；\(user) 的角色是\(role(code))",
        "the follow-up audit is for team leads and admins; \(user) is a \(role(code))")
    case .fromAfterTo(let from, let to):
      return l.pick(
        "开始日期 \(from) 晚于结束日期 \(to)：开始日期要早于或等于结束日期",
        "the first day \(from) is after the last day \(to): give a first day on or before the last")
    case .windowTooLong(let days, let max):
      return l.pick(
        "所选时间段共 \(days) 天，审计一次最多 \(max) 天：请把时间段缩短 (例如按年分开看)",
        "the period spans \(days) days; an audit covers at most \(max): give a shorter period (a year at a time)")
    case .auditOtherTeam(let name, let team):
      return l.pick(
        "\(name) 不在你的团队 (\(team ?? "无"))：销售经理只看本团队的审计",
        "\(name) is not in your team \(team ?? "(none)"); a team lead audits their own team")
    case .notAConsultant(let name, let known):
      let list = known.isEmpty ? l.pick("无", "none") : known.joined(separator: l.pick("、", ", "))
      return l.pick(
        "\(name) 不在审计之列 (审计名下有线索的销售顾问和销售经理)；可审计：\(list)",
        "\(name) is not among those audited (consultants and team leads who hold leads): \(list)")
    case .sameUser(let name):
      return l.pick("转出和转入的都是 \(name)：请选两个不同的人", "both sides are \(name): choose two different people")
    case .snoozeNotAhead(let until, let today):
      return l.pick(
        "暂停到 \(until) 不晚于今天 (\(today))：暂停跟进要到将来的某一天 (最早明天)；要取消暂停请点“取消暂停”",
        "until \(until) is not after today (\(today)): a snooze holds follow-ups until a later day (tomorrow at the "
          + "earliest); “Lift the snooze” ends one")
    case .stillOwnsLeads(let name, let count):
      return l.pick(
        "\(name) 名下还有 \(count) 条线索：先在管理页用“转移全部客户”转给别人，再停用",
        "\(name) still owns \(count) leads: move them first with “Move all leads” on the admin page, then deactivate")
    case .ownsLeadsForRole(let name, let count, let role):
      return l.pick(
        "\(name) 名下还有 \(count) 条线索，\(DoneText.zhRole(role))不负责线索：先在管理页用“转移全部客户”转给别人，再改角色",
        "\(name) still owns \(count) leads and a \(role.rawValue) owns none: move them first with “Move all leads” on the "
          + "admin page, then change the role")
    case .userDeactivated(let name):
      return l.pick(
        "\(name) 已停用：不能再操作、登录或负责线索 (管理员可在管理页恢复)",
        "\(name) is deactivated: they may no longer act, log in or own leads (an admin can bring them back on the admin "
          + "page)")
    case .unknownConsultant(let name, let known):
      let list = known.isEmpty ? l.pick("无", "none") : known.joined(separator: ", ")
      return l.pick(
        "没有名为 \(name) 的用户；管理员可在管理页添加 (已有用户：\(list))",
        "no user named \(name); an admin can add one on the admin page (users: \(list))")
    case .blankText(let option, let required) where option != "TEXT":
      return required
        ? l.pick("\(option) 不能为空：请写上内容", "\(option) must not be empty or blank: write something")
        : l.pick("\(option) 不能为空：请写上内容，或留空不填", "\(option) must not be blank: write something, or leave it empty")
    case .missingAmount:
      return l.pick(
        "改为\(stage(.deposit))需要 --amount (收取的定金，例如 5000)",
        "a change to \(stage(.deposit)) needs --amount (the deposit paid, e.g. 5000)")
    case .missingETA:
      return l.pick(
        "改为\(stage(.waitingForDelivery))需要 --eta (承诺的交车日期)",
        "a change to \(stage(.waitingForDelivery)) needs --eta (the promised delivery day)")
    case .missingReason:
      return l.pick("改为\(stage(.churned))需要选择 --reason", "a change to \(stage(.churned)) needs a --reason")
    case .unexpectedReason:
      return l.pick("--reason 只用于改为\(stage(.churned))", "--reason is only for a change to \(stage(.churned))")
    default:
      return text(l)
    }
  }
}
