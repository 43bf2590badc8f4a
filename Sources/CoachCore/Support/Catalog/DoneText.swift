/// What a command that changed something says it did, in the user's language.
public enum DoneText: Sendable, Hashable {
  case databaseReady(path: String, users: Int)
  case userAdded(role: Role, name: String, team: String?)
  case storeAdded(code: String, name: String)
  case migrated(rows: Int, store: String)
  case actingAs(name: String, role: Role, savedIn: String)
  case demoLoaded(leads: Int, users: [String], path: String)
  case demoTry(path: String, user: String)
  case imported(count: Int, noun: String, encoding: String, skipped: Int)
  case skippedLine(line: Int, reason: String)
  case newConsultants([String])
  case exported(count: Int, path: String, unmasked: Bool)
  case movedLeads(count: Int, from: String, to: String)
  case backedUp(leads: Int, touches: Int, schema: String, file: String)
  case restored(leads: Int, touches: Int, schema: String, file: String)
  case replacedKept(path: String)
  case snoozed(leadID: LeadID, until: LocalDate, reason: String)
  case snoozeCleared(leadID: LeadID, until: LocalDate)
  /// `coach user passwd`: the password is set and the user's browser sessions have ended.
  case passwordSet(name: String)
  /// `coach user deactivate|activate`: whether the user is active now, and whether that changed anything.
  case userActive(name: String, active: Bool, changed: Bool)
  /// `coach user edit`: the user's role and team as they are now, and whether that changed anything.
  case userEdited(name: String, role: Role, team: String?, changed: Bool)

