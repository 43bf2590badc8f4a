import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach restore FILE`: replace the database with a backup, keeping a copy of what it replaces.
  struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "restore",
      abstract: "Replace the database with a coach backup; the replaced content is kept beside it.",
      discussion: """
        Refuses (exit 65) a file that is not a coach database, fails its integrity check, has a schema newer \
        than this coach, or has users but no admin. An older schema is migrated. Once users exist, only an admin may restore.
        """)
    @Argument(help: "The backup file to restore.") var file: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let restore = RestoreDatabase(file: file)
      try restore.checkSource(env)
      let (summary, kept) = try restore.run(try Session.open(env, emptyFileIsNew: true))
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
