import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach backup FILE`: a consistent copy of the database, safe while others write; mode 0600; recorded.
  struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "backup",
      abstract: "Copy the database to FILE (online backup, safe while others write; mode 0600; recorded).",
      discussion: "Once users exist, only an admin may: a backup holds every customer's phone number in full.")
    @Argument(help: "The backup file to write (replaced if it exists).") var file: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      // A PostgreSQL database is backed up by its server's tools (pg_dump, base backups): refused, writing nothing.
      if let url = env.postgres {
        throw CoachError.refused(.backupByServer(restore: false, file: file, url: url.redacted))
      }
      let session = try Session.open(env)
      try session.requireAdmin(for: .backup)
      try BackupPaths.refuseSameFile(file, as: env.dbPath)
      // Recorded first, so the copy carries its own log line and a failed copy still shows as an attempt.
      let leads = try session.db.leadCount()
      try session.db.record(
        ExportEntry(
          at: env.now, actor: session.actor, what: "backup", format: "sqlite", rows: leads, masked: false, target: file)
      )
      let summary = try session.db.backup(to: file)
      if env.json {
        try Output(env: env).json(BackupJSON(summary))
      } else {
        Output(env: env).confirm(
          .backedUp(leads: summary.leads, touches: summary.touches, schema: summary.schemaVersion, file: file))
      }
    }
  }
}

/// `coach backup --json` / `coach restore --json`.
struct BackupJSON: Encodable {
  let file: String
  let schema_version: String
  let leads: Int
  let touches: Int
  var kept_copy: String?

  init(_ s: BackupSummary, keptCopy: String? = nil) {
    file = s.path
    schema_version = s.schemaVersion
    leads = s.leads
    touches = s.touches
    kept_copy = keptCopy
  }
}

enum BackupPaths {
  static func refuseSameFile(_ file: String, as db: String) throws {
    let a = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    let b = URL(fileURLWithPath: db).standardizedFileURL.resolvingSymlinksInPath().path
    if a == b {
      throw CoachError.refused(.sameFile(path: file))
    }
  }

  /// A free path beside the database for the copy a restore keeps: `coach.sqlite.before-restore-20261124T010000Z`.
  static func keptCopy(of db: String, at now: Date) -> String {
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
