import CoachCore
import Foundation
import GRDB

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

extension AppDatabase {
  /// Records a touch on a lead the scope may change, with its topics, in one transaction.
  public func addTouch(leadID: LeadID, _ touch: NewTouch, actor: String?, scope: Scope) throws -> TouchResult {
    try writer.write { db in
      let lead = try LeadLoader.one(db, id: leadID, scope: scope)
      let id = lead.id.rawValue
      for topicID in touch.resolve {
        guard let topic = lead.topics.first(where: { $0.id == topicID }) else {
          let open = lead.topics.filter(\.isOpen).map { String($0.id) }
          throw CoachError.refused(.unknownTopic(topic: topicID, leadID: leadID, open: open))
        }
        if !topic.isOpen {
          throw CoachError.refused(.topicResolved(topic: topicID, leadID: leadID))
        }
      }
      let touchID = try TouchWriter.insert(db, leadID: id, touch, actor: actor)
      var buried: [Int64] = []
      for (text, kind) in touch.bury {
        buried.append(
          try TouchWriter.insertTopic(
            db, leadID: id, category: .buried, text: text, kind: kind, at: touch.at, by: actor))
      }
      var issues: [Int64] = []
      for text in touch.issues {
        issues.append(
          try TouchWriter.insertTopic(
            db, leadID: id, category: .issue, text: text, kind: .other, at: touch.at, by: actor))
      }
      for (code, text) in touch.said {
        try db.execute(
          sql: "INSERT INTO objectionSaid (touchId, code, text, at) VALUES (?,?,?,?)",
          arguments: [touchID, code, text, touch.at])
      }
      for topicID in touch.resolve {
        try db.execute(
          sql: "UPDATE topic SET resolvedAt = ?, resolvedByTouch = ? WHERE id = ?",
          arguments: [touch.at, touchID, topicID])
      }
      try db.execute(sql: "UPDATE lead SET updatedAt = ? WHERE id = ?", arguments: [touch.at, id])
      return TouchResult(touchID: touchID, buriedTopicIDs: buried, issueIDs: issues)
    }
  }
}

enum TouchWriter {
  static func insert(_ db: Database, leadID: Int64, _ t: NewTouch, actor: String?) throws -> Int64 {
    // A cached statement: an import runs this millions of times.
    try db.cachedStatement(
      sql: "INSERT INTO touch (leadId, at, channel, outcome, note, objections, nextAt, actor) VALUES (?,?,?,?,?,?,?,?)"
    ).execute(
      arguments: [
        leadID, StoredDate.value(t.at), t.channel.rawValue, t.outcome.rawValue, t.note,
        t.objections.isEmpty ? nil : t.objections.joined(separator: ";"), t.nextAt.map(StoredDate.value), actor,
      ])
    let touchID = db.lastInsertedRowID
    for (position, lever) in t.levers.enumerated() {
      try db.execute(
        sql: "INSERT INTO touchLever (touchId, position, leadId, lever) VALUES (?,?,?,?)",
        arguments: [touchID, position, leadID, lever.rawValue])
    }
    return touchID
  }

  static func insertTopic(
    _ db: Database, leadID: Int64, category: Topic.Category, text: String, kind: TopicKind, at: Date, by: String?
  ) throws -> Int64 {
    try db.execute(
      sql: "INSERT INTO topic (leadId, category, text, kind, buriedAt, buriedBy) VALUES (?,?,?,?,?,?)",
      arguments: [leadID, category.rawValue, text, kind.rawValue, at, by])
    return db.lastInsertedRowID
  }
}
