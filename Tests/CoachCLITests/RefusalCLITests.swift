import Foundation
import Testing

/// The contract's "Input the store refuses": each refusal exits with its code, writes nothing, and says what was
/// wrong and what is accepted in the language of `--lang`, with the same JSON error code in both languages.
@Suite struct RefusalCLITests {
  static let languages = ["zh-CN", "en"]

  /// True when `text` has Chinese characters (a zh-CN message), false for an English one.
  static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// Runs `args` in `lang`, with and without --json, and checks status, code, language and the words that must appear.
  func expectRefusal(
    _ cli: CLI, _ args: [String], lang: String, status: Int32, code: String, mentions: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let r = try cli.run(args + ["--lang", lang])
    #expect(r.status == status, "\(args) [\(lang)]: \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(
      Self.isChinese(r.stderr) == (lang == "zh-CN"), "stderr not in \(lang): \(r.stderr)",
      sourceLocation: sourceLocation)
    for word in mentions {
      #expect(r.stderr.contains(word), "\(r.stderr) should name \(word)", sourceLocation: sourceLocation)
    }
    let j = try cli.run(args + ["--lang", lang, "--json"])
    #expect(j.status == status, sourceLocation: sourceLocation)
    let error = try j.json()["error"] as? [String: Any]
    #expect(error?["code"] as? String == code, "\(j.stdout)", sourceLocation: sourceLocation)
    #expect((error?["message"] as? String).map(Self.isChinese) == (lang == "zh-CN"), sourceLocation: sourceLocation)
  }

  /// A lead at waiting_for_delivery (ETA 2026-12-20) and its `lead show --json` before the refusals.
  func waitingLead(_ cli: CLI) throws -> (id: String, before: String) {
    let id = try cli.addLead()
    #expect(try cli.run(["stage", id, "deposit", "--amount", "5000"]).status == 0)
    #expect(try cli.run(["stage", id, "waiting_for_delivery", "--eta", "2026-12-20"]).status == 0)
    return (id, try cli.run(["lead", "show", id, "--json"]).stdout)
  }

  @Test("a delivery dated after today is refused (65), one dated today or before is recorded", arguments: languages)
  func futureDeliveryDate(lang: String) throws {
    let cli = try CLI()
    let (id, before) = try waitingLead(cli)
    try expectRefusal(
      cli, ["stage", id, "delivered", "--date", "2027-01-12"], lang: lang, status: 65, code: "delivery_date_in_future",
      mentions: ["2027-01-12", "2026-11-24"])
    try expectRefusal(
      cli, ["stage", id, "delivered", "--date", "2026-11-25"], lang: lang, status: 65, code: "delivery_date_in_future",
      mentions: ["--date"])
    #expect(try cli.run(["lead", "show", id, "--json"]).stdout == before, "a refused delivery wrote something")
    let today = try cli.run(["stage", id, "delivered", "--date", "2026-11-24"])
    #expect(today.status == 0, "\(today.stderr)")
  }

  @Test(
    "a visit recorded by SMS, a next contact years away and a birthday to come are refused (65)", arguments: languages)
  func impossibleValues(lang: String) throws {
    let cli = try CLI()
    let id = try cli.addLead([])
    let before = try cli.run(["lead", "show", id, "--json"]).stdout
    try expectRefusal(
      cli, ["touch", id, "--channel", "sms", "--outcome", "visited"], lang: lang, status: 65,
      code: "outcome_not_on_channel", mentions: ["visited", "sms", "test_drive"])
    try expectRefusal(
      cli, ["touch", id, "--channel", "call", "--outcome", "reached", "--next", "2099-01-01T10:00"], lang: lang,
      status: 65, code: "next_too_far", mentions: ["2099-01-01T10:00", "365", "2027-11-24"])
    try expectRefusal(
      cli, ["lead", "edit", id, "--birthday", "2030-01-01"], lang: lang, status: 65, code: "future_birthday",
      mentions: ["2030-01-01", "2026-11-24"])
    try expectRefusal(
      cli, ["lead", "add", "--name", "x", "--phone", "13911112222", "--birthday", "2026-11-25"], lang: lang,
      status: 65, code: "future_birthday", mentions: ["2026-11-25"])
    #expect(try cli.run(["lead", "show", id, "--json"]).stdout == before, "a refused change wrote something")
    #expect(try cli.run(["touch", id, "--channel", "test_drive", "--outcome", "visited"]).status == 0)
    let nearYear = try cli.run(["touch", id, "--channel", "call", "--outcome", "reached", "--next", "2027-11-24T18:00"])
    #expect(nearYear.status == 0, "\(nearYear.stderr)")
  }

  @Test("an ETA before today is refused on a live change and in lead edit (65)", arguments: languages)
  func pastETA(lang: String) throws {
    let cli = try CLI()
    let id = try cli.addLead()
    #expect(try cli.run(["stage", id, "deposit", "--amount", "5000"]).status == 0)
    let before = try cli.run(["lead", "show", id, "--json"]).stdout
    try expectRefusal(
      cli, ["stage", id, "waiting_for_delivery", "--eta", "2026-11-23"], lang: lang, status: 65, code: "eta_in_past",
      mentions: ["2026-11-23", "YYYY-MM-DD"])
    try expectRefusal(
      cli, ["lead", "edit", id, "--eta", "2026-10-01"], lang: lang, status: 65, code: "eta_in_past",
      mentions: ["2026-10-01"])
    #expect(try cli.run(["lead", "show", id, "--json"]).stdout == before)
    #expect(
      try cli.run(["stage", id, "waiting_for_delivery", "--eta", "2026-11-24"]).status == 0, "today is a fine ETA")
  }

  @Test(
    "--amount not above 0 and below 100,000,000 is a bad command line (64) saying what is accepted",
    arguments: languages)
  func badAmount(lang: String) throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let before = try cli.run(["lead", "show", id, "--json"]).stdout
    let limit = lang == "en" ? "100,000,000" : "100000000"
    for amount in ["-500", "0", "abc", "-0.01", "nan", "1e308", "100000000", "inf"] {
      try expectRefusal(
        cli, ["stage", id, "deposit", "--amount", amount], lang: lang, status: 64, code: "bad_amount",
        mentions: ["--amount", "\"\(amount)\"", "5000", limit])
    }
    #expect(try cli.run(["lead", "show", id, "--json"]).stdout == before)
    #expect(try cli.run(["stage", id, "deposit", "--amount", "5000.5"]).status == 0)
  }

  @Test("blank --note, --bury, --name and objection text are bad command lines (64)", arguments: languages)
  func blankTexts(lang: String) throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let before = try cli.run(["lead", "show", id, "--json"]).stdout
    let touch = ["touch", id, "--channel", "call", "--outcome", "reached"]
    for blank in ["", "  ", "\u{3000}", "\n"] {
      try expectRefusal(
        cli, touch + ["--note", blank], lang: lang, status: 64, code: "blank_text", mentions: ["--note"])
      try expectRefusal(
        cli, touch + ["--bury", "发配置单", "--bury", blank], lang: lang, status: 64, code: "blank_text",
        mentions: ["--bury"])
      try expectRefusal(
        cli, ["stage", id, "churned", "--reason", "other", "--note", blank], lang: lang, status: 64,
        code: "blank_text", mentions: ["--note"])
      try expectRefusal(
        cli, ["lead", "edit", id, "--name", blank], lang: lang, status: 64, code: "empty_name", mentions: ["--name"])
      try expectRefusal(
        cli, ["lead", "add", "--name", blank, "--phone", "13900000001"], lang: lang, status: 64, code: "empty_name",
        mentions: ["--name"])
      // --name cannot be left out of lead add: the refusal does not offer that (lead edit's does).
      let add = try cli.run(["lead", "add", "--name", blank, "--phone", "13900000001", "--lang", lang])
      #expect(!add.stderr.contains("leave the option out") && !add.stderr.contains("不写这个选项"), "\(add.stderr)")
      let edit = try cli.run(["lead", "edit", id, "--name", blank, "--lang", lang])
      #expect(edit.stderr.contains(lang == "en" ? "leave the option out" : "不写这个选项"), "\(edit.stderr)")
      try expectRefusal(
        cli, ["objection", blank], lang: lang, status: 64, code: "blank_text", mentions: ["coach objection"])
    }
    #expect(try cli.run(["lead", "show", id, "--json"]).stdout == before)
    let leads = try cli.run(["lead", "list", "--json"]).json()["leads"] as? [Any]
    #expect(leads?.count == 1)
  }

  @Test(
    "lead add with a phone another lead has is refused naming that lead, unless --allow-duplicate", arguments: languages
  )
  func duplicatePhone(lang: String) throws {
    let cli = try CLI()
    let first = try cli.run(["lead", "add", "--name", "王芳", "--phone", "13812345678", "--json"])
    let id = try first.json()["id"] as? String ?? "?"
    // The same number as people type it: +86, spaces, dashes.
    for phone in ["13812345678", "+86 138-1234-5678", "0086 13812345678"] {
      try expectRefusal(
        cli, ["lead", "add", "--name", "李雷", "--phone", phone], lang: lang, status: 65, code: "duplicate_phone",
        mentions: ["13812345678", "lead show \(id)", "--allow-duplicate"])
    }
    #expect((try cli.run(["lead", "list", "--json"]).json()["leads"] as? [Any])?.count == 1)
    let again = try cli.run(["lead", "add", "--name", "王芳", "--phone", "138 1234 5678", "--allow-duplicate", "--json"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try cli.run(["lead", "add", "--name", "韩梅梅", "--phone", "13812345679"]).status == 0)
  }

  @Test(
    "lead edit --phone to a number another lead has is refused naming it, unless --allow-duplicate",
    arguments: languages)
  func duplicatePhoneOnEdit(lang: String) throws {
    let cli = try CLI()
    let first = try cli.run(["lead", "add", "--name", "王芳", "--phone", "13812345678", "--json"])
    let id = try first.json()["id"] as? String ?? "?"
    let second = try cli.run(["lead", "add", "--name", "李雷", "--phone", "13900000001", "--json"])
    let other = try second.json()["id"] as? String ?? "?"
    let before = try cli.run(["lead", "show", other, "--json"]).stdout
    try expectRefusal(
      cli, ["lead", "edit", other, "--phone", "+86 138-1234-5678"], lang: lang, status: 65, code: "duplicate_phone",
      mentions: ["13812345678", "lead show \(id)", "--allow-duplicate"])
    #expect(try cli.run(["lead", "show", other, "--json"]).stdout == before, "nothing written")
    // Its own number again, or another field of a lead sharing a phone: nothing new to refuse.
    #expect(try cli.run(["lead", "edit", other, "--phone", "13900000001"]).status == 0)
    #expect(try cli.run(["lead", "edit", id, "--city", "北京"]).status == 0)
    let allowed = try cli.run(["lead", "edit", other, "--phone", "13812345678", "--allow-duplicate"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(try cli.run(["lead", "show", other, "--json"]).json()["phone"] as? String == "13812345678")
  }

  @Test(
    "a consultant told a phone is taken by another consultant's lead is not sent to a lead she cannot open",
    arguments: languages)
  func duplicatePhoneOfAnotherConsultant(lang: String) throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    for name in ["ann", "bob"] {
      #expect(try cli.run(["user", "add", name, "--role", "consultant", "--team", "t1"]).status == 0)
    }
    var ann = cli
    ann.user = "ann"
    var bob = cli
    bob.user = "bob"
    let annLead = try ann.run(["lead", "add", "--name", "王芳", "--phone", "13812345678", "--json"])
    let id = try annLead.json()["id"] as? String ?? "?"
    let bobLead = try bob.run(["lead", "add", "--name", "李雷", "--phone", "13900000001", "--json"])
    let bobID = try bobLead.json()["id"] as? String ?? "?"
    for args in [
      ["lead", "add", "--name", "李雷", "--phone", "13812345678"], ["lead", "edit", bobID, "--phone", "13812345678"],
    ] {
      try expectRefusal(
        bob, args, lang: lang, status: 65, code: "duplicate_phone",
        mentions: ["13812345678", lang == "en" ? "another consultant" : "另一位顾问", "--allow-duplicate"])
      let r = try bob.run(args + ["--lang", lang])
      #expect(!r.stderr.contains("lead show") && !r.stderr.contains(" \(id) "), "\(r.stderr)")
    }
    // Her own lead, and an admin: named, with the command that opens it.
    try expectRefusal(
      ann, ["lead", "add", "--name", "王芳", "--phone", "13812345678"], lang: lang, status: 65, code: "duplicate_phone",
      mentions: ["lead show \(id)"])
    try expectRefusal(
      cli, ["lead", "add", "--name", "王芳", "--phone", "13812345678"], lang: lang, status: 65, code: "duplicate_phone",
      mentions: ["lead show \(id)"])
  }
}
