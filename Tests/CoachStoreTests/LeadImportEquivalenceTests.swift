import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// The import's prepared statements write exactly what the writer they replaced wrote (`LeadWriter.insert` per
/// row, every external id and customer looked up), compared column by column with `quote()`.
@Suite struct LeadImportEquivalenceTests {
  static let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// The import before prepared statements, kept as the reference. A row without an external id whose name and phone
  /// a lead from before the import has is that lead imported again.
  static func reference(_ db: Database, _ rows: [ImportedLead], actor: String?) throws -> [String?] {
    var consultants = try Dictionary(
      Row.fetchAll(db, sql: "SELECT id, name FROM user").map { ($0["name"] as String, $0["id"] as Int64) },
      uniquingKeysWith: { a, _ in a })
    let lastBefore = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM lead") ?? 0
    return try rows.map { row in
      if let ext = row.externalID,
        try Bool.fetchOne(db, sql: "SELECT 1 FROM lead WHERE externalId = ?", arguments: [ext]) != nil
      {
        return "external_id \"\(ext)\" is already in the database"
      }
      if row.externalID == nil,
        let lead = try Int64.fetchOne(
          db,
          sql: """
            SELECT lead.id FROM customer JOIN lead ON lead.customerId = customer.id
            WHERE customer.phone = ? AND customer.name = ? AND lead.id <= ? ORDER BY lead.id LIMIT 1
            """, arguments: [row.phone, row.name, lastBefore])
      {
        return ImportProblem.sameCustomer(name: row.name, phone: row.phone, lead: lead).text(.en)
      }
      var consultantID: Int64?
      if let name = row.consultant {
        if let id = consultants[name] {
          consultantID = id
        } else {
          try db.execute(
            sql: "INSERT INTO user (name, role, createdAt) VALUES (?, 'consultant', ?)", arguments: [name, now])
          consultants[name] = db.lastInsertedRowID
          consultantID = db.lastInsertedRowID
        }
      }
      let at = row.createdAt ?? now
      let lead = NewLead(
        externalID: row.externalID, name: row.name, phone: row.phone, wechat: row.wechat, email: row.email,
        gender: row.gender, birthday: row.birthday, city: row.city, source: row.source, consultantID: consultantID,
        model: row.model, grade: row.grade, tier: row.tier, tags: row.tags, profile: row.profile, stage: row.stage,
        createdAt: at)
      let note = row.stage == .prospect ? nil : "imported at \(row.stage.rawValue)"
      _ = try LeadWriter.insert(
        db, lead, actor: actor, events: [StageEvent(from: nil, to: row.stage, at: at, actor: actor, note: note)])
      return nil
    }
  }

  /// Every row of every table the import writes, each value `quote()`d (type and exact text).
  static func contents(_ db: AppDatabase) throws -> [String] {
    try db.writer.read { db in
      try ["user", "customer", "lead", "leadTag", "profileFact", "stageEvent", "sqlite_sequence"].flatMap { table in
        let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
        let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
        return try String.fetchAll(db, sql: "SELECT '\(table)|' || \(row) FROM \"\(table)\" ORDER BY rowid")
      }
    }
  }

