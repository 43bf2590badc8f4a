import Foundation
import Testing

@Suite struct LeadCLITests {
  /// A note longer than 2,000 characters is refused naming the limit (64, nothing written), in both languages.
  @Test func aNoteLongerThanTheLimitIsRefused() throws {
    let cli = try CLI()
    let id = try cli.addLead([])
    let touch = ["touch", id, "--channel", "call", "--outcome", "reached", "--note"]
    let long = try cli.run(touch + [String(repeating: "x", count: 2_001)])
    #expect(long.status == 64 && long.stderr.contains("at most 2000 characters"), "\(long.stderr)")
    let zh = try cli.run(touch + [String(repeating: "记", count: 2_001), "--lang", "zh-CN"])
    #expect(zh.status == 64 && zh.stderr.contains("最多 2000 个字"), "\(zh.stderr)")
    let shown = try cli.run(["lead", "show", id, "--json"]).stdout
    #expect(!shown.contains("xxxxxxxx"), "\(shown.prefix(200))")
    #expect(try cli.run(touch + [String(repeating: "x", count: 2_000)]).status == 0)
  }

  /// A deposit amount no `Int` holds, kept before amounts were limited, is shown, not a crash of `lead show`.
  @Test func aHugeAmountKeptBeforeTheLimitIsShown() throws {
    let cli = try CLI()
    let id = try cli.addLead([])
    #expect(try cli.run(["stage", id, "deposit", "--amount", "5000"]).status == 0)
    _ = try ImportCLITests.sqlite(cli.db, "UPDATE stageEvent SET amount = 1e308 WHERE amount = 5000")
    let shown = try cli.run(["lead", "show", id])
    #expect(shown.status == 0 && shown.stdout.contains("1000000000000000"), "\(shown.stdout)\(shown.stderr)")
  }

  @Test func addShowAndListALeadAsJSON() throws {
    let cli = try CLI()
    let id = try cli.addLead([
      "--model", "X60", "--grade", "A", "--birthday", "1988-02-29", "--tag", "VIP", "--profile", "hobby=钓鱼", "--city",
      "杭州",
    ])
    let show = try cli.run(["lead", "show", id, "--json"]).json()
    #expect(show["name"] as? String == "王芳")
    #expect(show["phone"] as? String == "13812345678")
    #expect(show["model"] as? String == "X60")
    #expect(show["birthday"] as? String == "1988-02-29")
    #expect(show["tags"] as? [String] == ["vip"])
    #expect((show["profile"] as? [String: String])?["hobby"] == "钓鱼")
    #expect(show["stage"] as? String == "prospect")
    #expect(show["created_at"] as? String == "2026-11-24T09:00:00+08:00")
    #expect((show["events"] as? [Any])?.count == 1)
    let list = try cli.run(["lead", "list", "--json"]).json()
    #expect((list["leads"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
  }

  /// Well-known tags as people write them are their codes, as in an import: 警示客户 is the warning every brief shows.
  /// A lead's free-text fields are trimmed as the name is, and a blank one is refused naming its option (an edit never
  /// clears a field): `--city " 宁波"` on a lead in 宁波 changes nothing.
  @Test func textFieldsAreTrimmedAndABlankOneIsRefused() throws {
    let cli = try CLI()
    _ = try cli.run(["init"])
    let id = try cli.addLead(["--city", " 宁波 ", "--source", "展厅 "])
    let shown = try cli.run(["lead", "show", id, "--json"]).json()
    #expect(shown["city"] as? String == "宁波" && shown["source"] as? String == "展厅")
    #expect(try cli.run(["lead", "edit", id, "--city", " 宁波"]).stdout.contains("unchanged"))
    let blank = try cli.run(["lead", "edit", id, "--email", ""])
    #expect(blank.status == 64 && blank.stderr.contains("--email"))
    #expect(try cli.run(["lead", "add", "--name", "X", "--phone", "13900004321", "--wechat", " "]).status == 64)
    #expect((try cli.run(["lead", "show", id, "--json"]).json()["edits"] as? [Any])?.isEmpty == true)
  }

