import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach restore FILE`: replace the database with a backup, keeping a copy of what it replaces.
  struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "restore",
      abstract: "Replace the database with a coach backup; the replaced content is kept beside it.",
      discussion: """
        Refuses (exit 65) a file that is not a coach database, fails its integrity check, or has a schema newer \
        than this coach. An older schema is migrated. Once users exist, only an admin may restore.
        """)
    @Argument(help: "The backup file to restore.") var file: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      // A PostgreSQL database is restored by its server's tools (pg_restore, point-in-time recovery): refused.
      if let url = env.postgres {
        throw CoachError.refused(.backupByServer(restore: true, file: file, url: url.redacted))
      }
      try BackupPaths.refuseSameFile(file, as: env.dbPath)
      _ = try BackupInspector.inspect(path: file)
      let session = try Session.open(env)
      try session.requireAdmin(for: .restore)
      let kept = BackupPaths.keptCopy(of: env.dbPath, at: env.now)
      let summary = try session.db.restore(from: file, keepingCopyAt: kept)
      try session.db.record(
        ExportEntry(
          at: env.now, actor: session.actor, what: "restore", format: "sqlite", rows: summary.leads, masked: false,
          target: file))
      if env.json {
        try Output(env: env).json(BackupJSON(summary, keptCopy: kept))
      } else {
        let out = Output(env: env)
        out.confirm(
          .restored(leads: summary.leads, touches: summary.touches, schema: summary.schemaVersion, file: file))
        out.confirm(.replacedKept(path: kept))
      }
    }
  }
}
