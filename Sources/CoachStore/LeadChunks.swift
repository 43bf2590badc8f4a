import CoachCore
import GRDB

extension AppDatabase {
  /// The ids of the leads matching `filter`, in order: cut them into chunks for `snapshots(_:ids:)`.
  public func leadIDs(_ filter: LeadFilter) throws -> [Int64] {
    let (cond, args) = filter.condition
    return try writer.read { db in
      try Int64.fetchAll(db, sql: "SELECT l.id FROM lead l WHERE \(cond) ORDER BY l.id", arguments: args)
    }
  }

  /// The leads of `ids` that match `filter`, ordered by id, each with its whole history, read in one transaction:
  /// a long list of leads can be loaded a chunk at a time (the audit keeps only the chunks it is counting).
  public func snapshots(_ filter: LeadFilter, ids: [Int64]) throws -> [LeadSnapshot] {
    guard !ids.isEmpty else { return [] }
    var chunk = filter
    if let only = filter.leadIDs {
      let wanted = Set(only)
      chunk.leadIDs = ids.filter(wanted.contains)
    } else {
      chunk.leadIDs = ids
    }
    return try snapshots(chunk)
  }
}
