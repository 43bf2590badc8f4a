import Foundation
import Testing

/// `coach audit` end to end on the demo database (4 consultants of team 东店一组, --now pinned).
@Suite struct AuditCLITests {
  func demo() throws -> CLI { try CLI.demoAsTeamLead() }

  @Test func consultantsMayNotAudit() throws {
    var cli = try demo()
    cli.user = "李娜"
    let r = try cli.run(["audit", "--json"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("team leads and admins"))
  }

  @Test func jsonHasTheContractKeysAndConsistentCounts() throws {
    let cli = try demo()
    let doc = try cli.run(["audit", "--json", "--from", "2026-10-26", "--to", "2026-11-24"]).json()
    #expect(doc["from"] as? String == "2026-10-26" && doc["to"] as? String == "2026-11-24")
    let rows = try #require(doc["consultants"] as? [[String: Any]])
    #expect(rows.compactMap { $0["consultant"] as? String }.sorted() == ["刘洋", "张伟", "李娜", "陈静"])
    let keys = [
      "consultant", "leads_open", "touches", "due", "on_time", "late", "overdue_now", "on_time_rate",
      "callback_3day_rate",
    ]
    for row in rows {
      for key in keys { #expect(row.keys.contains(key), "missing \(key)") }
      let due = row["due"] as? Int ?? -1, onTime = row["on_time"] as? Int ?? -1
      #expect(due == onTime + (row["late"] as? Int ?? 0) + (row["missed"] as? Int ?? 0))
      if due > 0 { #expect(abs((row["on_time_rate"] as? Double ?? -1) - Double(onTime) / Double(due)) < 0.0001) }
    }
    let team = try #require(doc["team"] as? [String: Any])
    #expect(team["due"] as? Int == rows.map { $0["due"] as? Int ?? 0 }.reduce(0, +))
  }

  /// Leads parked with the team lead count in the team's audit (the team lead gets a row), so that its overdue now
  /// is the team's alert count; a consultant promoted to team lead keeps the row of the periods she worked. Before,
  /// both dropped out of every audit while `alerts --team` still listed them.
  @Test func aTeamLeadHoldingLeadsAndAPromotedConsultantAreCounted() throws {
    var cli = try demo()
    func audit(_ args: [String] = []) throws -> (rows: [String: [String: Any]], team: [String: Any]) {
      let doc = try cli.run(["audit", "--json"] + args).json()
      let rows = try #require(doc["consultants"] as? [[String: Any]])
      return (
        Dictionary(uniqueKeysWithValues: rows.map { ($0["consultant"] as? String ?? "", $0) }),
        try #require(doc["team"] as? [String: Any])
      )
    }
    func alerts() throws -> Int {
      (try cli.run(["alerts", "--team", "--json"]).json()["alerts"] as? [Any])?.count ?? -1
    }
    let before = try audit()
    #expect(before.rows["王经理"] == nil)  // holds nothing: no row
    // Overdue now is the team's alerts whatever the period: a past month counts the leads created since too.
    #expect(before.team["overdue_now"] as? Int == (try alerts()))
    #expect(try audit(["--from", "2026-09-01", "--to", "2026-09-30"]).team["overdue_now"] as? Int == (try alerts()))
    let lina = try #require(before.rows["李娜"])
    #expect(try cli.run(["lead", "reassign", "--from", "张伟", "--to", "王经理"]).status == 0)
    let parked = try audit()
    #expect(parked.rows["王经理"] != nil)
    #expect(parked.team["overdue_now"] as? Int == (try alerts()))
    #expect(parked.team["leads_open"] as? Int == before.team["leads_open"] as? Int)
    #expect(try cli.run(["audit", "--consultant", "王经理", "--json"]).status == 0)
    cli.user = "周主任"
    #expect(try cli.run(["user", "edit", "李娜", "--role", "lead"]).status == 0)
    cli.user = "王经理"
    let promoted = try #require(try audit().rows["李娜"])
    #expect(promoted["due"] as? Int == lina["due"] as? Int && promoted["on_time"] as? Int == lina["on_time"] as? Int)
  }

  /// What `--out` says it wrote, in the reader's words: the format and the list as the playbook names them (zh said
  /// "table 审计" and "missed 跟进"); an ETA refused and a role that owns no leads, likewise.
  @Test func theWordsOfWhatWasWrittenAndRefusedFollowTheLanguage() throws {
    let cli = try demo()
    let table = cli.dir.appendingPathComponent("audit.txt").path
    let zh = try cli.run(["audit", "--out", table, "--lang", "zh-CN"])
    #expect(zh.stdout.contains("位顾问的审计表格 ("), "\(zh.stdout)")
    let list = cli.dir.appendingPathComponent("list.csv").path
    let missed = try cli.run(["audit", "--list", "missed", "--format", "csv", "--out", list, "--lang", "zh-CN"])
    #expect(missed.stdout.contains("条跟进 (漏跟) 写入") && !missed.stdout.contains("missed"), "\(missed.stdout)")
    let en = try cli.run(["audit", "--list", "missed", "--format", "csv", "--out", list, "--lang", "en"])
    #expect(en.stdout.contains("follow-ups (Missed) to"), "\(en.stdout)")
    var admin = cli
    admin.user = "周主任"
    let prospect = try #require(
      (try admin.run(["lead", "list", "--stage", "prospect", "--json"]).json()["leads"] as? [[String: Any]])?.first?[
        "id"] as? String)
    let eta = try admin.run(["lead", "edit", prospect, "--eta", "2027-01-01", "--lang", "zh-CN"])
    #expect(eta.stderr.contains("处于有望客户阶段：只有已交定金或已签约待交车的线索"), "\(eta.stderr)")
    let owner = try admin.run(["lead", "edit", prospect, "--consultant", "周主任", "--lang", "en"])
    #expect(owner.stderr.contains("周主任 is an admin and cannot own leads"), "\(owner.stderr)")
    let zhOwner = try admin.run(["lead", "edit", prospect, "--consultant", "周主任", "--lang", "zh-CN"])
    #expect(zhOwner.stderr.contains("周主任 的角色是管理员，"), "\(zhOwner.stderr)")
  }

  @Test func oneConsultantAndNullRates() throws {
    let cli = try demo()
    let doc = try cli.run(["audit", "--json", "--consultant", "李娜", "--from", "2020-01-01", "--to", "2020-01-02"])
      .json()
    let rows = try #require(doc["consultants"] as? [[String: Any]])
    #expect(rows.count == 1 && rows[0]["due"] as? Int == 0)
    #expect(rows[0]["on_time_rate"] is NSNull)  // nothing was due: null, not 0
    #expect(try cli.run(["audit", "--consultant", "周主任"]).status == 65)  // an admin owns no leads
    #expect(try cli.run(["audit", "--from", "2026-11-24", "--to", "2026-11-01"]).status == 64)
  }

  @Test func csvHasABomOneRowPerConsultantAndATeamRow() throws {
    let cli = try demo()
    let out = cli.dir.appendingPathComponent("audit.csv").path
    #expect(try cli.run(["audit", "--format", "csv", "--out", out]).status == 0)
    let data = try Data(contentsOf: URL(fileURLWithPath: out))
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let lines = String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
    #expect(
      lines.first?.hasPrefix(
        "consultant,leads_open,touches,due,on_time,late,overdue_now,on_time_rate,callback_3day_rate") == true)
    #expect(lines.count == 1 + 4 + 1)
    let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func aNameThatStartsLikeAFormulaIsTextInTheCSV() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    let name = "=HYPERLINK(\"x.cn\",\"y\")"
    #expect(try cli.run(["user", "add", name, "--role", "consultant", "--team", "t1"]).status == 0)
    _ = try cli.addLead(["--consultant", name])
    let csv = try cli.run(["audit", "--format", "csv"])
    #expect(csv.status == 0)
    #expect(csv.stdout.contains("\r\n\"'=HYPERLINK(\"\"x.cn\"\",\"\"y\"\")\","), "\(csv.stdout)")
    #expect(!csv.stdout.contains("\n=") && !csv.stdout.contains("\n\"="))
    let listed = try cli.run(["audit", "--list", "pending", "--format", "csv"])
    #expect(listed.status == 0)
    #expect(!listed.stdout.contains(",=") && !listed.stdout.contains(",\"="), "\(listed.stdout)")
  }

  /// Without --format, an --out file's name says the format, as `export --out leads.xlsx` does; a future --from
  /// without --to says that --to is today; the data-access log is in words, with headers on the page.
  @Test func outNamesTheFormatAndTheAccessLogIsInWords() throws {
    var cli = try demo()
    let html = cli.dir.appendingPathComponent("审计.html").path, csv = cli.dir.appendingPathComponent("a.csv").path
    #expect(try cli.run(["audit", "--out", html]).status == 0)
    #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    #expect(try cli.run(["audit", "--out", csv]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: csv)).starts(with: Data("\u{FEFF}consultant,".utf8)))
    let future = try cli.run(["audit", "--from", "2026-12-01", "--lang", "en"])
    #expect(future.status == 64 && future.stderr.contains("the last day when --to is left out: give --to as well"))
    cli.user = "李娜"
    #expect(try cli.run(["export", "leads"]).status == 0)
    cli.user = "王经理"
    let zh = try cli.run(["audit", "--lang", "zh-CN"]).stdout
    #expect(zh.contains("李娜  导出客户 · CSV  ") && zh.contains("已脱敏  屏幕 (标准输出)"), "\(zh.suffix(300))")
    let page = try cli.run(["audit", "--format", "html", "--lang", "en"]).stdout
    #expect(page.contains("<th>Who</th><th>What</th><th>Rows</th><th>Phones</th><th>Where</th>"))
    #expect(page.contains("<td>Lead export · CSV</td>") && page.contains("<td>screen (stdout)</td>"))
  }

  /// A long name widens the bars' name column up to 30 columns, then is cut with "…"; the whole name is its tooltip.
  @Test func aLongNameFitsTheChartsAndIsWholeInItsTooltip() throws {
    var cli = try demo()
    cli.user = "周主任"
    let long = "Alexandra Konstantinopoulou-Smythe"
    #expect(try cli.run(["user", "add", long, "--role", "consultant", "--team", "东店一组"]).status == 0)
    _ = try cli.addLead(["--consultant", long])
    let html = try cli.run(["audit", "--format", "html", "--lang", "en"]).stdout
    let bars = try #require(html.components(separatedBy: "<svg class=\"chart\"").dropFirst().first)
    #expect(bars.contains("<title>\(long)</title>") && bars.contains(">Alexandra Konstantinopoulou-S…</text>"))
    // Wider than the 640 px of short names: the cut name ends 12 px left of the bars, which start at 30 columns.
    #expect(bars.hasPrefix(" viewBox=\"0 0 796.0 "), "\(bars.prefix(60))")
    let trend = try #require(html.components(separatedBy: "<svg class=\"trend\"").dropFirst().first)
    #expect(trend.contains("<title>\(long)</title>") && trend.contains(">Alexandra Kons…</text>"))
  }

  @Test func htmlIsSelfContainedWithOneBarPerConsultant() throws {
    let cli = try demo()
    let r = try cli.run(["audit", "--format", "html", "--lang", "zh-CN"])
    #expect(r.status == 0)
    let html = r.stdout
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("url("))
    #expect(html.components(separatedBy: "<svg").count - 1 == 4)  // rates, trend, funnel, churn
    #expect(html.components(separatedBy: "<g class=\"bar\" ").count - 1 == 4)  // one bar per consultant
    for name in ["李娜", "张伟", "陈静", "刘洋"] { #expect(html.contains("data-consultant=\"\(name)\"")) }
    #expect(html.contains("<svg class=\"trend\"") && html.contains("<polyline class=\"line\""))
    #expect(html.contains("各顾问按时跟进率"))  // labels in --lang
    #expect(html.contains("@media print"))
  }

  @Test func tableIsTheDefault() throws {
    let cli = try demo()
    let r = try cli.run(["audit"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("On-time rate") && r.stdout.contains("Team"))
  }

  @Test func exportsUnmaskedViewsAndTransfersAreShownToTheRightPeople() throws {
    var cli = try demo()
    var admin = cli
    admin.user = "周主任"
    let out = cli.dir.appendingPathComponent("all.csv").path
    #expect(try admin.run(["export", "leads", "--unmasked", "--out", out]).status == 0)
    #expect(try admin.run(["lead", "show", "1", "--unmasked"]).status == 0)
    cli.user = "李娜"
    #expect(try cli.run(["export", "leads"]).status == 0)
    #expect(try admin.run(["lead", "reassign", "--from", "张伟", "--to", "刘洋"]).status == 0)
    let all = try admin.run(["audit", "--json"]).json()
    let entries = (all["data_access"] as? [[String: Any]]) ?? []
    #expect(entries.count == 3)
    #expect(
      entries.contains {
        $0["actor"] as? String == "周主任" && $0["masked"] as? Bool == false && $0["rows"] as? Int == 200
      })
    #expect(entries.contains { $0["actor"] as? String == "李娜" && $0["masked"] as? Bool == true })
    let transfers = (all["transfers"] as? [[String: Any]]) ?? []
    #expect(transfers.first?["from"] as? String == "张伟")
    #expect(transfers.first?["leads"] as? Int == 50)
    var lead = cli
    lead.user = "王经理"
    let team = try lead.run(["audit", "--json"]).json()
    let teamEntries = (team["data_access"] as? [[String: Any]]) ?? []
    #expect(
      teamEntries.map { $0["actor"] as? String } == ["李娜"], "a team lead sees their team's exports, not the admin's")
    #expect(try lead.run(["audit"]).stdout.contains("李娜"))
  }

