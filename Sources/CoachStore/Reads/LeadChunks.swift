import CoachCore
import CoachStoreAPI
import GRDB

extension AppDatabase {
  /// The ids of the leads matching `filter`, in order: cut them into ranges for `LeadFilter.idRange`.
  public func leadIDs(_ filter: LeadFilter) throws -> [Int64] {
    let (cond, args) = filter.condition
    return try writer.read { db in
      try Int64.fetchAll(db, sql: "SELECT l.id FROM lead l WHERE \(cond) ORDER BY l.id", arguments: args)
    }
  }

  /// Ranges of consecutive ids, each holding at most `size` of the leads matching `filter` and together holding all
  /// of them (for `LeadFilter.idRange`). For a filter that matches every lead they are cut from the smallest and
  /// largest id alone, without reading every id first (a serial 17 ms of the audit at 100k leads).
  public func leadIDRanges(_ filter: LeadFilter, size: Int) throws -> [ClosedRange<Int64>] {
    guard filter.matchesEveryLead else { return Chunks.idRanges(try leadIDs(filter), size: size) }
    let bounds = try writer.read { db in try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM lead") }
    guard let low: Int64 = bounds?[0], let high: Int64 = bounds?[1] else { return [] }
    return Chunks.spans(low...high, size: size)
  }
}
