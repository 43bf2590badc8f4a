import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

/// Every earlier schema version, as a committed database made by that version, migrates without loss.
@Suite struct MigrationFixtureTests {
  /// Row counts of the v1 fixture, as printed by `Tests/Fixtures/make-v1-fixture` when it was made.
  static let v1Counts = [
    "user": 4, "customer": 3, "lead": 3, "leadTag": 2, "profileFact": 2, "stageEvent": 6, "touch": 3, "topic": 2,
    "exportLog": 1,
  ]

  @Test func aV1DatabaseMigratesToTheCurrentSchemaKeepingEveryRow() throws {
    let dir = try TempDir()
    let path = try dir.fixture("coach-v1.sqlite")
    let before = try DatabaseQueue(path: path).read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
    #expect(before == ["v1"])
    let db = try AppDatabase.open(path: path)
    for (table, n) in Self.v1Counts {
      #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") } == n, "\(table)")
    }
    let health = try db.health()
    #expect(health.schemaVersion == AppDatabase.currentSchemaVersion)
    #expect(health.isHealthy, "\(health.problems)")
    #expect(try db.reassignments().isEmpty)
  }

  @Test func aV1DatabaseKeepsItsValuesAfterMigration() throws {
    let dir = try TempDir()
    let db = try AppDatabase.open(path: try dir.fixture("coach-v1.sqlite"))
    let leads = try db.snapshots(LeadFilter(scope: .all))
    #expect(leads.map(\.name) == ["王芳", "O'Brien; DROP TABLE lead;--", "陈静"])
    let wang = try #require(leads.first)
    #expect(wang.phone == "13812345678")
    #expect(wang.consultant == "李娜")
    #expect(wang.model == "X60")
    #expect(wang.grade == .h)
    #expect(wang.birthday == LocalDate(year: 1985, month: 4, day: 12))
    #expect(wang.tags == ["vip", "warning"])
    #expect(Set(wang.profile) == [ProfileFact(key: "hobby", value: "钓鱼"), ProfileFact(key: "family", value: "两个孩子")])
    #expect(wang.stage == .waitingForDelivery)
    #expect(wang.events.map(\.to) == [.prospect, .deposit, .waitingForDelivery])
    #expect(wang.events.compactMap(\.amount) == [5000])
    #expect(wang.touches.map(\.note) == ["想要7座，问了等车时间", nil])
    #expect(wang.touches.first?.objections == ["wait_too_long"])
    #expect(wang.topics.map(\.text) == ["X70 到店时间"])
    #expect(leads[2].stage == .churned)
    #expect(leads[2].phone == "01012345678")
    // v6 fills `lastTouch` from the touches already there.
    #expect(try LastTouchTableTests.mismatches(db) == 0)
    #expect(try db.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lastTouch") } ?? 0 > 0)
  }

  @Test func aDatabaseWithANewerSchemaIsRefusedAndLeftAlone() throws {
    let dir = try TempDir()
    let path = try dir.fixture("coach-v1.sqlite")
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
    }
    #expect(throws: CoachError.self) { try AppDatabase.open(path: path) }
    let applied = try DatabaseQueue(path: path).read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
    }
    #expect(applied == ["v1", "v99"])
  }

  @Test func reopeningAMigratedDatabaseChangesNothing() throws {
    let dir = try TempDir()
    let path = try dir.fixture("coach-v1.sqlite")
    _ = try AppDatabase.open(path: path)
    let again = try AppDatabase.open(path: path)
    #expect(try again.health().counts["leads"] == 3)
    #expect(try again.health().schemaVersion == AppDatabase.currentSchemaVersion)
  }
}
