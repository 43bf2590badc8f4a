/// Coach's own words other than refusals, in the user's language: confirmations, labels, triage words and units.
/// Typed keys, so that a word missing in one language is a compile error rather than an English fallback.
public enum UIText: Sendable, Hashable {
  // MARK: - Confirmations
  case stageChanged(leadID: LeadID, from: Stage?, to: Stage)
  case touchRecorded(touchID: Int64, leadID: LeadID, topics: [Int64], issues: [Int64])
  case noNextAgreed
  case leadUpdated(leadID: LeadID)
  /// `coach lead edit` that gave only values the lead already had.
  case leadUnchanged(leadID: LeadID)
  /// `coach audit --out`: what was written where.
  case auditWritten(format: String, consultants: Int, from: LocalDate, to: LocalDate, path: String)
  /// `coach audit --list … --out`: how many follow-ups (or snoozes) were written where; `list` as the playbook names it.
  case auditListWritten(count: Int, list: String, snoozes: Bool, path: String)
  /// `lead show` and the brief: the snooze holding a lead's sales follow-ups.
  case snoozedUntil(LocalDate, reason: String, by: String?)
  /// `coach alerts`: an alert past the playbook's escalation limit (the team lead's attention).
  case escalated

  // MARK: - Triage
  case severity(Severity)
  /// A count of days with its unit: `7.9 天`, `7.9 days`.
  case days(Double)
  /// `逾期 7.9 天`, `7.9 days overdue`; `逾期 20 天`, not `20.0`, as the reason says it.
  case overdueBy(Double)
  /// A lead's tag as shown beside its name: `⚠ 警示`, `VIP`, or the tag as written.
  case tag(String)
  /// `… 12 more (…)` under a cut alerts table.
  case moreAlerts(Int)
  /// `lead show`: edits older than those listed.
  case earlierEdits(Int)
  /// The web lead page: the edits listed are the latest `shown` of `total`.
  case lastEditsShown(Int, of: Int)
  /// `user list`: a role, and whether the user is active (deactivated since a time, already worded).
  case role(Role)
  case userStatus(deactivatedSince: String?)
  /// A team lead's or admin's `coach alerts` lists their own leads: where the team's are.
  case teamAlertsHint
  /// A read of a SQLite path with no file yet (shown on stderr): a mistyped `--db` read as an empty dealership.
  case noDatabaseYet(path: String)
  /// `coach touch --next` before the lead's snooze ends: the snooze was lifted.
  case snoozeLiftedByNext(until: LocalDate)
  case leadCount(Int)
  /// A stage event's note: the ones coach writes itself (`eta changed`, `imported at deposit`) in the user's
  /// language, any other as typed.
  case eventNote(String)
  /// `coach switch` on a delivered lead: the car is the customer's, there is nothing to switch to.
  case noSwitchAfterDelivery
  /// A command line the parser refused: what was wrong, then what is accepted (two lines).
  case badCommandLine(ParserComplaint)

  // MARK: - Playbook lint
  case lintSeverity(LintFinding.Severity)
  /// `2 errors, 1 warnings in 14 files`.
  case lintSummary(errors: Int, warnings: Int, files: Int)
  /// stderr when lint fails.
  case lintFailed(errors: Int, warnings: Int, files: Int)

  // MARK: - Records
  case label(Label)
  case stage(Stage)
  case channel(Channel)
  case outcome(Outcome)

  /// Field and section names of `lead show` and `lead list`.
  public enum Label: Sendable, Hashable, CaseIterable {
    case id, name, phone, wechat, city, birthday, consultant, model, grade, tier, source, tags, profile, stage
    case stages, touches, openTopics, amount, eta, date, reason, next, objections, issue, lastTouch, warning
    case levers, edits, email, gender, status, role, team, store
    /// `coach store list` and `coach migrate`'s report.
    case code, users, table, copied, alreadyThere, updated, removed
  }

