import ArgumentParser
import CoachCore
import CoachStoreAPI
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
      let backup = BackupDatabase(file: file)
      try backup.checkEngine(env)
      let summary = try backup.run(try Session.openExisting(env, for: "coach backup"))
      if env.json {
        try Output(env: env).json(BackupJSON(summary))
      } else {
        Output(env: env).confirm(
          .backedUp(leads: summary.leads, touches: summary.touches, schema: summary.schemaVersion, file: file))
      }
    }
  }
}
