import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Deliveries per model in the 90 days before `now` and the 90 days before that: the dealership's own sales.
  public func salesStats(now: Date) throws -> SalesStats {
    let day: TimeInterval = 86_400
    // A window [?1, ?2) counts its whole UTC days in `deliveryDay` (v14) and its partial first and last days in
    // `delivery` (v4, indexed by (at, model)): a few hundred rows read at any size of dealership, where counting
    // `delivery` alone read every delivery of the window. Days are the stored times' first ten characters, so a
    // day's text sorts before all of its times and after every earlier one.
    let sql = """
      SELECT model, SUM(n) FROM (
        SELECT model, COUNT(*) AS n FROM delivery
        WHERE at >= ?1 AND at < min(?2, date(?1, '+1 day')) AND model IS NOT NULL GROUP BY model
        UNION ALL
        SELECT model, SUM(n) FROM deliveryDay
        WHERE day > \(Migrations.day(of: "?1")) AND day < \(Migrations.day(of: "?2")) GROUP BY model
        UNION ALL
        SELECT model, COUNT(*) FROM delivery
        WHERE at >= max(date(?1, '+1 day'), \(Migrations.day(of: "?2"))) AND at < ?2 AND model IS NOT NULL GROUP BY model)
      GROUP BY model
      """
    return try writer.read { db in
      let statement = try db.cachedStatement(sql: sql)
      func counts(_ from: Date, _ to: Date) throws -> [String: Int] {
        var out: [String: Int] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [from, to])
        while let row = try rows.next() {
          let n: Int = row[1]
          if n > 0 { out[row[0]] = n }
        }
        return out
      }
      return SalesStats(
        recent: try counts(now.addingTimeInterval(-90 * day), now),
        previous: try counts(now.addingTimeInterval(-180 * day), now.addingTimeInterval(-90 * day)))
    }
  }
}
