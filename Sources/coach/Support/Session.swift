import CoachCore
import CoachStore
import Foundation

/// An open database with the acting user resolved: what every lead command starts from.
struct Session {
  let env: RunEnvironment
  let db: AppDatabase
  /// The acting user; nil on a database without users (everyone acts as an admin).
  let user: User?
  let scope: Scope

  /// Name recorded on writes.
  var actor: String? { user?.name }
  var isAdmin: Bool { user == nil || user?.role == .admin }

  /// Opens the database and resolves `--as` / `COACH_USER`.
  static func open(_ env: RunEnvironment) throws -> Session {
    let db = try AppDatabase.open(path: env.dbPath)
    guard try db.userCount() > 0 else { return Session(env: env, db: db, user: nil, scope: .all) }
    guard let name = env.actingUserName else {
      throw CoachError.refused(.noActingUser)
    }
    guard let user = try db.user(named: name) else {
      throw CoachError.refused(.unknownUser(name: name, known: try db.users().map(\.name).joined(separator: ", ")))
    }
    return Session(env: env, db: db, user: user, scope: Scope.of(user))
  }

  /// Resolves a consultant name to a user id, or throws naming the known consultants.
  func consultantID(_ name: String) throws -> Int64 {
    guard let u = try db.user(named: name), let id = u.id else {
      throw CoachError.refused(.unknownConsultant(name: name, known: try db.users().map(\.name)))
    }
    return id
  }

  /// Whether phone numbers of `lead` are shown in full to the acting user.
  func showsFullPhone(of lead: LeadSnapshot, unmasked: Bool) -> Bool {
    if isAdmin { return unmasked || user == nil || lead.consultant == user?.name }
    return lead.consultant == user?.name
  }
}
