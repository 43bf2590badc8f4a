import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Deliveries per model in the 90 days before `now` and the 90 days before that: the dealership's own sales.
  public func salesStats(now: Date) throws -> SalesStats {
    let day: TimeInterval = 86_400
    // `delivery` (migration v4) holds each delivery's time and model, indexed by (at, model): one index range over
    // both windows, each model's deliveries counted in each (a model none delivered in a window is not in its map).
    let sql = """
      SELECT model, SUM(at >= ?2), SUM(at < ?2) FROM delivery
      WHERE at >= ?1 AND at < ?3 AND model IS NOT NULL GROUP BY 1
      """
    return try writer.read { db in
      var stats = SalesStats()
      let rows = try Row.fetchCursor(
        db.cachedStatement(sql: sql),
        arguments: [now.addingTimeInterval(-180 * day), now.addingTimeInterval(-90 * day), now])
      while let row = try rows.next() {
        let model: String = row[0]
        let (recent, previous): (Int, Int) = (row[1], row[2])
        if recent > 0 { stats.recent[model] = recent }
        if previous > 0 { stats.previous[model] = previous }
      }
      return stats
    }
  }
}
