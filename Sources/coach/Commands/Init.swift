import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach init`: create the database (idempotent).
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init", abstract: "Create the database (safe to run again).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let db = try env.openStore()
      let users = try db.userCount()
      if env.json {
        try Output(env: env).json(InitResult(database: env.dbPath, users: users))
      } else {
        Output(env: env).confirm(.databaseReady(path: env.dbPath, users: users))
      }
    }
  }
}

struct InitResult: Encodable {
  let database: String
  let users: Int
}
