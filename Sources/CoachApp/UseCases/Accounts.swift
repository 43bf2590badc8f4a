import CoachCore
import CoachStoreAPI
import Foundation

/// `coach user passwd` and `coach user ics-token`: secrets a user may set for themself, or an admin for anyone.
package enum Accounts {
  /// Sets `name`'s password (checked, stored as a bcrypt hash) and ends their other browser sessions.
  package static func setPassword(_ session: Session, name: String, password: String, keepingSession: String? = nil)
    throws -> User
  {
    let user = try target(session, name: name, what: .password)
    try Passwords.check(password, name: user.name)
    try session.db.setPasswordHash(
      userID: try id(of: user), hash: Passwords.hash(password), now: session.env.now, keepingSession: keepingSession)
    return user
  }

  /// The acting user's change of their own password on the server: `current`, their password now, confirms it is
  /// them (a borrowed session alone cannot take the account over). Refused, nothing changed, when it is not right.
  /// An admin setting someone's password uses `setPassword`.
  package static func changeOwnPassword(
    _ session: Session, current: String, new password: String, keepingSession: String? = nil
  ) throws -> User {
    guard let user = session.user else { throw CoachError.refused(.noActingUser) }
    let hash = try session.db.userWithPasswordHash(named: user.name)?.hash
    guard Passwords.verify(current, hash: hash ?? Passwords.decoy), hash != nil else {
      throw CoachError.refused(.wrongCurrentPassword)
    }
    return try setPassword(session, name: user.name, password: password, keepingSession: keepingSession)
  }

  /// A new secret calendar-feed path for `name` (`/ics/TOKEN.ics`); the previous one stops working.
  package static func newICSToken(_ session: Session, name: String) throws -> (user: User, path: String) {
    let user = try target(session, name: name, what: .calendarFeed)
    let token = Tokens.random()
    try session.db.setICSTokenHash(userID: try id(of: user), hash: Tokens.hash(token))
    return (user, "/ics/\(token).ics")
  }

  /// The user named `name`, when the acting user is an admin or that user, and `name` is active.
  static func target(_ session: Session, name: String, what: ErrorText.UserSecret) throws -> User {
    guard let user = try session.db.user(named: name), session.reaches(user) else {
      throw CoachError.refused(.unknownConsultant(name: name, known: try session.users().map(\.name)))
    }
    guard session.user != nil else {
      throw CoachError.refused(.secretOfOther(what, name: name, actor: nil, role: ""))
    }
    guard session.isAdmin || session.user?.id == user.id else {
      throw CoachError.refused(
        .secretOfOther(what, name: name, actor: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
    }
    // A user who left gets no new way in (`coach user activate` first).
    guard user.isActive else { throw CoachError.refused(.userDeactivated(name: user.name)) }
    return user
  }

  static func id(of user: User) throws -> Int64 {
    guard let id = user.id else { throw CoachError.internalError("user \(user.name) has no id") }
    return id
  }
}
