import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

/// Secrets are never stored: passwords as bcrypt hashes, session cookies and calendar tokens as SHA-256 hashes
/// (the caller hashes; the store only compares what it is given).
extension AppDatabase {
  /// Sets `user`'s password hash and ends every browser session of theirs but `keepingSession` (a token hash), in
  /// one transaction: whoever had the old password is logged out.
  public func setPasswordHash(userID: Int64, hash: String, now: Date, keepingSession: String? = nil) throws {
    try writer.write { db in
      try db.execute(
        sql: "UPDATE user SET passwordHash = ?, passwordChangedAt = ? WHERE id = ?", arguments: [hash, now, userID])
      try db.execute(
        sql: "DELETE FROM webSession WHERE userId = ? AND tokenHash IS NOT ?", arguments: [userID, keepingSession])
    }
  }

  /// The user named `name` with their password hash (nil when none is set); nil when there is no such user.
  public func userWithPasswordHash(named name: String) throws -> (user: User, hash: String?)? {
    try writer.read { db in
      guard let user = try User.named(name, in: db), let id = user.id else { return nil }
      let hash = try String.fetchOne(db, sql: "SELECT passwordHash FROM user WHERE id = ?", arguments: [id])
      return (user, hash)
    }
  }

  /// How many users can log in to `coach serve`.
  public func usersWithPasswords() throws -> Int {
    try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE passwordHash IS NOT NULL") ?? 0 }
  }

  /// Records a new browser session of `userID` (its cookie's hash), and drops the sessions that have expired.
  public func createWebSession(tokenHash: String, userID: Int64, csrfToken: String, now: Date, expiresAt: Date) throws {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM webSession WHERE expiresAt <= ?", arguments: [now])
      try db.execute(
        sql: "INSERT INTO webSession (tokenHash, userId, csrfToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
        arguments: [tokenHash, userID, csrfToken, now, expiresAt])
    }
  }

  /// The live session whose cookie hashes to `tokenHash` at `now`, with its user; nil when unknown or expired.
  public func webSession(tokenHash: String, now: Date) throws -> WebSession? {
    try writer.read { db in
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: "SELECT userId, csrfToken, expiresAt FROM webSession WHERE tokenHash = ? AND expiresAt > ?"),
          arguments: [tokenHash, now]),
        let user = try User.fetchOne(db, key: row["userId"] as Int64), user.isActive
      else { return nil }
      return WebSession(user: user, csrfToken: row["csrfToken"], expiresAt: row["expiresAt"])
    }
  }

  /// Ends one browser session (logout).
  public func deleteWebSession(tokenHash: String) throws {
    try writer.write { db in try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [tokenHash]) }
  }

  /// Replaces `userID`'s calendar-feed token (its hash): the old feed address stops working.
  public func setICSTokenHash(userID: Int64, hash: String) throws {
    try writer.write { db in
      try db.execute(sql: "UPDATE user SET icsTokenHash = ? WHERE id = ?", arguments: [hash, userID])
    }
  }

  public func setDeactivated(userID: Int64, at: Date?) throws {
    try writer.write { db in
      try db.execute(sql: "UPDATE user SET deactivatedAt = ? WHERE id = ?", arguments: [at, userID])
      guard at != nil else { return }
      try db.execute(sql: "DELETE FROM webSession WHERE userId = ?", arguments: [userID])
      try db.execute(sql: "UPDATE user SET icsTokenHash = NULL, passwordHash = NULL WHERE id = ?", arguments: [userID])
    }
  }

  public func setRoleAndTeam(userID: Int64, role: Role, team: String?) throws {
    try writer.write { db in
      try db.execute(sql: "UPDATE user SET role = ?, team = ? WHERE id = ?", arguments: [role, team, userID])
    }
  }

  /// The user whose calendar-feed token hashes to `hash`.
  public func user(icsTokenHash hash: String) throws -> User? {
    try writer.read { db in
      try User.filter(Column("icsTokenHash") == hash).fetchOne(db).flatMap { $0.isActive ? $0 : nil }
    }
  }
}
