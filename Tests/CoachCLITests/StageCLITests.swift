import Foundation
import Testing

@Suite struct StageCLITests {
  static let stages = ["prospect", "deposit", "waiting_for_delivery", "delivered", "churned"]
  static let legal: Set<String> = [
    "prospect>deposit", "deposit>waiting_for_delivery", "waiting_for_delivery>delivered", "prospect>churned",
    "deposit>churned", "waiting_for_delivery>churned", "churned>prospect",
  ]

  /// The options each target stage requires.
  static func requirements(_ to: String) -> [String] {
    switch to {
    case "deposit": return ["--amount", "5000"]
    case "waiting_for_delivery": return ["--eta", "2026-12-20"]
    case "churned": return ["--reason", "wait_too_long"]
    default: return []
    }
  }

  /// Legal path from prospect to `stage`.
  static func path(to stage: String) -> [String] {
    switch stage {
    case "deposit": return ["deposit"]
    case "waiting_for_delivery": return ["deposit", "waiting_for_delivery"]
    case "delivered": return ["deposit", "waiting_for_delivery", "delivered"]
    case "churned": return ["churned"]
    default: return []
    }
  }

  /// A refused change names the stages as the user reads them: in Chinese by name with the code to type.
  @Test func aRefusedChangeNamesTheStagesInTheUsersLanguage() throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let zh = try cli.run(["stage", id, "delivered", "--lang", "zh-CN"])
    #expect(zh.status == 65)
    #expect(
      zh.stderr.contains("线索不能从 有望客户 (prospect) 变为 已交车 (delivered)；可变为：已交定金 (deposit)、已流失 (churned)"),
      "\(zh.stderr)")
    let en = try cli.run(["stage", id, "delivered", "--lang", "en"])
    #expect(en.stderr.contains("cannot move a lead from prospect to delivered; legal next stages: deposit, churned"))
  }

  @Test("every pair of stages through the binary: illegal ones exit 65 and change nothing", arguments: stages)
  func everyPair(from: String) throws {
    let cli = try CLI()
    for to in Self.stages {
      let id = try cli.addLead()
      for step in Self.path(to: from) {
        let r = try cli.run(["stage", id, step] + Self.requirements(step))
        #expect(r.status == 0, "setup \(step): \(r.stderr)")
      }
      let before = try cli.run(["lead", "show", id, "--json"]).stdout
      let r = try cli.run(["stage", id, to, "--json"] + Self.requirements(to))
      if Self.legal.contains("\(from)>\(to)") {
        #expect(r.status == 0, "\(from)>\(to) should be legal: \(r.stderr)")
        let after = try cli.run(["lead", "show", id, "--json"]).json()
        #expect(after["stage"] as? String == to)
      } else {
        #expect(r.status == 65, "\(from)>\(to) should exit 65, got \(r.status)")
        #expect(r.stderr.contains("legal next stages"), "stderr names the legal stages: \(r.stderr)")
        let error = try r.json()["error"] as? [String: Any]
        #expect(error?["code"] as? String == "illegal_stage_change")
        let after = try cli.run(["lead", "show", id, "--json"]).stdout
        #expect(after == before, "\(from)>\(to) changed the lead")
      }
    }
  }

  @Test func aChangeMissingWhatItNeedsWritesNothing() throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let before = try cli.run(["lead", "show", id, "--json"]).stdout
    let r = try cli.run(["stage", id, "deposit"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("--amount"))
    let churn = try cli.run(["stage", id, "churned", "--reason", "other"])
    #expect(churn.status == 65)
    #expect(churn.stderr.contains("--note"))
    #expect(try cli.run(["lead", "show", id, "--json"]).stdout == before)
  }

  @Test func unknownReasonIsABadCommandLine() throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let r = try cli.run(["stage", id, "churned", "--reason", "bored"])
    #expect(r.status == 64)
  }
}
