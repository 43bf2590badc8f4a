import Foundation
import Testing

/// `coach doctor` finds rows of the trigger-kept tables edited by hand, and `--rebuild-derived` repairs them.
@Suite struct DoctorCLITests {
  /// Another program's SQLite file given as --db is refused, and left as it was: neither doctor nor a read adds
  /// coach's tables to it.
  @Test(arguments: [["doctor"], ["lead", "list"]])
  func aForeignDatabaseIsRefusedAndLeftAlone(command: [String]) throws {
    let cli = try CLI()
    guard !cli.db.hasPrefix("postgres") else { return }
    _ = try ImportCLITests.sqlite(cli.db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    let r = try cli.run(command + ["--json", "--lang", "en"])
    #expect(r.status == 65)
    #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "not_a_coach_database")
    #expect(r.stderr.contains("another program's SQLite database"), "\(r.stderr)")
    #expect(try ImportCLITests.sqlite(cli.db, "SELECT group_concat(name) FROM sqlite_master") == "t")
  }

  /// A database file emptied to 0 bytes (a full disk, a bad copy) is refused by every command and left as it is,
  /// and a backup restores into it: it was opened as a new database, `doctor` said "healthy".
  @Test(arguments: [["doctor"], ["next"], ["lead", "list"], ["lead", "add", "--name", "x", "--phone", "13812345678"]])
  func anEmptiedDatabaseFileIsRefusedAndLeftAlone(command: [String]) throws {
    var cli = try CLI()
    guard !cli.db.hasPrefix("postgres") else { return }
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    let backup = cli.dir.appendingPathComponent("b.sqlite").path
    #expect(try cli.run(["backup", backup]).status == 0)
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.db + suffix) }
    #expect(FileManager.default.createFile(atPath: cli.db, contents: Data()))
    let r = try cli.run(command + ["--json", "--lang", "en"])
    #expect(r.status == 65, "\(command): \(r.stderr)")
    #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "not_a_database")
    #expect(r.stderr.contains("is an empty file (0 bytes)") && r.stderr.contains("coach restore"), "\(r.stderr)")
    #expect((try FileManager.default.attributesOfItem(atPath: cli.db)[.size] as? Int) == 0)
    let restored = try cli.run(["restore", backup])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(try cli.run(["lead", "list", "--json"]).json()["leads"] as? [Any] != nil)
  }

  static let tables = "SELECT * FROM lastTouch ORDER BY leadId, kind; SELECT * FROM delivery ORDER BY eventId;"

  /// The stored follow-ups `next` and `alerts` read are held to a replay: a row edited by hand to say a due lead is
  /// quiet is found (it would drop the lead from the queue), and `--rebuild-derived` clears them for the next reader.
  @Test func aStoredFollowUpThatDisagreesWithTheReplayIsFoundAndCleared() throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    let before = try cli.run(["next", "--json", "--limit", "50"])
    #expect(before.status == 0, "\(before.stderr)")
    let stored = try ImportCLITests.sqlite(cli.db, "SELECT COUNT(*) FROM followUp WHERE asOf IS NOT NULL;")
    #expect(Int(stored.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 100, "\(stored)")
    let healthy = try cli.run(["doctor", "--json"])
    #expect(healthy.status == 0, "\(healthy.stderr)")
    #expect(try healthy.json()["derived"] as? [String: Int] == [:])

    // The most urgent lead's row says nothing is due until far away.
    let first = try #require((try before.json()["queue"] as? [[String: Any]])?.first?["lead_id"] as? String)
    _ = try ImportCLITests.sqlite(
      cli.db, "UPDATE followUp SET code = NULL, dueAt = NULL, deadline = NULL, wakeAt = 4e9 WHERE leadId = \(first);")
    let bad = try cli.run(["doctor", "--json"])
    #expect(bad.status == 65)
    #expect(try bad.json()["derived"] as? [String: Int] == ["follow_up": 1])
    #expect(bad.stderr.contains("1 leads with wrong follow_up rows: repair with `coach doctor --rebuild-derived`"))
    // Said in the user's language; the JSON stays the same.
    let zh = try cli.run(["doctor", "--json"], env: ["COACH_LANG": "zh-CN"])
    #expect(zh.stderr.contains("follow_up 中有 1 条线索的行有误：用 `coach doctor --rebuild-derived` 修复"), "\(zh.stderr)")
    #expect(try zh.json()["problems"] as? [String] == (try bad.json()["problems"] as? [String]))
    let quick = try cli.run(["doctor", "--quick", "--json"])
    #expect(quick.status == 0, "the quick check does not replay")

    let repaired = try cli.run(["doctor", "--json", "--rebuild-derived"])
    #expect(repaired.status == 0, "\(repaired.stderr)")
    let after = try cli.run(["next", "--json", "--limit", "50"])
    #expect(try after.json()["queue"] as? NSArray == (try before.json()["queue"] as? NSArray))

    // A due row's part of the priority edited by hand (the queue ranks held leads by it): found and cleared too.
    _ = try ImportCLITests.sqlite(cli.db, "UPDATE followUp SET base = base + 50 WHERE leadId = \(first);")
    let raised = try cli.run(["doctor", "--json"])
    #expect(raised.status == 65)
    #expect(try raised.json()["derived"] as? [String: Int] == ["follow_up": 1])
    #expect(try cli.run(["doctor", "--json", "--rebuild-derived"]).status == 0)
    let again = try cli.run(["next", "--json", "--limit", "50"])
    #expect(try again.json()["queue"] as? NSArray == (try before.json()["queue"] as? NSArray))
  }

  /// A lead owned by a deactivated user (a hand edit, or a file restored from before the move) falls out of every
  /// queue: doctor names it. The edit is SQLite's; PostgreSQL runs the same query (`HealthReport.orphanQueries`).
  @Test(.enabled(if: !CLI.suiteOnPostgres)) func aLeadOfADeactivatedUserIsFound() throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    #expect(try cli.run(["doctor", "--quick"]).status == 0)
    _ = try ImportCLITests.sqlite(
      cli.db, "UPDATE user SET deactivatedAt = '2026-11-20 00:00:00.000' WHERE name = '张伟';")
    let found = try cli.run(["doctor", "--quick", "--json"])
    #expect(found.status == 65)
    #expect((try found.json()["orphans"] as? [String: Int])?["lead_of_deactivated_user"] ?? 0 > 0, "\(found.stdout)")
  }

  @Test func handEditsAreFoundAndRebuilt() throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    let fresh = try cli.run(["doctor", "--quick", "--json"])
    #expect(fresh.status == 0, "\(fresh.stderr)")
    #expect(try fresh.json()["healthy"] as? Bool == true)
    #expect(try fresh.json()["derived"] as? [String: Int] == [:])
    #expect(try fresh.json()["rebuilt"] == nil)
    let right = try ImportCLITests.sqlite(cli.db, Self.tables)
    #expect(right.split(separator: "\n").count > 100)

    // Two leads' last touches lost, one delivery's model changed: what an older binary or a hand edit could do.
    _ = try ImportCLITests.sqlite(
      cli.db,
      """
      DELETE FROM lastTouch WHERE leadId IN (SELECT leadId FROM lastTouch WHERE kind = 0 ORDER BY leadId LIMIT 2);
      UPDATE delivery SET model = 'M80' WHERE eventId = (SELECT MIN(eventId) FROM delivery);
      """)
    let bad = try cli.run(["doctor", "--quick"])
    #expect(bad.status == 65)
    #expect(
      bad.stderr.contains("2 leads with wrong last_touch rows: repair with `coach doctor --rebuild-derived`"),
      "\(bad.stderr)")
    #expect(bad.stderr.contains("1 leads with wrong delivery rows"), "\(bad.stderr)")
    #expect(bad.stdout.contains("derived      delivery 1 leads wrong, last_touch 2 leads wrong"), "\(bad.stdout)")
    let zh = try cli.run(["doctor", "--quick", "--lang", "zh-CN"])
    #expect(zh.status == 65)
    #expect(zh.stdout.contains("派生表       delivery 1 条线索有误，last_touch 2 条线索有误"), "\(zh.stdout)")
    #expect(zh.stdout.hasSuffix("发现问题\n"), "\(zh.stdout)")
    let badJSON = try cli.run(["doctor", "--quick", "--json"])
    #expect(badJSON.status == 65)
    #expect(try badJSON.json()["derived"] as? [String: Int] == ["delivery": 1, "last_touch": 2])
    #expect(try badJSON.json()["healthy"] as? Bool == false)

    let repaired = try cli.run(["doctor", "--quick", "--json", "--rebuild-derived"])
    #expect(repaired.status == 0, "\(repaired.stderr)")
    let doc = try repaired.json()
    #expect(doc["healthy"] as? Bool == true)
    #expect(doc["derived"] as? [String: Int] == [:])
    let rebuilt = doc["rebuilt"] as? [String: [String: Int]]
    #expect(rebuilt?["last_touch"]?["wrong_leads"] == 2)
    #expect(rebuilt?["delivery"] == ["wrong_leads": 1, "rows_removed": 1, "rows_written": 1])
    #expect(try ImportCLITests.sqlite(cli.db, Self.tables) == right)

    let again = try cli.run(["doctor", "--rebuild-derived"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      again.stdout.contains("rebuilt      delivery nothing to change, last_touch nothing to change"), "\(again.stdout)")
    #expect(again.stdout.contains("derived      ok"))
    #expect(again.stdout.hasSuffix("healthy\n"))
    let zhAgain = try cli.run(["doctor", "--quick", "--lang", "zh-CN"])
    #expect(zhAgain.status == 0)
    #expect(zhAgain.stdout.contains("派生表       正常") && zhAgain.stdout.contains("孤立行       无"), "\(zhAgain.stdout)")
    #expect(zhAgain.stdout.hasSuffix("健康\n"))
    #expect(try cli.run(["doctor"]).status == 0)
  }
}
