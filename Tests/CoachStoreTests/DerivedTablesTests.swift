import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// `coach doctor` notices rows of the trigger-kept tables (`delivery` v4, `lastTouch` v6) edited, deleted or added
/// by hand, counts the leads they belong to, and `rebuildDerived` puts back exactly what the sources give.
@Suite struct DerivedTablesTests {
  let t0 = Date(timeIntervalSince1970: 1_780_000_000)

  /// One way of spoiling a table, and how many leads it makes wrong.
  struct Corruption: Sendable, CustomTestStringConvertible {
    let name: String
    let table: String
    let wrongLeads: Int
    let sql: String
    var testDescription: String { name }
  }

  // Leads 1...6 (see `seeded`): 1-4 touched (1 and 2 with contacts), 5 untouched, 1-3 delivered, 6 a prospect.
  static let corruptions: [Corruption] = [
    .init(
      name: "last touch deleted", table: "last_touch", wrongLeads: 1,
      sql: "DELETE FROM lastTouch WHERE leadId = 1 AND kind = 0"),
    .init(
      name: "last contact deleted", table: "last_touch", wrongLeads: 1,
      sql: "DELETE FROM lastTouch WHERE leadId = 2 AND kind = 1"),
    .init(
      name: "outcome changed", table: "last_touch", wrongLeads: 1,
      sql: "UPDATE lastTouch SET outcome = 'declined' WHERE leadId = 3"),
    .init(
      name: "nextAt cleared", table: "last_touch", wrongLeads: 1,
      sql: "UPDATE lastTouch SET nextAt = NULL WHERE leadId = 1 AND kind = 0"),
    .init(
      name: "actor set", table: "last_touch", wrongLeads: 2,
      sql: "UPDATE lastTouch SET actor = 'x' WHERE leadId IN (2, 4) AND kind = 0"),
    .init(
      name: "both rows of a lead", table: "last_touch", wrongLeads: 1,
      sql: "UPDATE lastTouch SET touchId = touchId + 1 WHERE leadId = 1"),
    .init(
      name: "stray rows", table: "last_touch", wrongLeads: 3,
      sql: """
        INSERT INTO lastTouch (\(Migrations.lastTouchColumns)) VALUES
          (5, 0, 1, '2026-01-01 00:00:00.000', 'call', 'reached', NULL, NULL, NULL),
          (4, 2, 1, '2026-01-01 00:00:00.000', 'call', 'reached', NULL, NULL, NULL),
          (99, 1, 1, '2026-01-01 00:00:00.000', 'call', 'reached', NULL, NULL, NULL)
        """),
    .init(
      name: "delivery deleted", table: "delivery", wrongLeads: 1,
      sql: "DELETE FROM delivery WHERE eventId = (SELECT MIN(eventId) FROM delivery)"),
    .init(
      name: "model changed", table: "delivery", wrongLeads: 1,
      sql: "UPDATE delivery SET model = 'X70' WHERE model = 'S30'"),
    .init(
      name: "model cleared", table: "delivery", wrongLeads: 1,
      sql: "UPDATE delivery SET model = NULL WHERE model = 'E20'"),
    .init(
      name: "time changed", table: "delivery", wrongLeads: 3,
      sql: "UPDATE delivery SET at = '2020-01-01 00:00:00.000'"),
    .init(
      name: "stray deliveries", table: "delivery", wrongLeads: 2,
      sql: """
        INSERT INTO delivery (eventId, at, model) SELECT id, at, 'S30' FROM stageEvent WHERE leadId = 6;
        INSERT INTO delivery (eventId, at, model) VALUES (9999, '2026-01-01 00:00:00.000', 'S30')
        """),
  ]

