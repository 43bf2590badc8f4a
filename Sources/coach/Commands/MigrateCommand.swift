import ArgumentParser
import CoachApp
import CoachCore
import CoachPostgres
import Foundation

extension CoachCommand {
  /// `coach migrate`: a showroom's SQLite database moved into a store of a dealer group's PostgreSQL database.
  struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "migrate",
      abstract: "Copy a showroom's SQLite database into a store of the group's PostgreSQL database.",
      discussion: """
        All or nothing, in one transaction: users (into the store), customers, leads with their tags, stage events, \
        touches, topics, snoozes and logs, each with a new id; every table is counted against the source afterwards. \
        Run it again and it copies only what the showroom added since, never a row twice. Add the store first \
        (coach store add CODE); a user name or external id another store already has is refused.
        """)
    @Option(help: "The showroom's SQLite database.") var from: String
    @Option(help: "The group's PostgreSQL database URL (default: --db / COACH_DB when it is one).") var to: String?
    @Option(help: "The store to move into (its code).") var store: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let move = try MoveStore.run(env, from: from, to: to, store: store)
      if env.json {
        try Output(env: env).json(MigrateJSON(move, from: from))
      } else {
        let table = TextTable(headers: ["table", "copied", "already there"])
        print(table.render(move.tables.map { [$0.table, String($0.copied), String($0.before)] }))
        let total = move.tables.reduce(0) { $0 + $1.copied }
        Output(env: env).confirm(.migrated(rows: total, store: move.store))
      }
    }
  }
}

struct MigrateJSON: Encodable {
  struct Table: Encodable {
    let table: String
    let copied: Int
    let already_there: Int
  }
  let from: String
  let store: String
  let copied: Int
  let tables: [Table]

  init(_ move: StoreMove, from: String) {
    self.from = from
    store = move.store
    tables = move.tables.map { Table(table: $0.table, copied: $0.copied, already_there: $0.before) }
    copied = move.tables.reduce(0) { $0 + $1.copied }
  }
}
