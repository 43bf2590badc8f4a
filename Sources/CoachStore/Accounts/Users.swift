import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension User: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "user"

  /// The user named `name`, nil when there is none. Plain cached SQL: every command asks this at start-up, and the
  /// query interface built the statement's text anew each time.
  static func named(_ name: String, in db: Database) throws -> User? {
    try fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE name = ?"), arguments: [name])
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension StoreInfo: FetchableRecord {}

extension Role: DatabaseValueConvertible {}

extension AppDatabase {
  /// Adds a user; a duplicate name is refused.
  public func addUser(name: String, role: Role, team: String?, storeID: Int64?, now: Date) throws -> User {
    let clean = name.trimmingCharacters(in: .whitespaces)
    guard !clean.isEmpty else {
      throw CoachError.refused(.emptyUserName)
    }
    return try writer.write { db in
      if try User.named(clean, in: db) != nil {
        throw CoachError.refused(.duplicateUser(name: clean))
      }
      var user = User(name: clean, role: role, team: team, createdAt: now, storeId: storeID)
      try user.insert(db)
      return user
    }
  }

  public func user(named name: String) throws -> User? {
    try writer.read { db in try User.named(name, in: db) }
  }

  public func users() throws -> [User] {
    try writer.read { db in try User.order(Column("name")).fetchAll(db) }
  }

  public func userCount() throws -> Int {
    try writer.read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM user")) ?? 0 }
  }
}

extension AppDatabase {
  /// Adds a store; a code already taken is refused.
  public func addStore(code: String, name: String, now: Date) throws -> StoreInfo {
    try writer.write { db in
      if try Int64.fetchOne(db, sql: "SELECT id FROM store WHERE code = ?", arguments: [code]) != nil {
        throw CoachError.refused(.duplicateStore(code: code))
      }
      try db.execute(
        sql: "INSERT INTO store (code, name, createdAt) VALUES (?, ?, ?)", arguments: [code, name, now])
      return StoreInfo(id: db.lastInsertedRowID, code: code, name: name, createdAt: now)
    }
  }

  /// Every store, by code.
  public func stores() throws -> [StoreInfo] {
    try writer.read { db in
      try StoreInfo.fetchAll(db, sql: "SELECT id, code, name, createdAt FROM store ORDER BY code")
    }
  }
}
