import CoachPostgres
import Foundation
import Testing

/// `coach migrate`: a showroom's SQLite database moved into a store of a group's PostgreSQL database, on a real server.
@Suite(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
struct MigrateCLITests {
  /// A demo showroom on SQLite, and an empty group database with its group admin and stores SH-01 and BJ-01.
  func setUp() throws -> (showroom: CLI, group: CLI) {
    let showroom = try CLI(engine: .sqlite)
    #expect(try showroom.run(["demo"]).status == 0)
    var group = try CLI(engine: .postgres)
    #expect(try group.run(["user", "add", "boss", "--role", "group_admin"]).status == 0)
    group.user = "boss"
    #expect(try group.run(["store", "add", "SH-01", "--name", "上海一店"]).status == 0)
    #expect(try group.run(["store", "add", "BJ-01"]).status == 0)
    return (showroom, group)
  }

  func copied(_ r: CLI.Result) throws -> [String: Int] {
    let tables = try #require(try r.json()["tables"] as? [[String: Any]], "\(r.stdout) \(r.stderr)")
    return Dictionary(uniqueKeysWithValues: tables.map { ($0["table"] as? String ?? "", $0["copied"] as? Int ?? -1) })
  }

  @Test func theMovedStoreAnswersAsTheShowroomDidAndASecondRunCopiesOnlyWhatIsNew() throws {
    var (showroom, group) = try setUp()
    let first = try group.run(["migrate", "--from", showroom.db, "--store", "SH-01", "--json"])
    #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
    let counts = try copied(first)
    #expect(counts["lead"] == 200 && counts["user"] == 6 && (counts["touch"] ?? 0) > 1_000)
    // Every demo user gets the same answers from the store as from the showroom's own file, byte for byte.
    var compared = 0
    for user in ["周主任", "王经理", "李娜", "张伟", "陈静", "刘洋"] {
      showroom.user = user
      group.user = user
      for args in [
        ["next", "--json"], ["alerts", "--json"], ["alerts", "--team", "--json"], ["audit", "--json"],
        ["lead", "list", "--json"], ["lead", "show", "7", "--json"],
      ] {
        let a = try showroom.run(args)
        let b = try group.run(args)
        #expect(a.status == b.status && a.stdout == b.stdout, "\(user) \(args) differs after the move")
        if a.status == 0 { compared += 1 }
      }
    }
    #expect(compared >= 25)
    // The moved users are the store's: its admin is the store's admin, the group admin has a row per store only
    // once another store has consultants.
    group.user = "boss"
    let users = try group.run(["user", "list", "--json"]).json()["users"] as? [[String: Any]] ?? []
    #expect(users.filter { $0["store"] as? String == "SH-01" }.count == 6)

    // Again: nothing copied twice. After a new touch in the showroom, only that touch is copied, onto its lead.
    let again = try group.run(["migrate", "--from", showroom.db, "--store", "SH-01", "--json"])
    #expect(try copied(again).values.allSatisfy { $0 == 0 }, "\(again.stdout)")
    showroom.user = "李娜"
    showroom.now = "2026-11-25T10:00:00+08:00"
    let lead = try #require(
      (try showroom.run(["lead", "list", "--json"]).json()["leads"] as? [[String: Any]])?.first?["id"] as? String)
    #expect(
      try showroom.run(["touch", lead, "--channel", "call", "--outcome", "reached", "--note", "moved later"]).status
        == 0)
    let third = try group.run(["migrate", "--from", showroom.db, "--store", "SH-01", "--json"])
    let now = try copied(third)
    #expect(now["touch"] == 1 && now.filter { $0.key != "touch" }.values.allSatisfy { $0 == 0 }, "\(third.stdout)")
    group.user = "李娜"
    group.now = showroom.now
    let a = try showroom.run(["lead", "show", lead, "--json"])
    let b = try group.run(["lead", "show", lead, "--json"])
    #expect(a.stdout == b.stdout && b.stdout.contains("moved later"))
    // The derived rows were written for the copied rows (the move sets the row triggers aside): the lead's queue
    // entry moved with its new touch, and the doctor finds nothing to rebuild.
    #expect(try showroom.run(["next", "--json"]).stdout == (try group.run(["next", "--json"]).stdout))
    group.user = "boss"
    let doctor = try group.run(["doctor", "--json"])
    #expect(doctor.status == 0, "\(doctor.stdout) \(doctor.stderr)")
    #expect(try doctor.json()["derived"] as? [String: Int] == [:])
  }

  @Test func refusalsWriteNothing() throws {
    let (showroom, group0) = try setUp()
    var group = group0
    // 李娜 already works for another store here: the whole move is refused.
    #expect(try group.run(["user", "add", "李娜", "--role", "consultant", "--store", "BJ-01"]).status == 0)
    let before = try group.run(["lead", "list", "--json"]).stdout
    for lang in ["zh-CN", "en"] {
      let clash = try group.run(["migrate", "--from", showroom.db, "--store", "SH-01", "--json", "--lang", lang])
      #expect(clash.status == 65)
      let error = try clash.json()["error"] as? [String: Any]
      #expect(error?["code"] as? String == "user_name_taken")
      #expect((error?["message"] as? String)?.contains("李娜") == true)
    }
    #expect(try group.run(["lead", "list", "--json"]).stdout == before)
    let users = try group.run(["user", "list", "--json"]).json()["users"] as? [[String: Any]] ?? []
    #expect(users.count == 2)

    let text = showroom.dir.appendingPathComponent("notes.txt")
    try Data("not a database\n".utf8).write(to: text)
    let cases: [([String], Int32, String)] = [
      (["migrate", "--from", showroom.db, "--store", "GZ-01"], 65, "unknown_store"),
      (["migrate", "--from", text.path, "--store", "SH-01"], 65, "not_a_coach_database"),
      (["migrate", "--from", "postgres://a:secret@h/db", "--store", "SH-01"], 65, "not_a_coach_database"),
      (["migrate", "--from", showroom.db, "--store", "SH-01", "--to", "/tmp/x.sqlite"], 64, "bad_database_url"),
      (["migrate", "--from", "/nonexistent/showroom.sqlite", "--store", "SH-01"], 65, "unreadable_file"),
    ]
    for (args, status, code) in cases {
      let r = try group.run(args + ["--json"])
      #expect(r.status == status, "\(args): \(r.stdout)")
      let found = (try r.json()["error"] as? [String: Any])?["code"] as? String
      #expect(found == code, "\(args): \(r.stdout)")
      #expect(!r.stdout.contains("secret") && (code != "not_a_coach_database" || r.stdout.contains("--from")))
    }
    // Only a group admin moves a store in.
    #expect(try group.run(["user", "add", "sh-admin", "--role", "admin", "--store", "SH-01"]).status == 0)
    group.user = "sh-admin"
    let r = try group.run(["migrate", "--from", showroom.db, "--store", "SH-01", "--json"])
    let code = (try r.json()["error"] as? [String: Any])?["code"] as? String
    #expect(r.status == 65 && code == "forbidden")
  }

  /// The switch-over run: what the showroom changed after the first move (a stage, an owner, a lead's grade and
  /// tags, a profile fact replaced, a new user) is brought over, so the store answers as the showroom does; every
  /// change is counted in the report.
  @Test func aSecondRunBringsTheShowroomsChangesToTheRowsMovedBefore() throws {
    var (showroom, group) = try setUp()
    #expect(try group.run(["migrate", "--from", showroom.db, "--store", "SH-01"]).status == 0)
    showroom.user = "周主任"
    for args in [
      ["lead", "edit", "1", "--grade", "H", "--city", "杭州", "--tag", "回头客", "--profile", "预算=40万"],
      ["stage", "2", "churned", "--reason", "budget_changed"], ["lead", "reassign", "--from", "张伟", "--to", "李娜"],
      ["user", "add", "新人", "--role", "consultant", "--team", "一组"],
      ["snooze", "3", "--until", "2026-12-10", "--reason", "出差"],
    ] {
      let r = try showroom.run(args)
      #expect(r.status == 0, "\(args): \(r.stderr)")
    }
    let again = try group.run(["migrate", "--from", showroom.db, "--store", "SH-01", "--json"])
    #expect(again.status == 0, "\(again.stdout) \(again.stderr)")
    let tables = try #require(try again.json()["tables"] as? [[String: Any]])
    let row = { (name: String) in tables.first { $0["table"] as? String == name } ?? [:] }
    #expect((row("lead")["updated"] as? Int ?? 0) >= 51, "\(again.stdout)")
    #expect(row("customer")["updated"] as? Int == 1 && row("user")["copied"] as? Int == 1, "\(again.stdout)")
    #expect(row("leadTag")["copied"] as? Int == 1 && row("stageEvent")["copied"] as? Int == 1, "\(again.stdout)")
    for user in ["周主任", "李娜", "张伟", "新人"] {
      showroom.user = user
      group.user = user
      for args in [
        ["next", "--json"], ["alerts", "--json"], ["lead", "show", "1", "--json"], ["lead", "show", "2", "--json"],
        ["lead", "show", "3", "--json"], ["audit", "--json"], ["lead", "list", "--json"],
      ] {
        let a = try showroom.run(args)
        let b = try group.run(args)
        #expect(a.status == b.status && a.stdout == b.stdout, "\(user) \(args) differs after the second run")
      }
    }
    // A profile fact replaced there is replaced here: its old row goes.
    showroom.user = "周主任"
    group.user = "boss"
    #expect(try showroom.run(["lead", "edit", "1", "--profile", "预算=50万", "--untag", "回头客"]).status == 0)
    let third = try group.run(["migrate", "--from", showroom.db, "--store", "SH-01", "--json"])
    let after = try #require(try third.json()["tables"] as? [[String: Any]], "\(third.stdout) \(third.stderr)")
    let fact = after.first { $0["table"] as? String == "profileFact" } ?? [:]
    let tag = after.first { $0["table"] as? String == "leadTag" } ?? [:]
    #expect(fact["copied"] as? Int == 1 && fact["removed"] as? Int == 1, "\(third.stdout)")
    #expect(tag["removed"] as? Int == 1, "\(third.stdout)")
    group.user = "周主任"
    #expect(
      try showroom.run(["lead", "show", "1", "--json"]).stdout
        == (try group.run(["lead", "show", "1", "--json"])).stdout)
    group.user = "boss"
    #expect(try group.run(["doctor", "--json"]).json()["derived"] as? [String: Int] == [:])
  }

  /// A store takes one showroom: another showroom's file (or the same showroom's database started anew) would be
  /// taken for the rows moved before, and its rows dropped or written over them. Refused, nothing written.
  @Test func anotherShowroomsFileIsRefusedForAStoreThatHasOne() throws {
    let (showroom, group) = try setUp()
    #expect(try group.run(["migrate", "--from", showroom.db, "--store", "SH-01"]).status == 0)
    let before = try group.run(["lead", "list", "--json"]).stdout
    let other = try CLI(engine: .sqlite)
    #expect(try other.run(["user", "add", "老板", "--role", "admin"]).status == 0)
    // The same names as the demo's, its database started anew: told apart by when its leads were created.
    var anew = try CLI(engine: .sqlite)
    anew.now = "2026-11-25T09:00:00+08:00"
    #expect(try anew.run(["demo"]).status == 0)
    for (file, lang) in [(other.db, "en"), (anew.db, "zh-CN")] {
      let r = try group.run(["migrate", "--from", file, "--store", "SH-01", "--json", "--lang", lang])
      #expect(r.status == 65, "\(r.stdout)")
      let error = try r.json()["error"] as? [String: Any]
      #expect(error?["code"] as? String == "another_showroom", "\(r.stdout)")
    }
    #expect(try group.run(["lead", "list", "--json"]).stdout == before)
  }

  /// A database of another program: coach writes none of its tables beside it, for a read as for a write.
  @Test func anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws {
    guard let admin = PostgresCLI.admin else { return }
    let url = try PostgresStore.createScratchDatabase(admin: admin, prefix: "coach_cli")
    #expect(try PostgresStore.scratchScript(url, "CREATE TABLE invoices (id int, amount numeric)") == ["invoices"])
    var cli = try CLI(engine: .postgres)
    cli.postgresURL =
      "postgres://\(url.user)@\(url.host ?? "")\(url.host == nil ? "" : ":\(url.port)")/\(url.database)"
      + (url.socketFolder.map { "?host=\($0)" } ?? "")
    for args in [["next", "--as", "x"], ["init"], ["user", "add", "boss", "--role", "admin"]] {
      let r = try cli.run(args + ["--json"])
      #expect(r.status == 65, "\(args): \(r.stdout)")
      let error = try r.json()["error"] as? [String: Any]
      #expect(error?["code"] as? String == "not_a_coach_database", "\(args): \(r.stdout)")
      #expect((error?["message"] as? String)?.contains("invoices") == true)
    }
    #expect(try PostgresStore.scratchScript(url, "") == ["invoices"])
  }
}
