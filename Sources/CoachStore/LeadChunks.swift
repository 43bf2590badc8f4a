import CoachCore
import GRDB

extension AppDatabase {
  /// The ids of the leads matching `filter`, in order: cut them into ranges for `LeadFilter.idRange`.
  public func leadIDs(_ filter: LeadFilter) throws -> [Int64] {
    let (cond, args) = filter.condition
    return try writer.read { db in
      try Int64.fetchAll(db, sql: "SELECT l.id FROM lead l WHERE \(cond) ORDER BY l.id", arguments: args)
    }
  }
}
