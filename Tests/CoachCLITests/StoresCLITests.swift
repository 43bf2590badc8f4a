import Foundation
import Testing

/// Stores of a dealer group end to end, on every engine: a group admin, two stores with an admin, a team lead and a
/// consultant each (both teams named T), and a lead per consultant. Each store's users see their store's leads only;
/// the group admin sees all, audits one store with `--store` or every store with a row per store.
@Suite struct StoresCLITests {
  struct Group {
    var cli: CLI
    /// Lead ids by consultant.
    var leads: [String: String]
  }

  func group(_ engine: Engine) throws -> Group {
    var cli = try CLI(engine: engine)
    cli.now = "2026-11-01T08:00:00+08:00"
    #expect(try cli.run(["user", "add", "boss", "--role", "group_admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["store", "add", "SH-01", "--name", "上海一店"]).status == 0)
    #expect(try cli.run(["store", "add", "BJ-01", "--name", "北京一店"]).status == 0)
    for (store, admin, lead, consultant) in [
      ("SH-01", "sh-admin", "sh-lead", "李娜"), ("BJ-01", "bj-admin", "bj-lead", "王芳"),
    ] {
      #expect(try cli.run(["user", "add", admin, "--role", "admin", "--store", store]).status == 0)
      var asAdmin = cli
      asAdmin.user = store == "SH-01" ? "sh-admin" : "bj-admin"
      // A store's admin adds users to their own store without naming it.
      #expect(try asAdmin.run(["user", "add", lead, "--role", "lead", "--team", "T"]).status == 0)
      #expect(try asAdmin.run(["user", "add", consultant, "--role", "consultant", "--team", "T"]).status == 0)
    }
    cli.now = "2026-11-01T09:00:00+08:00"
    var leads: [String: String] = [:]
    for (consultant, admin) in [("李娜", "sh-admin"), ("王芳", "bj-admin")] {
      var c = cli
      c.user = admin
      leads[consultant] = try c.addLead(["--consultant", consultant, "--grade", "H"])
    }
    cli.now = "2026-11-24T09:00:00+08:00"
    return Group(cli: cli, leads: leads)
  }

  func ids(_ cli: CLI, _ args: [String], key: String, as user: String) throws -> Set<String> {
    var c = cli
    c.user = user
    let r = try c.run(args + ["--json"])
    #expect(r.status == 0, "\(user) \(args): \(r.stderr)")
    let rows = try #require(try r.json()[key] as? [[String: Any]], "\(user) \(args): \(r.stdout)")
    return Set(rows.compactMap { ($0["lead_id"] ?? $0["id"]) as? String })
  }

  func code(_ r: CLI.Result) throws -> String? {
    (try r.json()["error"] as? [String: Any])?["code"] as? String
  }