  /// Six leads: touches out of time order, sharing times, with and without agreed next contacts; three delivered
  /// (one with the model on the event, one with the lead's model, one with none).
  func seeded() throws -> AppDatabase {
    let db = try AppDatabase.inMemory()
    let models: [String?] = ["S30", nil, "E20", "X40", nil, "X60"]
    let ids = try models.enumerated().map { i, model in
      try db.addLead(NewLead(name: "客户\(i)", model: model, createdAt: t0), actor: nil)
    }
    #expect(ids == [1, 2, 3, 4, 5, 6])
    let touches: [(Int, Double, Outcome, Bool)] = [
      (0, 5, .reached, true), (0, 2, .noAnswer, false), (0, 5, .noAnswer, true), (1, 1, .visited, false),
      (1, 3, .declined, false), (2, 4, .noAnswer, true), (2, 4, .noAnswer, false), (3, 2, .declined, false),
    ]
    for (lead, hours, outcome, next) in touches {
      let at = t0.addingTimeInterval(hours * 3_600)
      _ = try db.addTouch(
        leadID: ids[lead],
        NewTouch(at: at, channel: .call, outcome: outcome, nextAt: next ? at.addingTimeInterval(86_400) : nil),
        actor: nil, scope: .all)
    }
    for (lead, model) in [(0, nil), (1, "X70"), (2, "E20")] as [(Int, String?)] {
      for (step, to) in [Stage.deposit, .waitingForDelivery, .delivered].enumerated() {
        let at = t0.addingTimeInterval(Double(10 + step) * 86_400)
        let day = LocalDate(at, in: .gmt)
        let change = StageChange(
          to: to, amount: 5_000, model: to == .delivered ? model : nil, eta: day.adding(days: 30), date: day)
        _ = try db.changeStage(leadID: ids[lead], change, now: at, today: day, actor: nil, scope: .all)
      }
    }
    return db
  }

  /// Every row of both tables, in key order.
  static func contents(_ db: AppDatabase) throws -> [Row] {
    try db.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM lastTouch ORDER BY leadId, kind")
        + Row.fetchAll(db, sql: "SELECT * FROM delivery ORDER BY eventId")
    }
  }

  /// Runs `sql` as a hand edit would: no foreign-key checks, no triggers but those of the edited table.
  static func edit(_ db: AppDatabase, _ sql: String) throws {
    try db.writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      try db.execute(sql: sql)
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
  }

  @Test func aSeededDatabaseIsRight() throws {
    let db = try seeded()
    let report = try db.health()
    #expect(report.derived.isEmpty && report.isHealthy)
    #expect(try db.derivedMismatches() == ["delivery": 0, "last_touch": 0])
    let rows = try db.writer.read { db in
      try Int.fetchAll(db, sql: "SELECT COUNT(*) FROM lastTouch UNION ALL SELECT COUNT(*) FROM delivery")
    }
    #expect(rows == [6, 3])
    let models = try db.writer.read { db in try String?.fetchAll(db, sql: "SELECT model FROM delivery ORDER BY eventId")
    }
    #expect(models == ["S30", "X70", "E20"])
  }

  @Test(arguments: corruptions) func aCorruptionIsCountedAndRebuilt(_ c: Corruption) throws {
    let db = try seeded()
    let right = try Self.contents(db)
    try Self.edit(db, c.sql)
    #expect(try Self.contents(db) != right, "the edit must change something")

    let report = try db.health()
    #expect(report.derived == [c.table: c.wrongLeads])
    #expect(!report.isHealthy)
    #expect(
      report.problems.contains {
        $0.contains("\(c.wrongLeads) leads with wrong \(c.table) rows") && $0.contains("--rebuild-derived")
      })

    let repair = try db.rebuildDerived()
    #expect(repair.tables[c.table]?.wrongLeads == c.wrongLeads)
    #expect(repair.changedAnything)
    let other = c.table == "delivery" ? "last_touch" : "delivery"
    #expect(repair.tables[other] == DerivedRepair.Change(wrongLeads: 0, rowsRemoved: 0, rowsWritten: 0))
    #expect(try Self.contents(db) == right)
    #expect(try LastTouchTableTests.mismatches(db) == 0)
    let after = try db.health()
    #expect(after.derived.isEmpty && after.isHealthy, "\(after.problems)")

    let again = try db.rebuildDerived()
    #expect(!again.changedAnything)
    #expect(again.tables.values.allSatisfy { $0.wrongLeads == 0 })
  }
}
