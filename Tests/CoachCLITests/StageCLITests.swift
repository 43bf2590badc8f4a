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

/// History is kept in order: a live write is not dated before what the lead records, and a delivery not before the
/// lead existed (the audit counted those days already; a callback 10,000 days overdue would top every alert).
@Suite struct WriteOrderCLITests {
  @Test(arguments: ["zh-CN", "en"])
  func aWriteBeforeTheLeadsHistoryIsRefusedAndWritesNothing(lang: String) throws {
    var cli = try CLI()
    let id = try cli.addLead()
    for step in [["deposit", "--amount", "5000"], ["waiting_for_delivery", "--eta", "2026-12-20"]] {
      #expect(try cli.run(["stage", id] + step).status == 0)
    }
    let before = try cli.run(["lead", "show", id, "--json"]).stdout
    let old = try cli.run(["stage", id, "delivered", "--date", "1999-01-01", "--json", "--lang", lang])
    #expect(old.status == 65)
    #expect((try old.json()["error"] as? [String: Any])?["code"] as? String == "delivery_date_before_history")
    cli.now = "2019-01-01T10:00:00+08:00"
    let touch = try cli.run(["touch", id, "--channel", "call", "--outcome", "reached", "--json", "--lang", lang])
    #expect(touch.status == 65)
    #expect((try touch.json()["error"] as? [String: Any])?["code"] as? String == "before_history")
    #expect(touch.stderr.contains("--now"), "\(touch.stderr)")
    cli.now = "2026-11-24T08:00:00+08:00"  // after the creation, before the last stage change
    let stage = try cli.run(["stage", id, "churned", "--reason", "wait_too_long", "--json", "--lang", lang])
    #expect((try stage.json()["error"] as? [String: Any])?["code"] as? String == "before_history")
    cli.now = "2026-11-24T09:00:00+08:00"
    #expect(try cli.run(["lead", "show", id, "--json"]).stdout == before)
    #expect(try cli.run(["stage", id, "delivered", "--date", "2026-11-24"]).status == 0)
  }
}
