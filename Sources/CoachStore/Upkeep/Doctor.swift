import CoachCore
import Foundation
import GRDB

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

  /// Human-readable problems; empty when healthy.
  public var problems: [String] {
    var out: [String] = []
    if integrity != ["ok"] { out.append("integrity check failed: " + integrity.prefix(3).joined(separator: "; ")) }
    if schemaVersion != knownSchemaVersion {
      out.append("schema is \(schemaVersion), this coach knows \(knownSchemaVersion)")
    }
    for (kind, n) in orphans.sorted(by: { $0.key < $1.key }) { out.append("\(n) orphan rows: \(kind)") }
    for (table, n) in derived.sorted(by: { $0.key < $1.key }) {
      out.append("\(n) leads with wrong \(table) rows: repair with `coach doctor --rebuild-derived`")
    }
    return out
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

extension AppDatabase {
  /// Checks integrity, schema version, orphan rows and the trigger-kept tables, and counts rows; reads only.
  /// A file too damaged to read at all is rejected (exit 65) with the SQLite message.
  public func health() throws -> HealthReport {
    do {
      return try readHealth()
    } catch let error as DatabaseError {
      throw CoachError.refused(.damagedDatabase(detail: error.message ?? "\(error)"))
    }
  }

  func readHealth() throws -> HealthReport {
    try writer.read { db in
      let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      let applied = try Migrations.appliedVersions(db)
      let known = Migrations.knownVersions
      let unknown = applied.subtracting(known).sorted()
      let version = unknown.last ?? known.last(where: applied.contains) ?? "none"
      var orphans: [String: Int] = [:]
      for (kind, sql) in Self.orphanQueries {
        let n = try Int.fetchOne(db, sql: sql) ?? 0
        if n > 0 { orphans[kind] = n }
      }
      let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
      if fk > 0 { orphans["foreign_key_violations"] = fk }
      var counts: [String: Int] = [:]
      for (key, table) in Self.countedTables where try db.tableExists(table) {
        counts[key] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0
      }
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown"
      return HealthReport(
        integrity: integrity, schemaVersion: version, knownSchemaVersion: known.last ?? "none", journalMode: mode,
        orphans: orphans, counts: counts, derived: try DerivedTables.mismatches(db).filter { $0.value > 0 })
    }
  }

  /// Output key and table name of every table counted (fixed names, never user input).
  package static let countedTables: [(String, String)] = [
    ("users", "user"), ("customers", "customer"), ("leads", "lead"), ("tags", "leadTag"),
    ("profile_facts", "profileFact"),
    ("stage_events", "stageEvent"), ("touches", "touch"), ("topics", "topic"), ("exports", "exportLog"),
    ("reassignments", "reassignLog"),
  ]

  /// Each kind of dangling reference and the query counting it.
  static let orphanQueries: [(String, String)] = [
    ("lead_without_customer", "SELECT COUNT(*) FROM lead WHERE customerId NOT IN (SELECT id FROM customer)"),
    (
      "lead_with_unknown_consultant",
      "SELECT COUNT(*) FROM lead WHERE consultantId IS NOT NULL AND consultantId NOT IN (SELECT id FROM user)"
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
  ]
}
