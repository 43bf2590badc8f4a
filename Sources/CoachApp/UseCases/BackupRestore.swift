import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation

/// `coach backup FILE`: a consistent copy of a SQLite database, safe while others write; mode 0600; recorded.
/// Once users exist only an admin may: a backup holds every customer's phone number in full.
package struct BackupDatabase: Sendable {
  /// The backup file to write (replaced if it exists).
  package var file: String

  package init(file: String) { self.file = file }

  /// Refuses, before the database is opened, what no session can change: a PostgreSQL database (its server's
  /// tools back it up). The CLI checks this before it opens the database, `run` again for every other caller.
  package func checkEngine(_ env: RunEnvironment) throws {
    if let url = env.postgres {
      throw CoachError.refused(.backupByServer(restore: false, file: file, url: url.redacted))
    }
  }

  /// Copies the database to `file`. Recorded first, so the copy carries its own log line and a failed copy still
  /// shows as an attempt.
  package func run(_ session: Session) throws -> BackupSummary {
    let env = session.env
    try checkEngine(env)
    try session.requireAdmin(for: .backup)
    try BackupPaths.checkOutput(file, env: env)
    let leads = try session.db.leadCount()
    try session.db.record(
      ExportEntry(
        at: env.now, actor: session.actor, what: "backup", format: "sqlite", rows: leads, masked: false, target: file))
    return try session.db.backup(to: file)
  }
}

/// `coach restore FILE`: replaces a SQLite database with a coach backup, keeping a copy of what it replaces beside
/// it. Refuses a file that is not a coach database, fails its integrity check, has a schema newer than this coach,
/// or has users but no admin (it would lock the admins out); an older schema is migrated. Once users exist only an
/// admin may.
package struct RestoreDatabase: Sendable {
  /// The backup file to restore.
  package var file: String

  package init(file: String) { self.file = file }

  /// Refuses, before the database is opened (and created), what no session can change: a PostgreSQL database (its
  /// server's tools restore it), the database itself, a file that is not a usable backup. The CLI checks this
  /// before it opens the database; `run` checks the engine and the file's name again for every other caller (the
  /// store inspects the backup again as it restores).
  package func checkSource(_ env: RunEnvironment) throws {
    try checkEngineAndName(env)
    _ = try BackupInspector.inspect(path: file)
  }

  /// Restores `file`; returns what it holds and where the replaced content was kept. Recorded after the restore,
  /// in the restored database.
  package func run(_ session: Session) throws -> (summary: BackupSummary, keptCopy: String) {
    let env = session.env
    try checkEngineAndName(env)
    try session.requireAdmin(for: .restore)
    let kept = BackupPaths.keptCopy(of: env.dbPath, at: env.now)
    let summary = try session.db.restore(from: file, keepingCopyAt: kept)
    try session.db.record(
      ExportEntry(
        at: env.now, actor: session.actor, what: "restore", format: "sqlite", rows: summary.leads, masked: false,
        target: file))
    return (summary, kept)
  }

  private func checkEngineAndName(_ env: RunEnvironment) throws {
    if let url = env.postgres {
      throw CoachError.refused(.backupByServer(restore: true, file: file, url: url.redacted))
    }
    try BackupPaths.refuseSameFile(file, as: env.dbPath)
  }
}

/// `coach backup --json` / `coach restore --json`.
package struct BackupJSON: Encodable {
  let file: String
  let schema_version: String
  let leads: Int
  let touches: Int
  var kept_copy: String?

  package init(_ s: BackupSummary, keptCopy: String? = nil) {
    file = s.path
    schema_version = s.schemaVersion
    leads = s.leads
    touches = s.touches
    kept_copy = keptCopy
  }
}

/// The paths of a backup and a restore: never the database itself; a free name for the copy a restore keeps.
package enum BackupPaths {
  package static func refuseSameFile(_ file: String, as db: String) throws {
    let a = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    let b = URL(fileURLWithPath: db).standardizedFileURL.resolvingSymlinksInPath().path
    if a == b {
      throw CoachError.refused(.sameFile(path: file))
    }
    // SQLite's files beside the database: a backup written there was deleted when the database closed.
    if ["-wal", "-shm", "-journal"].contains(where: { a == b + $0 }) {
      throw CoachError.refused(.databaseCompanion(path: file, db: db))
    }
  }

  /// Refuses a file a command is to write (`export --out`, `audit --out`, a backup) before anything is written or
  /// recorded: the database itself or one of its own files (an export written over the database replaced every lead
  /// with a CSV, "exported"), a folder, or a path whose folder does not exist.
  package static func checkOutput(_ file: String, env: RunEnvironment) throws {
    if env.postgres == nil { try refuseSameFile(file, as: env.dbPath) }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
      throw CoachError.refused(.outputIsFolder(path: file))
    }
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw CoachError.refused(.unwritable(path: file))
    }
  }

  /// A free path beside the database for the copy a restore keeps: `coach.sqlite.before-restore-20261124T010000Z`.
  package static func keptCopy(of db: String, at now: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    let base = "\(db).before-restore-\(f.string(from: now))"
    var candidate = base
    var n = 2
    while FileManager.default.fileExists(atPath: candidate) {
      candidate = "\(base)-\(n)"
      n += 1
    }
    return candidate
  }
}
