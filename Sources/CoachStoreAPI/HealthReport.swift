import CoachCore
import Foundation

/// The health of a coach database: what `coach doctor` reports.
public struct HealthReport: Sendable, Codable, Hashable {
  /// `PRAGMA integrity_check` lines; `["ok"]` when the file is sound.
  public var integrity: [String]
  /// The newest applied schema version, and the newest this binary knows.
  public var schemaVersion: String
  public var knownSchemaVersion: String
  public var journalMode: String
  /// Rows pointing at rows that do not exist, by kind (only kinds with rows).
  public var orphans: [String: Int]
  /// Rows per table.
  public var counts: [String: Int]
  /// Leads whose rows in a trigger-kept table (`delivery`, `last_touch`) differ from their sources, by table (only
  /// tables with such leads); `AppDatabase.rebuildDerived` repairs them.
  public var derived: [String: Int] = [:]

  /// Human-readable problems, in English (the JSON's); empty when healthy.
  public var problems: [String] { problems(.en) }

  /// The problems in `l` (what `coach doctor` lists on stderr); empty when healthy.
  public func problems(_ l: UILanguage) -> [String] {
    var out: [DoctorText] = []
    if integrity != ["ok"] { out.append(.integrityFailed(Array(integrity.prefix(3)))) }
    if schemaVersion != knownSchemaVersion {
      out.append(.schemaDiffers(version: schemaVersion, known: knownSchemaVersion))
    }
    for (kind, n) in orphans.sorted(by: { $0.key < $1.key }) { out.append(.orphanRows(kind: kind, count: n)) }
    for (table, n) in derived.sorted(by: { $0.key < $1.key }) { out.append(.wrongDerivedRows(table: table, leads: n)) }
    return out.map { $0.text(l) }
  }

  public var isHealthy: Bool { problems.isEmpty }

  package init(
    integrity: [String], schemaVersion: String, knownSchemaVersion: String, journalMode: String,
    orphans: [String: Int], counts: [String: Int], derived: [String: Int] = [:]
  ) {
    (self.integrity, self.schemaVersion, self.knownSchemaVersion, self.journalMode) =
      (integrity, schemaVersion, knownSchemaVersion, journalMode)
    (self.orphans, self.counts, self.derived) = (orphans, counts, derived)
  }
}

extension HealthReport {
  /// Output key and table name of every table counted (fixed names, never user input).
  package static let countedTables: [(String, String)] = [
    ("users", "user"), ("customers", "customer"), ("leads", "lead"), ("tags", "leadTag"),
    ("profile_facts", "profileFact"),
    ("stage_events", "stageEvent"), ("touches", "touch"), ("topics", "topic"), ("exports", "exportLog"),
    ("reassignments", "reassignLog"),
  ]

  /// Each kind of dangling reference (`HealthReport.orphans`) and the query counting it, in SQL both engines run.
  package static let orphanQueries: [(String, String)] = [
    ("lead_without_customer", "SELECT COUNT(*) FROM lead WHERE customerId NOT IN (SELECT id FROM customer)"),
    (
      "lead_with_unknown_consultant",
      "SELECT COUNT(*) FROM lead WHERE consultantId IS NOT NULL AND consultantId NOT IN (SELECT id FROM \"user\")"
    ),
    ("touch_without_lead", "SELECT COUNT(*) FROM touch WHERE leadId NOT IN (SELECT id FROM lead)"),
    ("topic_without_lead", "SELECT COUNT(*) FROM topic WHERE leadId NOT IN (SELECT id FROM lead)"),
    ("stage_event_without_lead", "SELECT COUNT(*) FROM stageEvent WHERE leadId NOT IN (SELECT id FROM lead)"),
    ("tag_without_lead", "SELECT COUNT(*) FROM leadTag WHERE leadId NOT IN (SELECT id FROM lead)"),
    (
      "profile_fact_without_customer",
      "SELECT COUNT(*) FROM profileFact WHERE customerId NOT IN (SELECT id FROM customer)"
    ),
    ("lead_without_stage_event", "SELECT COUNT(*) FROM lead WHERE id NOT IN (SELECT leadId FROM stageEvent)"),
    ("customer_without_lead", "SELECT COUNT(*) FROM customer WHERE id NOT IN (SELECT customerId FROM lead)"),
    // A lead owned by someone who left falls out of every queue: move it (`coach lead reassign`).
    (
      "lead_of_deactivated_user",
      "SELECT COUNT(*) FROM lead WHERE consultantId IN (SELECT id FROM \"user\" WHERE deactivatedAt IS NOT NULL)"
    ),
  ]
}
