import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// Rows with new customers wait and go in 64 at a time (one statement per table): the tables are still exactly
/// the reference writer's (`LeadImportEquivalenceTests.reference`, one lead at a time), ids included.
@Suite struct LeadImportBatchTests {
  static let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// `count` leads whose customers are nearly all new, now and then one naming an earlier row's customer (the
  /// waiting rows must be written before it is looked up) or a bad cell, with tags, facts, every stage (delivered
  /// fires the delivery trigger), times given or not, and new consultants after rows without one (the waiting rows
  /// must go in before the `user` row, or the `sqlite_sequence` rows come in another order).
  static func csv(_ count: Int, seed: UInt64, firstConsultant: Int) -> String {
    var rng = SplitMix64(seed: seed)
    var text = "external_id,name,phone,birthday,consultant,model,tags,stage,created_at,profile\n"
    for i in 0..<count {
      let roll = rng.next() % 40
      let j = roll == 0 && i > 0 ? Int(rng.next() % UInt64(i)) : i  // an earlier row's customer
      let phone = roll == 1 && i > 2 ? "12" : "139\(String(format: "%08d", j))"  // 12: a bad row
      let tags = ["", "vip", "置换;vip;置换", "fleet"][Int(rng.next() % 4)]
      let profile = i < 3 ? "" : ["", "hobby=钓鱼", "k=1;j=2;k=3"][Int(rng.next() % 3)]
      let stage = Stage.allCases[Int(rng.next() % UInt64(Stage.allCases.count))].rawValue
      let at = rng.next() % 3 == 0 ? "" : "2025-0\(1 + i % 9)-1\(i % 10)T0\(i % 10):30:00+08:00"
      let consultant = i < firstConsultant || i % 7 == 0 ? "" : "顾问\(i % 3)"
      text +=
        "E\(i),客户\(j),\(phone),\(i % 5 == 0 ? "1990-05-03" : ""),\(consultant),X40,\(tags),\(stage),\(at),\(profile)\n"
    }
    return text
  }

  static func deliveries(_ db: AppDatabase) throws -> [String] {
    try db.writer.read { db in
      try String.fetchAll(
        db, sql: "SELECT eventId || '|' || quote(at) || '|' || quote(model) FROM delivery ORDER BY eventId")
    }
  }

  /// Imports `text` into an empty database (no user ever) and by the reference into another: the same tables.
  static func expectSameTables(_ text: String) throws {
    let options = ImportOptions(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, knownModels: ["X40"])
    let parsed = try CSVImport.leads(Array(text.utf8), options: options)
    let (a, b) = try LeadImportEquivalenceTests.pair(seed: [])
    // No user ever: the first consultant's `user` row also adds the table's `sqlite_sequence` row.
    for db in [a, b] { try db.writer.write { try $0.execute(sql: "DELETE FROM user; DELETE FROM sqlite_sequence") } }
    let expected = try a.writer.write { db in try LeadImportEquivalenceTests.reference(db, parsed.rows, actor: "总部") }
    #expect(expected.allSatisfy { $0 == nil })
    let result = try b.importLeads(
      from: CSVBytes(Array(text.utf8), chunkSize: 4_096), options: options, strict: false, now: Self.now, actor: "总部")
    #expect(result.skipped == parsed.errors)
    #expect(result.imported == parsed.rows.count)
    #expect(try LeadImportEquivalenceTests.contents(a) == LeadImportEquivalenceTests.contents(b))
    #expect(try Self.deliveries(a) == Self.deliveries(b))
  }

  @Test("a row with profile facts among rows that wait: its facts do not go in before their stage events")
  func factsAmongWaitingRows() throws {
    var text = "external_id,name,phone,stage,profile\n"
    for i in 0..<100 { text += "E\(i),客户\(i),139\(String(format: "%08d", i)),deposit,\(i == 5 ? "hobby=钓鱼" : "")\n" }
    try Self.expectSameTables(text)
  }

  @Test("full batches, a short last one, and look-ups between them: the reference's tables")
  func sameTables() throws {
    // Rows 0…2 wait; the first consultant comes at row 3 (they must be written before the `user` row) or later.
    for (count, seed, first) in [(64, UInt64(1), 3), (129, 2, 3), (700, 3, 3), (300, 4, 100)] {
      let text = Self.csv(count, seed: seed, firstConsultant: first)
      try Self.expectSameTables(text)
      #expect(text.components(separatedBy: ",delivered,").count > count / 10)
    }
  }
}
