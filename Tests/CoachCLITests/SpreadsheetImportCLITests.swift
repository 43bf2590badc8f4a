import Foundation
import Testing

/// A dealership's own sheet goes in as it is: files written by LibreOffice (`scripts/make-xlsx-fixtures`), the same
/// data as GBK and UTF-8 CSV, `--dry-run`, damaged workbooks, and the xlsx export read back.
@Suite struct SpreadsheetImportCLITests {
  static var fixtures: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  }
  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// Every lead, as each consultant of the fixtures lists them (a consultant sees own phones in full).
  static func leads(_ cli: CLI) throws -> String {
    try ["李娜", "赵敏"].map { user in
      let r = try cli.run(["lead", "list", "--json"], env: ["COACH_USER": user])
      #expect(r.status == 0, "\(r.stderr)")
      return r.stdout
    }.joined()
  }

  /// `sqlite3 DB .dump`: the whole database as SQL text.
  static func dump(_ db: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // PostgreSQL: every row as an INSERT, and the sequences' values (a dry run leaves them as they were too).
    p.arguments = db.hasPrefix("postgres") ? ["pg_dump", "--inserts", "--no-owner", db] : ["sqlite3", db, ".dump"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    // pg_dump brackets its script with a random key (`\restrict KEY`): the rows and sequences are what count.
    return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("\\restrict") && !$0.hasPrefix("\\unrestrict") }.joined(separator: "\n")
  }

  @Test("the same sheet as xlsx (LibreOffice's, twice), UTF-8 CSV and GBK CSV imports to identical leads")
  func sameLeadsFromEveryFormat() throws {
    var exports: [String: String] = [:]
    for name in ["dealership.xlsx", "dealership-from-csv.xlsx", "dealership-utf8.csv", "dealership-gbk.csv"] {
      let cli = try CLI()
      let r = try cli.run(["import", "leads", Self.fixture(name), "--json"])
      #expect(r.status == 0, "\(name): \(r.stderr)")
      let json = try r.json()
      #expect(json["imported"] as? Int == 5, "\(name)")
      let skipped = json["skipped"] as? [[String: Any]] ?? []
      #expect(skipped.count == 1)
      #expect((skipped.first?["reason"] as? String)?.contains("ambiguous") == true, "\(name)")
      // The workbook has a title row above the header: its rows are one further down.
      #expect(skipped.first?["line"] as? Int == (name == "dealership.xlsx" ? 8 : 7), "\(name)")
      exports[name] = try Self.leads(cli)
    }
    let first = exports["dealership.xlsx"] ?? ""
    #expect(
      first.contains("\"X60\"") && first.contains("\"1985-02-14\"") && first.contains("2026-11-04T10:30:00+08:00"))
    #expect(first.contains("\"13812345678\""))  // the phone LibreOffice stored as a number
    for (name, text) in exports { #expect(text == first, "\(name)") }
  }

  @Test("values as people type them land as codes: phones, dates, grades, genders, stages, models")
  func valuesAsTyped() throws {
    let cli = try CLI()
    #expect(try cli.run(["import", "leads", Self.fixture("dealership.xlsx")]).status == 0)
    let r = try cli.run(["lead", "list", "--json"], env: ["COACH_USER": "赵敏"])
    let leads = try r.json()["leads"] as? [[String: Any]] ?? []
    let k3 = try #require(leads.first { $0["external_id"] as? String == "K003" })
    #expect(k3["phone"] as? String == "13712345678")
    #expect(k3["model"] as? String == "X70")
    #expect(k3["grade"] as? String == "B")
    #expect(k3["gender"] as? String == "male")
    #expect(k3["stage"] as? String == "churned")
    #expect(k3["birthday"] as? String == "1979-12-01")
    #expect(k3["created_at"] as? String == "2026-11-05T09:05:00+08:00")
    let k4 = try #require(leads.first { $0["external_id"] as? String == "K004" })
    #expect(k4["stage"] as? String == "delivered")
    #expect(k4["model"] as? String == "E50")
    #expect(k4["gender"] as? String == "female")
    #expect(k4["created_at"] as? String == "2026-11-06T00:00:00+08:00")
  }

  @Test("touches from the workbook's second sheet, by --sheet; an unknown sheet names the sheets (65)")
  func touchesFromSecondSheet() throws {
    let cli = try CLI()
    #expect(try cli.run(["import", "leads", Self.fixture("dealership.xlsx")]).status == 0)
    let r = try cli.run(
      ["import", "touches", Self.fixture("dealership.xlsx"), "--sheet", "跟进", "--json"], env: ["COACH_USER": "赵敏"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 1)  // 赵敏 sees K003 only; K001 and K002 are 李娜's
    let all = try cli.run(
      ["import", "touches", Self.fixture("dealership.xlsx"), "--sheet", "跟进", "--json"], env: ["COACH_USER": "李娜"])
    #expect(try all.json()["imported"] as? Int == 2)
    let bad = try cli.run(
      ["import", "touches", Self.fixture("dealership.xlsx"), "--sheet", "nope"], env: ["COACH_USER": "李娜"])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("客户, 跟进"))
    // Without --sheet the first sheet is read; its header has no touch columns: the refusal names the other sheet.
    let first = try cli.run(
      ["import", "touches", Self.fixture("dealership.xlsx"), "--lang", "en"], env: ["COACH_USER": "李娜"])
    #expect(first.status == 65)
    #expect(
      first.stderr.contains(
        "sheet \"客户\" was read, and the workbook also has \"跟进\": name the one to read with --sheet"),
      "\(first.stderr)")
  }

  @Test("--dry-run reports columns, bad rows and consultants to be created, and leaves the database file unchanged")
  func dryRunWritesNothing() throws {
    let cli = try CLI()
    #expect(try cli.run(["import", "leads", Self.fixture("dealership-utf8.csv")]).status == 0)
    // Every row and schema object (any open of the file, even `lead list`, bumps SQLite's header counters).
    let before = try Self.dump(cli.db)
    let r = try cli.run(
      ["import", "leads", Self.fixture("dealership.xlsx"), "--dry-run", "--json"], env: ["COACH_USER": "李娜"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try r.json()
    #expect(json["dry_run"] as? Bool == true)
    #expect(json["imported"] as? Int == 0)  // every external id is in the database already
    #expect((json["skipped"] as? [Any])?.count == 6)
    #expect(try Self.dump(cli.db) == before)
    #expect(before.contains("INSERT INTO lead") || before.contains("INSERT INTO public.lead "))
    let other = try cli.run(
      ["import", "leads", Self.fixture("dealership-from-csv.xlsx"), "--dry-run", "--map", "备注=city"],
      env: ["COACH_USER": "李娜"])
    #expect(other.status == 0)
    #expect(try Self.dump(cli.db) == before)

    let fresh = try CLI()
    let f = try fresh.run(["import", "leads", Self.fixture("dealership.xlsx"), "--dry-run", "--json"])
    #expect(f.status == 0, "\(f.stderr)")
    let j = try f.json()
    #expect(j["imported"] as? Int == 5)
    #expect(j["new_consultants"] as? [String] == ["李娜", "赵敏"])
    #expect(j["ignored_columns"] as? [String] == ["备注"])
    let columns = (j["columns"] as? [[String: String]] ?? []).map { "\($0["header"] ?? "")=\($0["field"] ?? "")" }
    #expect(columns.prefix(3) == ["客户编号=external_id", "客户姓名=name", "手机号=phone"])
    #expect(!FileManager.default.fileExists(atPath: fresh.db), "a dry run creates no database")
    let text = try fresh.run(["import", "leads", Self.fixture("dealership.xlsx"), "--dry-run"])
    #expect(text.stdout.hasPrefix("dry run, nothing written: would import 5 leads (xlsx); skipped 1"))
    #expect(text.stdout.contains("would create consultants: 李娜, 赵敏"))
  }

  @Test("damaged, truncated, password-protected or non-xlsx workbooks: 65 naming the file, nothing written")
  func damagedWorkbooks() throws {
    let cli = try CLI()
    #expect(try cli.run(["import", "leads", Self.fixture("dealership-utf8.csv")]).status == 0)
    let before = try Self.dump(cli.db)
    let good = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("dealership.xlsx")))
    let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 1024)
    var flipped = good
    for i in stride(from: 600, to: min(2000, flipped.count), by: 97) { flipped[i] ^= 0x5A }
    let cases: [(String, Data, String)] = [
      ("truncated", good.prefix(good.count / 2), "zip"), ("protected", ole, "password"),
      ("text", Data("not a workbook".utf8), "not an .xlsx"), ("flipped", flipped, "cannot read the spreadsheet"),
    ]
    for (name, data, says) in cases {
      let path = cli.dir.appendingPathComponent("\(name).xlsx")
      try data.write(to: path)
      let r = try cli.run(["import", "leads", path.path], env: ["COACH_USER": "李娜"])
      #expect(r.status == 65, "\(name): \(r.stdout) \(r.stderr)")
      #expect(r.stderr.contains(path.path) && r.stderr.contains(says), "\(name): \(r.stderr)")
      let j = try cli.run(["import", "leads", path.path, "--json"], env: ["COACH_USER": "李娜"])
      #expect(j.status == 65)
      #expect(j.stdout.contains("\"bad_xlsx\""), "\(name): \(j.stdout)")
    }
    #expect(try Self.dump(cli.db) == before)
  }

  @Test("--map names another column; a --map naming no field is a bad command line")
  func mapOption() throws {
    let cli = try CLI()
    let csv = cli.dir.appendingPathComponent("m.csv")
    try Data("联系人,Tel,意向金额\n王芳,+86 138 1234 5678,预算=20万\n".utf8).write(to: csv)
    let r = try cli.run([
      "import", "leads", csv.path, "--map", "联系人=name", "--map", "Tel=phone", "--map", "意向金额=profile", "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 1)
    let bad = try cli.run(["import", "leads", csv.path, "--map", "联系人=customer"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("external_id, name, phone"))
  }

  @Test("export --format xlsx needs --out (64); the workbook imports back to the same leads")
  func exportRoundTrip() throws {
    let cli = try CLI()
    #expect(try cli.run(["user", "add", "周主任", "--role", "admin"]).status == 0)
    let boss = ["COACH_USER": "周主任"]
    #expect(try cli.run(["import", "leads", Self.fixture("dealership-gbk.csv")], env: boss).status == 0)
    let noOut = try cli.run(["export", "leads", "--format", "xlsx"], env: boss)
    #expect(noOut.status == 64)
    #expect(noOut.stderr.contains("--out"))
    let out = cli.dir.appendingPathComponent("leads.xlsx")
    let e = try cli.run(["export", "leads", "--format", "xlsx", "--unmasked", "--out", out.path], env: boss)
    #expect(e.status == 0, "\(e.stderr)")
    let back = try CLI()
    let r = try back.run(["import", "leads", out.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 5)
    #expect(try r.json()["skipped"] as? [Any] == nil || (try r.json()["skipped"] as? [Any])?.isEmpty == true)
    let a = try Self.leads(cli)
    #expect(a.contains("K005"))
    #expect(a == (try Self.leads(back)))
  }

  @Test("a CSV export on standard output starts with the BOM too, so that Excel reads it as UTF-8")
  func csvOnStdoutHasBOM() throws {
    let cli = try CLI()
    #expect(try cli.run(["import", "leads", Self.fixture("dealership-utf8.csv")]).status == 0)
    let r = try cli.run(["export", "leads"], env: ["COACH_USER": "李娜"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("\u{FEFF}external_id,name,phone"))
  }
}
