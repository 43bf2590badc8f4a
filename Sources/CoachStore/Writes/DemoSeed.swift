import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Writes a whole generated dataset (users, leads with history) in one transaction.
  /// A database holding earlier demo data (external ids `DEMO-…`) is emptied first; one holding any other
  /// lead is refused, so demo data never mixes with real customers.
  public func seed(_ dataset: DemoDataset, now: Date) throws -> Int {
    try writer.write { db in
      if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead WHERE externalId IS NULL OR externalId NOT LIKE 'DEMO-%'")
        ?? 0 > 0
      {
        throw CoachError.refused(.demoOverRealLeads)
      }
      for table in ["topic", "touch", "stageEvent", "leadTag", "lead", "profileFact", "customer", "exportLog", "user"] {
        try db.execute(sql: "DELETE FROM \(table)")
      }
      var userIDs: [String: Int64] = [:]
      for u in dataset.users {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE name = ?", arguments: [u.name]) {
          userIDs[u.name] = id
          continue
        }
        try db.execute(
          sql: "INSERT INTO user (name, role, team, createdAt) VALUES (?,?,?,?)",
          arguments: [u.name, u.role.rawValue, u.team, now])
        userIDs[u.name] = db.lastInsertedRowID
      }
      for lead in dataset.leads {
        var fields = lead.fields
        fields.externalID = lead.externalID ?? lead.id.description
        let new = NewLead(fields, consultantID: lead.consultant.flatMap { userIDs[$0] }, createdAt: lead.createdAt)
        let leadID = try LeadWriter.insert(db, new, actor: lead.consultant, events: lead.events)
        var touchIDs: [Int64: Int64] = [:]
        for t in lead.touches {
          touchIDs[t.id] = try TouchWriter.insert(
            db, leadID: leadID,
            NewTouch(
              at: t.at, channel: t.channel, outcome: t.outcome, note: t.note, objections: t.objections, nextAt: t.nextAt
            ),
            actor: t.actor ?? lead.consultant)
        }
        for topic in lead.topics {
          let id = try TouchWriter.insertTopic(
            db, leadID: leadID, category: topic.category, text: topic.text, kind: topic.kind, at: topic.buriedAt,
            by: topic.buriedBy ?? lead.consultant)
          if let resolved = topic.resolvedAt {
            try db.execute(
              sql: "UPDATE topic SET resolvedAt = ?, resolvedByTouch = ? WHERE id = ?",
              arguments: [resolved, topic.resolvedByTouch.flatMap { touchIDs[$0] }, id])
          }
        }
      }
      return dataset.leads.count
    }
  }
}
