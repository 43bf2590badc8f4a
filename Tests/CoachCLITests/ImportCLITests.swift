import Foundation
import Testing

@Suite struct ImportCLITests {
  static var repoRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// Runs scripts/make-import-fixture; returns the bad lines it reports.
  static func fixture(_ out: URL, _ args: [String]) throws -> [Int: String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", repoRoot.appendingPathComponent("scripts/make-import-fixture").path, out.path] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    var bad: [Int: String] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1)
      if parts.count == 2, let n = Int(parts[0]) { bad[n] = String(parts[1]) }
    }
    return bad
  }

  /// Runs `sql` on the test's database with the engine's own client: `sqlite3` on a file, `psql` on a PostgreSQL URL
  /// (`COACH_TEST_CLI_ENGINE=postgres`; statements written in SQLite's dialect may not run there).
  static func sqlite(_ db: String, _ sql: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = db.hasPrefix("postgres") ? ["psql", "-X", "-q", "-At", db, "-c", sql] : ["sqlite3", db, sql]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func tenThousandRowsWithSevenBadImport9993AndNameEachBadLine() throws {
    let cli = try CLI()
    let csv = cli.dir.appendingPathComponent("leads.csv")
    let bad = try Self.fixture(csv, ["--rows", "10000", "--bad"])
    #expect(bad.count == 7)
    let r = try cli.run(["import", "leads", csv.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try r.json()
    #expect(json["imported"] as? Int == 9993)
    let skipped = (json["skipped"] as? [[String: Any]]) ?? []
    #expect(Set(skipped.compactMap { $0["line"] as? Int }) == Set(bad.keys))
    #expect(skipped.allSatisfy { !(($0["reason"] as? String) ?? "").isEmpty })
  }

  /// As `lead add` and `user add` allow: a consultant's rows are their own (a row naming nobody included), and only an
  /// admin's import adds consultants. Before, a consultant could give leads to a colleague and add users by import.
  @Test func aConsultantImportsOnlyTheirOwnLeadsAndAddsNobody() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    for name in ["ann", "bob"] {
      #expect(try cli.run(["user", "add", name, "--role", "consultant", "--as", "boss"]).status == 0)
    }
    let csv = cli.dir.appendingPathComponent("mixed.csv")
    try Data(
      """
      external_id,name,phone,consultant
      A1,Own,13700000001,ann
      A2,Nobody named,13700000002,
      A3,Colleague,13700000003,bob
      A4,New person,13700000004,carol

      """.utf8
    ).write(to: csv)
    cli.user = "ann"
    let r = try cli.run(["import", "leads", csv.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let report = try r.json()
    #expect(report["imported"] as? Int == 2)
    let skipped = (report["skipped"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
    #expect(skipped == [4, 5])
    let mine = try #require(try cli.run(["lead", "list", "--json"]).json()["leads"] as? [[String: Any]])
    #expect(Set(mine.compactMap { $0["external_id"] as? String }) == ["A1", "A2"])
    let users = try cli.run(["user", "list", "--as", "boss"]).stdout
    #expect(!users.contains("carol"), "\(users)")
    // The admin's import adds the consultant it names.
    #expect(try cli.run(["import", "leads", csv.path, "--as", "boss"]).status == 0)
    #expect(try cli.run(["user", "list", "--as", "boss"]).stdout.contains("carol"))
  }

  /// `lead add --gender other` is kept as `other`; the export of such a lead imports again, gender and all (the
  /// import refused `other` as a bad row, so a round trip through a spreadsheet lost the lead).
  @Test func aLeadOfGenderOtherSurvivesExportAndImport() throws {
    let cli = try CLI()
    _ = try cli.run(["init"])
    let added = try cli.run(["lead", "add", "--name", "Sam Lee", "--phone", "13900001111", "--gender", "other"])
    #expect(added.status == 0, "\(added.stderr)")
    let csv = cli.dir.appendingPathComponent("out.csv").path
    #expect(try cli.run(["export", "leads", "--unmasked", "--out", csv]).status == 0)
    let other = try CLI()
    _ = try other.run(["init"])
    let r = try other.run(["import", "leads", csv, "--strict", "--json"])
    #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 1)
    let shown = try other.run(["lead", "show", "1", "--json"]).json()
    #expect(shown["gender"] as? String == "other")
  }

  /// What comes back from an export is what went out: a tag or a profile fact cannot hold the `;` that separates them
  /// in the file; a masked export's contacts are refused by name (not taken for the customer's); `--out x.xlsx` writes
  /// a workbook.
  @Test func anExportImportsBackAsItWent() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["user", "add", "ann", "--role", "consultant"]).status == 0)
    for (option, value) in [("--tag", "新;标签"), ("--tag", "a；b"), ("--profile", "爱好=钓鱼;露营")] {
      let r = try cli.run(["lead", "add", "--name", "客户", "--phone", "13900001111", option, value, "--json"])
      let code = (try r.json()["error"] as? [String: Any])?["code"] as? String
      #expect(r.status == 64 && code == "bad_value", "\(option) \(value): \(r.stdout)")
    }
    let added = try cli.run([
      "lead", "add", "--name", "客户", "--phone", "13900001111", "--consultant", "ann", "--wechat", "wx_wang01",
      "--email", "wang@example.cn", "--tag", "vip", "--profile", "爱好=钓鱼、露营",
    ])
    #expect(added.status == 0, "\(added.stderr)")
    let book = cli.dir.appendingPathComponent("leads.xlsx").path
    #expect(try cli.run(["export", "leads", "--unmasked", "--out", book]).status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: book))
    #expect(bytes.prefix(2) == Data("PK".utf8), "--out leads.xlsx wrote no workbook")
    let masked = cli.dir.appendingPathComponent("masked.csv").path
    #expect(try cli.run(["export", "leads", "--out", masked]).status == 0)

    var other = try CLI()
    #expect(try other.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    other.user = "boss"
    #expect(try other.run(["user", "add", "ann", "--role", "consultant"]).status == 0)
    let back = try other.run(["import", "leads", book, "--strict", "--json"])
    let backDoc = try back.json()
    #expect(back.status == 0 && backDoc["imported"] as? Int == 1, "\(back.stdout)")
    let shown = try other.run(["lead", "show", "1", "--json"]).json()
    #expect(shown["tags"] as? [String] == ["vip"])
    #expect((shown["profile"] as? [String: String])?["爱好"] == "钓鱼、露营", "\(shown)")

    var third = try CLI()
    #expect(try third.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    third.user = "boss"
    let refused = try third.run(["import", "leads", masked, "--json"])
    let reasons = ((try refused.json())["skipped"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
    #expect(reasons.count == 1 && reasons[0].contains("masked") && reasons[0].contains("--unmasked"), "\(reasons)")
    #expect(reasons.first?.contains("phone") == true && reasons.first?.contains("wechat") == true, "\(reasons)")
  }

  /// An import names only users who may own leads, as `lead add --consultant` does: not an admin or a trainer.
  @Test func anImportGivesNoLeadToAUserWhoOwnsNone() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["user", "add", "tina", "--role", "trainer"]).status == 0)
    let file = cli.dir.appendingPathComponent("leads.csv")
    try Data("name,phone,consultant,stage\n甲,13900002221,boss,\n乙,13900002222,tina,\n丙,13900002223,ann,订金\n".utf8)
      .write(to: file)
    let r = try cli.run(["import", "leads", file.path, "--json"])
    let doc = try r.json()
    #expect(doc["imported"] as? Int == 1, "\(r.stdout)")
    let reasons = (doc["skipped"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
    #expect(reasons.count == 2 && reasons.allSatisfy { $0.contains("may not own leads") }, "\(reasons)")
    #expect(reasons.contains { $0.contains("an admin") } && reasons.contains { $0.contains("a trainer") })
    let lead = try cli.run(["lead", "show", "1", "--json"]).json()
    #expect(lead["stage"] as? String == "deposit" && lead["consultant"] as? String == "ann", "\(lead)")
  }

  /// What Excel saves besides CSV (its "Unicode text" in UTF-16, tab- or semicolon-separated text) is refused saying
  /// how to save the sheet instead, nothing written.
  @Test func otherTextFormatsAreRefusedSayingHowToSaveTheSheet() throws {
    let cli = try CLI()
    _ = try cli.run(["init"])
    let cases: [(String, Data, String, String)] = [
      ("u16.txt", "姓名\t手机\n张三\t13800138001\n".data(using: .utf16)!, "bad_csv_encoding", "UTF-16"),
      ("tab.txt", Data("姓名\t手机\n张三\t13800138001\n".utf8), "bad_csv_header", "separated by tabs"),
      ("semi.csv", Data("name;phone\n张三;13800138001\n".utf8), "bad_csv_header", "separated by semicolons"),
      ("leads.json", Data("{\n  \"leads\" : [\n  ]\n}\n".utf8), "bad_csv_header", "is JSON"),
    ]
    for (name, bytes, code, words) in cases {
      let file = cli.dir.appendingPathComponent(name)
      try bytes.write(to: file)
      let r = try cli.run(["import", "leads", file.path, "--json"])
      let error = try r.json()["error"] as? [String: Any]
      #expect(r.status == 65 && error?["code"] as? String == code, "\(name): \(r.stdout)")
      #expect((error?["message"] as? String)?.contains(words) == true, "\(name): \(r.stdout)")
      #expect((error?["message"] as? String)?.contains(name) == true, "the refusal names the file: \(r.stdout)")
    }
    #expect((try cli.run(["lead", "list", "--json"]).json()["leads"] as? [Any])?.isEmpty == true)
    let missing = try cli.run(["import", "leads", cli.dir.appendingPathComponent("nosuch.csv").path])
    #expect(missing.status == 65 && missing.stderr.contains("does not exist"), "\(missing.stderr)")
    // `--out -` is stdout, as elsewhere: no file named "-".
    let out = try cli.run(["export", "leads", "--out", "-"])
    #expect(out.status == 0 && out.stdout.contains("external_id,name,phone"), "\(out.stderr)")
  }

  @Test func strictImportsNothingWhenOneRowIsBad() throws {
    let cli = try CLI()
    let csv = cli.dir.appendingPathComponent("leads.csv")
    _ = try Self.fixture(csv, ["--rows", "500", "--bad"])
    _ = try cli.run(["init"])
    let r = try cli.run(["import", "leads", csv.path, "--strict"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("leads.csv:"))
    #expect(try Self.sqlite(cli.db, "SELECT COUNT(*) FROM lead") == "0")
  }

  @Test func aGBKFileKeepsChineseNamesIntact() throws {
    let cli = try CLI()
    let gbk = cli.dir.appendingPathComponent("gbk.csv")
    let utf8 = cli.dir.appendingPathComponent("utf8.csv")
    _ = try Self.fixture(gbk, ["--rows", "50", "--encoding", "gbk"])
    _ = try Self.fixture(utf8, ["--rows", "50"])
    let r = try cli.run(["import", "leads", gbk.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 50)
    let expected = try String(contentsOf: utf8, encoding: .utf8).split(separator: "\n").dropFirst().map {
      String($0.split(separator: ",")[1])
    }
    let names = try Self.sqlite(cli.db, "SELECT name FROM customer ORDER BY id").split(separator: "\n").map(String.init)
    #expect(names == expected)
  }

  @Test func anImportKilledHalfwayLeavesTheDatabaseAsBefore() throws {
    let cli = try CLI()
    let csv = cli.dir.appendingPathComponent("big.csv")
    _ = try Self.fixture(csv, ["--rows", "200000"])
    _ = try cli.addLead()
    let before = try Self.sqlite(
      cli.db,
      "SELECT (SELECT COUNT(*) FROM lead) || ',' || (SELECT COUNT(*) FROM customer) || ',' || (SELECT COUNT(*) FROM stageEvent)"
    )
    // Start the import, wait until its write transaction has begun (the WAL grows), then SIGKILL it.
    let p = Process()
    p.executableURL = try CLI.binary
    p.arguments = ["import", "leads", csv.path, "--db", cli.db, "--now", cli.now, "--tz", cli.zone]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let wal = cli.db + "-wal"
    let deadline = Date().addingTimeInterval(60)
    var walSize = 0
    while Date() < deadline && p.isRunning {
      if cli.postgresURL != nil {
        // PostgreSQL: the import's transaction has written (COPY batches) once its backend has a transaction id.
        let writing = try Self.sqlite(
          cli.db,
          "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'coach' AND backend_xid IS NOT NULL"
        )
        if writing != "0" {
          usleep(300_000)
          walSize = 1
          break
        }
      } else {
        walSize = ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0
        if walSize > 2_000_000 { break }
      }
      usleep(5_000)
    }
    #expect(p.isRunning, "the import finished before it could be killed; make the fixture bigger")
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(p.terminationReason == .uncaughtSignal)
    #expect(walSize > 0)
    if cli.postgresURL != nil {
      #expect(try cli.run(["doctor"]).status == 0)
    } else {
      #expect(try Self.sqlite(cli.db, "PRAGMA integrity_check") == "ok")
    }
    let after = try Self.sqlite(
      cli.db,
      "SELECT (SELECT COUNT(*) FROM lead) || ',' || (SELECT COUNT(*) FROM customer) || ',' || (SELECT COUNT(*) FROM stageEvent)"
    )
    #expect(after == before)
  }

  /// Before, the rest of the file after an unclosed quote became one bad row and the import went on (exit 0).
  @Test func anUnclosedQuoteRefusesTheFileNamingItsLine() throws {
    let cli = try CLI()
    _ = try cli.run(["init"])
    let csv = cli.dir.appendingPathComponent("leads.csv")
    try Data("external_id,name,phone\nE1,张伟,13812345678\nE2,\"李娜,13912345678\nE3,王芳,13712345678\n".utf8).write(to: csv)
    let r = try cli.run(["import", "leads", csv.path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("leads.csv:3: the quote opened on line 3 is never closed"), "\(r.stderr)")
    let j = try cli.run(["import", "leads", csv.path, "--json"])
    #expect(j.status == 65)
    #expect(j.stdout.contains("\"bad_csv_quote\""), "\(j.stdout)")
    #expect(try Self.sqlite(cli.db, "SELECT COUNT(*) FROM lead") == "0")
  }

  /// Before, a refused import created the database it was given, empty.
  @Test func aRefusedImportLeavesNoDatabaseWhereThereWasNone() throws {
    guard !CLI.suiteOnPostgres else { return }
    let cli = try CLI()
    let csv = cli.dir.appendingPathComponent("leads.csv")
    try Data("name,phone,grade\n张伟,13812345678,Z\n".utf8).write(to: csv)
    let header = cli.dir.appendingPathComponent("header.csv")
    try Data("name\n张伟\n".utf8).write(to: header)
    let db = cli.dir.appendingPathComponent("new/coach.sqlite").path
    for (args, status) in [
      (["import", "leads", header.path], Int32(65)), (["import", "leads", csv.path, "--strict"], 65),
      (["import", "leads", csv.path, "--map", "x=nothing"], 64), (["import", "leads", csv.path, "--dry-run"], 0),
    ] {
      let r = try cli.run(args + ["--db", db])
      #expect(r.status == status, "\(args): \(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: db), "\(args)")
      #expect(!FileManager.default.fileExists(atPath: cli.dir.appendingPathComponent("new").path), "\(args)")
    }
    // An import that goes in creates it, as before.
    #expect(try cli.run(["import", "leads", csv.path, "--db", db]).status == 0)
    #expect(FileManager.default.fileExists(atPath: db))
  }

  @Test func deliveredLeadsWithoutADeliveryDateAreNamedInTheReport() throws {
    let cli = try CLI()
    let csv = cli.dir.appendingPathComponent("leads.csv")
    try Data(
      "name,phone,stage,created_at\n张伟,13812345678,delivered,2026-03-01\n李娜,13912345678,已交车,\n王芳,13712345678,,\n"
        .utf8
    ).write(to: csv)
    let r = try cli.run(["import", "leads", csv.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try r.json()
    #expect(json["imported"] as? Int == 3)
    #expect((json["skipped"] as? [Any])?.isEmpty == true)
    let warnings = try #require(json["warnings"] as? [String])
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasPrefix("2 leads at delivered had no delivery date") == true, "\(warnings)")
    #expect(r.stderr.contains("taken as the lead's created_at"))
  }

  /// A lead imported with a phone an earlier lead has (one customer entered twice, two consultants on one customer)
  /// goes in, as rows may share a customer, and the report names it: the earlier row of the file, or the earlier
  /// lead with its consultant, or, to a consultant, only that another's lead has it. A dry run says the same.
  @Test func leadsImportedWithAPhoneAnEarlierLeadHasAreNamed() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    for name in ["ann", "bob"] {
      #expect(try cli.run(["user", "add", name, "--role", "consultant", "--as", "boss"]).status == 0)
    }
    let added = try cli.run([
      "lead", "add", "--name", "Bob's customer", "--phone", "13700000009", "--consultant", "bob", "--as", "boss",
      "--json",
    ])
    #expect(added.status == 0, "\(added.stderr)")
    let bobs = try #require(added.json()["id"] as? String)
    let csv = cli.dir.appendingPathComponent("leads.csv")
    try Data(
      """
      external_id,name,phone,consultant
      A1,Wang,13700000001,ann
      A2,Wang Er,137-0000-0001,ann
      A3,Zhang,13700000009,ann
      ,Li,13700000003,ann

      """.utf8
    ).write(to: csv)
    let dry = try cli.run(["import", "leads", csv.path, "--dry-run", "--json", "--as", "boss"])
    #expect(dry.status == 0, "\(dry.stderr)")
    let said = try #require(dry.json()["warnings"] as? [String])
    #expect(
      said == [
        "2 leads would be imported with a phone an earlier lead has: check whether one customer was entered twice "
          + "(two consultants on one customer): line 3 (A2): 137****0001 as on line 2; "
          + "line 4: 137****0009 is also lead \(bobs)'s (bob)"
      ], "\(said)")
    cli.user = "ann"
    let r = try cli.run(["import", "leads", csv.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 4)
    let warnings = try #require(try r.json()["warnings"] as? [String])
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasSuffix("line 4: 137****0009 is on a lead you may not open") == true, "\(warnings)")
    #expect(!r.stderr.contains("bob"), "\(r.stderr)")
    // Another file later: its lead shares the phone of A1, imported before.
    try Data("external_id,name,phone\nB1,Wang,13700000001\n".utf8).write(to: csv)
    let again = try cli.run(["import", "leads", csv.path, "--lang", "zh-CN"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("第 2 行：137****0001 也是线索"), "\(again.stderr)")
    #expect(again.stderr.contains("(ann) 的电话"), "\(again.stderr)")
    // Phones no earlier lead has: nothing said.
    try Data("external_id,name,phone\nC1,New,13700000077\n".utf8).write(to: csv)
    let quiet = try cli.run(["import", "leads", csv.path, "--json"])
    #expect(try quiet.json()["warnings"] as? [String] == [])
  }

  /// A birthday to come and a visit recorded by SMS are bad rows naming the column, as `lead add` and `touch` refuse them.
  @Test func aFutureBirthdayAndAVisitBySMSAreBadRows() throws {
    let cli = try CLI()
    let leads = cli.dir.appendingPathComponent("leads.csv")
    try Data(
      ("external_id,name,phone,birthday,created_at\nE1,张伟,13812345678,1990-05-03,2026-11-01\n"
        + "E2,李娜,13912345678,2030-01-01,\n").utf8
    ).write(to: leads)
    let l = try cli.run(["import", "leads", leads.path, "--json", "--lang", "en"])
    #expect(try l.json()["imported"] as? Int == 1, "\(l.stderr)")
    let bad = try #require((try l.json()["skipped"] as? [[String: Any]])?.first)
    #expect(bad["line"] as? Int == 3)
    #expect((bad["reason"] as? String)?.contains("\"2030-01-01\" is after today") == true, "\(bad)")
    let touches = cli.dir.appendingPathComponent("touches.csv")
    try Data(
      "lead_external_id,at,channel,outcome\nE1,2026-11-20T10:00,sms,visited\nE1,2026-11-21T10:00,visit,visited\n".utf8
    ).write(to: touches)
    let t = try cli.run(["import", "touches", touches.path, "--json", "--lang", "en"])
    #expect(try t.json()["imported"] as? Int == 1, "\(t.stderr)")
    let why = (try t.json()["skipped"] as? [[String: Any]])?.first?["reason"] as? String
    #expect(why?.contains("goes only with a visit or a test drive") == true, "\(why ?? "")")
  }

  /// Before, a file without external ids (and its touches) went in again as copies on a second run. Both engines.
  @Test func runningAFileTwiceImportsNoCopies() throws {
    let cli = try CLI()
    let leads = cli.dir.appendingPathComponent("leads.csv")
    try Data("name,phone\n张伟,138 1234 5678\n李娜,13912345678\n李娜,13912345678\n".utf8).write(to: leads)
    let first = try cli.run(["import", "leads", leads.path, "--json"])
    #expect(try first.json()["imported"] as? Int == 3, "\(first.stderr)")
    let again = try cli.run(["import", "leads", leads.path, "--json"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try again.json()["imported"] as? Int == 0)
    let skipped = try #require(try again.json()["skipped"] as? [[String: Any]])
    #expect(skipped.compactMap { $0["line"] as? Int } == [2, 3, 4])
    #expect(
      skipped.first?["reason"] as? String
        == "name \"张伟\", phone \"13812345678\": already imported (same name and phone as lead 1); give the row an "
        + "external_id if it is another lead of this customer")
    #expect((skipped.last?["reason"] as? String)?.contains("same name and phone as lead 2") == true)
    #expect(try Self.sqlite(cli.db, "SELECT COUNT(*) FROM lead") == "3")

    let withIDs = cli.dir.appendingPathComponent("ids.csv")
    try Data("external_id,name,phone,created_at\nK1,王芳,13712345678,2026-10-01\n".utf8).write(to: withIDs)
    #expect(try cli.run(["import", "leads", withIDs.path]).status == 0)
    let touches = cli.dir.appendingPathComponent("touches.csv")
    try Data(
      "客户编号,跟进时间,方式,结果\nK1,2026-11-01 10:00,电话,接通\nK1,2026-11-01 10:00,电话,接通\nK1,2026-11-02 10:00,电话,未接通\n".utf8
    ).write(to: touches)
    // The same touch twice in one file goes in once (line 3 repeats line 2).
    let t1 = try cli.run(["import", "touches", touches.path, "--json"])
    #expect(try t1.json()["imported"] as? Int == 2, "\(t1.stderr)")
    #expect((try t1.json()["skipped"] as? [[String: Any]])?.compactMap { $0["line"] as? Int } == [3])
    let t2 = try cli.run(["import", "touches", touches.path, "--json"])
    #expect(try t2.json()["imported"] as? Int == 0)
    let dup = try #require(try t2.json()["skipped"] as? [[String: Any]])
    #expect(dup.compactMap { $0["line"] as? Int } == [2, 3, 4])
    #expect(
      dup.first?["reason"] as? String
        == "客户编号 (lead_external_id) \"K1\", 跟进时间 (at) \"2026-11-01T10:00:00+08:00\": this touch (call, reached) is "
        + "already in the database")
    #expect(try Self.sqlite(cli.db, "SELECT COUNT(*) FROM touch") == "2")
    // A touch of another time still goes in.
    try Data("客户编号,跟进时间,方式,结果\nK1,2026-11-01 10:00,电话,接通\nK1,2026-11-03 10:00,电话,接通\n".utf8).write(to: touches)
    let t3 = try cli.run(["import", "touches", touches.path, "--json"])
    #expect(try t3.json()["imported"] as? Int == 1)
    #expect((try t3.json()["skipped"] as? [[String: Any]])?.compactMap { $0["line"] as? Int } == [2])
  }

  /// The same touch written twice in one file went in twice: the later row is bad at its line, in both languages;
  /// `--strict` refuses the file. A touch older than its lead's creation is history a dealership's sheet carries
  /// (a lead imported without `created_at` is created at the import): it is kept. Both engines.
  @Test func aTouchRepeatedInTheFileIsABadRowAndOlderHistoryIsKept() throws {
    let cli = try CLI()
    let leads = cli.dir.appendingPathComponent("leads.csv")
    try Data("external_id,name,phone,created_at\nK1,王芳,13712345678,2026-11-01 09:00\n".utf8).write(to: leads)
    #expect(try cli.run(["import", "leads", leads.path]).status == 0)
    let touches = cli.dir.appendingPathComponent("touches.csv")
    try Data(
      ("lead_external_id,at,channel,outcome\nK1,2026-10-31 18:00,call,reached\nK1,2026-11-02 10:00,call,reached\n"
        + "K1,2026-11-02T02:00:00Z,电话,接通\nK1,2026-11-01 09:00,sms,reached\n").utf8
    ).write(to: touches)
    let strict = try cli.run(["import", "touches", touches.path, "--strict", "--json"])
    #expect(strict.status == 65, "\(strict.stderr)")
    #expect(strict.stderr.contains("touches.csv:4:"), "\(strict.stderr)")
    #expect(try Self.sqlite(cli.db, "SELECT COUNT(*) FROM touch") == "0")

    let zh = try cli.run(["import", "touches", touches.path, "--dry-run", "--json", "--lang", "zh-CN"])
    let zhReasons = (try zh.json()["skipped"] as? [[String: Any]])?.compactMap { $0["reason"] as? String } ?? []
    #expect(zhReasons.count == 1 && zhReasons.first?.contains("与第 3 行相同") == true, "\(zhReasons)")

    let r = try cli.run(["import", "touches", touches.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 3)
    let skipped = try #require(try r.json()["skipped"] as? [[String: Any]])
    #expect(skipped.compactMap { $0["line"] as? Int } == [4])
    #expect(
      skipped.first?["reason"] as? String
        == "lead_external_id \"K1\", at \"2026-11-02T10:00:00+08:00\": this touch (call, reached) repeats line 3; "
        + "write each touch once")
    #expect(try Self.sqlite(cli.db, "SELECT COUNT(*) FROM touch") == "3")
  }

  /// Any gender was stored as written, and a consultant was created under any name (`a/b`, `<script>`), which
  /// `coach user add` refuses. Both are bad rows naming what is accepted; `--strict` refuses the file. Both engines.
  @Test func aGenderOrAConsultantNameOutsideTheRulesIsABadRow() throws {
    let cli = try CLI()
    let leads = cli.dir.appendingPathComponent("leads.csv")
    try Data(
      ("external_id,name,phone,gender,consultant\nE1,张伟,13812345678,男,王芳\nE2,李娜,13912345678,unknown,王芳\n"
        + "E3,赵六,13612345678,female,a/b\nE4,钱七,13512345678,女士,  周强 \n").utf8
    ).write(to: leads)
    let strict = try cli.run(["import", "leads", leads.path, "--strict"])
    #expect(strict.status == 65, "\(strict.stderr)")
    #expect((try cli.run(["lead", "list", "--json"]).json()["leads"] as? [Any])?.isEmpty == true)

    let zh = try cli.run(["import", "leads", leads.path, "--dry-run", "--json", "--lang", "zh-CN"])
    let zhReasons = (try zh.json()["skipped"] as? [[String: Any]])?.compactMap { $0["reason"] as? String } ?? []
    #expect(
      zhReasons.first?.hasPrefix("gender \"unknown\"：应为 male、female 或 other (或 男、男性、男士、先生、m (male)") == true)
    #expect(zhReasons.last?.contains("用户名应为 1 到 40 个字，不含控制字符和 / \\ < >") == true, "\(zhReasons)")

    let r = try cli.run(["import", "leads", leads.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 2)
    #expect(try r.json()["new_consultants"] as? [String] == ["王芳", "周强"])
    let skipped = try #require(try r.json()["skipped"] as? [[String: Any]])
    #expect(skipped.compactMap { $0["line"] as? Int } == [3, 4])
    #expect(
      skipped.first?["reason"] as? String
        == "gender \"unknown\": expected male, female or other (or 男, 男性, 男士, 先生, m (male); 女, 女性, 女士, f (female); 其他, 其它 (other))"
    )
    #expect(
      skipped.last?["reason"] as? String
        == "consultant \"a/b\": a user name is 1 to 40 characters without control characters or / \\ < >, e.g. Li Na")
    #expect(
      try Self.sqlite(cli.db, "SELECT c.gender FROM lead l JOIN customer c ON c.id = l.customerId ORDER BY l.id")
        == "male\nfemale")
    #expect(try Self.sqlite(cli.db, "SELECT COUNT(*) FROM \"user\" WHERE name IN ('周强', 'a/b')") == "1")
  }
}
