import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

extension AppDatabase {
  /// How many leads the database holds (all of them, whoever asks).
  public func leadCount() throws -> Int {
    try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead") ?? 0 }
  }

  /// Copies the database to `path` with SQLite's online backup: a consistent snapshot even while others write.
  ///
  /// The copy is written beside `path` with mode 0600, made self-contained (rollback journal, no `-wal`),
  /// then renamed into place, so `path` is either the old file or the whole new copy.
  public func backup(to path: String) throws -> BackupSummary {
    let target = URL(fileURLWithPath: path)
    let tmp = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
    try? FileManager.default.removeItem(at: tmp)
    guard FileManager.default.createFile(atPath: tmp.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
      throw CoachError.refused(.unwritable(path: path))
    }
    do {
      let copy = try DatabaseQueue(path: tmp.path)
      try writer.backup(to: copy)
      try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
      let summary = try copy.read { try BackupInspector.summary($0, path: path) }
      try copy.close()
      guard rename(tmp.path, target.path) == 0 else {
        throw CoachError.refused(.unwritable(path: path))
      }
      return summary
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw error
    }
  }

  /// Replaces the whole content of this database with the coach database at `source`, after copying the
  /// current content to `keepingCopyAt`. The source is checked first (see `BackupInspector.inspect`); an
  /// older schema is migrated after the copy. Runs through SQLite's backup API, so other processes see
  /// either the old or the restored database, never a mix.
  public func restore(from source: String, keepingCopyAt keep: String) throws -> BackupSummary {
    let summary = try BackupInspector.inspect(path: source)
    _ = try backup(to: keep)
    let from = try BackupInspector.openReadOnly(path: source)
    try from.backup(to: writer)
    try from.close()
    try Migrations.migrate(writer)
    return summary
  }
}
