import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// `lastTouch` (migration v6, kept by triggers) must hold each lead's last touch and last contact, in the
/// history's order (at, id), after any mix of writes: touches added out of time order and sharing times, touches
/// edited, moved to another lead and deleted by hand, leads deleted; and after migrating an older file.
@Suite struct LastTouchTableTests {
  let t0 = Date(timeIntervalSince1970: 1_780_000_000)

  /// Rows of `lastTouch` that differ from what the touches say, either way (0 when the table is right).
  static func mismatches(_ db: AppDatabase) throws -> Int {
    let contact = Migrations.lastTouchContact
    return try db.writer.read { db in
      try Int.fetchOne(
        db,
        sql: """
          WITH ranked AS (
            SELECT leadId, id, at, channel, outcome, nextAt, objections, actor,
              ROW_NUMBER() OVER (PARTITION BY leadId ORDER BY at DESC, id DESC) AS r0,
              ROW_NUMBER() OVER (PARTITION BY leadId, \(contact) ORDER BY at DESC, id DESC) AS r1
            FROM touch),
          want AS (
            SELECT leadId, 0 AS kind, id, at, channel, outcome, nextAt, objections, actor FROM ranked WHERE r0 = 1
            UNION ALL
            SELECT leadId, 1, id, at, channel, outcome, nextAt, objections, actor FROM ranked WHERE r1 = 1 AND \(contact))
          SELECT (SELECT COUNT(*) FROM (SELECT * FROM want EXCEPT SELECT * FROM lastTouch))
               + (SELECT COUNT(*) FROM (SELECT * FROM lastTouch EXCEPT SELECT * FROM want))
          """) ?? -1
    }
  }

  @Test func contactOutcomesAreTheEnginesContacts() {
    #expect(Migrations.contactOutcomes == Outcome.allCases.filter(\.isContact).map(\.rawValue))
  }