  /// `--gender` takes the words an import takes (先生, 女士, 其它 …), and a bad one is refused naming them.
  @Test func genderWordsAreTheImportsWords() throws {
    let cli = try CLI()
    _ = try cli.run(["init"])
    for (n, (word, code)) in [("先生", "male"), ("女士", "female"), ("其它", "other"), ("F", "female"), ("女 士", "female")]
      .enumerated()
    {
      let added = try cli.run([
        "lead", "add", "--name", "客户\(n)", "--phone", "1390000100\(n)", "--gender", word, "--json",
      ])
      let id = try added.json()["id"] as? String ?? ""
      #expect(try cli.run(["lead", "show", id, "--json"]).json()["gender"] as? String == code, "\(word)")
    }
    let bad = try cli.run(["lead", "add", "--name", "X", "--phone", "13900001234", "--gender", "unknown"])
    #expect(bad.status == 65 && bad.stderr.contains("use male, female or other (or m, f)"))
  }

  @Test func aWellKnownTagWrittenInWordsIsItsCode() throws {
    let cli = try CLI()
    let id = try cli.addLead(["--tag", "警示客户", "--tag", "二胎家庭"])
    #expect((try cli.run(["lead", "show", id, "--json"]).json())["tags"] as? [String] == ["warning", "二胎家庭"])
    #expect(try cli.run(["lead", "edit", id, "--untag", "警示客户", "--tag", "大客户"]).status == 0)
    let after = (try cli.run(["lead", "show", id, "--json"]).json())["tags"] as? [String] ?? []
    #expect(Set(after) == ["二胎家庭", "fleet"], "\(after)")
  }

