import Foundation
import Testing

/// `coach objection` and `coach touch --said` as a consultant uses them (issue 13).
@Suite struct ObjectionCLITests {
  static func matches(_ doc: [String: Any]) -> [[String: Any]] { (doc["matches"] as? [[String: Any]]) ?? [] }

  /// `--limit` below 1 is a bad command line naming what it takes (64), a negative one too (it read as a missing
  /// value); `next --limit -1` likewise, and `alerts` and `lead list --limit 0`.
  @Test func aLimitBelowOneIsRefusedNamingWhatItTakes() throws {
    let cli = try CLI()
    for (args, words) in [
      (["objection", "太贵", "--limit", "0"], "--limit must be 1 or more"),
      (["objection", "太贵", "--limit", "-1"], "--limit must be 1 or more"),
      (["next", "--limit", "-1"], "--limit must be 0 or more"),
      // A list of none would read as "nothing is overdue" or "0 leads".
      (["alerts", "--limit", "0"], "--limit must be 1 or more"),
      (["lead", "list", "--limit", "0"], "--limit must be 1 or more"),
    ] {
      let r = try cli.run(args + ["--lang", "en"])
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(words), "\(args): \(r.stderr)")
    }
    #expect(Self.matches(try cli.run(["objection", "太贵了", "--limit", "1", "--json"]).json()).count == 1)
  }

  @Test func aCatalogCompetitorNamedGetsItsOneLinerFromTheModelCatalog() throws {
    let cli = try CLI()
    let zh = Self.matches(try cli.run(["objection", "跟远航S6比你们有啥优势", "--json", "--lang", "zh-CN"]).json())
    #expect(zh.first?["code"] as? String == "vs_competitor")
    #expect((zh.first?["response"] as? String)?.contains("X60 要等是因为大家都在排队") == true)
    #expect((zh.first?["competitor"] as? [String: Any])?["name"] as? String == "远航 S6")
    // Named in Chinese, answered in English from the English catalog (same model, same place in its list).
    let en = Self.matches(try cli.run(["objection", "跟远航S6比你们有啥优势", "--json", "--lang", "en"]).json())
    #expect((en.first?["competitor"] as? [String: Any])?["name"] as? String == "Voyager S6")
    // A brand the catalog does not list is still evidence for vs_competitor, with the generic answer.
    let camry = Self.matches(
      try cli.run(["objection", "I'm also looking at a Camry", "--json", "--lang", "en"]).json())
    #expect(camry.first?["code"] as? String == "vs_competitor")
    #expect(camry.first?["competitor"] == nil)
  }

  @Test func smallTalkMatchesNothingAndTheHumanOutputOffersTheClosest() throws {
    let cli = try CLI()
    for text in ["周六十点见", "Saturday works", "Sure, Saturday at ten works for me", "好的，谢谢"] {
      let result = try cli.run(["objection", text, "--json"])
      #expect(result.status == 0)
      #expect(Self.matches(try result.json()).isEmpty, "\(text)")
    }
    let human = try cli.run(["objection", "好的，谢谢", "--lang", "zh-CN"])
    #expect(human.stdout.contains("您是不是想说"))
    #expect(human.stdout.contains("["))
    #expect(!FileManager.default.fileExists(atPath: cli.db))
  }

  /// "I'll think about it" is the commonest stall: it has its own answer (ask what they are weighing, agree a time).
  @Test func puttingItOffIsAnObjectionWithItsOwnAnswer() throws {
    let cli = try CLI()
    for text in ["我再考虑考虑", "回头再说吧", "I'll think about it", "Let me think it over", "I'll sleep on it"] {
      let first = Self.matches(try cli.run(["objection", text, "--json"]).json()).first
      #expect(first?["code"] as? String == "think_it_over", "\(text)")
    }
    let price = Self.matches(try cli.run(["objection", "I think the price is too high", "--json"]).json()).first
    #expect(price?["code"] as? String == "price_too_high")
  }

  @Test func blankTextExits64NamingWhatIsNeeded() throws {
    let cli = try CLI()
    let en = try cli.run(["objection", "  ", "--lang", "en"])
    #expect(en.status == 64)
    #expect(en.stderr.contains("must not be empty") && en.stderr.contains("coach objection"))
    let zh = try cli.run(["objection", "", "--lang", "zh-CN"])
    #expect(zh.status == 64)
    #expect(zh.stderr.contains("不能为空") && zh.stderr.contains("coach objection"))
  }

  @Test func recordedPhrasingsTeachTheMatcherAndTheTrainerSeesThemWrongOnesFirst() throws {
    let cli = try CLI()
    #expect(try cli.run(["init"]).status == 0)
    let id =
      try cli.run(["lead", "add", "--name", "王先生", "--phone", "13800001111", "--json"]).json()["id"] as? String ?? ""
    // "车贩子" (a used-car dealer) is in no playbook example or vocabulary word: the playbook alone misses it.
    let sixth = "车贩子都比你们大方"
    #expect(
      Self.matches(try cli.run(["objection", sixth, "--json"]).json()).first?["code"] as? String != "trade_in_value")
    let said = [
      "车贩子给的都比你们多", "找个车贩子都能多卖两万", "你们比车贩子还抠", "车贩子上门收都比这个价高", "还不如直接卖给车贩子",
    ]
    for text in said {
      let touch = try cli.run([
        "touch", id, "--channel", "visit", "--outcome", "visited", "--objection", "trade_in_value", "--said", text,
        "--next", "2026-11-28T10:00",
      ])
      #expect(touch.status == 0, "\(touch.stderr)")
    }
    #expect(
      Self.matches(try cli.run(["objection", sixth, "--json"]).json()).first?["code"] as? String == "trade_in_value")
    let learned =
      (try cli.run(["playbook", "objections", "--learned", "--json"]).json()["learned"] as? [[String: Any]]) ?? []
    #expect(learned.first?["code"] as? String == "trade_in_value")
    let phrasings = (learned.first?["phrasings"] as? [[String: Any]]) ?? []
    #expect(phrasings.count == 5)
    let flags = phrasings.map { $0["misclassified"] as? Bool ?? false }
    #expect(flags == flags.sorted { $0 && !$1 })  // wrongly matched ones first
  }

  @Test func saidNeedsItsObjectionAndWords() throws {
    let cli = try CLI()
    #expect(try cli.run(["init"]).status == 0)
    let id =
      try cli.run(["lead", "add", "--name", "李女士", "--phone", "13800002222", "--json"]).json()["id"] as? String ?? ""
    let orphan = try cli.run(["touch", id, "--channel", "call", "--outcome", "reached", "--said", "太贵了"])
    #expect(orphan.status == 64)
    #expect(orphan.stderr.contains("--said"))
    let blank = try cli.run([
      "touch", id, "--channel", "call", "--outcome", "reached", "--objection", "price_too_high", "--said", " ",
    ])
    #expect(blank.status == 64)
  }
}
