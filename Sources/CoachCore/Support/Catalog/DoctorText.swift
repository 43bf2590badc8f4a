/// The lines of `coach doctor` (text output) and the problems it lists on stderr, in the user's language. The JSON
/// (keys, and its `problems` in English) is the same in every language.
public enum DoctorText: Sendable, Hashable {
  case database(String)
  case rebuilt(String)
  case integrity(String)
  case schema(version: String, known: String, journal: String)
  /// Orphan rows by kind (empty: none).
  case orphans([String: Int])
  /// Leads wrong in each derived table (empty: all right).
  case derived([String: Int])
  case rows([String: Int])
  case overdue(count: Int, of: Int)
  case verdict(healthy: Bool)
  /// One derived table's repair: `nothing to change` or what was rewritten.
  case repaired(table: String, wrongLeads: Int, removed: Int, written: Int)
  /// The problems (`HealthReport.problems`): the integrity check's first lines, a schema this coach does not know,
  /// orphan rows of a kind, leads with wrong rows in a derived table.
  case integrityFailed([String])
  case schemaDiffers(version: String, known: String)
  case orphanRows(kind: String, count: Int)
  case wrongDerivedRows(table: String, leads: Int)

  public func text(_ l: UILanguage) -> String {
    switch self {
    case .database(let path): return Self.line(l.pick("数据库", "database"), path)
    case .rebuilt(let what): return Self.line(l.pick("已重建", "rebuilt"), what)
    case .integrity(let result): return Self.line(l.pick("完整性", "integrity"), result)
    case .schema(let version, let known, let journal):
      return Self.line(
        l.pick("数据库版本", "schema"),
        l.pick(
          "\(version) (本 coach 认识 \(known))，日志模式 \(journal)",
          "\(version) (this coach knows \(known)), journal \(journal)"))
    case .orphans(let orphans):
      let list = orphans.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      return Self.line(l.pick("孤立行", "orphan rows"), orphans.isEmpty ? l.pick("无", "none") : list)
    case .derived(let wrong):
      let list = wrong.sorted { $0.key < $1.key }.map {
        l.pick("\($0.key) \($0.value) 条线索有误", "\($0.key) \($0.value) leads wrong")
      }
      return Self.line(
        l.pick("派生表", "derived"), list.isEmpty ? l.pick("正常", "ok") : list.joined(separator: l.pick("，", ", ")))
    case .rows(let counts):
      // The JSON keeps the keys; the line names each count in the reader's words.
      let zh = [
        "customers": "客户", "exports": "导出", "leads": "线索", "profile_facts": "客户资料", "reassignments": "转移记录",
        "stage_events": "阶段变更", "tags": "标签", "topics": "话题", "touches": "跟进", "users": "用户", "stores": "门店",
      ]
      return Self.line(
        l.pick("行数", "rows"),
        counts.sorted { $0.key < $1.key }.map { "\(l == .zh ? zh[$0.key] ?? $0.key : $0.key) \($0.value)" }
          .joined(separator: l.pick("，", ", ")))
    case .overdue(let count, let seen):
      return Self.line(
        l.pick("逾期", "overdue"), l.pick("你能看到的 \(seen) 条线索中 \(count) 条", "\(count) of \(seen) leads you see"))
    case .verdict(let healthy):
      return healthy ? l.pick("健康", "healthy") : l.pick("发现问题", "problems found")
    case .integrityFailed(let lines):
      return l.pick("完整性检查失败：", "integrity check failed: ") + lines.joined(separator: "; ")
    case .schemaDiffers(let version, let known):
      return l.pick(
        "数据库版本是 \(version)，本 coach 认识 \(known)", "schema is \(version), this coach knows \(known)")
    case .orphanRows(let kind, let count):
      return l.pick("\(count) 行孤立数据：\(kind)", "\(count) orphan rows: \(kind)")
    case .wrongDerivedRows(let table, let leads):
      return l.pick(
        "\(table) 中有 \(leads) 条线索的行有误：用 `coach doctor --rebuild-derived` 修复",
        "\(leads) leads with wrong \(table) rows: repair with `coach doctor --rebuild-derived`")
    case .repaired(let table, let wrongLeads, let removed, let written):
      if removed + written == 0 { return l.pick("\(table) 无需修改", "\(table) nothing to change") }
      return l.pick(
        "\(table) \(wrongLeads) 条线索 (删除 \(removed) 行，写入 \(written) 行)",
        "\(table) \(wrongLeads) leads (\(removed) rows removed, \(written) written)")
    }
  }

  /// `label` padded to 13 columns (a Chinese character takes two), then the value.
  private static func line(_ label: String, _ value: String) -> String {
    label + String(repeating: " ", count: max(1, 13 - DisplayWidth.of(label))) + value
  }
}
