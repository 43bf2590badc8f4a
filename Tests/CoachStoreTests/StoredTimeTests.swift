import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// `StoredTime` reads stored dates without `Calendar`: it must always give exactly what GRDB's `Date` gives.
@Suite struct StoredTimeTests {
  func both(_ db: Database, _ value: DatabaseValueConvertible) throws -> (Date?, Date?) {
    let row = try Row.fetchOne(db, sql: "SELECT ?, ?", arguments: [value, value])
    let fast = (row?[0] as StoredTime?)?.date
    let slow = row?[1] as Date?
    return (fast, slow)
  }

  @Test func equalsGRDBForStoredDatesAndOtherTexts() throws {
    let db = try DatabaseQueue()
    try db.read { db in
      var rng = SplitMix64(seed: 9)
      for _ in 0..<5_000 {
        // Whole seconds from 1601 to 9999 (the fast path) and some with milliseconds (GRDB's path).
        let seconds = Double(Int64(rng.next() % 265_000_000_000) - 11_644_473_600)
        let millis = rng.next() % 4 == 0 ? Double(rng.next() % 1_000) / 1_000 : 0
        let date = Date(timeIntervalSince1970: seconds + millis)
        let (fast, slow) = try both(db, date)
        #expect(fast == slow && slow != nil, "\(date)")
      }
      for text in [
        "2026-11-24 01:00:00", "2026-11-24 01:00:00.000", "2026-11-24 01:00:00.5", "2026-11-24", "2026-11-24 01:00",
        "2026-11-24T01:00:00Z", "2024-02-29 23:59:59", "2023-02-29 10:00:00", "2026-13-01 00:00:00",
        "0000-01-01 00:00:00",
        "2026-11-24 24:00:00", "x", "",
      ] where Date.fromDatabaseValue(text.databaseValue) != nil {  // what GRDB cannot read traps either way
        let (fast, slow) = try both(db, text)
        #expect(fast == slow, "\(text)")
      }
      let (fast, slow) = try both(db, 1_780_000_000)
      #expect(fast == slow && fast != nil)
    }
  }
}
