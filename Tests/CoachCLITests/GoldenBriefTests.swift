import CoachCore
import Foundation
import Testing

/// The brief a consultant reads, for situations from the demo data, in both languages, compared with golden files.
/// Run with UPDATE_GOLDEN=1 to rewrite the files after an intended change, then read the diff.
@Suite struct GoldenBriefTests {
  /// Demo lead ids (seed 42, now 2026-11-24T09:00+08:00) and the situation each shows.
  static let situations: [(id: String, situation: String)] = [
    ("1", "first_contact: a new lead never contacted"),
    ("2", "delivery_late: promised car late, with switch arguments"),
    ("3", "callback_3day: delivered, callback not done"),
    ("4", "agreed_followup: deposit customer, agreed time passed"),
    ("5", "issue_7day: an after-sales issue still open"),
    ("6", "warning tag shown first and loud"),
    ("8", "holiday ahead, with a buried topic"),
    ("9", "cadence_followup with a buried topic and warnings"),
    ("10", "delivery_update with switch arguments for a long wait"),
    ("25", "car_birthday: first delivery anniversary"),
    ("33", "birthday: owner's birthday tomorrow"),
    ("44", "referral_ask: satisfied owner"),
    ("49", "winback: churned lead"),
  ]

  static let cases: [(String, String)] = situations.flatMap { s in ["zh-CN", "en"].map { (s.id, $0) } }

  static var goldenDir: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  }

  @Test("brief for a demo situation matches its golden file", arguments: cases)
  func brief(id: String, lang: String) throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "王经理"
    let r = try cli.run(["next", "--lead", id, "--limit", "0"], env: ["COACH_LANG": lang])
    #expect(r.status == 0, "\(r.stderr)")
    let file = Self.goldenDir.appendingPathComponent("brief-\(id).\(lang).txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
      try r.stdout.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(
      r.stdout == expected, "brief \(id) \(lang) differs from \(file.lastPathComponent); UPDATE_GOLDEN=1 rewrites it")
  }

  @Test func theLateDeliveryBriefCarriesComputedSwitchArguments() throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "王经理"
    let brief = try cli.run(["next", "--lead", "2", "--json"]).json()["brief"] as? [String: Any]
    #expect(brief?["action"] as? String == "delivery_late")
    let switches = (brief?["switch"] as? [[String: Any]]) ?? []
    #expect(!switches.isEmpty)
    // Her own situation (10 days past the promised day), not the catalog's wait for the model.
    #expect(switches.contains { ($0["text"] as? String)?.contains("10") == true })
    #expect(switches.count <= 2)
  }

  @Test(arguments: ["zh-CN", "en"])
  func everyDemoBriefFitsOneScreenOfAHundredColumns(lang: String) throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "王经理"
    for (id, _) in Self.situations {
      let r = try cli.run(["next", "--lead", id, "--limit", "0"], env: ["COACH_LANG": lang])
      let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      #expect(lines.count <= 30, "brief \(id) \(lang): \(lines.count) lines")
      #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 100 }, "brief \(id) \(lang) is wider than 100 columns")
      // A wrapped line never starts with a Chinese closing mark (it goes down with the character before it).
      let marks: Set<Character> = ["，", "。", "、", "！", "？", "：", "；"]
      #expect(!lines.contains { $0.drop { $0 == " " }.first.map(marks.contains) == true }, "brief \(id) \(lang)")
      let full = try cli.run(["next", "--lead", id, "--limit", "0", "--full"], env: ["COACH_LANG": lang])
      #expect(full.stdout.count >= r.stdout.count)
      // In Chinese, every label and text is typeset as Chinese (`目的：…，…`), not `目的: …, …`.
      if lang == "zh-CN" {
        let loose = #/[\p{Han}，。、！？：；][,?!:;]|[，。、！？：；] /#
        for line in full.stdout.split(separator: "\n") {
          #expect(line.firstMatch(of: loose) == nil, "brief \(id): \(line)")
        }
      }
    }
  }

  @Test func oneModelShowsItsSellingPointsAndCompetitorsAndAnUnknownOneIsRefused() throws {
    let cli = try CLI()
    let r = try cli.run(["models", "X60"], env: ["COACH_LANG": "zh-CN"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("远航 S6") && r.stdout.contains("5 座"))
    let json = try cli.run(["models", "x60", "--json"]).json()
    #expect((json["models"] as? [[String: Any]])?.first?["seats"] as? Int == 5)
    let bad = try cli.run(["models", "Z9"], env: ["COACH_LANG": "en"])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("Z9") && bad.stderr.contains("X60"))
  }
}
