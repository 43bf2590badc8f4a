import CoachCore
import CoachPostgres
import Foundation
import Testing

/// The database engines the CLI tests run the real binary on.
enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqlite
  case postgres
  var testDescription: String { rawValue }

  /// SQLite always; PostgreSQL when `COACH_TEST_POSTGRES_URL` names a server (`.ci/run` starts one).
  static var allCases: [Engine] { PostgresCLI.admin == nil ? [.sqlite] : [.sqlite, .postgres] }
}

enum PostgresCLI {
  static let admin: PostgresURL? = {
    guard let text = ProcessInfo.processInfo.environment["COACH_TEST_POSTGRES_URL"], !text.isEmpty else { return nil }
    return try? PostgresURL(text)
  }()

  /// The URL (as `--db` takes it) of a new, empty database on the test server.
  static func freshDatabaseURL() throws -> String {
    guard let admin else { throw CancellationError() }
    let url = try PostgresStore.createScratchDatabase(admin: admin, prefix: "coach_cli")
    return "postgres://\(url.user)@\(url.host ?? "")\(url.host == nil ? "" : ":\(url.port)")/\(url.database)"
      + (url.socketFolder.map { "?host=\($0)" } ?? "")
  }
}

/// `coach` on PostgreSQL end to end: the demo gives the same answers, byte for byte, as on SQLite; a bad URL and an
/// unreachable server are refused naming what was wrong.
@Suite struct PostgresCLITests {
  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func theDemoGivesTheSameJSONOnBothEngines() throws {
    var sqlite = try CLI(engine: .sqlite)
    var postgres = try CLI(engine: .postgres)
    for cli in [sqlite, postgres] {
      let r = try cli.run(["demo", "--json"])
      #expect(r.status == 0, "demo on \(cli.db): \(r.stderr)")
    }
    let commands: [[String]] = [
      ["next", "--json"], ["alerts", "--json"], ["alerts", "--team", "--json"], ["audit", "--json"],
      ["lead", "list", "--json"], ["lead", "show", "1", "--json"], ["doctor", "--json"],
    ]
    var compared = 0
    for user in ["王经理", "李娜", "张伟", "陈静", "刘洋"] {
      sqlite.user = user
      postgres.user = user
      for args in commands {
        let a = try sqlite.run(args)
        let b = try postgres.run(args)
        #expect(a.status == b.status, "\(user) \(args): \(a.status) vs \(b.status) \(b.stderr)")
        if args[0] == "doctor" {
          // The database and journal lines name each engine's own; every count, check and version is the same.
          var x = try a.json()
          var y = try b.json()
          for key in ["database", "journal_mode"] {
            #expect(x.removeValue(forKey: key) != nil && y.removeValue(forKey: key) != nil)
          }
          #expect(NSDictionary(dictionary: x) == NSDictionary(dictionary: y), "\(user) doctor differs on PostgreSQL")
          continue
        }
        #expect(a.stdout == b.stdout, "\(user) \(args) differs on PostgreSQL")
        #expect(a.stderr == b.stderr, "\(user) \(args) stderr differs on PostgreSQL")
        if a.status == 0 { compared += 1 }
      }
    }
    // Consultants are refused the team's alerts, the audit and other consultants' leads, alike on both engines.
    #expect(compared >= 15)
  }

  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func everyDayWritesGiveTheSameAnswersOnBothEngines() throws {
    var outputs: [Engine: [String]] = [:]
    for engine in [Engine.sqlite, .postgres] {
      let cli = try CLI(engine: engine)
      var out: [String] = []
      func run(_ args: [String]) throws {
        let r = try cli.run(args)
        out.append("\(args.joined(separator: " ")) -> \(r.status)\n\(r.stdout)\(r.stderr)")
      }
      try run(["init", "--json"])
      try run(["lead", "add", "--name", "王芳", "--phone", "13812345678", "--model", "X60", "--tag", "vip", "--json"])
      try run(["lead", "add", "--name", "王芳", "--phone", "13812345678", "--json"])
      try run(["touch", "1", "--channel", "call", "--outcome", "reached", "--note", "想试驾", "--bury", "预算", "--json"])
      try run(["stage", "1", "deposit", "--amount", "5000", "--eta", "2026-12-20", "--json"])
      try run(["stage", "1", "delivered", "--json"])
      try run(["lead", "edit", "1", "--city", "杭州", "--tag", "hot", "--json"])
      try run(["snooze", "1", "--until", "2026-12-01", "--reason", "出差", "--json"])
      try run(["snooze", "1", "--clear", "--json"])
      try run(["lead", "show", "1", "--json"])
      try run(["lead", "show", "9", "--json"])
      try run(["lead", "list", "--json"])
      try run(["next", "--json"])
      try run(["user", "add", "A", "--role", "consultant", "--json"])
      outputs[engine] = out
    }
    let a = outputs[.sqlite] ?? []
    let b = outputs[.postgres] ?? []
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) where !x.hasPrefix("init") {
      #expect(x == y)
    }
  }

  /// A first load (no lead yet, then no touch yet) writes without the tables' foreign keys and secondary indexes and
  /// puts them back before it commits (`PGBulkLoad`): afterwards every key and index is there as before, `doctor`
  /// finds the derived rows right, and the next import (not a first load) still refuses nothing it should take. A
  /// first load killed half-way leaves no row and every key and index in place.
  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func aFirstLoadPutsBackEveryKeyAndIndex() throws {
    let schema = """
      SELECT string_agg(d, ' | ' ORDER BY d) FROM (
        SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
          WHERE contype = 'f' AND connamespace = 'public'::regnamespace) s
      """
    var cli = try CLI(engine: .postgres)
    #expect(try cli.run(["user", "add", "总部", "--role", "admin"]).status == 0)
    cli.user = "总部"
    let before = try ImportCLITests.sqlite(cli.db, schema)
    #expect(before.contains("FOREIGN KEY (leadid) REFERENCES lead(id)"))
    #expect(before.contains("CREATE INDEX touch_by_lead"))

    // Killed half-way through a first load of 200,000 leads.
    let big = cli.dir.appendingPathComponent("big.csv")
    _ = try ImportCLITests.fixture(big, ["--rows", "200000"])
    let p = Process()
    p.executableURL = try CLI.binary
    p.arguments = ["import", "leads", big.path, "--db", cli.db, "--as", "总部", "--now", cli.now, "--tz", cli.zone]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let writing = """
      SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'coach'
        AND backend_xid IS NOT NULL
      """
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, p.isRunning, try ImportCLITests.sqlite(cli.db, writing) == "0" { usleep(5_000) }
    usleep(300_000)
    #expect(p.isRunning, "the import finished before it could be killed; make the fixture bigger")
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    // The server ends the killed client's transaction once it notices; wait for that, then look.
    let gone = Date().addingTimeInterval(30)
    while Date() < gone, try ImportCLITests.sqlite(cli.db, writing) != "0" { usleep(20_000) }
    #expect(try ImportCLITests.sqlite(cli.db, "SELECT COUNT(*) FROM lead") == "0")
    #expect(try ImportCLITests.sqlite(cli.db, schema) == before)

    // First loads of leads and touches, then a second import of each.
    let leads = cli.dir.appendingPathComponent("leads.csv")
    let touches = cli.dir.appendingPathComponent("touches.csv")
    let more = cli.dir.appendingPathComponent("more.csv")
    _ = try ImportCLITests.fixture(leads, ["--rows", "2000"])
    _ = try ImportCLITests.fixture(touches, ["--rows", "2000", "--touches", "6000"])
    _ = try ImportCLITests.fixture(more, ["--rows", "2000", "--touches", "500", "--seed", "7"])
    for (kind, file, rows) in [("leads", leads, 2000), ("touches", touches, 6000), ("touches", more, 500)] {
      let r = try cli.run(["import", kind, file.path, "--json"])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(try r.json()["imported"] as? Int == rows)
      #expect(try ImportCLITests.sqlite(cli.db, schema) == before, "import \(kind) \(file.lastPathComponent)")
    }
    let doctor = try cli.run(["doctor", "--json"])
    #expect(try doctor.json()["healthy"] as? Bool == true, "\(doctor.stdout)")
    #expect(try ImportCLITests.sqlite(cli.db, "SELECT COUNT(*) FROM delivery") != "0")
  }

  /// Processes writing the same lead at once on PostgreSQL (each its own connection, SERIALIZABLE, retried on
  /// serialization failures): every touch is kept, and the lead's derived last touch is right.
  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func processesWritingTheSameLeadAtOnceLoseNothing() throws {
    let cli = try CLI(engine: .postgres)
    #expect(try cli.addLead() == "1")
    let workers = 6
    let each = 8
    let failed = Collected()
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      for i in 0..<each {
        let r = try? cli.run(["touch", "1", "--channel", "call", "--outcome", "reached", "--note", "w\(w)-\(i)"])
        if r?.status != 0 { failed.add(r?.stderr ?? "did not run") }
      }
    }
    #expect(failed.all.isEmpty, "\(failed.all)")
    let lead = try cli.run(["lead", "show", "1", "--json"])
    #expect(lead.status == 0)
    let touches = try #require(try lead.json()["touches"] as? [[String: Any]])
    #expect(Set(touches.compactMap { $0["note"] as? String }).count == workers * each)
    let doctor = try cli.run(["doctor", "--json"])
    #expect(try doctor.json()["healthy"] as? Bool == true, "\(doctor.stdout)")
  }

  /// `coach backup` and `coach restore` copy and replace a SQLite file; a group's PostgreSQL database is backed up
  /// and restored by its server's tools: refused (65) naming them, in both languages, writing nothing (no file, no
  /// log row), whoever asks.
  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func backupAndRestoreAreTheServersOnPostgreSQL() throws {
    var cli = try CLI(engine: .postgres)
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    let backup = cli.dir.appendingPathComponent("b.sqlite").path
    // A real coach file to restore from (a SQLite database made by `coach init`).
    let file = cli.dir.appendingPathComponent("showroom.sqlite").path
    #expect(try cli.run(["init"], env: ["COACH_DB": file]).status == 0)
    let logged = try ImportCLITests.sqlite(cli.db, "SELECT COUNT(*) FROM exportLog")
    for (args, tool, zhWords) in [
      (["backup", backup], "pg_dump -Fc", "由服务器备份"), (["restore", file], "pg_restore --clean", "由服务器恢复"),
    ] {
      let r = try cli.run(args + ["--json"])
      #expect(r.status == 65, "\(args): \(r.stderr)")
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "backup_by_server", "\(args)")
      #expect(r.stderr.contains("coach \(args[0]) \(args[1])") && r.stderr.contains(tool), "\(r.stderr)")
      #expect(r.stderr.contains("docs/OPERATIONS.md") && r.stderr.contains(cli.db))
      let zh = try cli.run(args, env: ["COACH_LANG": "zh-CN"])
      #expect(zh.status == 65 && zh.stderr.contains(zhWords) && zh.stderr.contains(tool), "\(zh.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: backup))
    #expect(try ImportCLITests.sqlite(cli.db, "SELECT COUNT(*) FROM exportLog") == logged)
    let list = try cli.run(["lead", "list", "--json"])
    #expect((try list.json()["leads"] as? [Any])?.count == 200)
  }

  /// A write sent to a server that takes none (a hot standby; here a database whose transactions are read-only by
  /// default, as a standby's are) is refused naming the server (65), in both languages; reads go on.
  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func aReadOnlyServerRefusesWritesAndServesReads() throws {
    var cli = try CLI(engine: .postgres)
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    let next = try cli.run(["next", "--json"])
    _ = try ImportCLITests.sqlite(
      cli.db,
      "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$"
    )
    let touch = try cli.run(["touch", "1", "--channel", "call", "--outcome", "reached", "--json"])
    #expect(touch.status == 65, "\(touch.stderr)")
    #expect((try touch.json()["error"] as? [String: Any])?["code"] as? String == "read_only_database")
    #expect(touch.stderr.contains("is read-only") && touch.stderr.contains("primary"), "\(touch.stderr)")
    let zh = try cli.run(["export", "leads"], env: ["COACH_LANG": "zh-CN"])
    #expect(zh.status == 65 && zh.stderr.contains("只读"), "\(zh.stderr)")
    let again = try cli.run(["next", "--json"])
    #expect(again.status == 0 && again.stdout == next.stdout, "\(again.stderr)")
    #expect(try cli.run(["audit", "--json"]).status == 0)
  }

  /// Imports on both engines: the same reports (bad rows, dry run, strict refusal, existing ids, created consultants),
  /// then the same leads, customers, ids, touches, derived tables and answers; the next lead added gets the same id.
  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func importsGiveTheSameReportsAndDataOnBothEngines() throws {
    let leads = """
      external_id,name,phone,wechat,city,consultant,model,grade,tags,stage,created_at,profile
      E1,王芳,13812345678,,杭州,ann,X60,A,vip;vip;fleet,prospect,2026-11-01T09:00:00+08:00,hobby=钓鱼;kids=2
      E2,王芳,13812345678,wf88,,bob,,B,,deposit,2026-11-02T09:00:00+08:00,hobby=登山
      E3,李雷,13900000001,,,ann,,H,,delivered,2026-10-01T09:00:00+08:00,
      E4,坏行,12,,,ann,,,,,,
      E5,韩梅,13900000002,hm88,,cid,,C,difficult,prospect,,note=多行\\
      E1,重复,13900000003,,,ann,,,,,,

      """
    let more = """
      external_id,name,phone,email,consultant,stage
      E2,又来,13900000009,,ann,prospect
      E6,王芳,13812345678,wf@example.com,ann,prospect
      E7,新人,13900000010,,dan,waiting_for_delivery

      """
    let touches = """
      lead_external_id,at,channel,outcome,note,next_at,levers
      E1,2026-11-03T10:00:00+08:00,call,reached,想试驾,2026-11-28T10:00:00+08:00,
      E1,2026-11-04T10:00:00+08:00,sms,no_answer,,,
      E3,2026-11-05T10:00:00+08:00,visit,visited,"带家人
      看车",,space;prestige
      E9,2026-11-05T10:00:00+08:00,call,reached,,,
      E2,2026-11-06T10:00:00+08:00,wechat,reached,tab\there,,

      """
    var outputs: [Engine: [String]] = [:]
    for engine in [Engine.sqlite, .postgres] {
      var cli = try CLI(engine: engine)
      var out: [String] = []
      func run(_ args: [String]) throws {
        let r = try cli.run(args)
        // Each engine's files are in a folder of its own: named alike.
        out.append(
          "\(args.joined(separator: " ")) -> \(r.status)\n\(r.stdout)\(r.stderr)".replacingOccurrences(
            of: cli.dir.path, with: "DIR"))
      }
      func file(_ name: String, _ text: String) throws -> String {
        let url = cli.dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
      }
      try run(["user", "add", "boss", "--role", "admin"])
      cli.user = "boss"
      let a = try file("a.csv", leads)
      let b = try file("b.csv", more)
      let t = try file("t.csv", touches)
      try run(["import", "leads", a, "--dry-run", "--json"])
      try run(["import", "leads", a, "--strict", "--json"])
      try run(["lead", "list", "--json"])
      try run(["import", "leads", a, "--json"])
      try run(["import", "leads", b])
      try run(["import", "touches", t, "--dry-run", "--json"])
      try run(["import", "touches", t, "--json"])
      for id in ["1", "2", "3", "5", "6", "7"] { try run(["lead", "show", id, "--json"]) }
      try run(["lead", "list", "--json"])
      try run(["user", "list", "--json"])
      try run(["next", "--json", "--limit", "20"])
      try run(["alerts", "--team", "--json"])
      try run(["audit", "--json", "--from", "2026-10-01"])
      try run(["lead", "add", "--name", "新客", "--phone", "13900000077", "--json"])
      try run(["touch", "8", "--channel", "call", "--outcome", "reached", "--note", "ok", "--json"])
      try run(["lead", "show", "8", "--json"])
      let doctor = try cli.run(["doctor", "--json"])
      var d = try doctor.json()
      d["database"] = nil
      d["journal_mode"] = nil
      let sorted = try JSONSerialization.data(withJSONObject: d, options: [.sortedKeys])
      out.append("doctor -> \(doctor.status) \(String(decoding: sorted, as: UTF8.self))")
      out.append(
        try ImportCLITests.sqlite(
          cli.db,
          "SELECT id || ' ' || name || ' ' || COALESCE(wechat, '-') || ' ' || COALESCE(email, '-') FROM customer ORDER BY id"
        ))
      out.append(
        try ImportCLITests.sqlite(
          cli.db, "SELECT customerId || ' ' || key || ' ' || value FROM profileFact ORDER BY id"))
      outputs[engine] = out
    }
    let a = outputs[.sqlite] ?? []
    let b = outputs[.postgres] ?? []
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) { #expect(x == y) }
    #expect(a.contains { $0.hasPrefix("import leads") && $0.contains("\"imported\" : 4") }, "\(a)")
  }

  /// `coach lead list --json | head`: the reader goes away before the list is written. The run ends quietly (no
  /// crash report on stderr): a JSON document with the broken pipe's status 141 (or killed by SIGPIPE, as other
  /// tools are); text lines are let go as they come. On PostgreSQL, whose client sets SIGPIPE aside, the JSON
  /// crashed with a backtrace.
  @Test(arguments: Engine.allCases) func aReaderThatGoesAwayEndsTheRunQuietly(_ engine: Engine) throws {
    var cli = try CLI(engine: engine)
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    for args in [["lead", "list", "--json"], ["audit", "--json"], ["lead", "list"]] {
      let r = try cli.run(args, readerGone: true)
      let ended: [Int32] = args.last == "--json" ? [141, SIGPIPE] : [0, SIGPIPE]
      #expect(ended.contains(r.status), "\(engine) \(args): status \(r.status)")
      #expect(r.stderr.isEmpty, "\(engine) \(args): \(r.stderr.prefix(300))")
    }
  }

  @Test func aBadPostgresURLIsRefusedNamingWhatIsAccepted() throws {
    let cli = try CLI()
    let before = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path)
    for url in ["postgres://coach:s3cret@localhost:port/coach", "postgresql://db.example/coach"] {
      let r = try cli.run(["next", "--json"], env: ["COACH_DB": url])
      #expect(r.status == 64)
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "bad_database_url")
      #expect(r.stderr.contains("accepted: postgres://user[:password]@host[:port]/database"))
      #expect(!r.stderr.contains("s3cret"))
      let zh = try cli.run(["next"], env: ["COACH_DB": url, "COACH_LANG": "zh-CN"])
      #expect(zh.status == 64 && zh.stderr.contains("不是可用的 PostgreSQL 地址"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.path) == before)
  }

  /// A URL of another kind is refused (64), naming what is accepted, instead of being taken for a file name: a
  /// `mysql://host/db` typed by mistake made folders `mysql:/host` and an empty database there, and `next` said
  /// nothing was due.
  @Test func aURLOfAnotherKindIsNotTakenForAFile() throws {
    let cli = try CLI()
    let before = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path)
    for url in ["mysql://coach:s3cret@db.example/coach", "sqlite://coach.sqlite", "file+x://a/b"] {
      let r = try cli.run(["next", "--json"], env: ["COACH_DB": url])
      #expect(r.status == 64, "\(url): \(r.stderr)")
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "bad_database_url")
      let scheme = String(url.prefix { $0 != ":" })
      #expect(r.stderr.contains("\(scheme):// is not a database coach runs on"), "\(r.stderr)")
      #expect(r.stderr.contains("or a SQLite file path") && !r.stderr.contains("s3cret"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.path) == before)
    // A path with `://` further on is still a file name (the part before it is not a scheme).
    let odd = cli.dir.appendingPathComponent("a b").path + "://x.sqlite"
    #expect(try cli.run(["lead", "add", "--name", "x", "--phone", "13812345678"], env: ["COACH_DB": odd]).status == 0)
  }

  /// A server that asks for a password (SCRAM; `scripts/pg-cluster` asks it of the role coach_password) gets it from
  /// the URL, from PGPASSWORD, or from the password file as libpq's tools read it; without one, the refusal says
  /// where to put it, and a file others may open is passed over, saying so.
  @Test func aPasswordComesFromTheURLPGPASSWORDOrThePasswordFile() throws {
    guard let admin = PostgresCLI.admin else { return }
    let url = try PostgresStore.createScratchDatabase(admin: admin, prefix: "coach_cli")
    let rule = try PostgresStore.scratchQuery(
      url,
      "SELECT count(*) FROM pg_hba_file_rules WHERE 'coach_password' = ANY(user_name) AND auth_method = 'scram-sha-256'"
    )
    try #require(
      rule != ["0"], "the test server does not ask coach_password for a password: start it with scripts/pg-cluster")
    let password = "s3 cr:et@x"
    _ = try PostgresStore.scratchScript(
      url,
      """
      DO $$ BEGIN CREATE ROLE coach_password LOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
      ALTER ROLE coach_password PASSWORD 's3 cr:et@x';
      ALTER DATABASE \(url.database) OWNER TO coach_password
      """)
    var cli = try CLI(engine: .postgres)
    let server =
      admin.socketFolder.map { "@:\(admin.port)/\(url.database)?host=\($0)" }
      ?? "@\(admin.host ?? "localhost"):\(admin.port)/\(url.database)"
    cli.postgresURL = "postgres://coach_password" + server
    let home = cli.dir.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let pgpass = home.appendingPathComponent(".pgpass")
    var env = ["HOME": home.path, "PGPASSWORD": "", "PGPASSFILE": ""]

    var r = try cli.run(["init", "--json"], env: env)
    #expect(r.status == 65 && r.stderr.contains("asks for the password of coach_password"), "\(r.stderr)")
    #expect(r.stderr.contains("PGPASSWORD") && r.stderr.contains(pgpass.path))
    #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "db_unreachable")
    env["PGPASSWORD"] = "wrong"
    r = try cli.run(["init"], env: env)
    #expect(r.status == 65 && r.stderr.contains("(the password of PGPASSWORD)"), "\(r.stderr)")
    env["PGPASSWORD"] = password
    r = try cli.run(["init"], env: env)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.contains(password) && !r.stdout.contains(":***@"), "\(r.stdout)")

    env["PGPASSWORD"] = ""
    let line = "*:*:\(url.database):coach_password:\(password.replacingOccurrences(of: ":", with: "\\:"))\n"
    try Data(("# coach\n" + line).utf8).write(to: pgpass)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: pgpass.path)
    r = try cli.run(["next"], env: env)
    #expect(r.status == 65 && r.stderr.contains("\(pgpass.path) was passed over: others may open it"), "\(r.stderr)")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pgpass.path)
    r = try cli.run(["next", "--json"], env: env)
    #expect(r.status == 0, "\(r.stderr)")

    // In the URL (its reserved characters escaped), the password is never shown.
    let escaped = "s3%20cr%3Aet%40x"
    cli.postgresURL = "postgres://coach_password:\(escaped)" + server
    r = try cli.run(["init"], env: ["HOME": home.path, "PGPASSWORD": "wrong", "PGPASSFILE": "/nonexistent"])
    #expect(r.status == 0 && r.stdout.contains("coach_password:***@") && !r.stdout.contains(escaped), "\(r.stderr)")
    try PostgresStore.dropScratchDatabase(url, admin: admin)
  }

  /// Over the network the connection can be encrypted (`sslmode`, as libpq reads it); the test cluster serves TLS
  /// with a self-signed certificate for localhost (`scripts/pg-cluster`), else this test has nothing to check.
  @Test func tlsIsUsedAsSslmodeAsks() throws {
    guard let admin = PostgresCLI.admin, admin.socketFolder == nil, let host = admin.host else { return }
    let url = try PostgresStore.createScratchDatabase(admin: admin, prefix: "coach_cli")
    guard try PostgresStore.scratchQuery(url, "SHOW ssl") == ["on"] else { return }
    let folder = try #require(try PostgresStore.scratchQuery(url, "SHOW data_directory").first)
    let root = folder + "/server.crt"
    var cli = try CLI(engine: .postgres)
    let base = "postgres://\(url.user)@\(host):\(url.port)/\(url.database)"
    cli.postgresURL = base + "?sslmode=require"
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["lead", "add", "--name", "客户", "--phone", "13900000001"]).status == 0)
    // Checked against the cluster's certificate by name (localhost), and refused without a root that signs it.
    cli.postgresURL =
      "postgres://\(url.user)@localhost:\(url.port)/\(url.database)?sslmode=verify-full&sslrootcert=\(root)"
    let listed = try cli.run(["lead", "list", "--json"])
    #expect(listed.status == 0 && listed.stdout.contains("客户"), "\(listed.stderr)")
    cli.postgresURL = base + "?sslmode=verify-full"
    let refused = try cli.run(["lead", "list", "--json"])
    let code = (try refused.json()["error"] as? [String: Any])?["code"] as? String
    #expect(refused.status == 65 && code == "db_unreachable", "\(refused.stdout)")
  }

  @Test func anUnreachableServerIsNamed() throws {
    let cli = try CLI()
    // A socket folder with no server in it: refused at once, naming the socket and what to check.
    let url = "postgres://coach:s3cret@/coach?host=\(cli.dir.path)"
    let r = try cli.run(["next", "--json"], env: ["COACH_DB": url])
    #expect(r.status == 65)
    #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "db_unreachable")
    #expect(r.stderr.contains("\(cli.dir.path)/.s.PGSQL.5432") && !r.stderr.contains("s3cret"))
    let zh = try cli.run(["next"], env: ["COACH_DB": url, "COACH_LANG": "zh-CN"])
    #expect(zh.status == 65 && zh.stderr.contains("无法连接 PostgreSQL 服务器"))
  }
}

/// Lines from worker threads, collected under a lock.
final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) { lock.withLock { items.append(s) } }
  var all: [String] { lock.withLock { items } }
}
