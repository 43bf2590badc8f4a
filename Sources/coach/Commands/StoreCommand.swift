import ArgumentParser
import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach store add|list`: the stores (dealerships) of a dealer group sharing one database.
  struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "store", abstract: "Manage the stores (dealerships) of a dealer group sharing one database.",
      discussion: """
        A database without stores is one showroom. Once stores exist, each user may belong to one \
        (coach user add NAME --role R --store CODE): an admin, team lead or consultant of a store sees only its \
        leads, and a group_admin sees every store.
        """,
      subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a store (a group admin, or an admin of no store).")
      @Argument(help: "The store's code: 1 to 32 letters, digits, - or _ (what --store takes).") var code: String
      @Option(help: "The store's name (default: its code).") var name: String?
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        let store = try UserAdmin.addStore(session, code: code, name: name)
        if env.json {
          try Output(env: env).json(StoreJSON(store, users: 0))
        } else {
          Output(env: env).confirm(.storeAdded(code: store.code, name: store.name))
        }
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the stores and how many users each has.")
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Output.reading(env)
        let stores = try UserAdmin.stores(session)
        let users = try session.db.users()
        let rows = stores.map { s in StoreJSON(s, users: users.filter { $0.storeId == s.id }.count) }
        if env.json {
          try Output(env: env).json(["stores": rows])
        } else {
          let out = Output(env: env)
          let table = TextTable(headers: [.code, .name, .users].map { out.say(.label($0)) })
          print(table.render(rows.map { [$0.code, $0.name, String($0.users)] }))
        }
      }
    }
  }
}

struct StoreJSON: Encodable {
  let code: String
  let name: String
  let users: Int

  init(_ s: StoreInfo, users: Int) {
    (code, name, self.users) = (s.code, s.name, users)
  }
}
