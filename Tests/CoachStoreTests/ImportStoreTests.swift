import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

@Suite struct ImportStoreTests {
  @Test("dates are stored as GRDB stores them, with or without its formatter")
  func storedDateEqualsGRDB() {
    var rng = SplitMix64(seed: 5)
    var cases: [Double] = [0, -1, 86_399, 86_400, -11_644_473_600, 253_402_300_799, 951_782_400, 1_751_333_400, 0.5]
    for _ in 0..<20_000 { cases.append(Double(Int64(rng.next() % 20_000_000_000) - 12_000_000_000)) }
    for t in cases {
      let date = Date(timeIntervalSince1970: t)
      #expect(StoredDate.value(date).databaseValue == date.databaseValue, "\(t)")
    }
  }

  @Test("a streamed import writes each good row and names the bad ones by line; strict writes nothing")
  func streamedImports() throws {
    let db = try AppDatabase.inMemory()
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    // Created before the touches below (a touch dated before its lead is a bad row).
    let leads = "external_id,name,phone,created_at\nE1,张伟,13812345678,2025-06-01\nE2,李娜,13912345678,2025-06-01\n"
    let first = try db.importLeads(
      from: CSVBytes(Array(leads.utf8), chunkSize: 5), options: ImportOptions(zone: zone), strict: false, now: now,
      actor: nil)
    #expect(first.imported == 2)
    let again = try db.importLeads(
      from: CSVBytes(Array(leads.utf8)), options: ImportOptions(zone: zone), strict: false, now: now, actor: nil)
    #expect(again.imported == 0)
    #expect(again.skipped.map(\.line) == [2, 3])
    let touches =
      "lead_external_id,at,channel,outcome,note\nE1,2025-07-01T09:30:00+08:00,call,reached,好\n"
      + "E9,2025-07-01T09:30:00+08:00,call,reached,\n"
    #expect(throws: ImportFailure.self) {
      try db.importTouches(
        from: CSVBytes(Array(touches.utf8)), options: ImportOptions(zone: zone), strict: true, actor: nil, scope: .all)
    }
    #expect(try db.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM touch") } == 0)
    let result = try db.importTouches(
      from: CSVBytes(Array(touches.utf8), chunkSize: 3), options: ImportOptions(zone: zone), strict: false, actor: nil,
      scope: .all)
    #expect(result.imported == 1)
    #expect(result.skipped.map(\.line) == [3])
    let stored = try db.writer.read { db in try String.fetchAll(db, sql: "SELECT at || '|' || note FROM touch") }
    #expect(stored == ["2025-07-01 01:30:00.000|好"])
  }
}
