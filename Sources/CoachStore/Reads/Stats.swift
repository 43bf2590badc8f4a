import CoachCore
import Foundation
import GRDB

extension AppDatabase {
  /// Deliveries per model in the 90 days before `now` and the 90 days before that: the dealership's own sales.
  public func salesStats(now: Date) throws -> SalesStats {
    let day: TimeInterval = 86_400
    // `delivery` (migration v4) holds each delivery's time and model, indexed by (at, model): an index range.
    let sql = "SELECT model, COUNT(*) AS n FROM delivery WHERE at >= ? AND at < ? AND model IS NOT NULL GROUP BY 1"
    return try writer.read { db in
      func counts(_ from: Date, _ to: Date) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [from, to]) {
          result[row["model"]] = row["n"]
        }
        return result
      }
      return SalesStats(
        recent: try counts(now.addingTimeInterval(-90 * day), now),
        previous: try counts(now.addingTimeInterval(-180 * day), now.addingTimeInterval(-90 * day)))
    }
  }
}
