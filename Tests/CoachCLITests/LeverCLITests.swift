import Foundation
import Testing

/// `coach touch --lever` end to end: recorded with the touch, shown by `lead show`, refused with the accepted codes
/// when unknown (nothing written), and counted in the audit's what works (zone Asia/Shanghai, every time pinned).
@Suite struct LeverCLITests {
  /// boss (admin), 王经理 (team lead of T), 李娜 (consultant of T), and 李娜's prospect A, created 2026-11-01 09:00.
  func team() throws -> (cli: CLI, a: String) {
    var cli = try CLI()
    cli.now = "2026-11-01T08:00:00+08:00"
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["user", "add", "王经理", "--role", "lead", "--team", "T"]).status == 0)
    #expect(try cli.run(["user", "add", "李娜", "--role", "consultant", "--team", "T"]).status == 0)
    cli.now = "2026-11-01T09:00:00+08:00"
    let a = try cli.addLead(["--consultant", "李娜", "--grade", "A"])
    cli.user = "李娜"
    return (cli, a)
  }

  func touches(_ cli: CLI, _ lead: String) throws -> [[String: Any]] {
    try #require(try cli.run(["lead", "show", lead, "--json"]).json()["touches"] as? [[String: Any]])
  }

  @Test func leversAreRecordedWithTheTouchByCodeOrLabelOnceEachInTheOrderGiven() throws {
    var (cli, a) = try team()
    cli.now = "2026-11-02T10:00:00+08:00"
    let r = try cli.run(
      [
        "touch", a, "--channel", "call", "--outcome", "reached", "--lever", "availability", "--lever", "既得利益",
        "--lever", "AVAILABILITY", "--lang", "zh-CN",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try cli.run(["touch", a, "--channel", "wechat", "--outcome", "reached"]).status == 0)
    let recorded = try touches(cli, a)
    #expect(recorded.map { $0["levers"] as? [String] } == [["availability", "vested_benefit"], []])
    let en = try cli.run(["lead", "show", a, "--lang", "en"]).stdout
    #expect(en.contains("levers Sooner delivery; Vested benefit"), "\(en)")
    let zh = try cli.run(["lead", "show", a, "--lang", "zh-CN"]).stdout
    #expect(zh.contains("换车理由 更快提车、既得利益"), "\(zh)")
  }

  @Test func anUnknownLeverIsRefusedInBothLanguagesListingTheAcceptedCodesAndNothingIsWritten() throws {
    var (cli, a) = try team()
    cli.now = "2026-11-02T10:00:00+08:00"
    let args = [
      "touch", a, "--channel", "call", "--outcome", "reached", "--lever", "availability", "--lever", "faster",
    ]
    let en = try cli.run(args + ["--lang", "en"])
    #expect(en.status == 65)
    #expect(en.stderr.contains("lever \"faster\" is not a switch lever of the playbook"))
    #expect(
      en.stderr.contains("availability (Sooner delivery)") && en.stderr.contains("vested_benefit (Vested benefit)"))
    let zh = try cli.run(args + ["--lang", "zh-CN"])
    #expect(zh.status == 65)
    #expect(zh.stderr.contains("换车理由 \"faster\"") && zh.stderr.contains("availability (更快提车)"))
    let json = try cli.run(args + ["--json"])
    #expect(json.status == 65)
    #expect((try json.json()["error"] as? [String: Any])?["code"] as? String == "unknown_lever")
    #expect(try touches(cli, a).isEmpty)
  }

  @Test func theAuditCountsEachLeverAndWhetherADepositFollowedWithin14Days() throws {
    var (cli, a) = try team()
    cli.now = "2026-11-02T10:00:00+08:00"
    #expect(
      try cli.run([
        "touch", a, "--channel", "visit", "--outcome", "visited", "--lever", "availability", "--lever", "gain",
      ])
      .status == 0)
    cli.now = "2026-11-05T10:00:00+08:00"
    #expect(try cli.run(["stage", a, "deposit", "--amount", "5000"]).status == 0)
    cli.now = "2026-11-20T09:00:00+08:00"
    cli.user = "王经理"
    let period = ["--from", "2026-11-01", "--to", "2026-11-19"]
    let doc = try cli.run(["audit", "--json"] + period).json()
    let team = try #require((doc["team"] as? [String: Any])?["what_works"] as? [String: Any])
    let levers = try #require(team["levers"] as? [[String: Any]])
    #expect(levers.compactMap { $0["lever"] as? String } == ["availability", "gain"])
    for lever in levers {
      #expect(lever["used"] as? Int == 1 && lever["judged"] as? Int == 1 && lever["pending"] as? Int == 0)
      #expect(lever["deposits_or_switches"] as? Int == 1)
      #expect(lever["deposit_or_switch_rate"] is NSNull && lever["enough"] as? Bool == false)
    }
    let rows = try #require(doc["consultants"] as? [[String: Any]])
    let lina = try #require(rows.first { $0["consultant"] as? String == "李娜" }?["what_works"] as? [String: Any])
    #expect((lina["levers"] as? [[String: Any]])?.count == 2)

    let text = try cli.run(["audit", "--lang", "en"] + period).stdout
    #expect(text.contains("What works: switch lever argued → deposit or model switch within 14 days"))
    #expect(text.contains("Sooner delivery (availability)"))
    let zh = try cli.run(["audit", "--lang", "zh-CN"] + period).stdout
    #expect(zh.contains("什么有效：用了换车理由后 14 天内交了定金或换了车型") && zh.contains("更快提车 (availability)"))
    let html = try cli.run(["audit", "--format", "html", "--lang", "en"] + period).stdout
    #expect(html.contains("id=\"what-works-levers\"") && html.contains("Sooner delivery (availability)"))
  }

  @Test func theTouchImportReadsLeversByCodeOrLabelAndSkipsARowWithAnUnknownOne() throws {
    var (cli, _) = try team()
    cli.user = "boss"
    // After the touches below: a touch made after --now is a bad row.
    cli.now = "2026-11-02T09:00:00+08:00"
    let leads = cli.dir.appendingPathComponent("leads.csv")
    // Created before its touches: a touch dated before its lead is a bad row.
    try Data("external_id,name,phone,consultant,created_at\nE1,王芳,13900001111,李娜,2026-11-01\n".utf8).write(to: leads)
    #expect(try cli.run(["import", "leads", leads.path]).status == 0)
    let file = cli.dir.appendingPathComponent("touches.csv")
    let rows = [
      "lead_external_id,at,channel,outcome,换车理由",
      "E1,2026-11-01T10:00:00+08:00,call,reached,availability；更快提车;Vested benefit",
      "E1,2026-11-01T11:00:00+08:00,call,reached,faster",
      "E1,2026-11-01T12:00:00+08:00,wechat,reached,",
    ]
    try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: file)
    let r = try cli.run(["import", "touches", file.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let doc = try r.json()
    #expect(doc["imported"] as? Int == 2)
    let skipped = try #require(doc["skipped"] as? [[String: Any]])
    #expect(skipped.count == 1 && skipped.first?["line"] as? Int == 3)
    let reason = skipped.first?["reason"] as? String ?? ""
    #expect(
      reason.contains("faster") && reason.contains("availability") && reason.contains("vested_benefit"), "\(reason)")
    let id = try #require(
      (try cli.run(["lead", "list", "--json"]).json()["leads"] as? [[String: Any]])?.first {
        $0["external_id"] as? String == "E1"
      }?["id"])
    let recorded = try touches(cli, "\(id)")
    #expect(recorded.map { $0["levers"] as? [String] } == [["availability", "vested_benefit"], []])
  }
}
