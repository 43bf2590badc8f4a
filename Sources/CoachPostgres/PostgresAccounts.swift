import CoachCore
import CoachStoreAPI
import Foundation

/// Users, passwords, browser sessions and calendar tokens (schema v1 and v7-serve), as `AppDatabase` keeps them.
enum PGUsers {
  static let columns = "id, name, role, team, createdAt, storeId, deactivatedAt"

  static func user(_ row: PGRow) throws -> User {
    let role = try row.get(2, String.self)
    guard let parsed = Role(rawValue: role) else { throw CoachError.internalError("unknown role \(role) in \"user\"") }
    return User(
      id: try row.get(0, Int64.self), name: try row.get(1, String.self), role: parsed, team: try row.text(3),
      createdAt: try row.get(4, Date.self), storeId: try row.int(5), deactivatedAt: try row.date(6))
  }

  static func named(_ c: PGConnection, _ name: String) throws -> User? {
    try c.rows("SELECT \(columns) FROM \"user\" WHERE name = ?", [name]).first.map(user)
  }

  static func existing(_ c: PGConnection, named name: String) throws -> User {
    if let user = try named(c, name) { return user }
    let known = try c.rows("SELECT name FROM \"user\" ORDER BY name COLLATE \"C\"").map { try $0.get(0, String.self) }
    throw CoachError.refused(.unknownConsultant(name: name, known: known))
  }
}

extension PostgresStore {
  public func addUser(name: String, role: Role, team: String?, storeID: Int64?, now: Date) throws -> User {
    let clean = name.trimmingCharacters(in: .whitespaces)
    guard !clean.isEmpty else { throw CoachError.refused(.emptyUserName) }
    return try write { c in
      if try PGUsers.named(c, clean) != nil { throw CoachError.refused(.duplicateUser(name: clean)) }
      let id = try c.scalar(
        "INSERT INTO \"user\" (name, role, team, createdAt, storeId) VALUES (?,?,?,?,?) RETURNING id",
        [clean, role.rawValue, team, now, storeID], as: Int64.self)
      return User(id: id, name: clean, role: role, team: team, createdAt: now, storeId: storeID)
    }
  }

  public func addStore(code: String, name: String, now: Date) throws -> StoreInfo {
    try write { c in
      if try c.scalar("SELECT id FROM store WHERE code = ?", [code], as: Int64.self) != nil {
        throw CoachError.refused(.duplicateStore(code: code))
      }
      let id = try c.scalar(
        "INSERT INTO store (code, name, createdAt) VALUES (?,?,?) RETURNING id", [code, name, now], as: Int64.self)
      return StoreInfo(id: id ?? 0, code: code, name: name, createdAt: now)
    }
  }

  public func stores() throws -> [StoreInfo] {
    try read { c in
      try c.rows("SELECT id, code, name, createdAt FROM store ORDER BY code COLLATE \"C\"").map {
        StoreInfo(
          id: try $0.get(0, Int64.self), code: try $0.get(1, String.self), name: try $0.get(2, String.self),
          createdAt: try $0.get(3, Date.self))
      }
    }
  }

  public func user(named name: String) throws -> User? {
    try read { c in try PGUsers.named(c, name) }
  }

  public func users() throws -> [User] {
    // Names in code-point order, as SQLite's BINARY collation sorts them.
    try read { c in try c.rows("SELECT \(PGUsers.columns) FROM \"user\" ORDER BY name COLLATE \"C\"").map(PGUsers.user)
    }
  }

  public func userCount() throws -> Int {
    try read { c in Int(try c.scalar("SELECT COUNT(*) FROM \"user\"", as: Int64.self) ?? 0) }
  }

  public func setPasswordHash(userID: Int64, hash: String, now: Date, keepingSession: String?) throws {
    try write { c in
      try c.execute("UPDATE \"user\" SET passwordHash = ?, passwordChangedAt = ? WHERE id = ?", [hash, now, userID])
      try c.execute(
        "DELETE FROM webSession WHERE userId = ? AND tokenHash IS DISTINCT FROM ?::text", [userID, keepingSession])
    }
  }

  public func userWithPasswordHash(named name: String) throws -> (user: User, hash: String?)? {
    try read { c in
      guard let row = try c.rows("SELECT \(PGUsers.columns), passwordHash FROM \"user\" WHERE name = ?", [name]).first
      else { return nil }
      return (try PGUsers.user(row), try row.text(7))
    }
  }