  public func text(_ l: UILanguage) -> String {
    switch self {
    case .stageChanged(let id, let from, let to):
      let before = from.map { UIText.stage($0).text(l) } ?? "·"
      return l.pick(
        "线索 \(id): \(before) → \(UIText.stage(to).text(l))", "lead \(id): \(before) → \(UIText.stage(to).text(l))")
    case .touchRecorded(let touchID, let id, let topics, let issues):
      let list = { (ids: [Int64]) in ids.map(String.init).joined(separator: ", ") }
      var parts = [l.pick("已记录线索 \(id) 的跟进 \(touchID)", "recorded touch \(touchID) on lead \(id)")]
      if !topics.isEmpty { parts.append(l.pick("埋下话题 \(list(topics))", "buried topics \(list(topics))")) }
      if !issues.isEmpty { parts.append(l.pick("问题 \(list(issues))", "issues \(list(issues))")) }
      return parts.joined(separator: l.pick("；", "; "))
    case .snoozedUntil(let day, let reason, let by):
      let who = by.map { l.pick("，\($0) 设置", ", set by \($0)") } ?? ""
      return l.pick("销售跟进暂停到 \(day) (原因：\(reason)\(who))", "sales follow-ups snoozed until \(day) (\(reason)\(who))")
    case .escalated:
      return l.pick("已升级", "escalated")
    case .noNextAgreed:
      return l.pick(
        "没有约定下次联系时间：黄金法则第 7 条，请约好 (--next)", "no next contact agreed: golden rule 7 says agree one (--next)")
    case .leadUpdated(let id):
      return l.pick("已更新线索 \(id)", "updated lead \(id)")
    case .leadUnchanged(let id):
      return l.pick("线索 \(id) 没有变化：已经是这些值", "lead \(id) unchanged: it already has these values")
    case .auditWritten(let format, let consultants, let from, let to, let path):
      let zhFormat = ["table": "表格", "csv": "CSV", "json": "JSON", "html": "网页 (HTML)"][format] ?? format
      return l.pick(
        "已把 \(consultants) 位顾问的审计\(zhFormat) (\(from) – \(to)) 写入 \(path)",
        "wrote the \(format) audit of \(consultants) consultants (\(from) – \(to)) to \(path)")
    case .auditListWritten(let count, let list, let snoozes, let path):
      return snoozes
        ? l.pick("已把 \(count) 条暂缓写入 \(path)", "wrote \(count) snoozes to \(path)")
        : l.pick("已把 \(count) 条跟进 (\(list)) 写入 \(path)", "wrote \(count) follow-ups (\(list)) to \(path)")
    case .severity(let s):
      switch s {
      case .high: return l.pick("高", "high")
      case .medium: return l.pick("中", "medium")
      case .low: return l.pick("低", "low")
      }
    case .days(let d):
      return l.pick("\(UILanguage.oneDecimal(d)) 天", "\(UILanguage.oneDecimal(d)) days")
    case .overdueBy(let d):
      // As the reason beside it says it (`已超期 20 天`): tenths, without a zero tenth.
      let n = NumberText.days(d)
      return l.pick("逾期 \(n) 天", n == "1" ? "1 day overdue" : "\(n) days overdue")
    case .tag(let tag):
      switch tag.lowercased() {
      case KnownTag.warning: return l.pick("⚠ 警示", "⚠ warning")
      case KnownTag.vip: return "VIP"
      case KnownTag.fleet: return l.pick("大客户", "fleet")
      case KnownTag.difficult: return l.pick("难缠", "difficult")
      default: return tag
      }
    case .role(let role): return l == .zh ? DoneText.zhRole(role) : role.rawValue
    case .userStatus(let since):
      return since.map { l.pick("已停用 (\($0))", "deactivated \($0)") } ?? l.pick("在用", "active")
    case .earlierEdits(let n):
      return l.pick("… 更早的 \(n) 条修改见 --json", "… \(n) earlier edits: see --json")
    case .lastEditsShown(let shown, let total):
      return l.pick("最近 \(shown) 条，共 \(total) 条", "the latest \(shown) of \(total)")
    case .moreAlerts(let n):
      return l.pick("… 还有 \(n) 条 (--limit N 显示更多，--json 全部)", "… \(n) more (--limit N shows more, --json all)")
    case .snoozeLiftedByNext(let until):
      return l.pick(
        "已解除暂缓 (原定到 \(until))：和客户约定的下次联系时间优先",
        "Snooze lifted (it held until \(until)): the contact agreed with the customer comes first")
    case .noDatabaseYet(let path):
      return l.pick(
        "注意：\(path) 还没有数据库 (第一次写入时才创建)，所以这里是空的；请检查 --db 或 COACH_DB 的路径",
        "note: there is no database at \(path) yet (it is made by the first write), so this is empty; check the "
          + "path given by --db or COACH_DB")
    case .teamAlertsHint:
      return l.pick(
        "这里只列您自己名下的客户；全组的逾期跟进：coach alerts --team", "These are your own leads; the team's: coach alerts --team")
    case .leadCount(let n):
      return l.pick("共 \(n) 条线索", "\(n) leads")
    case .noSwitchAfterDelivery:
      return l.pick("车已交付，不用再转换车型。", "The car has been delivered: there is nothing to switch.")
    case .eventNote(let note):
      if note == StageEvent.etaChangedNote { return l.pick("改了预计交车日期", "ETA changed") }
      if note.hasPrefix(StageEvent.importedPrefix),
        let stage = Stage(rawValue: String(note.dropFirst(StageEvent.importedPrefix.count)))
      {
        return l.pick("导入时已是\(UIText.stage(stage).text(l))", "imported at \(UIText.stage(stage).text(l))")
      }
      return note
    case .badCommandLine(let complaint):
      return complaint.text(l)
    case .lintSeverity(let s):
      return s == .error ? l.pick("错误", "error") : l.pick("警告", "warning")
    case .lintSummary(let e, let w, let f):
      return l.pick("\(f) 个文件中有 \(e) 个错误，\(w) 个警告", "\(e) errors, \(w) warnings in \(f) files")
    case .lintFailed(let e, let w, let f):
      return l.pick(
        "话术库有 \(e) 个错误 (\(w) 个警告，共 \(f) 个文件)：改正上面列出的位置后再试",
        "playbook has \(e) errors, \(w) warnings in \(f) files")
    case .label(let label):
      return Self.label(label, l)
    case .stage(let s):
      switch s {
      // English shows the codes, which are what `coach stage` takes.
      case .prospect: return l.pick("有望客户", s.rawValue)
      case .deposit: return l.pick("已交定金", s.rawValue)
      case .waitingForDelivery: return l.pick("已签约待交车", s.rawValue)
      case .delivered: return l.pick("已交车", s.rawValue)
      case .churned: return l.pick("已流失", s.rawValue)
      }
    case .channel(let c):
      switch c {
      case .call: return l.pick("电话", "call")
      case .sms: return l.pick("短信", "SMS")
      case .wechat: return l.pick("微信", "WeChat")
      case .visit: return l.pick("到店", "visit")
      case .email: return l.pick("邮件", "email")
      case .testDrive: return l.pick("试驾", "test drive")
      }
    case .outcome(let o):
      switch o {
      case .reached: return l.pick("已接通", "reached")
      case .noAnswer: return l.pick("未接通", "no answer")
      case .declined: return l.pick("被拒绝", "declined")
      case .visited: return l.pick("已到店", "visited")
      }
    }
  }

