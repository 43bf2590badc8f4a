import CoachCore
import Foundation
import GRDB

/// A person who uses coach.
public struct User: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
  public var id: Int64?
  public var name: String
  public var role: Role
  public var team: String?
  public var createdAt: Date
  /// The store (dealership) of a dealer group the user belongs to; nil: none (one showroom, or a group admin).
  public var storeId: Int64?

  public static let databaseTableName = "user"

  public init(
    id: Int64? = nil, name: String, role: Role, team: String? = nil, createdAt: Date, storeId: Int64? = nil
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.team = team
    self.createdAt = createdAt
    self.storeId = storeId
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Role: DatabaseValueConvertible {}

extension AppDatabase {
  /// Adds a user; a duplicate name is refused.
  public func addUser(name: String, role: Role, team: String?, storeID: Int64?, now: Date) throws -> User {
    let clean = name.trimmingCharacters(in: .whitespaces)
    guard !clean.isEmpty else {
      throw CoachError.refused(.emptyUserName)
    }
    return try writer.write { db in
      if try User.filter(Column("name") == clean).fetchOne(db) != nil {
        throw CoachError.refused(.duplicateUser(name: clean))
      }
      var user = User(name: clean, role: role, team: team, createdAt: now, storeId: storeID)
      try user.insert(db)
      return user
    }
  }

  public func user(named name: String) throws -> User? {
    try writer.read { db in try User.filter(Column("name") == name).fetchOne(db) }
  }

  public func users() throws -> [User] {
    try writer.read { db in try User.order(Column("name")).fetchAll(db) }
  }

  public func userCount() throws -> Int {
    try writer.read { db in try User.fetchCount(db) }
  }
}

/// A store (dealership) of a dealer group: its short code (what `--store` takes) and its name.
public struct StoreInfo: Codable, Hashable, Sendable, FetchableRecord {
  public var id: Int64
  public var code: String
  public var name: String
  public var createdAt: Date

  public init(id: Int64, code: String, name: String, createdAt: Date) {
    (self.id, self.code, self.name, self.createdAt) = (id, code, name, createdAt)
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
