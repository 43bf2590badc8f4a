import CoachCore
import CoachStore
import Foundation

/// `coach user add|list` and `coach lead reassign`: the admin's work on accounts, shared by the command line and the
/// server's admin pages (one role check, one store call).
package enum UserAdmin {
  /// Adds a user; once users exist, only an admin may.
  package static func add(_ session: Session, name: String, role: Role, team: String?) throws -> User {
    guard session.isAdmin else {
      throw CoachError.refused(
        .notAllowed(.addUsers, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
    }
    return try session.db.addUser(name: name, role: role, team: team, now: session.env.now)
  }

  /// Moves every lead of `from` to `to` (an admin, or the team lead of both; recorded in the reassignment log).
  package static func reassign(_ session: Session, from: String, to: String) throws -> Reassignment {
    try session.db.reassignLeads(from: from, to: to, acting: session.user, now: session.env.now)
  }

  /// A user as the admin page lists them: whether they can log in yet.
  package struct Listed: Sendable {
    package let user: User
    package let hasPassword: Bool
  }

  /// Every user, by name, and whether each has a password.
  package static func list(_ session: Session) throws -> [Listed] {
    try session.db.users().map { user in
      Listed(user: user, hasPassword: try session.db.userWithPasswordHash(named: user.name)?.hash != nil)
    }
  }
}