  public func usersWithPasswords() throws -> Int {
    try read { c in
      Int(try c.scalar("SELECT COUNT(*) FROM \"user\" WHERE passwordHash IS NOT NULL", as: Int64.self) ?? 0)
    }
  }

  public func createWebSession(tokenHash: String, userID: Int64, csrfToken: String, now: Date, expiresAt: Date) throws {
    try write { c in
      try c.execute("DELETE FROM webSession WHERE expiresAt <= ?", [now])
      try c.execute(
        "INSERT INTO webSession (tokenHash, userId, csrfToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
        [tokenHash, userID, csrfToken, now, expiresAt])
    }
  }

  public func webSession(tokenHash: String, now: Date) throws -> WebSession? {
    try read { c in
      guard
        let row = try c.rows(
          """
          SELECT u.id, u.name, u.role, u.team, u.createdAt, u.storeId, u.deactivatedAt, s.csrfToken, s.expiresAt
          FROM webSession s JOIN "user" u ON u.id = s.userId
          WHERE s.tokenHash = ? AND s.expiresAt > ? AND u.deactivatedAt IS NULL
          """, [tokenHash, now]
        ).first
      else { return nil }
      return WebSession(user: try PGUsers.user(row), csrfToken: try row.get(7, String.self), expiresAt: try row.get(8))
    }
  }

  public func deleteWebSession(tokenHash: String) throws {
    try write { c in try c.execute("DELETE FROM webSession WHERE tokenHash = ?", [tokenHash]) }
  }

  public func setICSTokenHash(userID: Int64, hash: String) throws {
    try write { c in try c.execute("UPDATE \"user\" SET icsTokenHash = ? WHERE id = ?", [hash, userID]) }
  }

  public func setDeactivated(userID: Int64, at: Date?) throws {
    try write { c in
      try c.execute("UPDATE \"user\" SET deactivatedAt = ? WHERE id = ?", [at, userID])
      guard at != nil else { return }
      try c.execute("DELETE FROM webSession WHERE userId = ?", [userID])
      try c.execute("UPDATE \"user\" SET icsTokenHash = NULL, passwordHash = NULL WHERE id = ?", [userID])
    }
  }

  public func setRoleAndTeam(userID: Int64, role: Role, team: String?) throws {
    try write { c in
      try c.execute("UPDATE \"user\" SET role = ?, team = ? WHERE id = ?", [role.rawValue, team, userID])
    }
  }

  public func user(icsTokenHash hash: String) throws -> User? {
    try read { c in
      try c.rows(
        "SELECT \(PGUsers.columns) FROM \"user\" WHERE icsTokenHash = ? AND deactivatedAt IS NULL", [hash]
      ).first.map(PGUsers.user)
    }
  }

  // MARK: - Logs

  public func record(_ entry: ExportEntry) throws {
    try write { c in
      try c.execute(
        "INSERT INTO exportLog (at, actor, what, format, rows, masked, target) VALUES (?,?,?,?,?,?,?)",
        [entry.at, entry.actor, entry.what, entry.format, entry.rows, entry.masked, entry.target])
    }
  }

  public func exports(from: Date, to: Date) throws -> [ExportEntry] {
    try read { c in
      try c.rows(
        "SELECT at, actor, what, format, rows, masked, target FROM exportLog WHERE at >= ? AND at < ? ORDER BY at, id",
        [from, to]
      ).map { row in
        ExportEntry(
          at: try row.get(0, Date.self), actor: try row.text(1), what: try row.get(2, String.self),
          format: try row.get(3, String.self), rows: Int(try row.get(4, Int64.self)), masked: try row.get(5, Bool.self),
          target: try row.text(6))
      }
    }
  }

  public func recordedPhrasings() throws -> [RecordedPhrasing] {
    try read { c in
      try c.rows(
        """
        SELECT s.code, s.text, s.at, t.leadId FROM objectionSaid s JOIN touch t ON t.id = s.touchId
        ORDER BY s.at, s.id
        """
      ).map { row in
        RecordedPhrasing(
          code: try row.get(0, String.self), text: try row.get(1, String.self), at: try row.get(2, Date.self),
          leadID: LeadID(try row.get(3, Int64.self)))
      }
    }
  }
}
