import CoachCore
import Foundation

/// A person who uses coach.
public struct User: Codable, Hashable, Sendable {
  public var id: Int64?
  public var name: String
  public var role: Role
  public var team: String?
  public var createdAt: Date
  /// The store (dealership) of a dealer group the user belongs to; nil: none (one showroom, or a group admin).
  public var storeId: Int64?
  /// When an admin deactivated the user (someone who left): they may no longer act, log in or own leads; their
  /// history stays. Nil while active.
  public var deactivatedAt: Date?

  public init(
    id: Int64? = nil, name: String, role: Role, team: String? = nil, createdAt: Date, storeId: Int64? = nil,
    deactivatedAt: Date? = nil
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.team = team
    self.createdAt = createdAt
    self.storeId = storeId
    self.deactivatedAt = deactivatedAt
  }

  /// Whether the user may act, log in and own leads.
  public var isActive: Bool { deactivatedAt == nil }
}

/// A store (dealership) of a dealer group: its short code (what `--store` takes) and its name.
public struct StoreInfo: Codable, Hashable, Sendable {
  public var id: Int64
  public var code: String
  public var name: String
  public var createdAt: Date

  public init(id: Int64, code: String, name: String, createdAt: Date) {
    (self.id, self.code, self.name, self.createdAt) = (id, code, name, createdAt)
  }
}
