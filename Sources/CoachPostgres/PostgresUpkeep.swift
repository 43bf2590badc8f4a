import CoachCore
import CoachStoreAPI
import Foundation

/// `coach doctor` on PostgreSQL: the same counts, orphan checks and derived-table checks as on SQLite
/// (`DerivedTables`), in PostgreSQL's dialect.
enum PGDerived {
  static let columns = PostgresMigrations.lastTouchColumns

  static func lastTouchDiffers(_ kind: Int) -> String {
    """
    (SELECT ROW(\(columns)) FROM lastTouch WHERE leadId = l.id AND kind = \(kind))
      IS DISTINCT FROM (SELECT ROW(t.*) FROM (\(PostgresMigrations.latestTouch(kind, of: "l.id"))) t)
    """
  }

  static let lastTouchWrongLeads = """
    SELECT l.id FROM lead l WHERE \(lastTouchDiffers(0)) OR \(lastTouchDiffers(1))
    UNION
    SELECT leadId FROM lastTouch WHERE kind NOT IN (0, 1) OR leadId NOT IN (SELECT id FROM lead)
    """

  static let staleDeliveries =
    "SELECT eventId FROM (SELECT eventId, at, model FROM delivery EXCEPT \(PostgresMigrations.deliveries)) s"
  static let missingDeliveries =
    "SELECT id FROM (\(PostgresMigrations.deliveries) EXCEPT SELECT eventId, at, model FROM delivery) m"
  static let deliveryWrongLeads = """
    SELECT COUNT(DISTINCT e.leadId) + COUNT(*) FILTER (WHERE e.id IS NULL)
    FROM (\(staleDeliveries) UNION \(missingDeliveries)) k (eventId) LEFT JOIN stageEvent e ON e.id = k.eventId
    """

  static func mismatches(_ c: PGConnection) throws -> [String: Int] {
    [
      "delivery": Int(try c.scalar(deliveryWrongLeads, as: Int64.self) ?? 0),
      "last_touch": Int(try c.scalar("SELECT COUNT(*) FROM (\(lastTouchWrongLeads)) w", as: Int64.self) ?? 0),
    ]
  }

  static func repair(_ c: PGConnection) throws -> [String: DerivedRepair.Change] {
    var out: [String: DerivedRepair.Change] = [:]
    let deliveryLeads = Int(try c.scalar(deliveryWrongLeads, as: Int64.self) ?? 0)
    let removed = try c.execute("DELETE FROM delivery WHERE eventId IN (\(staleDeliveries))")
    let written = try c.execute(
      """
      INSERT INTO delivery (eventId, at, model)
        SELECT * FROM (\(PostgresMigrations.deliveries)) d WHERE id IN (\(missingDeliveries))
      """)
    out["delivery"] = .init(wrongLeads: deliveryLeads, rowsRemoved: removed, rowsWritten: written)
    let wrong = try c.rows(lastTouchWrongLeads).map { try $0.get(0, Int64.self) }
    var change = DerivedRepair.Change(wrongLeads: wrong.count, rowsRemoved: 0, rowsWritten: 0)
    for lead in wrong {
      change.rowsRemoved += try c.execute("DELETE FROM lastTouch WHERE leadId = ?", [lead])
      for kind in [0, 1] {
        change.rowsWritten += try c.execute(
          """
          INSERT INTO lastTouch (\(columns))
            SELECT * FROM (\(PostgresMigrations.latestTouch(kind, of: "?"))) t WHERE EXISTS (SELECT 1 FROM lead WHERE id = ?)
          """, [lead, lead])
      }
    }
    out["last_touch"] = change
    let left = try mismatches(c).filter { $0.value > 0 }
    guard left.isEmpty else {
      throw CoachError.internalError(
        "rebuilding the derived tables left rows that differ (\(left)); nothing was written")
    }
    return out
  }
}

extension PostgresStore {
  /// The health report of `coach doctor`. PostgreSQL has no `PRAGMA integrity_check`: `integrity` is "ok" when every
  /// table and index of the schema is read whole without an error (a sequential scan of each table and a count
  /// through each of its indexes would fail on a damaged page); the journal mode is the server's `wal_level`.
  public func health() throws -> HealthReport {
    try read { c in
      var integrity: [String] = []
      for table in ["meta", "\"user\"", "customer", "lead", "leadTag", "profileFact", "stageEvent", "touch", "topic"]
        + ["exportLog", "reassignLog", "delivery", "lastTouch", "objectionSaid", "webSession", "snooze"]
      {
        do {
          _ = try c.scalar("SELECT COUNT(*) FROM (SELECT * FROM \(table)) t", as: Int64.self)
        } catch {
          integrity.append("\(table): \(PGErrors.describe(error))")
        }
      }
      let applied = try Self.appliedVersions(c)
      let known = PostgresMigrations.names
      let unknown = applied.subtracting(known).sorted()
      let version = unknown.last ?? known.last(where: applied.contains) ?? "none"
      var orphans: [String: Int] = [:]
      for (kind, sql) in HealthReport.orphanQueries {
        let n = Int(try c.scalar(sql, as: Int64.self) ?? 0)
        if n > 0 { orphans[kind] = n }
      }
      var counts: [String: Int] = [:]
      for (key, table) in HealthReport.countedTables {
        let name = table == "user" ? "\"user\"" : table
        counts[key] = Int(try c.scalar("SELECT COUNT(*) FROM \(name)", as: Int64.self) ?? 0)
      }
      let wal = try c.scalar("SELECT current_setting('wal_level')", as: String.self) ?? "unknown"
      return HealthReport(
        integrity: integrity.isEmpty ? ["ok"] : integrity, schemaVersion: version,
        knownSchemaVersion: known.last ?? "none", journalMode: "postgresql (wal_level \(wal))", orphans: orphans,
        counts: counts, derived: try PGDerived.mismatches(c).filter { $0.value > 0 })
    }
  }

  public func derivedMismatches() throws -> [String: Int] {
    try read { c in try PGDerived.mismatches(c) }
  }

  public func rebuildDerived() throws -> DerivedRepair {
    try write { c in DerivedRepair(tables: try PGDerived.repair(c)) }
  }

  // MARK: - Backups are the server's (pg_dump, base backups and WAL archiving): refused, naming them.

  public func backup(to path: String) throws -> BackupSummary {
    throw CoachError.refused(.backupByServer(restore: false, file: path, url: url.redacted))
  }

  public func restore(from source: String, keepingCopyAt keep: String) throws -> BackupSummary {
    throw CoachError.refused(.backupByServer(restore: true, file: source, url: url.redacted))
  }
}

extension PostgresStore: CoachDataStore {}
