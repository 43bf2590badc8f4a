import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

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