  @Test func tableFollowsRandomWrites() throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    var rng = SplitMix64(seed: 23)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    let outcomes: [Outcome] = [.reached, .noAnswer, .noAnswer, .declined, .visited]
    var ids: [LeadID] = []
    for i in 0..<40 { ids.append(try db.addLead(NewLead(name: "客户\(i)", createdAt: t0), actor: nil)) }
    var edits = 0
    for step in 0..<1_500 {
      // Whole hours over 10 days: touches of a lead often share a time, and come out of time order.
      let at = t0.addingTimeInterval(Double(rng.next() % 240) * 3_600)
      switch rng.next() % 10 {
      case 0:
        try db.writer.write { db in
          try db.execute(
            sql:
              "UPDATE touch SET at = ?, outcome = ? WHERE id = (SELECT id FROM touch ORDER BY (id * ?) % 97 LIMIT 1)",
            arguments: [at, pick(outcomes).rawValue, step])
        }
        edits += 1
      case 1:
        try db.writer.write { db in
          try db.execute(
            sql: "UPDATE touch SET leadId = ? WHERE id = (SELECT id FROM touch ORDER BY (id * ?) % 89 LIMIT 1)",
            arguments: [pick(ids), step])
        }
      case 2:
        try db.writer.write { db in
          try db.execute(
            sql: "DELETE FROM touch WHERE id = (SELECT id FROM touch ORDER BY (id * ?) % 83 LIMIT 1)", arguments: [step]
          )
        }
      default:
        _ = try db.addTouch(
          leadID: pick(ids),
          NewTouch(
            at: at, channel: pick([.call, .wechat, .visit]), outcome: pick(outcomes),
            objections: rng.next() % 4 == 0 ? ["price_too_high"] : [],
            nextAt: rng.next() % 3 == 0 ? at.addingTimeInterval(86_400) : nil),
          actor: nil, scope: .all)
      }
      if step % 250 == 0 { #expect(try Self.mismatches(db) == 0, "after step \(step)") }
    }
    try db.writer.write { db in try db.execute(sql: "DELETE FROM lead WHERE id IN (?, ?)", arguments: [ids[0], ids[1]])
    }
    #expect(edits > 100)
    #expect(try Self.mismatches(db) == 0)
    let counts = try db.writer.read { db in
      try Int.fetchAll(db, sql: "SELECT COUNT(*) FROM lastTouch GROUP BY kind ORDER BY kind")
    }
    #expect(counts.count == 2 && counts[0] == 38 && counts[1] > 30, "\(counts)")
    #expect(
      try db.writer.read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lastTouch WHERE leadId IN (?, ?)", arguments: [ids[0], ids[1]])
      } == 0)
  }

  /// An import drops the insert trigger in its transaction and writes the rows of the leads it touched at the end;
  /// afterwards (and after a strict import that failed) the trigger is back for every other writer.
  @Test func importsWriteTheRowsOfTheLeadsTheyTouch() throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    // Created before every touch below (a touch dated before its lead is a bad row).
    var csv = "external_id,name,phone,created_at\n"
    for i in 0..<30 { csv += "E\(i),客户\(i),138000\(String(format: "%05d", i)),2026-01-01\n" }
    _ = try db.importLeads(
      from: CSVBytes(Array(csv.utf8)), options: ImportOptions(zone: zone), strict: false, now: t0, actor: nil)
    let ids = try db.writer.read { db in try LeadID.fetchAll(db, sql: "SELECT id FROM lead ORDER BY id") }
    // Touches already there, some later than the imported ones, some earlier.
    for (k, id) in ids.enumerated() where k % 3 == 0 {
      _ = try db.addTouch(
        leadID: id,
        NewTouch(
          at: t0.addingTimeInterval(Double(k % 2 == 0 ? 50 : -50) * 86_400), channel: .call,
          outcome: .visited), actor: nil, scope: .all)
    }
    // Every lead's stored follow-up (v9) as if a reader had worked it out: the import clears the touched leads' rows.
    try db.writer.write { db in try db.execute(sql: "UPDATE followUp SET asOf = 1, playbook = 'p'") }
    var rng = SplitMix64(seed: 31)
    let outcomes = ["reached", "no_answer", "declined", "visited"]
    var rows = "lead_external_id,at,channel,outcome\n"
    var seen = Set<String>()
    while seen.count < 400 {
      // Whole days, so imported touches share times with each other and with the stored ones.
      let day = Int(rng.next() % 60) - 30
      let at = ISO8601DateFormatter().string(from: t0.addingTimeInterval(Double(day) * 86_400))
      let outcome = outcomes[Int(rng.next() % 4)]
      let row = "E\(rng.next() % 25),\(at),\(outcome == "visited" ? "visit" : "call"),\(outcome)\n"
      // Each touch once: the same touch twice in a file is a bad row.
      if seen.insert(row).inserted { rows += row }
    }
    let streamed = try db.importTouches(
      from: CSVBytes(Array(rows.utf8), chunkSize: 64), options: ImportOptions(zone: zone), strict: false, actor: nil,
      scope: .all)
    #expect(streamed.imported == 400)
    #expect(try Self.mismatches(db) == 0)
    let cleared = try db.writer.read { db in
      try String.fetchAll(
        db, sql: "SELECT l.externalId FROM followUp f JOIN lead l ON l.id = f.leadId WHERE f.asOf IS NULL ORDER BY 1")
    }
    let touched = Set(rows.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
    #expect(Set(cleared) == touched)
    let parsed = (0..<50).map { i in
      ImportedTouch(
        line: i + 2, leadExternalID: "E\(25 + i % 5)", at: t0.addingTimeInterval(Double(i) * 3_600), channel: .call,
        outcome: i % 2 == 0 ? .reached : .noAnswer)
    }
    #expect(try db.importTouches(parsed, parseErrors: [], strict: false, actor: nil, scope: .all).imported == 50)
    #expect(try Self.mismatches(db) == 0)
    #expect(throws: ImportFailure.self) {
      try db.importTouches(
        from: CSVBytes(Array((rows + "E99,2026-01-01T00:00:00Z,call,reached\n").utf8)),
        options: ImportOptions(zone: zone),
        strict: true, actor: nil, scope: .all)
    }
    // The trigger is back: a touch added now moves the lead's rows.
    _ = try db.addTouch(
      leadID: ids[1], NewTouch(at: t0.addingTimeInterval(400 * 86_400), channel: .call, outcome: .reached), actor: nil,
      scope: .all)
    #expect(try Self.mismatches(db) == 0)
    let triggers = try db.writer.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'touch' ORDER BY name")
    }
    #expect(
      triggers == [
        "followUp_on_touch_delete", "followUp_on_touch_insert", "followUp_on_touch_update", "lastTouch_on_delete",
        "lastTouch_on_insert", "lastTouch_on_update",
      ])
    let rowsNow = try db.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lastTouch") } ?? 0
    #expect(rowsNow > 50)
  }

  /// The check can fail: a row changed by hand is found.
  @Test func aWrongRowIsFound() throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    let id = try db.addLead(NewLead(name: "客户", createdAt: t0), actor: nil)
    for hour in [1.0, 3, 2] {
      _ = try db.addTouch(
        leadID: id, NewTouch(at: t0.addingTimeInterval(hour * 3_600), channel: .call, outcome: .reached), actor: nil,
        scope: .all)
    }
    #expect(try Self.mismatches(db) == 0)
    try db.writer.write { db in try db.execute(sql: "UPDATE lastTouch SET touchId = 1 WHERE kind = 0") }
    #expect(try Self.mismatches(db) == 2)
  }
}

/// A large touch import sets the touch table's indexes aside and builds them again at the end: the same rows, the
/// same indexes, the same `lastTouch`, as an import that kept them; and a failed one rolls back to them.
@Suite struct TouchIndexSetAsideTests {
  let t0 = Date(timeIntervalSince1970: 1_780_000_000)

