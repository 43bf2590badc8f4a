import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

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
      for (kind, sql) in HealthReport.orphanQueries {
        let n = try Int.fetchOne(db, sql: sql) ?? 0
        if n > 0 { orphans[kind] = n }
      }
      let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
      if fk > 0 { orphans["foreign_key_violations"] = fk }
      var counts: [String: Int] = [:]
      for (key, table) in HealthReport.countedTables where try db.tableExists(table) {
        counts[key] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0
      }
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown"
      return HealthReport(
        integrity: integrity, schemaVersion: version, knownSchemaVersion: known.last ?? "none", journalMode: mode,
        orphans: orphans, counts: counts, derived: try DerivedTables.mismatches(db).filter { $0.value > 0 })
    }
  }
}
