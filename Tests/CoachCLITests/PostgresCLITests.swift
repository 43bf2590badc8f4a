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

  /// What the PostgreSQL store does not run yet is refused by name (65), writing nothing, never faked.
  @Test(.enabled(if: PostgresCLI.admin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func whatIsNotYetOnPostgresIsRefusedByName() throws {
    var cli = try CLI(engine: .postgres)
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    let csv = cli.dir.appendingPathComponent("leads.csv")
    try Data("name,phone\n赵敏,13900000001\n".utf8).write(to: csv)
    let backup = cli.dir.appendingPathComponent("b.sqlite").path
    // A real coach file to restore from (a SQLite database made by `coach init`).
    let file = cli.dir.appendingPathComponent("showroom.sqlite").path
    #expect(try cli.run(["init"], env: ["COACH_DB": file]).status == 0)
    for (args, what) in [
      (["import", "leads", csv.path, "--json"], "coach import leads"), (["backup", backup, "--json"], "coach backup"),
      (["restore", file, "--json"], "coach restore"),
    ] {
      let r = try cli.run(args)
      #expect(r.status == 65, "\(args): \(r.stderr)")
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "not_yet_on_postgres", "\(args)")
      #expect(r.stderr.contains("\(what) does not run on PostgreSQL yet"))
    }
    #expect(!FileManager.default.fileExists(atPath: backup))
    let list = try cli.run(["lead", "list", "--json"])
    #expect((try list.json()["leads"] as? [Any])?.count == 200)
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
