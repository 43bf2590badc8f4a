import ArgumentParser
import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation

extension Role: ExpressibleByArgument {}

extension CoachCommand {
  /// `coach user add|list`.
  struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "user", abstract: "Manage users (consultants, team leads, trainers, admins).",
      subcommands: [
        Add.self, Edit.self, List.self, Use.self, Passwd.self, ICSToken.self, Deactivate.self, Activate.self,
      ])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user; once users exist, only an admin may.")
      @Argument(help: "The user's name (what --as takes).") var name: String
      @Option(help: "consultant, lead, trainer, admin or group_admin (every store of a dealer group).") var role: Role
      @Option(help: "Team name (a lead sees their team's leads).") var team: String?
      @Option(help: "The store of a dealer group (its code; default: the acting admin's own).") var store: String?
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        let user = try UserAdmin.add(session, name: name, role: role, team: team, store: store)
        if env.json {
          try Output(env: env).json(UserJSON(user, stores: try session.db.stores()))
        } else {
          Output(env: env).confirm(.userAdded(role: user.role, name: user.name, team: user.team))
        }
      }
    }

    struct Edit: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a user's role or team (an admin): a consultant moved to another team, or made a team lead.",
        discussion: """
          The team decides which team lead sees a consultant's leads, and where the audit counts them (for past \
          periods too). A user who owns leads keeps the role consultant or lead until they are moved (coach lead \
          reassign); nobody changes their own role.
          """)
      @Argument(help: "The user's name.") var name: String
      @Option(help: "consultant, lead, trainer or admin.") var role: Role?
      @Option(help: "The team to move them to.") var team: String?
      @Flag(help: "Take them out of any team.") var noTeam = false
      @OptionGroup var global: GlobalOptions

      func validate() throws {
        if team != nil && noTeam { throw ValidationError(OptionRuleText.teamOrNoTeam.text(global.ui)) }
        if role == nil && team == nil && !noTeam {
          throw ValidationError(OptionRuleText.userEditNeedsAChange.text(global.ui))
        }
      }

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        let change = UserAdmin.Change(role: role, team: noTeam ? .some(nil) : team.map { .some($0) })
        let (user, changed) = try UserAdmin.edit(session, name: name, change)
        if env.json {
          try Output(env: env).json(
            UserActiveJSON(user: UserJSON(user, stores: try session.db.stores()), changed: changed))
        } else {
          Output(env: env).confirm(.userEdited(name: user.name, role: user.role, team: user.team, changed: changed))
        }
      }
    }

    struct Use: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Save the default acting user for this OS account (--as and COACH_USER still win).")
      @Argument(help: "An existing user's name.") var name: String
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let db = try env.openStore()
        guard let user = try db.user(named: name) else {
          // Not listed: whoever saves a default user here has not said who they are yet.
          throw CoachError.refused(.unknownUser(name: name, suggestion: try Session.suggestion(for: name, db: db)))
        }
        guard user.isActive else { throw CoachError.refused(.userDeactivated(name: user.name)) }
        try SavedUser.write(user.name, to: env.configPath)
        if env.json {
          try Output(env: env).json(UserJSON(user))
        } else {
          Output(env: env).confirm(.actingAs(name: user.name, role: user.role, savedIn: env.configPath))
        }
      }
    }

    struct Deactivate: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract:
          "Deactivate a user who left (an admin): they can no longer act, log in or own leads; their history stays. "
          + "Move their leads first (coach lead reassign).")
      @Argument(help: "The user's name.") var name: String
      @OptionGroup var global: GlobalOptions

      func run() throws { try UserCommand.setActive(name, active: false, global) }
    }

    struct Activate: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "activate",
        abstract: "Bring back a deactivated user (an admin); they need a new password to log in.")
      @Argument(help: "The user's name.") var name: String
      @OptionGroup var global: GlobalOptions

      func run() throws { try UserCommand.setActive(name, active: true, global) }
    }

    static func setActive(_ name: String, active: Bool, _ global: GlobalOptions) throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      let (user, changed) = try UserAdmin.setActive(session, name: name, active: active)
      if env.json {
        try Output(env: env).json(UserActiveJSON(user: UserJSON(user), changed: changed))
      } else {
        Output(env: env).confirm(.userActive(name: user.name, active: active, changed: changed))
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Output.reading(env)
        let users = try session.users()
        let stores = try session.db.stores()
        if env.json {
          try Output(env: env).json(["users": users.map { UserJSON($0, stores: stores) }])
        } else {
          // Headers and roles in the user's words; a status column once someone left, a store column in a group.
          let out = Output(env: env)
          let word = { (label: UIText.Label) in out.say(.label(label)) }
          let left = users.contains { !$0.isActive }
          let headers =
            [word(.name), word(.role), word(.team)] + (stores.isEmpty ? [] : [word(.store)])
            + (left ? [word(.status)] : [])
          print(
            TextTable(headers: headers).render(
              users.map { u in
                [u.name, out.say(.role(u.role)), u.team ?? ""]
                  + (stores.isEmpty ? [] : [stores.first { $0.id == u.storeId }?.code ?? ""])
                  + (left ? [out.say(.userStatus(deactivatedSince: u.deactivatedAt.map { out.time($0) }))] : [])
              }))
        }
      }
    }
  }
}

struct UserJSON: Encodable {
  let name: String
  let role: String
  let team: String?
  /// The user's store code in a dealer group; absent for a user of no store.
  let store: String?
  /// False once an admin deactivated the user.
  let active: Bool
  /// When they were deactivated (UTC ISO 8601); absent while active.
  let deactivatedAt: Date?

  enum CodingKeys: String, CodingKey {
    case name, role, team, store, active
    case deactivatedAt = "deactivated_at"
  }

  init(_ u: User, stores: [StoreInfo] = []) {
    name = u.name
    role = u.role.rawValue
    team = u.team
    store = u.storeId.flatMap { id in stores.first { $0.id == id }?.code }
    active = u.isActive
    deactivatedAt = u.deactivatedAt
  }
}

/// `coach user deactivate|activate|edit --json`: the user as now, and whether anything changed.
struct UserActiveJSON: Encodable {
  let user: UserJSON
  let changed: Bool
}