  @Test(arguments: Engine.allCases)
  func eachStoreSeesItsOwnLeadsAndTheGroupAdminSeesAll(_ engine: Engine) throws {
    let g = try group(engine)
    let (sh, bj) = (try #require(g.leads["李娜"]), try #require(g.leads["王芳"]))
    for (user, expected) in [
      ("boss", Set([sh, bj])), ("sh-admin", [sh]), ("bj-admin", [bj]), ("sh-lead", [sh]), ("bj-lead", [bj]),
    ] {
      #expect(try ids(g.cli, ["lead", "list"], key: "leads", as: user) == expected, "\(user) lead list")
      #expect(try ids(g.cli, ["alerts", "--team"], key: "alerts", as: user) == expected, "\(user) alerts --team")
    }
    #expect(try ids(g.cli, ["next"], key: "queue", as: "sh-admin") == [sh])
    var bjAdmin = g.cli
    bjAdmin.user = "bj-admin"
    // Another store's lead is unknown to a store's users (as to the web); one of their own store they may not see is
    // refused as not theirs.
    for who in ["bj-admin", "bj-lead", "王芳"] {
      var c = g.cli
      c.user = who
      let r = try c.run(["lead", "show", sh, "--json"])
      let found = try code(r)
      #expect(r.status == 65 && found == "unknown_lead", "\(who): \(r.stdout)")
    }
    var shLead = g.cli
    shLead.user = "sh-lead"
    #expect(try shLead.run(["user", "add", "x", "--role", "consultant"]).status == 65)
    var shAdmin = g.cli
    shAdmin.user = "sh-admin"
    #expect(try shAdmin.run(["user", "add", "张三", "--role", "consultant", "--team", "U"]).status == 0)
    let other = try shAdmin.addLead(["--consultant", "张三"])
    let notTheirs = try shLead.run(["lead", "show", other, "--json"])
    let notTheirsCode = try code(notTheirs)
    #expect(notTheirs.status == 65 && notTheirsCode == "not_your_lead", "\(notTheirs.stdout)")
    // A phone another store's lead has: the group admin settles which store follows the customer up.
    _ = try shAdmin.addLead(["--consultant", "张三", "--phone", "13911112222"])
    let clash = try bjAdmin.run([
      "lead", "add", "--name", "客户", "--phone", "13911112222", "--consultant", "王芳", "--json", "--lang", "en",
    ])
    let clashCode = try code(clash)
    #expect(clash.status == 65 && clashCode == "duplicate_phone" && clash.stdout.contains("another store"))
    // A store's admin cannot give a lead to, or move leads to, another store's consultant.
    let given = try bjAdmin.run([
      "lead", "add", "--name", "客户", "--phone", "13900000009", "--consultant", "李娜", "--json",
    ])
    let givenCode = try code(given)
    #expect(given.status == 65 && givenCode == "unknown_user")
    let moved = try bjAdmin.run(["lead", "reassign", "--from", "王芳", "--to", "李娜", "--json"])
    #expect(moved.status == 65, "\(moved.stdout)")
    // Users listed are the store's own; the group admin's list names each user's store.
    let listed = try bjAdmin.run(["user", "list", "--json"]).json()["users"] as? [[String: Any]] ?? []
    #expect(Set(listed.compactMap { $0["name"] as? String }) == ["bj-admin", "bj-lead", "王芳"])
    #expect(Set(listed.compactMap { $0["store"] as? String }) == ["BJ-01"])
    var boss = g.cli
    boss.user = "boss"
    let all = try boss.run(["user", "list", "--json"]).json()["users"] as? [[String: Any]] ?? []
    #expect(all.count == 8 && all.first { $0["name"] as? String == "boss" }?["store"] == nil)  // with 张三
    let stores = try boss.run(["store", "list", "--json"]).json()["stores"] as? [[String: Any]] ?? []
    #expect(stores.map { $0["code"] as? String } == ["BJ-01", "SH-01"])
    #expect(stores.map { $0["users"] as? Int } == [3, 4])
  }

  @Test(arguments: Engine.allCases)
  func refusalsNameWhatWasWrong(_ engine: Engine) throws {
    let g = try group(engine)
    var sh = g.cli
    sh.user = "sh-admin"
    var boss = g.cli
    boss.user = "boss"
    let cases: [(CLI, [String], Int32, String)] = [
      (sh, ["user", "add", "x", "--role", "consultant", "--store", "BJ-01"], 65, "not_your_store"),
      (sh, ["user", "add", "x", "--role", "group_admin"], 65, "forbidden"),
      (sh, ["store", "add", "GZ-01"], 65, "forbidden"),
      (sh, ["audit", "--store", "BJ-01"], 65, "not_your_store"),
      (boss, ["user", "add", "x", "--role", "group_admin", "--store", "SH-01"], 64, "bad_store"),
      (boss, ["user", "add", "x", "--role", "consultant", "--store", "GZ-01"], 65, "unknown_store"),
      (boss, ["store", "add", "SH-01"], 65, "duplicate_store"),
      (boss, ["store", "add", "上海 一店"], 64, "bad_store_code"),
      (boss, ["audit", "--store", "GZ-01"], 65, "unknown_store"),
    ]
    for (cli, args, status, expected) in cases {
      for lang in ["zh-CN", "en"] {
        let r = try cli.run(args + ["--json", "--lang", lang])
        #expect(r.status == status, "\(args): \(r.stdout) \(r.stderr)")
        let found = try code(r)
        #expect(found == expected, "\(args): \(r.stdout)")
      }
    }
    let unknown = try boss.run(["audit", "--store", "GZ-01", "--lang", "en"])
    #expect(unknown.stderr.contains("GZ-01") && unknown.stderr.contains("BJ-01, SH-01"), "\(unknown.stderr)")
    // Nothing was written by the refusals.
    let users = try boss.run(["user", "list", "--json"]).json()["users"] as? [Any]
    #expect(users?.count == 7)
  }

  @Test(arguments: Engine.allCases)
  func theGroupAuditHasARowPerStoreAndStoreAuditsHaveNone(_ engine: Engine) throws {
    let g = try group(engine)
    var boss = g.cli
    boss.user = "boss"
    let doc = try boss.run(["audit", "--json"]).json()
    let stores = try #require(doc["stores"] as? [[String: Any]])
    #expect(stores.map { $0["store"] as? String } == ["BJ-01", "SH-01"])
    #expect(stores.map { $0["store_name"] as? String } == ["北京一店", "上海一店"])
    let consultants = try #require(doc["consultants"] as? [[String: Any]])
    #expect(Set(consultants.compactMap { $0["store"] as? String }) == ["BJ-01", "SH-01"])
    let team = try #require(doc["team"] as? [String: Any])
    for key in ["due", "missed", "leads_open", "overdue_now"] {
      let sum = stores.compactMap { $0[key] as? Int }.reduce(0, +)
      #expect(sum == team[key] as? Int, "\(key): stores sum to \(sum), team \(team[key] ?? "nil")")
    }
    #expect((team["due"] as? Int ?? 0) > 0)
    // The table shows the stores first, then each consultant with their store.
    let table = try boss.run(["audit", "--lang", "en"]).stdout
    #expect(table.contains("[BJ-01] 北京一店") && table.contains("李娜 (SH-01)"), "\(table)")
    // The CSV, for a spreadsheet: each consultant's store in a last column, a row per store before the total.
    let csv = try boss.run(["audit", "--format", "csv", "--lang", "en"]).stdout
    let lines = csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter {
      !$0.isEmpty
    }
    #expect(lines.first?.hasPrefix("consultant,") == true && lines.first?.hasSuffix(",store") == true, "\(csv)")
    #expect(lines.contains { $0.hasPrefix("李娜,") && $0.hasSuffix(",SH-01") }, "\(csv)")
    #expect(lines.contains { $0.hasPrefix("[BJ-01] 北京一店,") && $0.hasSuffix(",BJ-01") }, "\(csv)")
    #expect(lines.last?.hasSuffix(",") == true, "\(csv)")

    let one = try boss.run(["audit", "--store", "SH-01", "--json"]).json()
    #expect(one["stores"] == nil)
    let only = (one["consultants"] as? [[String: Any]] ?? []).compactMap { $0["consultant"] as? String }
    #expect(only == ["李娜"])
    var sh = g.cli
    sh.user = "sh-admin"
    let own = try sh.run(["audit", "--json"]).json()
    #expect(own["stores"] == nil)
    #expect((own["consultants"] as? [[String: Any]] ?? []).compactMap { $0["consultant"] as? String } == ["李娜"])
    let narrowed = try sh.run(["audit", "--store", "SH-01", "--json"]).stdout
    #expect(try narrowed == sh.run(["audit", "--json"]).stdout)
  }

  @Test(arguments: Engine.allCases)
  func aStoresImportStaysInTheStore(_ engine: Engine) throws {
    let g = try group(engine)
    var sh = g.cli
    sh.user = "sh-admin"
    let file = g.cli.dir.appendingPathComponent("leads.csv")
    try "客户姓名,手机号,销售顾问\n甲一,13900000001,新人A\n乙二,13900000002,王芳\n丙三,13900000003,李娜\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let r = try sh.run(["import", "leads", file.path, "--lang", "en"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("销售顾问 (consultant) \"王芳\" belongs to another store"), "\(r.stdout)")
    let users = try sh.run(["user", "list", "--json"]).json()["users"] as? [[String: Any]] ?? []
    #expect(users.first { $0["name"] as? String == "新人A" }?["store"] as? String == "SH-01")
    #expect(try ids(g.cli, ["lead", "list"], key: "leads", as: "sh-admin").count == 3)
    #expect(try ids(g.cli, ["lead", "list"], key: "leads", as: "bj-admin").count == 1)
  }
}
