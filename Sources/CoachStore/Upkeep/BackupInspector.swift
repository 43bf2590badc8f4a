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
        try refuseWithoutAdmin(db, path: path)
        return try summary(db, path: path)
      }
    } catch let error as DatabaseError {
      throw CoachError.refused(.notADatabase(path: path, backup: true, detail: error.message ?? "\(error)"))
    }
  }

  /// Refuses a backup that has users but none of them an admin (`Role.isAdmin`): once users exist only an admin may
  /// manage users or restore, so restoring it would lock every admin out. A backup without users (single-user use)
  /// is taken.
  static func refuseWithoutAdmin(_ db: Database, path: String) throws {
    let users = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0
    guard users > 0 else { return }
    let admins = Role.allCases.filter(\.isAdmin).map(\.rawValue)
    let hasAdmin = try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM user WHERE role IN (\(databaseQuestionMarks(count: admins.count))))",
      arguments: StatementArguments(admins))
    if hasAdmin != true { throw CoachError.refused(.backupWithoutAdmin(path: path, users: users)) }
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
