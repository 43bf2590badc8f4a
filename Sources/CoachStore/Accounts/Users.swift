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

  public static let databaseTableName = "user"

  public init(id: Int64? = nil, name: String, role: Role, team: String? = nil, createdAt: Date) {
    self.id = id
    self.name = name
    self.role = role
    self.team = team
    self.createdAt = createdAt
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Role: DatabaseValueConvertible {}

extension AppDatabase {
  /// Adds a user; a duplicate name is refused.
  public func addUser(name: String, role: Role, team: String?, now: Date) throws -> User {
    let clean = name.trimmingCharacters(in: .whitespaces)
    guard !clean.isEmpty else {
      throw CoachError.refused(.emptyUserName)
    }
    return try writer.write { db in
      if try User.filter(Column("name") == clean).fetchOne(db) != nil {
        throw CoachError.refused(.duplicateUser(name: clean))
      }
      var user = User(name: clean, role: role, team: team, createdAt: now)
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