  /// Rows that reuse customers (same name and phone, names equal only up to a NUL or only as Unicode), repeat
  /// tags and profile keys, leave fields blank, and carry days and times at the edges of their formats.
  static func rows(_ count: Int, seed: UInt64, distinctIDs: Bool) -> [ImportedLead] {
    var rng = SplitMix64(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    let names = ["张伟", "李娜", "a\u{0}b", "a\u{0}c", "é", "e\u{301}", "Ann", "ann"]
    let phones = ["13812345678", "13912345678", "02112345678"]
    let days: [LocalDate?] = [
      nil, LocalDate(year: 1990, month: 5, day: 3), LocalDate(year: 0, month: 1, day: 9),
      LocalDate(year: 12_345, month: 12, day: 31), LocalDate(year: -7, month: 2, day: 28),
    ]
    let times: [Date?] = [nil, Date(timeIntervalSince1970: 1_751_333_400), Date(timeIntervalSince1970: 0.25)]
    let tags: [[String]] = [[], ["vip"], ["置换", "vip", "置换"], ["a\u{0}x", "b"]]
    let facts: [[ProfileFact]] = [
      [], [ProfileFact(key: "hobby", value: "钓鱼")],
      [ProfileFact(key: "k", value: "1"), ProfileFact(key: "j", value: "2"), ProfileFact(key: "k", value: "3")],
    ]
    return (0..<count).map { i in
      // Drawn in this order (the generator's sequence), then assembled.
      let externalID = pick([true, false]) ? (distinctIDs ? "X\(i)" : "X\(rng.next() % 20)") : nil
      let (name, phone, wechat, email) = (pick(names), pick(phones), pick([nil, "wx1", ""]), pick([nil, "a@b.cn"]))
      let (gender, birthday, city, source) = (pick([nil, "男"]), pick(days), pick([nil, "武汉"]), pick([nil, "懂车帝"]))
      let (consultant, model, grade) = (
        pick([nil, "顾问1", "顾问2"]), pick([nil, "X40"]), pick([nil, .a, .h] as [Grade?])
      )
      let (tier, tagList, profile, stage) = (pick([nil, .b] as [Tier?]), pick(tags), pick(facts), pick(Stage.allCases))
      let fields = LeadFields(
        externalID: externalID, name: name, phone: phone, wechat: wechat, email: email, gender: gender,
        birthday: birthday, city: city, source: source, model: model, grade: grade, tier: tier, tags: tagList,
        profile: profile, stage: stage)
      return ImportedLead(line: i + 2, fields, consultant: consultant, createdAt: pick(times))
    }
  }

  /// Two databases, both seeded by `seed` (through `addLead`, the reference path) when it is given.
  static func pair(seed: [ImportedLead]) throws -> (AppDatabase, AppDatabase) {
    let a = try AppDatabase.inMemory()
    let b = try AppDatabase.inMemory()
    for db in [a, b] {
      try db.writer.write { db in _ = try reference(db, seed, actor: "老板") }
    }
    return (a, b)
  }

  @Test("rows given parsed: same tables as the reference, into an empty database and into one with customers")
  func parsedRows() throws {
    for (salt, seeded) in [(UInt64(1), false), (2, true), (3, true)] {
      let rows = Self.rows(300, seed: salt, distinctIDs: false)
      let (a, b) = try Self.pair(seed: seeded ? Self.rows(30, seed: salt + 100, distinctIDs: false) : [])
      let expected = try a.writer.write { db in try Self.reference(db, rows, actor: "总部") }
      let result = try b.importLeads(rows, parseErrors: [], strict: false, now: Self.now, actor: "总部")
      #expect(result.skipped.map(\.reason) == expected.compactMap { $0 })
      #expect(try Self.contents(a) == Self.contents(b))
      // Rows without an external id whose customer the seed has are refused now: fewer rows go in when seeded.
      let written = try Self.contents(b).count
      #expect(written > (seeded ? 200 : 600), "\(written)")
    }
  }

  @Test("a streamed file: same tables as the reference whether or not the database had external ids")
  func streamedFile() throws {
    for (salt, seeded) in [(UInt64(4), false), (5, true)] {
      let header = "external_id,name,phone,wechat,gender,birthday,city,consultant,tags,stage,created_at,profile\n"
      var csv = header
      for (i, r) in Self.rows(200, seed: salt, distinctIDs: true).enumerated() {
        let name = r.name.contains("\u{0}") || r.name.hasPrefix("a") ? "N\(i % 7)" : r.name
        let ext = seeded && i % 3 == 0 ? "S\(i % 40)" : (r.externalID ?? "")
        let tags = r.tags.filter { !$0.contains("\u{0}") }.joined(separator: ";")
        let profile = r.profile.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        csv +=
          "\(ext),\(name),\(r.phone),\(r.wechat ?? ""),\(r.gender ?? ""),\(i % 5 == 0 ? "1990-05-03" : ""),"
          + "\(r.city ?? ""),\(r.consultant ?? ""),\(tags),\(r.stage.rawValue),\(i % 4 == 0 ? "2025-07-01T09:30:00+08:00" : "")"
          + ",\(profile)\n"
      }
      let seed =
        seeded
        ? (0..<40).map {
          ImportedLead(line: $0 + 2, LeadFields(externalID: "S\($0)", name: "N\($0 % 7)", phone: "13812345678"))
        } : []
      let (a, b) = try Self.pair(seed: seed)
      let options = ImportOptions(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
      let parsed = try CSVImport.leads(Array(csv.utf8), options: options)
      let expected = try a.writer.write { db in try Self.reference(db, parsed.rows, actor: nil) }
      let result = try b.importLeads(
        from: CSVBytes(Array(csv.utf8), chunkSize: 97), options: options, strict: false, now: Self.now, actor: nil)
      let refused = zip(parsed.rows, expected).compactMap { row, why in why.map { RowError(line: row.line, reason: $0) }
      }
      #expect(result.skipped == (parsed.errors + refused).sorted { $0.line < $1.line })
      #expect(try Self.contents(a) == Self.contents(b))
      #expect(result.imported == parsed.rows.count - expected.compactMap { $0 }.count)
    }
  }
}
