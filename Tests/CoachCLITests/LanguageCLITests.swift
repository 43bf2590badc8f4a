import Foundation
import Testing

/// Coach's own words follow `--lang`: confirmations, `lead show` labels, errors and lint, in Chinese under zh-CN and
/// English under en; JSON error codes are the same in both.
@Suite struct LanguageCLITests {
  static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  @Test("confirmations of stage, touch and lead edit speak --lang", arguments: ["zh-CN", "en"])
  func confirmations(lang: String) throws {
    let cli = try CLI()
    let id = try cli.addLead(["--name", "Ann Lee"])
    let zh = lang == "zh-CN"
    let stage = try cli.run(["stage", id, "deposit", "--amount", "5000", "--lang", lang])
    #expect(stage.stdout == (zh ? "线索 \(id): 有望客户 → 已交定金\n" : "lead \(id): prospect → deposit\n"))
    let touch = try cli.run([
      "touch", id, "--channel", "call", "--outcome", "reached", "--bury", "brochure", "--lang", lang,
    ])
    #expect(Self.isChinese(touch.stdout) == zh, "\(touch.stdout)")
    #expect(touch.stdout.contains(zh ? "黄金法则" : "golden rule 7"))
    let edit = try cli.run(["lead", "edit", id, "--city", "Hangzhou", "--lang", lang])
    #expect(edit.stdout == (zh ? "已更新线索 \(id)\n" : "updated lead \(id)\n"))
    // Golden rule 7 asks for a next contact while the lead is being sold to, not on an owner's call.
    for step in [["waiting_for_delivery", "--eta", "2026-12-20"], ["delivered"]] {
      #expect(try cli.run(["stage", id] + step).status == 0)
    }
    let owner = try cli.run(["touch", id, "--channel", "call", "--outcome", "reached", "--lang", lang])
    #expect(owner.status == 0 && !owner.stdout.contains(zh ? "黄金法则" : "golden rule 7"), "\(owner.stdout)")
  }

