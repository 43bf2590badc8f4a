import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

/// Checks that a file is a coach database this binary can take, before anything is replaced by it.
public enum BackupInspector {
  /// Tables every coach database has had since v1.
  static let coreTables = ["grdb_migrations", "user", "customer", "lead", "touch", "topic", "stageEvent"]

  /// Opens `path` read-only, refusing (exit 65) a missing file or one that is not SQLite.
  static func openReadOnly(path: String) throws -> DatabaseQueue {
    guard FileManager.default.fileExists(atPath: path) else {
      throw CoachError.refused(.backupMissing(path: path))
    }
    do {
      try AppDatabase.checkIsCoachDatabase(path: path)
    } catch {
      throw CoachError.refused(.notADatabase(path: path, backup: true))
    }
    var config = Configuration()
    config.readonly = true
    do {
      return try DatabaseQueue(path: path, configuration: config)
    } catch let error as DatabaseError {
      throw CoachError.refused(.notADatabase(path: path, backup: true, detail: error.message ?? "\(error)"))
    }
  }

  /// Refuses (exit 65) a file that is not a healthy coach database of a schema this binary knows.
  public static func inspect(path: String) throws -> BackupSummary {
    let queue = try openReadOnly(path: path)
    defer { try? queue.close() }
    do {
      return try queue.read { db in
        let missing = try coreTables.filter { try !db.tableExists($0) }
        guard missing.isEmpty else {
          throw CoachError.refused(.notACoachDatabase(path: path, missing: missing))
        }
        try Migrations.refuseNewer(db, path: path)
        let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard check == ["ok"] else {
          throw CoachError.refused(.corruptBackup(path: path, findings: check))
        }
        return try summary(db, path: path)
      }
    } catch let error as DatabaseError {
      throw CoachError.refused(.notADatabase(path: path, backup: true, detail: error.message ?? "\(error)"))
    }
  }

  /// Schema version and row counts of an open coach database.
  static func summary(_ db: Database, path: String) throws -> BackupSummary {
    let applied = try Migrations.appliedVersions(db)
    let version = Migrations.knownVersions.last(where: applied.contains) ?? "none"
    return BackupSummary(
      path: path, schemaVersion: version,
      leads: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead") ?? 0,
      touches: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM touch") ?? 0)
  }
}
