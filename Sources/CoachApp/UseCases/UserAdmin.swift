import CoachCore
import CoachStoreAPI
import Foundation

/// `coach user add|list` and `coach lead reassign`: the admin's work on accounts, shared by the command line and the
/// server's admin pages (one role check, one store call).
package enum UserAdmin {
  /// Adds a user; once users exist, only an admin may. A store's admin adds users to their own store (the default);
  /// a group admin (or an admin of no store) names the store with `store` (a code), or none, and alone may add a
  /// `group_admin`, who belongs to no store.
  package static func add(_ session: Session, name: String, role: Role, team: String?, store: String? = nil) throws
    -> User
  {
    guard session.isAdmin else {
      throw CoachError.refused(
        .notAllowed(.addUsers, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
    }
    if role == .groupAdmin {
      guard session.storeID == nil else {
        throw CoachError.refused(
          .notAllowed(.addStores, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
      }
      guard store == nil else { throw CoachError.refused(.groupAdminHasNoStore) }
    }
    let name = UserName.trimmed(name)
    guard UserName.isTypeable(name) else { throw CoachError.refused(.badUserName(name: name)) }
    let storeID = try store.map { try session.within(store: $0).storeID } ?? session.storeID
    return try session.db.addUser(
      name: name, role: role, team: try FreeText.tidy(team, option: "--team"), storeID: storeID, now: session.env.now)
  }

  /// What `coach user edit` changes: the role, the team (`.some(nil)`: no team), or both.
  package struct Change: Sendable {
    package var role: Role?
    package var team: String??

    package init(role: Role? = nil, team: String?? = nil) { (self.role, self.team) = (role, team) }
  }

  /// Changes a user's role or team (an admin of their store): a consultant promoted to team lead, moved to another
  /// team, or a team lead back to selling. Refused for one's own role (an admin is always left), for a role that owns
  /// no leads while the user owns some (move them first with `reassign`), and to or from `group_admin`, who belongs
  /// to no store. The team a consultant is in decides which team lead sees their leads and where the audit counts
  /// them, from now on and for the periods before. Returns the user as now, and whether anything changed.
  package static func edit(_ session: Session, name: String, _ change: Change) throws -> (user: User, changed: Bool) {
    guard session.isAdmin else {
      throw CoachError.refused(
        .notAllowed(.editUsers, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
    }
    guard let user = try session.db.user(named: name), session.reaches(user), let id = user.id else {
      throw CoachError.refused(.unknownConsultant(name: name, known: try session.users().map(\.name)))
    }
    let role = change.role ?? user.role
    // Trimmed, as on `add` (" A " had made a team of its own that A's lead never saw).
    let team = try change.team.map { try FreeText.tidy($0, option: "--team") } ?? user.team
    if role != user.role {
      if user.role == .groupAdmin || role == .groupAdmin {
        throw CoachError.refused(.groupAdminRoleFixed(name: user.name, current: user.role))
      }
      if user.name == session.actor { throw CoachError.refused(.cannotChangeOwnRole(name: user.name)) }
      if !role.ownsLeads {
        let owned = try session.db.leadIDs(LeadFilter(scope: .all, consultantID: id)).count
        if owned > 0 { throw CoachError.refused(.ownsLeadsForRole(name: user.name, count: owned, role: role)) }
      }
    }
    guard role != user.role || team != user.team else { return (user, false) }
    try session.db.setRoleAndTeam(userID: id, role: role, team: team)
    var now = user
    now.role = role
    now.team = team
    return (now, true)
  }

  /// Adds a store of the group (a group admin, or an admin of no store).
  package static func addStore(_ session: Session, code: String, name: String?) throws -> StoreInfo {
    guard session.isAdmin, session.storeID == nil else {
      throw CoachError.refused(
        .notAllowed(.addStores, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
    }
    let allowed = code.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
    }
    guard allowed, (1...32).contains(code.count) else { throw CoachError.refused(.badStoreCode(code: code)) }
    let title = try FreeText.tidy(name, option: "--name")
    return try session.db.addStore(code: code, name: title ?? code, now: session.env.now)
  }

  /// The stores the acting user may see: all of them, or their own.
  package static func stores(_ session: Session) throws -> [StoreInfo] {
    try session.db.stores().filter(session.sees)
  }

  /// Moves every lead of `from` to `to` (an admin, or the team lead of both; recorded in the reassignment log), both
  /// within the acting user's store.
  package static func reassign(_ session: Session, from: String, to: String) throws -> Reassignment {
    for name in [from, to] {
      guard let user = try session.db.user(named: name) else { continue }
      if !session.reaches(user) {
        throw CoachError.refused(.unknownConsultant(name: name, known: try session.users().map(\.name)))
      }
      if name == to { try session.requireOwner(user, option: "--to") }
    }
    return try session.db.reassignLeads(from: from, to: to, acting: session.user, now: session.env.now)
  }

  /// Deactivates a user who left (`active` false) or brings one back (an admin of their store): a deactivated user
  /// may not act, log in or own leads, and their history stays. Refused while they own leads (move them first with
  /// `reassign`) and for oneself (so an active admin is always left). Returns the user as they are now, and whether
  /// anything changed.
  package static func setActive(_ session: Session, name: String, active: Bool) throws -> (user: User, changed: Bool) {
    guard session.isAdmin else {
      throw CoachError.refused(
        .notAllowed(.deactivateUsers, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
    }
    guard let user = try session.db.user(named: name), session.reaches(user), let id = user.id else {
      throw CoachError.refused(.unknownConsultant(name: name, known: try session.users().map(\.name)))
    }
    guard user.isActive != active else { return (user, false) }
    if !active {
      // The acting admin is active: any other admin deactivated leaves one.
      if user.name == session.actor { throw CoachError.refused(.cannotDeactivateSelf(name: name)) }
      let owned = try session.db.leadIDs(LeadFilter(scope: .all, consultantID: id)).count
      if owned > 0 { throw CoachError.refused(.stillOwnsLeads(name: name, count: owned)) }
    }
    var now = user
    now.deactivatedAt = active ? nil : session.env.now
    try session.db.setDeactivated(userID: id, at: now.deactivatedAt)
    return (now, true)
  }

  /// A user as the admin page lists them: whether they can log in yet.
  package struct Listed: Sendable {
    package let user: User
    package let hasPassword: Bool
  }

  /// Every user, by name, and whether each has a password.
  package static func list(_ session: Session) throws -> [Listed] {
    try session.users().map { user in
      Listed(user: user, hasPassword: try session.db.userWithPasswordHash(named: user.name)?.hash != nil)
    }
  }
}