  @Test func anEmailThatIsNoAddressIsRefusedOnAddAndEdit() throws {
    let cli = try CLI()
    let add = try cli.run(["lead", "add", "--name", "x", "--phone", "13812345678", "--email", "notanemail", "--json"])
    #expect(add.status == 65)
    #expect((try add.json()["error"] as? [String: Any])?["code"] as? String == "bad_email")
    #expect((try cli.run(["lead", "list", "--json"]).json()["leads"] as? [Any])?.isEmpty == true)
    let id = try cli.addLead(["--email", "wang@example.com"])
    let edit = try cli.run(["lead", "edit", id, "--email", "wang at example", "--lang", "en"])
    #expect(
      edit.status == 65 && edit.stderr.contains("--email \"wang at example\" is not an address like name@example.com"))
    #expect((try cli.run(["lead", "show", id, "--json"]).json())["email"] as? String == "wang@example.com")
    #expect(try cli.run(["lead", "edit", id, "--email", "li.na@mail.example.cn"]).status == 0)
  }

  @Test func badInputExitsWithTheContractCodesAndWritesNothing() throws {
    let cli = try CLI()
    let badPhone = try cli.run(["lead", "add", "--name", "x", "--phone", "12345", "--json"])
    #expect(badPhone.status == 65)
    #expect((try badPhone.json()["error"] as? [String: Any])?["code"] as? String == "bad_phone")
    #expect(try cli.run(["lead", "add", "--name", "x", "--phone", "13812345678", "--model", "ZZ9"]).status == 65)
    #expect(
      try cli.run(["lead", "add", "--name", "x", "--phone", "13812345678", "--birthday", "2023-02-29"]).status == 64)
    #expect(try cli.run(["lead", "add", "--name", "x", "--phone", "13812345678", "--grade", "Z"]).status == 64)
    #expect(try cli.run(["lead", "show", "999"]).status == 65)
    #expect(try cli.run(["lead", "list", "--now", "yesterday"]).status == 64)
    let list = try cli.run(["lead", "list", "--json"]).json()
    #expect((list["leads"] as? [Any])?.isEmpty == true)
  }

  @Test func aTouchBuriesATopicThatShowListsUntilResolved() throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let t = try cli.run([
      "touch", id, "--channel", "visit", "--outcome", "visited", "--bury", "发X60七座配置单", "--bury-kind", "brochure",
      "--objection", "wait_too_long", "--next", "2026-11-26T10:00", "--json",
    ])
    #expect(t.status == 0, "\(t.stderr)")
    let topicID = (try t.json()["buried_topic_ids"] as? [Int])?.first ?? -1
    var show = try cli.run(["lead", "show", id, "--json"]).json()
    let topic = (show["topics"] as? [[String: Any]])?.first
    #expect(topic?["kind"] as? String == "brochure")
    #expect(topic?["resolved_at"] is NSNull)
    let touch = (show["touches"] as? [[String: Any]])?.first
    #expect(touch?["next_at"] as? String == "2026-11-26T10:00:00+08:00")
    #expect(touch?["objections"] as? [String] == ["wait_too_long"])
    var later = cli
    later.now = "2026-11-26T10:05:00+08:00"
    #expect(
      try later.run(["touch", id, "--channel", "call", "--outcome", "reached", "--resolve", "\(topicID)"]).status == 0)
    show = try cli.run(["lead", "show", id, "--json"]).json()
    #expect((show["topics"] as? [[String: Any]])?.first?["resolved_at"] as? String == "2026-11-26T10:05:00+08:00")
    #expect(try cli.run(["touch", id, "--channel", "fax", "--outcome", "reached"]).status == 64)
    #expect(
      try cli.run(["touch", id, "--channel", "call", "--outcome", "reached", "--objection", "too_sunny"]).status == 65)
  }

  @Test func consultantsSeeOnlyTheirOwnLeadsAndExportsAreMaskedAndRecorded() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["user", "add", "ann", "--role", "consultant", "--team", "t1"]).status == 0)
    #expect(try cli.run(["user", "add", "bob", "--role", "consultant", "--team", "t1"]).status == 0)
    let annLead = try cli.addLead(["--consultant", "ann"])
    let bobLead = try cli.addLead(["--consultant", "bob", "--phone", "13987654321"])
    var ann = cli
    ann.user = "ann"
    #expect(try ann.run(["lead", "show", annLead]).status == 0)
    let other = try ann.run(["lead", "show", bobLead])
    #expect(other.status == 65)
    #expect(try ann.run(["stage", bobLead, "deposit", "--amount", "1000"]).status == 65)
    #expect(try ann.run(["user", "add", "eve", "--role", "admin"]).status == 65)
    var nobody = cli
    nobody.user = nil
    #expect(try nobody.run(["lead", "list"]).status == 64)
    #expect(try nobody.run(["user", "use", "ghost"]).status == 65)
    #expect(try nobody.run(["user", "use", "ann"]).status == 0)
    #expect(try nobody.run(["lead", "show", annLead]).status == 0, "the saved default acts")
    #expect(try nobody.run(["lead", "show", bobLead]).status == 65, "as ann, not as an admin")
    var ghost = cli
    ghost.user = "ghost"
    #expect(try ghost.run(["lead", "list"]).status == 65)

    let masked = try cli.run(["export", "leads"])
    #expect(masked.status == 0)
    #expect(masked.stdout.hasPrefix("\u{FEFF}"), "a BOM on stdout as in a file, so that Excel reads it")
    #expect(masked.stdout.contains("138****5678"))
    #expect(!masked.stdout.contains("13812345678"))
    #expect(try ann.run(["export", "leads", "--unmasked"]).status == 65)
    let out = cli.dir.appendingPathComponent("all.csv").path
    #expect(try cli.run(["export", "leads", "--unmasked", "--out", out]).status == 0)
    let attrs = try FileManager.default.attributesOfItem(atPath: out)
    #expect((attrs[.posixPermissions] as? Int) == 0o600)
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("13987654321"))
    let log = try ImportCLITests.sqlite(
      cli.db, "SELECT actor || ',' || rows || ',' || CAST(masked AS INTEGER) FROM exportLog ORDER BY id")
    #expect(log == "boss,2,1\nboss,2,0")
    // A database file is the owner's alone (a PostgreSQL database is the server's to guard).
    if cli.postgresURL == nil {
      let dbMode = try FileManager.default.attributesOfItem(atPath: cli.db)[.posixPermissions] as? Int
      #expect(dbMode == 0o600)
    }
  }

  @Test func anExportImportsBack() throws {
    let cli = try CLI()
    _ = try cli.addLead(["--model", "X40", "--grade", "H", "--tag", "vip"])
    let out = cli.dir.appendingPathComponent("leads.csv").path
    #expect(try cli.run(["export", "leads", "--unmasked", "--out", out]).status == 0)
    let other = try CLI()
    let r = try other.run(["import", "leads", out, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stderr.contains("warning"), "an export's own columns import back without warnings: \(r.stderr)")
    #expect(try r.json()["imported"] as? Int == 1)
    let lead = (try other.run(["lead", "list", "--json"]).json()["leads"] as? [[String: Any]])?.first
    #expect(lead?["model"] as? String == "X40")
    #expect(lead?["grade"] as? String == "H")
    #expect(lead?["phone"] as? String == "13812345678")
  }

  /// A name typed as a formula reaches Excel as text (`'=…`), and the import takes the `'` off again.
  @Test func aFormulaInACellIsExportedAsTextAndImportsBackIntact() throws {
    let cli = try CLI()
    let name = "=HYPERLINK(\"http://x\",\"y\")"
    let add = try cli.run(["lead", "add", "--name", name, "--phone", "13812345678", "--city=-北京"])
    #expect(add.status == 0, "\(add.stderr)")
    let csv = try cli.run(["export", "leads", "--unmasked"])
    #expect(csv.status == 0)
    let row = try #require(csv.stdout.split(separator: "\n").dropFirst().first)
    #expect(row.hasPrefix(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",13812345678,"), "\(row)")
    #expect(row.contains(",'-北京,"), "\(row)")
    let out = cli.dir.appendingPathComponent("formula.csv").path
    #expect(try cli.run(["export", "leads", "--unmasked", "--out", out]).status == 0)
    let other = try CLI()
    let r = try other.run(["import", "leads", out, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let lead = (try other.run(["lead", "list", "--json"]).json()["leads"] as? [[String: Any]])?.first
    #expect(lead?["name"] as? String == name)
    #expect(lead?["city"] as? String == "-北京")
    #expect(lead?["phone"] as? String == "13812345678")
  }
}

@Suite struct LeadMoveCLITests {
  @Test func movingOneLeadIsRecordedAndATeamLeadStaysInTheirTeam() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    for (name, role, team) in [
      ("tl", "lead", "t1"), ("ann", "consultant", "t1"), ("bob", "consultant", "t1"), ("cat", "consultant", "t2"),
    ] {
      #expect(try cli.run(["user", "add", name, "--role", role, "--team", team]).status == 0)
    }
    let id = try cli.addLead(["--consultant", "ann"])
    var lead = cli
    lead.user = "tl"
    let out = try lead.run(["lead", "edit", id, "--consultant", "cat"])
    #expect(out.status == 65, "a team lead may not give a lead to another team")
    #expect(try lead.run(["lead", "edit", id, "--consultant", "bob"]).status == 0)
    #expect((try cli.run(["lead", "show", id, "--json"]).json())["consultant"] as? String == "bob")
    let log = try ImportCLITests.sqlite(
      cli.db, "SELECT actor || ',' || fromUser || ',' || toUser || ',' || leads FROM reassignLog")
    #expect(log == "tl,ann,bob,1")
    // A team lead's lead added without --consultant is theirs (nobody's was outside their own sight at once).
    let own = try lead.addLead()
    #expect((try lead.run(["lead", "show", own, "--json"]).json())["consultant"] as? String == "tl")
  }
}

/// Every field `lead edit` changes is kept in the lead's history (who, when, before, after), on both engines, with
/// contact details masked for whoever sees the phone masked.
@Suite struct LeadEditHistoryCLITests {
  @Test func anEditKeepsEachChangedFieldBeforeAndAfter() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    for (name, role) in [("tl", "lead"), ("ann", "consultant"), ("bob", "consultant")] {
      #expect(try cli.run(["user", "add", name, "--role", role, "--team", "t1"]).status == 0)
    }
    let id = try cli.addLead([
      "--consultant", "ann", "--phone", "13812345678", "--city", "上海", "--wechat", "wx_customer_88",
    ])
    var ann = cli
    ann.user = "ann"
    let edit = try ann.run(["lead", "edit", id, "--phone", "13987654321", "--city", "上海", "--grade", "A"])
    #expect(edit.status == 0, "\(edit.stderr)")
    #expect(try cli.run(["lead", "edit", id, "--consultant", "bob", "--profile", "hobby=钓鱼"]).status == 0)
    // Nothing changes: nothing kept, and it says so.
    let same = try cli.run(["lead", "edit", id, "--city", "上海", "--consultant", "bob"])
    #expect(same.status == 0 && same.stdout.contains("lead \(id) unchanged: it already has these values"))
    let sameJSON = try cli.run(["lead", "edit", id, "--profile", "hobby=钓鱼", "--json"]).json()
    #expect(sameJSON["changed"] as? Bool == false && sameJSON["id"] as? String == id)
    #expect(try cli.run(["lead", "edit", id, "--grade", "B", "--json"]).json()["changed"] as? Bool == true)
    #expect(try cli.run(["lead", "edit", id, "--grade", "A"]).stdout.contains("updated lead \(id)"))

    var bob = cli
    bob.user = "bob"
    let own = try bob.run(["lead", "show", id, "--json"]).json()["edits"] as? [[String: Any]] ?? []
    let fields = own.map {
      "\($0["actor"] as? String ?? "-") \($0["field"] as? String ?? "") \($0["from"] as? String ?? "-")→\($0["to"] as? String ?? "-")"
    }
    #expect(
      fields == [
        "ann phone 13812345678→13987654321", "ann grade -→A", "boss profile.hobby -→钓鱼", "boss consultant ann→bob",
        "boss grade A→B", "boss grade B→A",
      ], "\(fields)")
    #expect(own.allSatisfy { $0["at"] is String })
    // The team lead sees bob's lead with its phone masked: the old and new numbers too.
    var tl = cli
    tl.user = "tl"
    let masked = try tl.run(["lead", "show", id, "--json"]).json()["edits"] as? [[String: Any]] ?? []
    let phone = masked.first { $0["field"] as? String == "phone" }
    #expect(phone?["from"] as? String == "138****5678" && phone?["to"] as? String == "139****4321", "\(masked)")
    let text = try tl.run(["lead", "show", id]).stdout
    #expect(text.contains("phone: 138****5678 → 139****4321") && !text.contains("13812345678"), "\(text)")
    // The WeChat id is masked with the phone, in the text as in the JSON.
    #expect(!text.contains("wx_customer_88") && text.contains("wx**********88"), "\(text)")
  }
}

