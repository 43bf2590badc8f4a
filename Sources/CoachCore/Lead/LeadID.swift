import Foundation

/// A lead's number, as the store gives it. Compared as a number (2 before 10), written as its decimal digits, and
/// kept a string in JSON so that scripts reading `"lead_id": "12"` read the same text as before.
public struct LeadID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
  public let rawValue: Int64

  public init(_ rawValue: Int64) { self.rawValue = rawValue }
  public init(integerLiteral value: Int64) { self.rawValue = value }

  /// The id a person typed, as `coach lead list` shows it; nil when it is not a whole number.
  public init?(_ text: String) {
    guard let value = Int64(text) else { return nil }
    self.rawValue = value
  }

  public var description: String { String(rawValue) }

  public static func < (a: LeadID, b: LeadID) -> Bool { a.rawValue < b.rawValue }
}

extension LeadID: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Int64.self) {
      self.rawValue = number
      return
    }
    let text = try container.decode(String.self)
    guard let id = LeadID(text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a lead id: \(text)")
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension LeadID {
  /// The id a person typed (spaces around it allowed), or `bad_lead_id`'s refusal naming what was typed: ids are
  /// whole numbers from 1 up.
  public static func typed(_ text: String) throws -> LeadID {
    guard let id = LeadID(text.trimmingCharacters(in: .whitespaces)), id.rawValue > 0 else {
      throw CoachError.refused(.badLeadID(id: text))
    }
    return id
  }
}
