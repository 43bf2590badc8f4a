import Foundation

/// A touch's own fields, declared once: what `coach touch`, an import row and a scenario give, and what a recorded
/// touch carries (CONTRACT.md, "touch"). `Touch`, `NewTouch` and `ScenarioTouch` hold one and read its fields as
/// their own (`touch.at`), as the lead's types hold `LeadFields`.
public struct TouchFields: Hashable, Codable, Sendable {
  public var at: Date
  public var channel: Channel
  public var outcome: Outcome
  public var note: String?
  /// Objection codes heard during this touch.
  public var objections: [String]
  /// The next contact time agreed with the customer, if any.
  public var nextAt: Date?
  /// Switch levers the consultant argued with during this touch (`coach touch --lever`), in the order given.
  public var levers: [Lever]

  public init(
    at: Date, channel: Channel, outcome: Outcome, note: String? = nil, objections: [String] = [],
    nextAt: Date? = nil, levers: [Lever] = []
  ) {
    (self.at, self.channel, self.outcome, self.note) = (at, channel, outcome, note)
    (self.objections, self.nextAt, self.levers) = (objections, nextAt, levers)
  }
}

/// A type that carries a touch's fields and reads them as its own.
@dynamicMemberLookup
public protocol CarriesTouchFields {
  var fields: TouchFields { get set }
}

extension CarriesTouchFields {
  /// Inlinable: the engine and the stores read touches' times and outcomes in their inner loops.
  @inlinable
  public subscript<T>(dynamicMember field: WritableKeyPath<TouchFields, T>) -> T {
    get { fields[keyPath: field] }
    set { fields[keyPath: field] = newValue }
  }
}
