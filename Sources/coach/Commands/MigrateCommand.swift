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
        Run it again and it copies what the showroom added since, never a row twice, and brings the rows moved \
        before up to the showroom's present state (stages, owners, details, tags). A store takes one showroom: \
        a file whose users or leads are not those moved before is refused. Add the store first \
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
        let out = Output(env: env)
        let table = TextTable(
          headers: [.table, .copied, .alreadyThere, .updated, .removed].map { out.say(.label($0)) })
        print(
          table.render(
            move.tables.map {
              [$0.table, String($0.copied), String($0.before), String($0.updated), String($0.removed)]
            }))
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
    /// Rows moved before and brought up to the showroom's present state by this run.
    let updated: Int
    /// Rows moved before that the showroom no longer has, removed by this run.
    let removed: Int
  }
  let from: String
  let store: String
  let copied: Int
  let tables: [Table]

  init(_ move: StoreMove, from: String) {
    self.from = from
    store = move.store
    tables = move.tables.map {
      Table(table: $0.table, copied: $0.copied, already_there: $0.before, updated: $0.updated, removed: $0.removed)
    }
    copied = move.tables.reduce(0) { $0 + $1.copied }
  }
}