  private static func label(_ label: Label, _ l: UILanguage) -> String {
    switch label {
    case .id: return l.pick("编号", "id")
    case .name: return l.pick("姓名", "name")
    case .phone: return l.pick("电话", "phone")
    case .wechat: return l.pick("微信", "wechat")
    case .city: return l.pick("城市", "city")
    case .birthday: return l.pick("生日", "birthday")
    case .consultant: return l.pick("顾问", "consultant")
    case .model: return l.pick("车型", "model")
    case .grade: return l.pick("级别", "grade")
    case .tier: return l.pick("价值等级", "tier")
    case .source: return l.pick("来源", "source")
    case .tags: return l.pick("标签", "tags")
    case .profile: return l.pick("档案", "profile")
    case .stage: return l.pick("阶段", "stage")
    case .stages: return l.pick("阶段变更", "stages")
    case .touches: return l.pick("跟进记录", "touches")
    case .openTopics: return l.pick("未了结的话题", "open topics")
    case .edits: return l.pick("资料修改", "edits")
    case .email: return l.pick("邮箱", "email")
    case .gender: return l.pick("性别", "gender")
    case .status: return l.pick("状态", "status")
    case .role: return l.pick("角色", "role")
    case .team: return l.pick("小组", "team")
    case .store: return l.pick("门店", "store")
    case .code: return l.pick("代码", "code")
    case .users: return l.pick("用户数", "users")
    case .table: return l.pick("表", "table")
    case .copied: return l.pick("本次复制", "copied")
    case .alreadyThere: return l.pick("之前已有", "already there")
    case .updated: return l.pick("已更新", "updated")
    case .removed: return l.pick("已删除", "removed")
    case .amount: return l.pick("定金", "amount")
    case .eta: return l.pick("预计交车", "eta")
    case .date: return l.pick("日期", "date")
    case .reason: return l.pick("原因", "reason")
    case .next: return l.pick("下次联系", "next")
    case .objections: return l.pick("异议", "objections")
    case .levers: return l.pick("换车理由", "levers")
    case .issue: return l.pick("问题", "issue")
    case .lastTouch: return l.pick("上次联系", "last touch")
    case .warning: return l.pick("警示客户", "WARNING")
    }
  }
}
