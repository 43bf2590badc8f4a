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
    let edges = """
      SELECT model, COUNT(*) AS n FROM delivery
      WHERE at >= ?1 AND at < min(?2, date(?1, '+1 day')) AND model IS NOT NULL GROUP BY model
      UNION ALL
      SELECT model, COUNT(*) FROM delivery
      WHERE at >= max(date(?1, '+1 day'), \(Migrations.day(of: "?2"))) AND at < ?2 AND model IS NOT NULL GROUP BY model
      """
    // The whole days change only when a delivery is recorded, moved or removed (`deliveryVersion`, v16): a server
    // keeps their sums between requests (grouping the days' rows was a quarter of `/api/v1/next`'s CPU).
    let version = """
      SELECT n, \(Migrations.day(of: "?1")), \(Migrations.day(of: "?2")) FROM deliveryVersion
      """
    let wholeDays = """
      SELECT model, SUM(n) FROM deliveryDay
      WHERE day > \(Migrations.day(of: "?1")) AND day < \(Migrations.day(of: "?2")) GROUP BY model
      """
    return try writer.read { db in
      /// The window's whole days summed per model: kept under the window's days and `deliveryVersion` (none kept
      /// when the version row is missing).
      func wholeDaySums(_ from: Date, _ to: Date) throws -> [String: Int] {
        let key = try Row.fetchOne(db.cachedStatement(sql: version), arguments: [from, to]).map {
          WholeDays(version: $0[0], first: $0[1], last: $0[2])
        }
        if let key, let kept = wholeDayCounts.withLock({ $0[key] }) { return kept }
        var sums: [String: Int] = [:]
        let days = try Row.fetchCursor(db.cachedStatement(sql: wholeDays), arguments: [from, to])
        while let row = try days.next() { sums[row[0], default: 0] += row[1] as Int }
        if let key {
          wholeDayCounts.withLock { cache in
            if cache.count >= 8 { cache.removeAll() }
            cache[key] = sums
          }
        }
        return sums
      }
      func counts(_ from: Date, _ to: Date) throws -> [String: Int] {
        var out = try wholeDaySums(from, to)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: edges), arguments: [from, to])
        while let row = try rows.next() { out[row[0], default: 0] += row[1] as Int }
        return out.filter { $0.value > 0 }
      }
      return SalesStats(
        recent: try counts(now.addingTimeInterval(-90 * day), now),
        previous: try counts(now.addingTimeInterval(-180 * day), now.addingTimeInterval(-90 * day)))
    }
  }
}

/// The whole days of a sales window (`deliveryDay` keys, exclusive) at a `deliveryVersion`: what `salesStats` keeps
/// their per-model sums under.
struct WholeDays: Hashable {
  let version: Int64
  let first: String
  let last: String
}