  @Test("lead show and lead list label every field in --lang", arguments: ["zh-CN", "en"])
  func leadShow(lang: String) throws {
    let cli = try CLI()
    let id = try cli.addLead(["--name", "Ann Lee", "--tag", "warning", "--city", "Paris", "--source", "web"])
    #expect(
      try cli.run(["touch", id, "--channel", "visit", "--outcome", "visited", "--note", "test drive"]).status == 0)
    let show = try cli.run(["lead", "show", id, "--lang", lang]).stdout
    let list = try cli.run(["lead", "list", "--lang", lang]).stdout
    let zh = lang == "zh-CN"
    let english = ["phone ", "consultant ", "touches (", "stages", "Prospect", "Visit/Visited", "WARNING"]
    let chinese = ["电话 ", "顾问 ", "跟进记录 (", "阶段变更", "有望客户", "拜访/已到店", "警示客户"]
    for word in zh ? chinese : english { #expect(show.contains(word), "lead show [\(lang)] lacks \(word):\n\(show)") }
    for word in zh ? english : chinese { #expect(!show.contains(word), "lead show [\(lang)] has \(word):\n\(show)") }
    #expect(list.contains(zh ? "上次联系" : "last touch") && list.contains(zh ? "⚠ 警示" : "⚠ warning"), "\(list)")
  }

  @Test("errors outside the refusals list speak --lang too, with the same JSON code", arguments: ["zh-CN", "en"])
  func errors(lang: String) throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    #expect(try cli.run(["user", "add", "ann", "--role", "consultant", "--as", "boss"]).status == 0)
    cli.user = "ann"
    let zh = lang == "zh-CN"
    for (args, status, code) in [
      (["lead", "show", "999"], Int32(65), "unknown_lead"), (["alerts", "--team"], 65, "forbidden"),
      (["lead", "edit", "1"], 64, "usage"), (["next", "--tz", "Mars/Base"], 64, "usage"),
      (["touch", "1", "--channel", "call", "--outcome", "reached", "--objection", "bored"], 65, "unknown_objection"),
    ] {
      let r = try cli.run(args + ["--lang", lang, "--json"])
      #expect(r.status == status, "\(args): \(r.stderr)")
      #expect(Self.isChinese(r.stderr) == zh, "\(args) [\(lang)]: \(r.stderr)")
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == code, "\(args)")
    }
  }

  @Test("a command line the parser refuses is explained in Chinese first under zh-CN (64)", arguments: ["zh-CN", "en"])
  func parserErrors(lang: String) throws {
    let cli = try CLI()
    for args in [["stage", "1", "deposit", "--amount"], ["touch", "1", "--channel", "fax", "--outcome", "reached"]] {
      let r = try cli.run(args + ["--lang", lang])
      #expect(r.status == 64)
      #expect(Self.isChinese(r.stderr) == (lang == "zh-CN"), "\(r.stderr)")
      let j = try cli.run(args + ["--lang", lang, "--json"])
      let error = try j.json()["error"] as? [String: Any]
      #expect(error?["code"] as? String == "usage")
      #expect((error?["message"] as? String).map(Self.isChinese) == (lang == "zh-CN"))
      #expect(r.stderr.split(separator: "\n").count <= 2, "one or two lines: \(r.stderr)")
    }
    // What is accepted is named, on stderr and in the JSON message alike.
    let fax = try cli.run(["touch", "1", "--channel", "fax", "--outcome", "reached", "--lang", lang, "--json"])
    let message = (try fax.json()["error"] as? [String: Any])?["message"] as? String ?? ""
    for text in [fax.stderr, message] {
      #expect(text.contains("fax") && text.contains("test_drive") && text.contains("coach touch --help"), "\(text)")
    }
  }

  @Test("a command's own checks of its options are told wholly in --lang (64)", arguments: ["zh-CN", "en"])
  func optionRules(lang: String) throws {
    let cli = try CLI()
    let zh = lang == "zh-CN"
    for (args, chinese, english) in [
      (["export", "leads", "--format", "xlsx"], "工作簿", "writes a workbook"),
      (["snooze", "1", "--clear", "--until", "2026-12-01"], "解除暂停", "lifts a snooze"),
      (["demo", "--leads", "0"], "1 到 1000000", "between 1 and 1000000"),
      (["touch", "1", "--channel", "call", "--outcome", "reached", "--said", "太贵"], "异议代码", "the customer's words"),
    ] {
      let r = try cli.run(args + ["--lang", lang, "--json"])
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(zh ? chinese : english), "\(args) [\(lang)]: \(r.stderr)")
      #expect(!r.stderr.contains(english) || !zh, "\(args) [\(lang)]: \(r.stderr)")
      #expect(Self.isChinese(r.stderr) == zh, "\(args) [\(lang)]: \(r.stderr)")
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "usage", "\(args)")
    }
  }

  /// A database too damaged to read is said in --lang, with the same code (a SQLite file's own damage).
  @Test(.disabled(if: CLI.suiteOnPostgres, "damages a SQLite file"), arguments: ["zh-CN", "en"])
  func aDamagedDatabaseIsToldInTheLanguageAsked(lang: String) throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "王经理"
    // Garbage over pages well past the schema and the users: the file opens, its check cannot be read.
    let file = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.db))
    try file.seek(toOffset: 4096 * 40)
    try file.write(contentsOf: Data([0x0D] + Array(repeating: UInt8(0xFF), count: 4095)))
    try file.close()
    let r = try cli.run(["doctor", "--json", "--lang", lang])
    #expect(r.status == 65, "\(r.stderr)")
    let error = try r.json()["error"] as? [String: Any]
    #expect(error?["code"] as? String == "damaged", "\(r.stdout)")
    let message = error?["message"] as? String ?? ""
    #expect(Self.isChinese(message) == (lang == "zh-CN") && Self.isChinese(r.stderr) == (lang == "zh-CN"), "\(message)")
  }

  @Test(
    "a mistyped command is named as such, with the nearest command and the ones there are (64)",
    arguments: ["zh-CN", "en"])
  func unknownCommands(lang: String) throws {
    let cli = try CLI()
    // The parser alone blamed the first option after it: "Unknown option '--as'".
    let top = try cli.run(["nxt", "--as", "someone", "--lang", lang])
    #expect(top.status == 64)
    #expect(top.stderr.contains("nxt") && top.stderr.contains("next") && top.stderr.contains("audit"), "\(top.stderr)")
    #expect(!top.stderr.contains("--as"), "\(top.stderr)")
    #expect(Self.isChinese(top.stderr) == (lang == "zh-CN"), "\(top.stderr)")
    let nested = try cli.run(["import", "leeds", "x.csv", "--lang", lang, "--json"])
    #expect(nested.status == 64)
    let error = try nested.json()["error"] as? [String: Any]
    #expect(error?["code"] as? String == "usage")
    let message = error?["message"] as? String ?? ""
    #expect(message.contains("coach import") && message.contains("leeds") && message.contains("touches"), "\(message)")
    // An option before its command (`coach --db X lead list`) is told where it goes.
    let early = try cli.run(["--db", "x.sqlite", "lead", "list", "--lang", lang])
    #expect(early.status == 64)
    #expect(early.stderr.contains("coach lead list --db"), "\(early.stderr)")
    #expect(Self.isChinese(early.stderr) == (lang == "zh-CN"), "\(early.stderr)")
    // Help still works the way the parser gives it.
    #expect(try cli.run(["help", "lead"]).status == 0)
  }

  @Test("a lint finding and a refused playbook are told in --lang, at file:line:column", arguments: ["zh-CN", "en"])
  func lintFindings(lang: String) throws {
    let cli = try CLI()
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("playbooks")
    let copy = cli.dir.appendingPathComponent("playbooks")
    try FileManager.default.copyItem(at: repo, to: copy)
    let cadence = copy.appendingPathComponent("en/cadence.yaml")
    let text = try String(contentsOf: cadence, encoding: .utf8)
    #expect(text.contains("first_contact_hours: 24"))
    try text.replacingOccurrences(of: "first_contact_hours: 24", with: "first_contact_hours: 0")
      .write(to: cadence, atomically: true, encoding: .utf8)
    let zh = lang == "zh-CN"
    let lint = try cli.run(["playbook", "lint", copy.path, "--lang", lang])
    #expect(lint.status == 65)
    let finding = lint.stdout.split(separator: "\n").first { $0.hasPrefix("en/cadence.yaml:") }.map(String.init) ?? ""
    #expect(finding.contains(zh ? "错误: 至少为 1，现在是 0" : "error: must be at least 1, found 0"), "\(lint.stdout)")
    #expect(Self.isChinese(lint.stderr) == zh, "\(lint.stderr)")
    let objection = copy.appendingPathComponent("\(lang)/models.yaml")
    try (try String(contentsOf: objection, encoding: .utf8) + "\n  oops: [\n").write(
      to: objection, atomically: true, encoding: .utf8)
    let next = try cli.run(["models", "--playbooks", copy.path, "--lang", lang, "--json"])
    #expect(next.status == 65)
    #expect(Self.isChinese(next.stderr) == zh && next.stderr.contains("\(lang)/models.yaml:"), "\(next.stderr)")
    #expect((try next.json()["error"] as? [String: Any])?["code"] as? String == "invalid_playbook")
  }

  @Test("playbook lint names severity and summary in --lang", arguments: ["zh-CN", "en"])
  func lint(lang: String) throws {
    let cli = try CLI()
    let r = try cli.run(["playbook", "lint", "--lang", lang])
    let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(Self.isChinese(last) == (lang == "zh-CN"), "\(last)")
  }
}