  func seeded(_ tmp: TempDir, _ name: String) throws -> AppDatabase {
    let db = try AppDatabase.open(path: tmp.path(name))
    for i in 0..<8 {
      let id = try db.addLead(NewLead(externalID: "E\(i)", name: "客户\(i)", createdAt: t0), actor: nil)
      _ = try db.addTouch(
        leadID: id, NewTouch(at: t0.addingTimeInterval(Double(i) * 86_400), channel: .call, outcome: .visited),
        actor: nil, scope: .all)
    }
    return db
  }

  func dump(_ db: AppDatabase) throws -> [String] {
    try db.writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT printf('%d %d %s %s %s %s', id, leadId, at, channel, outcome, ifnull(nextAt, '-')) FROM touch
          UNION ALL SELECT printf('last %d %d %d %s', leadId, kind, touchId, at) FROM lastTouch
          UNION ALL SELECT type || ' ' || name || ' ' || sql FROM sqlite_master WHERE tbl_name IN ('touch', 'lastTouch')
          """
      ).sorted()
    }
  }

  @Test func theIndexesComeBackWithTheSameContents() throws {
    let tmp = try TempDir()
    var rng = SplitMix64(seed: 8)
    // Never `visited`: no row is a touch of the seed (which would be a bad row).
    let outcomes: [Outcome] = [.reached, .noAnswer, .declined, .reached]
    let rows = (0..<60).map { i in
      ImportedTouch(
        line: i + 2, leadExternalID: "E\(rng.next() % 8)", at: t0.addingTimeInterval(Double(rng.next() % 40) * 43_200),
        channel: .call, outcome: outcomes[Int(rng.next() % 4)],
        nextAt: i % 5 == 0 ? t0.addingTimeInterval(90 * 86_400) : nil)
    }
    let kept = try seeded(tmp, "kept.sqlite")
    let rebuilt = try seeded(tmp, "rebuilt.sqlite")
    for (db, least) in [(kept, Int.max), (rebuilt, 20)] {
      try db.writer.write { db in
        var w = try TouchImportWriter(db, actor: nil, scope: .all, setAsideAtLeast: least)
        for row in rows { #expect(try w.write(row, insert: true) == nil) }
        // Set aside after 20 rows: the index is gone until `finish`.
        let indexes = try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'touch'")
        #expect(indexes == (least == 20 ? 0 : 1))
        try w.finish()
      }
    }
    #expect(try dump(rebuilt) == dump(kept))
    #expect(try LastTouchTableTests.mismatches(rebuilt) == 0)
    // A failed import rolls back to the indexes.
    struct Broken: Error {}
    #expect(throws: Broken.self) {
      try rebuilt.writer.write { db in
        // The table holds 68 touches: the indexes are set aside at the 68th row.
        var w = try TouchImportWriter(db, actor: nil, scope: .all, setAsideAtLeast: 1)
        // A year later: new touches (the rows themselves are in the database now).
        for row in rows + rows { _ = try w.write(Self.later(row), insert: true) }
        let indexes = try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'touch'")
        #expect(indexes == 0)
        throw Broken()
      }
    }
    #expect(try dump(rebuilt) == dump(kept))
  }

  static func later(_ row: ImportedTouch) -> ImportedTouch {
    var r = row
    r.at = r.at.addingTimeInterval(365 * 86_400)
    return r
  }

  /// A touch the database held before the import is a bad row (a file run twice), found through `touch_by_lead`, and
  /// once the indexes are set aside through a copy of the earlier touches' keys; rows of the import alone may be alike.
  @Test func aTouchFromBeforeTheImportIsFoundBeforeAndAfterTheIndexesGo() throws {
    let db = try seeded(TempDir(), "dup.sqlite")
    let old = ImportedTouch(
      line: 2, leadExternalID: "E3", at: t0.addingTimeInterval(3 * 86_400), channel: .call, outcome: .visited)
    let new = (0..<10).map { i in
      ImportedTouch(
        line: i + 3, leadExternalID: "E1", at: t0.addingTimeInterval(Double(i) * 600), channel: .sms, outcome: .reached)
    }
    try db.writer.write { db in
      var w = try TouchImportWriter(db, actor: nil, scope: .all, setAsideAtLeast: 1)
      #expect(
        try w.write(old, insert: true)
          == .sameTouch(lead: "E3", at: TimeParsing.iso(old.at, zone: .gmt), channel: "call", outcome: "visited"))
      for row in new { #expect(try w.write(row, insert: true) == nil) }
      // 10 rows written, more than the 8 the table held: the indexes are gone, the earlier keys kept aside.
      #expect(
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'touch'") == 0
      )
      #expect(try w.write(old, insert: true) != nil)
      #expect(try w.write(new[0], insert: true) == nil)
      // Another outcome, or another time, is another touch.
      var other = old
      other.outcome = .reached
      #expect(try w.write(other, insert: true) == nil)
      try w.finish()
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_temp_master WHERE type = 'table'") == 0)
    }
    #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM touch") } == 8 + 12)
  }
}
