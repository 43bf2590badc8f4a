import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@Suite struct BackupRestoreTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  func seeded(_ dir: TempDir, name: String = "coach.sqlite", leads: Int = 3) throws -> AppDatabase {
    let db = try AppDatabase.open(path: dir.path(name))
    for i in 0..<leads {
      let id = try db.addLead(NewLead(name: "客户\(i)", phone: "1380000000\(i % 10)", createdAt: now), actor: nil)
      _ = try db.addTouch(
        leadID: id, NewTouch(at: now, channel: .call, outcome: .reached, note: "n\(i)"), actor: nil, scope: .all)
    }
    return db
  }

  @Test func theDatabaseAndABackupAreReadableOnlyByTheirOwner() throws {
    let dir = try TempDir()
    let db = try seeded(dir)
    #expect(try TempDir.mode(dir.path("coach.sqlite")) == 0o600)
    let summary = try db.backup(to: dir.path("b.sqlite"))
    #expect(summary.leads == 3 && summary.touches == 3 && summary.schemaVersion == AppDatabase.currentSchemaVersion)
    #expect(try TempDir.mode(dir.path("b.sqlite")) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: dir.path("b.sqlite-wal")))
  }

  @Test func aBackupTakenWhileAnotherConnectionWritesIsConsistent() async throws {
    let dir = try TempDir()
    let db = try seeded(dir, leads: 1)
    let other = try AppDatabase.open(path: dir.path("coach.sqlite"))
    let at = now
    let writes = Task.detached {
      for i in 0..<200 {
        _ = try other.addTouch(
          leadID: 1, NewTouch(at: at, channel: .sms, outcome: .reached, note: "w\(i)"), actor: nil, scope: .all)
      }
    }
    var last = 0
    for k in 0..<5 {
      let s = try db.backup(to: dir.path("b\(k).sqlite"))
      #expect(s.touches >= last)
      last = s.touches
      #expect(try BackupInspector.inspect(path: dir.path("b\(k).sqlite")).touches == s.touches)
    }
    try await writes.value
    #expect(try db.health().counts["touches"] == 201)
  }

  @Test func restoreReplacesTheContentAndKeepsTheReplacedCopy() throws {
    let dir = try TempDir()
    let source = try seeded(dir, name: "source.sqlite", leads: 5)
    _ = try source.backup(to: dir.path("b.sqlite"))
    let target = try seeded(dir, name: "target.sqlite", leads: 2)
    let summary = try target.restore(from: dir.path("b.sqlite"), keepingCopyAt: dir.path("kept.sqlite"))
    #expect(summary.leads == 5)
    #expect(try target.leadCount() == 5)
    #expect(try BackupInspector.inspect(path: dir.path("kept.sqlite")).leads == 2)
    #expect(try TempDir.mode(dir.path("kept.sqlite")) == 0o600)
    #expect(try target.health().isHealthy)
  }

  @Test func aBackupWithAnAdminOrWithoutUsersIsRestored() throws {
    let dir = try TempDir()
    let source = try seeded(dir, name: "source.sqlite", leads: 4)
    _ = try source.backup(to: dir.path("no-users.sqlite"))
    _ = try source.addUser(name: "李娜", role: .consultant, team: nil, storeID: nil, now: now)
    _ = try source.addUser(name: "周主任", role: .admin, team: nil, storeID: nil, now: now)
    _ = try source.backup(to: dir.path("with-admin.sqlite"))
    let target = try seeded(dir, name: "target.sqlite", leads: 1)
    #expect(try target.restore(from: dir.path("no-users.sqlite"), keepingCopyAt: dir.path("kept1.sqlite")).leads == 4)
    #expect(try target.restore(from: dir.path("with-admin.sqlite"), keepingCopyAt: dir.path("kept2.sqlite")).leads == 4)
    #expect(try target.users().map(\.name).sorted() == ["周主任", "李娜"].sorted())
  }

  @Test func restoreOfAV1BackupMigratesIt() throws {
    let dir = try TempDir()
    let v1 = try dir.fixture("coach-v1.sqlite")
    let target = try seeded(dir, leads: 1)
    let summary = try target.restore(from: v1, keepingCopyAt: dir.path("kept.sqlite"))
    #expect(summary.schemaVersion == "v1")
    #expect(try target.health().schemaVersion == AppDatabase.currentSchemaVersion)
    #expect(try target.leadCount() == 3)
  }

  @Test(arguments: ["garbage", "empty", "plain-sqlite", "newer", "missing", "users-without-admin"])
  func restoreRefusesWhatIsNotACoachDatabaseAndWritesNothing(kind: String) throws {
    let dir = try TempDir()
    let bad = dir.path("bad.sqlite")
    switch kind {
    case "garbage": try Data("name,phone\n".utf8).write(to: URL(fileURLWithPath: bad))
    case "empty": try Data().write(to: URL(fileURLWithPath: bad))
    case "plain-sqlite": try DatabaseQueue(path: bad).write { try $0.execute(sql: "CREATE TABLE lead (x)") }
    case "newer":
      _ = try seeded(dir, name: "newer.sqlite").backup(to: bad)
      try DatabaseQueue(path: bad).write {
        try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
      }
    case "users-without-admin":
      // Restored, it would have locked every admin out: once users exist, only an admin manages them or restores.
      let source = try seeded(dir, name: "source.sqlite")
      _ = try source.addUser(name: "李娜", role: .consultant, team: nil, storeID: nil, now: now)
      _ = try source.addUser(name: "王经理", role: .lead, team: nil, storeID: nil, now: now)
      _ = try source.backup(to: bad)
    default: break
    }
    let target = try seeded(dir, leads: 2)
    do {
      _ = try target.restore(from: bad, keepingCopyAt: dir.path("kept.sqlite"))
      Issue.record("restore of \(kind) succeeded")
    } catch let error as CoachError {
      #expect(error.exitCode == 65)
      #expect(error.message.contains("bad.sqlite"))
    }
    #expect(try target.leadCount() == 2)
    #expect(!FileManager.default.fileExists(atPath: dir.path("kept.sqlite")))
  }
}
