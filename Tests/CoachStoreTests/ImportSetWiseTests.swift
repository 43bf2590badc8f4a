import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// A touch import writes its derived rows set-wise at its end (`TouchImportWriter.finish`) and runs without
/// foreign-key checks: the rows are those a per-row write gives, each touched lead's stored follow-up is cleared
/// exactly once, untouched leads keep theirs, and the connection has its checks back afterwards.
@Suite struct ImportSetWiseTests {
  let t0 = Date(timeIntervalSince1970: 1_780_000_000)

  @Test func leadIDSetHoldsEachIDOnceInOrder() {
    var set = LeadIDSet()
    var rng = SplitMix64(seed: 5)
    var want = Set<Int64>()
    for _ in 0..<3_000 {
      let id = Int64(rng.next() % 5_000)
      set.insert(id)
      want.insert(id)
    }
    // Beyond the bitmap's range, and not a rowid a lead gets, but still kept.
    for id: Int64 in [-3, 1 << 40, 63, 64, 0] {
      set.insert(id)
      want.insert(id)
    }
    #expect(set.sorted == want.sorted())
    #expect(set.json == "[" + want.sorted().map(String.init).joined(separator: ",") + "]")
    #expect(LeadIDSet().json == "[]")
  }

  func seeded() throws -> (AppDatabase, [LeadID]) {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    var ids: [LeadID] = []
    for i in 0..<20 {
      // Created before every touch the tests import (a touch dated before its lead is a bad row).
      ids.append(
        try db.addLead(
          NewLead(externalID: "E\(i)", name: "客户\(i)", createdAt: t0.addingTimeInterval(-60 * 86_400)), actor: nil))
    }
    for (k, id) in ids.enumerated() where k % 4 == 0 {
      _ = try db.addTouch(
        leadID: id, NewTouch(at: t0.addingTimeInterval(Double(k) * 3_600), channel: .call, outcome: .reached),
        actor: nil, scope: .all)
    }
    // Every stored follow-up as a reader would have left it.
    try db.writer.write { db in try db.execute(sql: "UPDATE followUp SET asOf = 1, playbook = 'p'") }
    return (db, ids)
  }

  func followUps(_ db: AppDatabase) throws -> [LeadID: (rev: Int64, cleared: Bool)] {
    try db.writer.read { db in
      var out: [LeadID: (rev: Int64, cleared: Bool)] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT leadId, rev, asOf IS NULL AS cleared FROM followUp") {
        out[row["leadId"] as LeadID] = (row["rev"], row["cleared"])
      }
      return out
    }
  }

  @Test func touchedLeadsAreClearedOnceAndTheOthersKept() throws {
    let (db, ids) = try seeded()
    let before = try followUps(db)
    var rng = SplitMix64(seed: 12)
    let outcomes = ["reached", "no_answer", "declined", "visited"]
    var csv = "lead_external_id,at,channel,outcome\n"
    var touched = Set<LeadID>()
    var rows = Set<String>()
    while rows.count < 300 {
      let k = Int(rng.next() % 12)
      let at = ISO8601DateFormatter().string(from: t0.addingTimeInterval(Double(Int(rng.next() % 40) - 20) * 86_400))
      let outcome = outcomes[Int(rng.next() % 4)]
      let row = "E\(k),\(at),\(outcome == "visited" ? "visit" : "call"),\(outcome)\n"
      // Each touch once: the same touch twice in a file is a bad row.
      guard rows.insert(row).inserted else { continue }
      touched.insert(ids[k])
      csv += row
    }
    let result = try db.importTouches(
      from: CSVBytes(Array(csv.utf8)), options: ImportOptions(zone: .gmt), strict: false, actor: nil, scope: .all)
    #expect(result.imported == 300)
    #expect(try LastTouchTableTests.mismatches(db) == 0)
    let after = try followUps(db)
    for id in ids {
      let (was, now) = (before[id], after[id])
      if touched.contains(id) {
        #expect(now?.rev == (was?.rev ?? -1) + 1)
        #expect(now?.cleared == true)
      } else {
        #expect(now?.rev == was?.rev)
        #expect(now?.cleared == false)
      }
    }
    // The connection checks references again after the import: a touch of a lead that does not exist is refused.
    let enforced = try db.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
    #expect(enforced == true)
    #expect(throws: DatabaseError.self) {
      try db.writer.write { db in
        try db.execute(
          sql:
            "INSERT INTO touch (leadId, at, channel, outcome) VALUES (999999, '2026-01-01 00:00:00.000', 'call', 'reached')"
        )
      }
    }
  }

  /// A touch naming a lead outside the scope (or no lead) is still a bad row with the checks off, and a strict
  /// import that meets one writes nothing.
  @Test func unknownLeadsAreStillBadRows() throws {
    let (db, _) = try seeded()
    let count = { try db.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM touch") ?? -1 } }
    let touchesBefore = try count()
    let csv =
      "lead_external_id,at,channel,outcome\nE1,2026-07-01T00:00:00Z,call,reached\nNOPE,2026-07-01T00:00:00Z,call,reached\n"
    let lenient = try db.importTouches(
      from: CSVBytes(Array(csv.utf8)), options: ImportOptions(zone: .gmt), strict: false, actor: nil, scope: .all)
    #expect(lenient.imported == 1)
    #expect(lenient.skipped.map(\.line) == [3])
    #expect(try count() == touchesBefore + 1)
    #expect(throws: ImportFailure.self) {
      try db.importTouches(
        from: CSVBytes(Array(csv.utf8)), options: ImportOptions(zone: .gmt), strict: true, actor: nil, scope: .all)
    }
    #expect(try count() == touchesBefore + 1)
  }
}
