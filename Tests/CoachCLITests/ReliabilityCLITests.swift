import Foundation
import Testing

/// Backup, restore, doctor and concurrent writers, through the real binary.
@Suite struct ReliabilityCLITests {
  func admin() throws -> CLI {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["user", "add", "ann", "--role", "consultant"]).status == 0)
    _ = try cli.addLead(["--consultant", "ann"])
    return cli
  }

  /// The SQLite file is created on the first write (CONTRACT.md): a command that reads, on a path where there is no
  /// database yet (a path mistyped, say), answers as an empty database would and leaves no file or folder behind.
  @Test(.disabled(if: CLI.suiteOnPostgres, "a SQLite file's creation"))
  func readingAMissingFileCreatesNothing() throws {
    let cli = try CLI()
    let folder = cli.dir.appendingPathComponent("not-yet")
    let db = ["COACH_DB": folder.appendingPathComponent("coach.sqlite").path]
    let csv = cli.dir.appendingPathComponent("leads.csv")
    try Data("name,phone\n王芳,13812345678\n".utf8).write(to: csv)
    let reads = [
      ["next"], ["next", "--json"], ["alerts", "--json"], ["audit", "--json"], ["lead", "list", "--json"],
      ["user", "list"], ["store", "list"], ["playbook", "objections", "--learned"],
      ["import", "leads", "--dry-run", csv.path],
    ]
    for args in reads {
      let r = try cli.run(args, env: db)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: folder.path), "\(args) created \(folder.path)")
    }
    #expect((try cli.run(["next", "--json"], env: db).json()["queue"] as? [Any])?.isEmpty == true)
    // Checking or copying a database that is not there is refused, not done on an empty one made for it.
    let copy = cli.dir.appendingPathComponent("copy.sqlite").path
    // A change to what is not there is refused, and leaves nothing either.
    for args in [
      ["touch", "1", "--channel", "call", "--outcome", "reached"], ["stage", "1", "deposit", "--amount", "5000"],
      ["snooze", "1", "--until", "2026-12-01", "--reason", "away"], ["lead", "edit", "1", "--city", "Hangzhou"],
      ["user", "passwd", "ann", "--password-stdin"],
    ] {
      #expect(try cli.run(args, stdin: Data("pw-123456\n".utf8), env: db).status == 65, "\(args)")
      #expect(!FileManager.default.fileExists(atPath: folder.path), "\(args) created \(folder.path)")
    }
    for args in [["doctor", "--json"], ["backup", copy, "--json"], ["export", "leads", "--out", copy, "--json"]] {
      let r = try cli.run(args, env: db)
      #expect(r.status == 65, "\(args): \(r.stderr)")
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "no_database")
      #expect(r.stderr.contains("there is no database at \(folder.path)/coach.sqlite"), "\(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: folder.path) && !FileManager.default.fileExists(atPath: copy))
    }
    // The first write creates it, readable by its owner only.
    #expect(try cli.run(["lead", "add", "--name", "x", "--phone", "13812345678"], env: db).status == 0)
    let mode = try FileManager.default.attributesOfItem(atPath: db["COACH_DB"]!)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try cli.run(["lead", "list", "--json"], env: db).stdout.contains("13"))
  }

  @Test(
    .disabled(
      if: CLI.suiteOnPostgres,
      "a SQLite file's backup and restore; on PostgreSQL they are refused (PostgresCLITests.backupAndRestoreAreTheServersOnPostgreSQL)"
    ))
  func backupIsForAdminsRecordedAndRestorable() throws {
    let cli = try admin()
    var ann = cli
    ann.user = "ann"
    let file = cli.dir.appendingPathComponent("b.sqlite").path
    #expect(try ann.run(["backup", file]).status == 65)
    #expect(!FileManager.default.fileExists(atPath: file))
    let r = try cli.run(["backup", file, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["leads"] as? Int == 1)
    #expect(
      try ImportCLITests.sqlite(cli.db, "SELECT what || ',' || actor || ',' || target FROM exportLog")
        == "backup,boss,\(file)")
    #expect(try cli.run(["backup", cli.db]).status == 65)
    _ = try cli.addLead(["--phone", "13900000009"])
    #expect(try ann.run(["restore", file]).status == 65)
    let restored = try cli.run(["restore", file, "--json"])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(try cli.run(["lead", "list", "--json"]).json()["leads"].map { ($0 as? [Any])?.count } == 1)
  }

  @Test(
    .disabled(
      if: CLI.suiteOnPostgres,
      "a SQLite file's backup and restore; on PostgreSQL they are refused (PostgresCLITests.backupAndRestoreAreTheServersOnPostgreSQL)"
    ), arguments: ["text", "newer", "missing", "no-admin"])
  func restoreRefusesWithExit65AndChangesNothing(kind: String) throws {
    let cli = try admin()
    let bad = cli.dir.appendingPathComponent("bad.sqlite").path
    switch kind {
    case "text": try Data("not a database".utf8).write(to: URL(fileURLWithPath: bad))
    case "newer":
      #expect(try cli.run(["backup", bad]).status == 0)
      _ = try ImportCLITests.sqlite(bad, "INSERT INTO grdb_migrations VALUES ('v42')")
    case "no-admin":
      // Users, none of them an admin: restoring it succeeded and locked every admin out.
      #expect(try cli.run(["backup", bad]).status == 0)
      _ = try ImportCLITests.sqlite(bad, "UPDATE user SET role = 'lead' WHERE role = 'admin'")
      let zh = try cli.run(["restore", bad, "--lang", "zh-CN"])
      #expect(zh.status == 65 && zh.stderr.contains("没有管理员"), "\(zh.stderr)")
    default: break
    }
    let before = try ImportCLITests.sqlite(cli.db, "SELECT COUNT(*) FROM lead")
    let r = try cli.run(["restore", bad, "--json"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("bad.sqlite"))
    #expect(try r.json()["error"] != nil)
    if kind == "no-admin" {
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "backup_without_admin")
      #expect(r.stderr.contains("has 2 users but no admin"), "\(r.stderr)")
    }
    #expect(try ImportCLITests.sqlite(cli.db, "SELECT COUNT(*) FROM lead") == before)
    #expect(try ImportCLITests.sqlite(cli.db, "SELECT role FROM user WHERE name = 'boss'") == "admin")
    let kept = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path).filter {
      $0.contains("before-restore")
    }
    #expect(kept.isEmpty)
  }

  @Test func doctorIsHealthyOnANewDatabaseAndFindsOrphans() throws {
    let cli = try admin()
    let ok = try cli.run(["doctor", "--json"])
    #expect(ok.status == 0, "\(ok.stderr)")
    let doc = try ok.json()
    #expect(doc["healthy"] as? Bool == true)
    #expect(doc["schema_version"] as? String == "v19-lead-edit")
    #expect(doc["integrity"] as? [String] == ["ok"])
    #expect(doc["overdue"] as? Int == 0)
    let later = try cli.run(["doctor", "--json"], env: ["COACH_NOW": "2026-12-24T09:00:00+08:00"])
    #expect(try later.json()["overdue"] as? Int == 1)
    // A touch of no lead, written past the foreign key (PostgreSQL: replica mode skips the key's triggers).
    let skipKeys = cli.postgresURL == nil ? "PRAGMA foreign_keys=OFF;" : "SET session_replication_role = replica;"
    _ = try ImportCLITests.sqlite(
      cli.db,
      skipKeys + " INSERT INTO touch (leadId, at, channel, outcome) VALUES (77, '2026-01-01', 'call', 'reached');")
    let bad = try cli.run(["doctor"])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("touch_without_lead"))
  }

  @Test func twoProcessesTouchingTheSameLeadLoseNothing() async throws {
    let cli = try admin()
    let n = 25
    async let a: [Int32] = (0..<n).asyncMap { i in
      try cli.run(["touch", "1", "--channel", "call", "--outcome", "reached", "--note", "a\(i)"]).status
    }
    async let b: [Int32] = (0..<n).asyncMap { i in
      try cli.run(["touch", "1", "--channel", "sms", "--outcome", "reached", "--note", "b\(i)"]).status
    }
    let statuses = try await a + b
    #expect(statuses.allSatisfy { $0 == 0 })
    #expect(try ImportCLITests.sqlite(cli.db, "SELECT COUNT(DISTINCT note) FROM touch") == "\(2 * n)")
  }
}

extension Range<Int> {
  /// Runs `body` for each element in order, off the caller's task.
  func asyncMap<T: Sendable>(_ body: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
    try await Task.detached { try self.map(body) }.value
  }
}
