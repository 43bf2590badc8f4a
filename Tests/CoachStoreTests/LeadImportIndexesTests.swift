import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// A large lead import sets the indexes of `lead` and `followUp` it does not search aside and builds them at its end
/// (`LeadImportWriter`, `SetAsideIndexes`): the same rows, the same schema, and nothing missing if it fails.
@Suite struct LeadImportIndexesTests {
  typealias Equivalence = LeadImportEquivalenceTests

  /// Every index and trigger as stored, and every row of the tables the import writes besides `contents`.
  static func schemaAndDerived(_ db: AppDatabase) throws -> [String] {
    try db.writer.read { db in
      let schema = try String.fetchAll(
        db,
        sql: """
          SELECT type || '|' || name || '|' || COALESCE(sql, '') FROM sqlite_master
          WHERE type IN ('index', 'trigger') ORDER BY type, name
          """)
      let derived = try ["followUp", "delivery", "deliveryDay"].flatMap { table in
        let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
        let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
        return try String.fetchAll(db, sql: "SELECT '\(table)|' || \(row) FROM \"\(table)\" ORDER BY 1")
      }
      return schema + derived
    }
  }

  static func indexes(_ db: Database) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('lead', 'followUp')") ?? 0
  }

  @Test func theIndexesComeBackWithTheSameRows() throws {
    let seed = Equivalence.rows(30, seed: 41, distinctIDs: false)
    let rows = Equivalence.rows(300, seed: 42, distinctIDs: true)
    let (kept, rebuilt) = try Equivalence.pair(seed: seed)
    let before = try rebuilt.writer.read { try Self.indexes($0) }
    for (db, least) in [(kept, Int.max), (rebuilt, 20)] {
      try db.writer.write { db in
        var w = try LeadImportWriter(db, now: Equivalence.now, actor: nil, setAsideAtLeast: least)
        for row in rows { _ = try w.write(row, insert: true) }
        // Set aside after 30 rows (as many as the table held, at least 20): only `lead_on_customerId` and the
        // unique ones are left until `finish`.
        let during = try Self.indexes(db)
        if least == 20 { #expect(during < before && during > 0) } else { #expect(during == before) }
        try w.finish()
      }
    }
    #expect(try Equivalence.contents(rebuilt) == Equivalence.contents(kept))
    #expect(try Self.schemaAndDerived(rebuilt) == Self.schemaAndDerived(kept))
    #expect(try rebuilt.writer.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
  }

  @Test func aFailedImportKeepsEveryIndex() throws {
    let (db, _) = try Equivalence.pair(seed: Equivalence.rows(10, seed: 43, distinctIDs: false))
    let schema = try Self.schemaAndDerived(db)
    struct Broken: Error {}
    #expect(throws: Broken.self) {
      try db.writer.write { db in
        var w = try LeadImportWriter(db, now: Equivalence.now, actor: nil, setAsideAtLeast: 1)
        for row in Equivalence.rows(50, seed: 44, distinctIDs: true) { _ = try w.write(row, insert: true) }
        throw Broken()
      }
    }
    #expect(try Self.schemaAndDerived(db) == schema)
  }
}
