import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation

/// An open database with the acting user resolved: what every lead command starts from.
package struct Session: Sendable {
  package let env: RunEnvironment
  package let db: any CoachDataStore
  /// The acting user; nil on a database without users (everyone acts as an admin).
  package let user: User?
  package let scope: Scope
  /// The one store a group's user narrowed this session to (`coach audit --store`).
  package var onlyStore: Int64? = nil

  /// Name recorded on writes.
  package var actor: String? { user?.name }
  package var isAdmin: Bool { user == nil || user?.role.isAdmin == true }

  /// Opens the database and resolves `--as` / `COACH_USER`.
  package static func open(_ env: RunEnvironment, emptyFileIsNew: Bool = false) throws -> Session {
    try open(env, db: try env.openStore(emptyFileIsNew: emptyFileIsNew))
  }

  /// For a command that reads (`next`, `alerts`, `audit`, `lead list`, `import --dry-run`…), or that changes only
  /// what must already be there (a lead's touch, stage, snooze or fields; a user's password), which an empty database
  /// refuses: the database when it exists, else an empty one in memory, so that no file is created. The SQLite file
  /// is created on the first write (CONTRACT.md), not by a read of a path mistyped, nor by a refused change.
  /// `missing` is told when there is no file (the CLI says so on stderr: a mistyped path is not an empty dealership).
  package static func openForReading(_ env: RunEnvironment, missing: ((String) -> Void)? = nil) throws -> Session {
    guard env.postgres != nil || FileManager.default.fileExists(atPath: env.dbPath) else {
      missing?(env.dbPath)
      return try open(env, db: try AppDatabase.inMemory())
    }
    return try open(env)
  }

  /// For a command that checks or copies the database (`doctor`, `backup`, `export`): refused when there is no SQLite file
  /// at the path yet, rather than creating an empty one and reporting on it.
  package static func openExisting(_ env: RunEnvironment, for command: String) throws -> Session {
    guard env.postgres != nil || FileManager.default.fileExists(atPath: env.dbPath) else {
      throw CoachError.refused(.databaseMissing(path: env.dbPath, command: command))
    }
    return try open(env)
  }

  /// The active user whose name is closest to a mistyped `name` (another case, or a letter or two off), if one is: the
  /// only name an unknown acting user is told, never the list.
  package static func suggestion(for name: String, db: any CoachDataStore) throws -> String? {
    let names = try db.users().filter(\.isActive).map(\.name)
    return names.first { $0.lowercased() == name.lowercased() } ?? ParserComplaint.nearest(name, in: names)
  }

  package static func open(_ env: RunEnvironment, db: any CoachDataStore) throws -> Session {
    guard try db.userCount() > 0 else { return Session(env: env, db: db, user: nil, scope: .all) }
    guard let name = env.actingUserName, !UserName.trimmed(name).isEmpty else {
      throw CoachError.refused(.noActingUser)
    }
    guard let user = try db.user(named: name) else {
      throw CoachError.refused(.unknownUser(name: name, suggestion: try suggestion(for: name, db: db)))
    }
    guard user.isActive else { throw CoachError.refused(.userDeactivated(name: user.name)) }
    return Session(env: env, db: db, user: user, scope: Scope.of(user))
  }

  /// The id of the user a lead is given to (`--consultant` of `lead add`/`lead edit`): one the acting user reaches,
  /// who may own leads (`requireOwner`).
  package func ownerID(_ name: String, option: String = "--consultant") throws -> Int64 {
    let (user, id) = try reachable(name)
    try requireOwner(user, option: option)
    return id
  }

  /// Throws unless `user` is an active consultant or team lead: a trainer or an admin owns no leads (given some, they
  /// fell out of every team's alerts and audit), nor does a user who left (deactivated).
  package func requireOwner(_ user: User, option: String) throws {
    guard user.isActive else { throw CoachError.refused(.userDeactivated(name: user.name)) }
    guard !user.role.ownsLeads else { return }
    let owners = try users().filter { $0.role.ownsLeads && $0.isActive }.map(\.name)
    throw CoachError.refused(.cannotOwnLeads(option: option, name: user.name, role: user.role.rawValue, owners: owners))
  }

  /// Resolves a consultant name to a user id, or throws naming the known consultants (of the acting user's store).
  package func consultantID(_ name: String) throws -> Int64 { try reachable(name).id }

  /// The user of that name the acting user reaches, and their id, or the refusal naming the known users.
  private func reachable(_ name: String) throws -> (user: User, id: Int64) {
    guard let u = try db.user(named: name), reaches(u), let id = u.id else {
      throw CoachError.refused(.unknownConsultant(name: name, known: try users().map(\.name)))
    }
    return (u, id)
  }

  /// The store the acting user belongs to (a group admin belongs to none: they span every store).
  package var storeID: Int64? { onlyStore ?? (user?.role == .groupAdmin ? nil : user?.storeId) }

  /// This session narrowed to the store of code `code` (`--store`): a group admin (or an admin of no store) may name
  /// any; a store's own users only their own, which changes nothing.
  package func within(store code: String) throws -> Session {
    let stores = try db.stores()
    guard let store = stores.first(where: { $0.code == code }) else {
      throw CoachError.refused(.unknownStore(code: code, known: stores.filter(sees).map(\.code)))
    }
    if let own = storeID {
      guard own == store.id else {
        throw CoachError.refused(
          .otherStore(actor: actor ?? "", store: stores.first { $0.id == own }?.code ?? String(own)))
      }
      return self
    }
    let narrowed: Scope =
      switch scope {
      case .team(let team, let id, _): .team(team, userID: id, store: store.id)
      case .own: scope
      case .all, .store: .store(store.id)
      }
    return Session(env: env, db: db, user: user, scope: narrowed, onlyStore: store.id)
  }

  /// Whether `other` is within the acting user's store (always, for a user of no store).
  package func reaches(_ other: User) -> Bool {
    guard let storeID else { return true }
    return other.storeId == storeID
  }

  /// Whether `store` is within the acting user's reach: every store for a user of none, else their own.
  package func sees(_ store: StoreInfo) -> Bool { storeID == nil || store.id == storeID }

  /// The users within reach, by name.
  package func users() throws -> [User] {
    try db.users().filter(reaches)
  }

  /// Whether phone numbers of `lead` are shown in full to the acting user.
  package func showsFullPhone(of lead: LeadSnapshot, unmasked: Bool) -> Bool {
    if isAdmin { return unmasked || user == nil || lead.consultant == user?.name }
    return lead.consultant == user?.name
  }
}

extension Session {
  /// `user` acting on an already open database: what the server builds for each request (nil: a database without users).
  package init(env: RunEnvironment, db: any CoachDataStore, acting user: User?) {
    self.init(env: env, db: db, user: user, scope: user.map(Scope.of) ?? .all)
  }
}
