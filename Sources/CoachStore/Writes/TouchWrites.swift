import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

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