  public func text(_ l: UILanguage) -> String {
    switch self {
    case .userActive(let name, let active, let changed):
      switch (active, changed) {
      case (false, true):
        return l.pick(
          "已停用 \(name)：不能再操作或登录，浏览器会话和日历订阅已失效；历史记录保留",
          "deactivated \(name): they can no longer act or log in; their browser sessions and calendar feed have ended; "
            + "their history stays")
      case (false, false): return l.pick("\(name) 已经是停用状态", "\(name) was already deactivated")
      case (true, true):
        return l.pick(
          "已恢复 \(name)：可以再操作；登录前请先用 coach user passwd 设置密码",
          "reactivated \(name): they may act again; set a password with coach user passwd before they log in")
      case (true, false): return l.pick("\(name) 本来就在用", "\(name) was already active")
      }
    case .userEdited(let name, let role, let team, let changed):
      let zh = Self.zhRole(role) + "，" + (team.map { $0.hasSuffix("组") ? $0 : $0 + "组" } ?? "不属于任何组")
      let en = role.rawValue + ", " + (team.map { "team \($0)" } ?? "no team")
      return changed
        ? l.pick("已更新 \(name)：\(zh)", "updated \(name): \(en)")
        : l.pick("\(name) 没有变化：本来就是\(zh)", "\(name) unchanged: already \(en)")
    case .databaseReady(let path, let users):
      return l.pick("数据库已就绪：\(path) (\(users) 个用户)", "database ready: \(path) (\(users) users)")
    case .userAdded(let role, let name, let team):
      return l.pick(
        "已添加\(Self.zhRole(role)) \(name)" + (team.map { " (\($0.hasSuffix("组") ? $0 : $0 + "组"))" } ?? ""),
        "added \(role.rawValue) \(name)" + (team.map { " (team \($0))" } ?? ""))
    case .migrated(let rows, let store):
      return l.pick(
        "已复制 \(rows) 行到门店 \(store)，核对无误", "copied \(rows) rows into store \(store); every table checked")
    case .storeAdded(let code, let name):
      return l.pick("已添加门店 \(code) (\(name))", "added store \(code) (\(name))")
    case .actingAs(let name, let role, let path):
      return l.pick(
        "从现在起以 \(name) (\(Self.zhRole(role))) 的身份操作；已保存在 \(path)",
        "acting as \(name) (\(role.rawValue)) from now on; saved in \(path)")
    case .demoLoaded(let leads, let users, let path):
      return l.pick(
        "演示数据：\(leads) 条线索，用户 \(users.joined(separator: "、"))，在 \(path)",
        "demo data: \(leads) leads, users \(users.joined(separator: ", ")) in \(path)")
    case .demoTry(let path, let user):
      return l.pick("试试：coach next --db \(path) --as \(user)", "try: coach next --db \(path) --as \(user)")
    case .imported(let count, let noun, let encoding, let skipped):
      return l.pick(
        "已导入 \(count) \(Self.zhNoun(noun)) (\(encoding))；跳过 \(skipped) 行",
        "imported \(count) \(count == 1 ? Self.singular(noun) : noun) (\(encoding)); skipped \(skipped)")
    case .skippedLine(let line, let reason):
      return l.pick("  第 \(line) 行：\(reason)", "  line \(line): \(reason)")
    case .newConsultants(let names):
      return l.pick("新建的顾问：\(names.joined(separator: "、"))", "new consultants: \(names.joined(separator: ", "))")
    case .exported(let count, let path, let unmasked):
      return l.pick(
        "已导出 \(count) 条线索到 \(path)" + (unmasked ? " (未遮挡电话)" : " (电话已遮挡)"),
        "exported \(count) leads to \(path)" + (unmasked ? " (unmasked)" : " (phones masked)"))
    case .movedLeads(let count, let from, let to):
      return l.pick("已把 \(count) 条线索从 \(from) 转给 \(to)", "moved \(count) leads from \(from) to \(to)")
    case .backedUp(let leads, let touches, let schema, let file):
      return l.pick(
        "已备份 \(leads) 条线索，\(touches) 条跟进 (数据库版本 \(schema)) 到 \(file)",
        "backed up \(leads) leads, \(touches) touches (schema \(schema)) to \(file)")
    case .restored(let leads, let touches, let schema, let file):
      return l.pick(
        "已从 \(file) 恢复 \(leads) 条线索，\(touches) 条跟进 (数据库版本 \(schema))",
        "restored \(leads) leads, \(touches) touches (schema \(schema)) from \(file)")
    case .replacedKept(let path):
      return l.pick("被替换的数据库保留在 \(path)", "the replaced database is kept in \(path)")
    case .snoozed(let id, let until, let reason):
      return l.pick(
        "线索 \(id) 的销售跟进暂停到 \(until) (原因：\(reason))；生日、节日和交车后关怀照常提醒",
        "lead \(id): sales follow-ups snoozed until \(until) (\(reason)); birthdays, holidays and after-delivery care still come due"
      )
    case .snoozeCleared(let id, let until):
      return l.pick(
        "已取消线索 \(id) 的暂停 (原定到 \(until))，跟进恢复", "lead \(id): snooze until \(until) lifted; follow-ups resume")
    case .passwordSet(let name):
      return l.pick(
        "已为 \(name) 设置密码；此前在浏览器里的登录都已失效", "password set for \(name); their browser sessions have ended")
    }
  }

  /// "leads" → "lead", "touches" → "touch": one of what an import counts.
  static func singular(_ noun: String) -> String {
    if noun.hasSuffix("ches") { return String(noun.dropLast(2)) }
    return noun.hasSuffix("s") ? String(noun.dropLast()) : noun
  }

  /// `leads` → 条线索, `touches` → 条跟进记录 (what an import counts).
  static func zhNoun(_ noun: String) -> String {
    noun == "leads" ? "条线索" : noun == "touches" ? "条跟进记录" : noun
  }

  static func zhRole(_ role: Role) -> String {
    switch role {
    case .consultant: return "顾问"
    case .lead: return "主管"
    case .trainer: return "培训师"
    case .admin: return "管理员"
    case .groupAdmin: return "集团管理员"
    }
  }
}