  /// A consultant's past stays theirs when their leads are handed on: what fell due, was done or was missed before the
  /// hand-over counts for them, what is open now for the one who has the leads now, and the team's sum is the same.
  @Test func handedOverLeadsKeepTheirPastWithTheConsultantWhoHadThem() throws {
    var admin = try demo()
    admin.user = "周主任"
    let before = try admin.run(["audit", "--json"]).json()
    #expect(try admin.run(["lead", "reassign", "--from", "张伟", "--to", "刘洋"]).status == 0)
    let after = try admin.run(["audit", "--json"]).json()
    func row(_ doc: [String: Any], _ name: String) throws -> [String: Any] {
      try #require((doc["consultants"] as? [[String: Any]])?.first { $0["consultant"] as? String == name })
    }
    func int(_ row: [String: Any], _ key: String) -> Int { row[key] as? Int ?? -1 }
    let (zhang0, zhang1) = (try row(before, "张伟"), try row(after, "张伟"))
    let (liu0, liu1) = (try row(before, "刘洋"), try row(after, "刘洋"))
    #expect(int(zhang0, "due") > 0 && int(zhang0, "leads_open") > 0)
    for key in ["touches", "due", "on_time", "late", "missed"] {
      #expect(int(zhang1, key) == int(zhang0, key), "张伟's \(key) stays his")
      #expect(int(liu1, key) == int(liu0, key), "刘洋 does not inherit \(key)")
    }
    #expect(int(zhang1, "leads_open") == 0 && int(zhang1, "overdue_now") == 0)
    #expect(int(liu1, "leads_open") == int(liu0, "leads_open") + int(zhang0, "leads_open"))
    #expect(int(liu1, "overdue_now") == int(liu0, "overdue_now") + int(zhang0, "overdue_now"))
    let (team0, team1) = (try #require(before["team"] as? [String: Any]), try #require(after["team"] as? [String: Any]))
    for key in ["touches", "due", "on_time", "late", "missed", "leads_open", "overdue_now"] {
      #expect(int(team1, key) == int(team0, key), "the team's \(key)")
    }
    // One consultant's audit reads the leads they handed over too, and its list is as long as its figure.
    let one = try admin.run(["audit", "--json", "--consultant", "张伟"]).json()
    #expect(int(try row(one, "张伟"), "due") == int(zhang0, "due"))
    let missed = try admin.run(["audit", "--json", "--consultant", "张伟", "--list", "missed"]).json()
    let listed = try #require(missed["follow_ups"] as? [[String: Any]])
    #expect(listed.count == int(zhang0, "missed"))
    #expect(listed.allSatisfy { $0["consultant"] as? String == "张伟" })
    // Once he is deactivated his row stays, marked in the table and the report; the JSON keeps his name as it is.
    #expect(try admin.run(["user", "deactivate", "张伟"]).status == 0)
    #expect(try admin.run(["audit"]).stdout.contains("张伟 (left)"))
    #expect(try admin.run(["audit", "--lang", "zh-CN"]).stdout.contains("张伟 (已停用)"))
    let html = admin.dir.appendingPathComponent("audit.html").path
    #expect(try admin.run(["audit", "--format", "html", "--out", html]).status == 0)
    #expect(try String(contentsOfFile: html, encoding: .utf8).contains("张伟 (left)"))
    let json = try admin.run(["audit", "--json"]).json()
    #expect(try row(json, "张伟")["due"] as? Int == int(zhang0, "due"))
    // The JSON and the CSV say so too, in words a script reads whatever the language; the team row says what it is.
    #expect(try row(json, "张伟")["deactivated"] as? Bool == true && row(json, "刘洋")["deactivated"] as? Bool == false)
    #expect((json["team"] as? [String: Any])?["deactivated"] == nil)
    for lang in ["en", "zh-CN"] {
      let csv = try admin.run(["audit", "--format", "csv", "--lang", lang]).stdout
      let lines = csv.split(whereSeparator: \.isNewline).map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      }
      let header = try #require(lines.first)
      let (deactivated, kind) = (
        try #require(header.firstIndex(of: "deactivated")), try #require(header.firstIndex(of: "row"))
      )
      let zhang = try #require(lines.first { $0.first == "张伟" }), team = try #require(lines.last)
      #expect((zhang[deactivated], zhang[kind]) == ("true", "consultant"), "\(lang)")
      #expect((team[deactivated], team[kind]) == ("", "team"), "\(lang)")
      #expect(lines.dropFirst().dropLast().allSatisfy { $0[kind] == "consultant" }, "\(lang)")
    }
    // Each lead's own history says who had it.
    let leadID = try #require(listed.first?["lead_id"])
    let shown = try admin.run(["lead", "show", "\(leadID)", "--json"]).json()
    let edits = try #require(shown["edits"] as? [[String: Any]])
    #expect(
      edits.contains {
        $0["field"] as? String == "consultant" && $0["from"] as? String == "张伟" && $0["to"] as? String == "刘洋"
      })
  }

  /// A lead handed to another team: its past stays in the old team's audit, and the new team's lead sees only their
  /// own consultants (no row, export or transfer of the other team's).
  @Test func aLeadHandedToAnotherTeamKeepsItsPastWithTheOldTeamAndShowsNothingOfItToTheNewOne() throws {
    var admin = try demo()
    admin.user = "周主任"
    #expect(try admin.run(["user", "add", "赵经理", "--role", "lead", "--team", "西店二组"]).status == 0)
    #expect(try admin.run(["user", "add", "孙丽", "--role", "consultant", "--team", "西店二组"]).status == 0)
    var zhang = admin
    zhang.user = "张伟"
    #expect(try zhang.run(["export", "leads"]).status == 0)
    var lead = admin
    lead.user = "王经理"
    let before = try lead.run(["audit", "--json"]).json()
    let moved = try #require(
      try lead.run(["lead", "list", "--consultant", "张伟", "--json"]).json()["leads"] as? [[String: Any]])
    let ids = moved.prefix(5).compactMap { $0["id"] as? String }
    for id in ids { #expect(try admin.run(["lead", "edit", id, "--consultant", "孙丽"]).status == 0) }
    func row(_ doc: [String: Any], _ name: String) -> [String: Any]? {
      (doc["consultants"] as? [[String: Any]])?.first { $0["consultant"] as? String == name }
    }
    let after = try lead.run(["audit", "--json"]).json()
    for key in ["touches", "due", "on_time", "late", "missed"] {
      #expect(row(after, "张伟")?[key] as? Int == row(before, "张伟")?[key] as? Int, "张伟's \(key) stays in 东店一组")
    }
    var west = admin
    west.user = "赵经理"
    let other = try west.run(["audit", "--json"]).json()
    #expect((other["consultants"] as? [[String: Any]])?.compactMap { $0["consultant"] as? String } == ["孙丽"])
    #expect(((other["data_access"] as? [[String: Any]]) ?? []).allSatisfy { $0["actor"] as? String != "张伟" })
    #expect(try west.run(["audit", "--consultant", "张伟"]).status == 65)
  }
}
