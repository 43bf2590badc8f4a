import CoachCore
import Foundation

/// A touch as given by `coach touch` or an import row: its fields (`TouchFields`) and what it does to the lead's
/// loose ends and the matcher's phrasings.
public struct NewTouch: Sendable, CarriesTouchFields {
  public var fields: TouchFields
  /// Topics to bury: text and kind.
  public var bury: [(text: String, kind: TopicKind)]
  /// After-sales issues raised (to be fixed within the playbook's limit).
  public var issues: [String]
  /// Open topic or issue ids this touch resolves.
  public var resolve: [Int64]
  /// What the customer said, word for word, for objections raised (code and text).
  public var said: [(code: String, text: String)]

  public init(
    at: Date, channel: Channel, outcome: Outcome, note: String? = nil, objections: [String] = [], nextAt: Date? = nil,
    bury: [(text: String, kind: TopicKind)] = [], issues: [String] = [], resolve: [Int64] = [],
    said: [(code: String, text: String)] = [], levers: [Lever] = []
  ) {
    self.init(
      TouchFields(
        at: at, channel: channel, outcome: outcome, note: note, objections: objections, nextAt: nextAt, levers: levers),
      bury: bury, issues: issues, resolve: resolve, said: said)
  }

  public init(
    _ fields: TouchFields, bury: [(text: String, kind: TopicKind)] = [], issues: [String] = [],
    resolve: [Int64] = [], said: [(code: String, text: String)] = []
  ) {
    (self.fields, self.bury, self.issues, self.resolve, self.said) = (fields, bury, issues, resolve, said)
  }
}

/// What a recorded touch created.
public struct TouchResult: Sendable, Codable {
  public var touchID: Int64
  public var buriedTopicIDs: [Int64]
  public var issueIDs: [Int64]

  package init(touchID: Int64, buriedTopicIDs: [Int64], issueIDs: [Int64]) {
    (self.touchID, self.buriedTopicIDs, self.issueIDs) = (touchID, buriedTopicIDs, issueIDs)
  }
}
