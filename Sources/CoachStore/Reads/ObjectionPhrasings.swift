import CoachCore
import Foundation
import GRDB

/// A customer's own words for an objection, as a touch recorded them.
public struct RecordedPhrasing: Sendable, Hashable {
  public var code: String
  public var text: String
  public var at: Date
  public var leadID: LeadID

  package init(code: String, text: String, at: Date, leadID: LeadID) {
    (self.code, self.text, self.at, self.leadID) = (code, text, at, leadID)
  }

  /// As the matcher takes it.
  public var learned: LearnedPhrasing { LearnedPhrasing(code: code, text: text) }
}

extension AppDatabase {
  /// Every recorded phrasing of the showroom, oldest first (the matcher's examples from this store: all of
  /// them, whoever recorded them, as the playbook's are).
  public func recordedPhrasings() throws -> [RecordedPhrasing] {
    try writer.read { db in
      guard try db.tableExists("objectionSaid") else { return [] }
      return try Row.fetchAll(
        db,
        sql: """
          SELECT s.code, s.text, s.at, t.leadId FROM objectionSaid s JOIN touch t ON t.id = s.touchId
          ORDER BY s.at, s.id
          """
      ).map { row in
        RecordedPhrasing(code: row["code"], text: row["text"], at: row["at"], leadID: LeadID(row["leadId"] as Int64))
      }
    }
  }
}
