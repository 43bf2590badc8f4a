import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@Suite struct DoctorTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  @Test func aFreshDatabaseIsHealthy() throws {
    let db = try AppDatabase.inMemory()
    _ = try db.addLead(NewLead(name: "王芳", phone: "13812345678", createdAt: now), actor: nil)
    let report = try db.health()
    #expect(report.integrity == ["ok"])
    #expect(report.schemaVersion == report.knownSchemaVersion)
    #expect(report.orphans.isEmpty)
    #expect(report.counts["leads"] == 1 && report.counts["customers"] == 1 && report.counts["stage_events"] == 1)
    #expect(report.isHealthy)
  }

  @Test func orphanRowsAreFoundAndNamed() throws {
    let db = try AppDatabase.inMemory()
    _ = try db.addLead(NewLead(name: "王芳", phone: "13812345678", createdAt: now), actor: nil)
    try db.writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      try db.execute(
        sql: "INSERT INTO touch (leadId, at, channel, outcome) VALUES (42, ?, 'call', 'reached')", arguments: [now])
      try db.execute(
        sql: "INSERT INTO topic (leadId, category, text, kind, buriedAt) VALUES (42, 'buried', 'x', 'other', ?)",
        arguments: [now])
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
    let report = try db.health()
    #expect(report.orphans["touch_without_lead"] == 1)
    #expect(report.orphans["topic_without_lead"] == 1)
    #expect(!report.isHealthy)
    #expect(report.problems.contains("1 orphan rows: touch_without_lead"))
  }

  @Test func aDatabaseBehindTheSchemaIsReported() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1'), ('v7')")
    }
    #expect(throws: CoachError.self) { try AppDatabase(queue) }
  }
}