@Suite struct LeadShowCLITests {
  /// A stage change's details and an open topic read in the user's language: `定金 17000，车型 极光 X60` and
  /// `产品技术：…` in Chinese, `amount 17000, model Aurora X60` and `Technical question: …` in English.
  @Test(arguments: ["zh-CN", "en"])
  func historyAndOpenTopicsReadInTheUsersLanguage(lang: String) throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "王经理"
    let r = try cli.run(["lead", "show", "169"], env: ["COACH_LANG": lang])
    #expect(r.status == 0)
    let zh = lang == "zh-CN"
    #expect(r.stdout.contains(zh ? "定金 17000，车型 极光 X60" : "amount 17000, model Aurora X60"), "\(r.stdout)")
    #expect(r.stdout.contains(zh ? "产品技术：答应确认" : "Technical question: 答应确认"), "\(r.stdout)")
    #expect(!r.stdout.contains("] tech"), "\(r.stdout)")
  }

  /// The history names what the playbook names: an objection by its title, a churn reason by its label, a model by
  /// its name; the codes stay in `--json` (what scripts read).
  @Test(arguments: ["zh-CN", "en"])
  func historyNamesObjectionsReasonsAndModelsInThePlaybooksWords(lang: String) throws {
    let cli = try CLI()
    let id = try cli.addLead(["--model", "X60"])
    let touch = ["touch", id, "--channel", "call", "--outcome", "reached", "--objection", "price_too_high"]
    #expect(try cli.run(touch + ["--objection", "ask_family"]).status == 0)
    #expect(try cli.run(["stage", id, "churned", "--reason", "budget_changed"]).status == 0)
    let show = try cli.run(["lead", "show", id, "--lang", lang]).stdout
    let zh = lang == "zh-CN"
    for words in zh
      ? ["异议 价格太贵、要和家人商量", "原因 购买力发生变化", "车型 极光 X60"]
      : ["objections It's too expensive; I need to ask my family", "reason Budget changed", "model Aurora X60"]
    {
      #expect(show.contains(words), "lead show [\(lang)] lacks \(words):\n\(show)")
    }
    #expect(!show.contains("price_too_high") && !show.contains("budget_changed"), "\(show)")
    let json = try cli.run(["lead", "show", id, "--json"]).json()
    let touches = try #require(json["touches"] as? [[String: Any]])
    #expect(touches.first?["objections"] as? [String] == ["price_too_high", "ask_family"])
  }

  @Test func anObjectionGivenTwiceIsRecordedOnceInTheOrderFirstGiven() throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let touch = ["touch", id, "--channel", "call", "--outcome", "reached"]
    let objections = ["no_discount", "price_too_high", "no_discount"].flatMap { ["--objection", $0] }
    #expect(try cli.run(touch + objections).status == 0)
    let json = try cli.run(["lead", "show", id, "--json"]).json()
    let touches = try #require(json["touches"] as? [[String: Any]])
    #expect(touches.first?["objections"] as? [String] == ["no_discount", "price_too_high"])
  }

  /// An escape sequence or a CR typed into a name or a note is shown, not obeyed by the terminal; a line break in a
  /// note keeps the touch on one line. The JSON keeps the text as typed.
  @Test func controlCharactersTypedIntoFieldsAreShownNotObeyed() throws {
    let cli = try CLI()
    let name = "王芳\u{1B}[2J"
    let add = try cli.run(["lead", "add", "--name", name, "--phone", "13812345678", "--city", "北京\rX", "--json"])
    let id = try add.json()["id"] as? String ?? "?"
    let note = "说好周四\n再打\u{1B}]0;pwned\u{7}"
    #expect(try cli.run(["touch", id, "--channel", "call", "--outcome", "reached", "--note", note]).status == 0)
    let show = try cli.run(["lead", "show", id])
    #expect(show.status == 0)
    #expect(!show.stdout.contains("\u{1B}") && !show.stdout.contains("\r") && !show.stdout.contains("\u{7}"))
    #expect(show.stdout.contains("王芳␛[2J"), "\(show.stdout)")
    #expect(show.stdout.contains("北京␍X"), "\(show.stdout)")
    #expect(show.stdout.contains("说好周四 ⏎ 再打␛]0;pwned␇"), "\(show.stdout)")
    let list = try cli.run(["lead", "list"])
    #expect(!list.stdout.contains("\u{1B}"), "\(list.stdout)")
    let brief = try cli.run(["next", "--lead", id])
    #expect(brief.status == 0)
    #expect(!brief.stdout.contains("\u{1B}") && brief.stdout.contains("王芳␛[2J"), "\(brief.stdout)")
    let json = try cli.run(["lead", "show", id, "--json"]).json()
    #expect(json["name"] as? String == name)
  }
}
