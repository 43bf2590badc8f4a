import Foundation
import Testing

@Suite struct EngineCLITests {
  static let levers: Set<String> = [
    "conformity", "trend", "vested_benefit", "gain", "completeness", "prestige", "maintenance_cost", "space",
    "city_use",
    "running_cost", "availability",
  ]

  func demo(as user: String = "李娜") throws -> CLI {
    var cli = try CLI()
    let r = try cli.run(["demo"])
    #expect(r.status == 0, "\(r.stderr)")
    cli.user = user
    return cli
  }

  @Test func nextJSONFollowsTheContract() throws {
    let cli = try demo()
    let json = try cli.run(["next", "--json", "--limit", "5"]).json()
    #expect(json["generated_at"] as? String == "2026-11-24T09:00:00+08:00")
    #expect(json["consultant"] as? String == "李娜")
    let queue = (json["queue"] as? [[String: Any]]) ?? []
    #expect(queue.count == 5)
    for entry in queue {
      for key in [
        "lead_id", "name", "stage", "grade", "action", "due_at", "deadline", "overdue_days", "priority", "reason",
      ] {
        #expect(entry.keys.contains(key), "queue entry lacks \(key)")
      }
      #expect((entry["due_at"] as? String ?? "9") <= "2026-11-24T09:00:00+08:00")
    }
    let priorities = queue.compactMap { $0["priority"] as? Double }
    #expect(priorities == priorities.sorted(by: >))
    let brief = json["brief"] as? [String: Any]
    #expect(brief?["lead_id"] as? String == queue.first?["lead_id"] as? String)
    for key in [
      "action", "goal", "channel", "talking_points", "objections", "switch", "message_draft", "warnings", "due_at",
      "deadline", "overdue_days",
    ] {
      #expect(brief?.keys.contains(key) == true, "brief lacks \(key)")
    }
  }

  @Test func nextHasNoBriefWhenNothingIsDueButGivesOneForAGivenLead() throws {
    let cli = try CLI()
    let id = try cli.addLead(["--grade", "B"])
    #expect(
      try cli.run(["touch", id, "--channel", "call", "--outcome", "reached", "--next", "2026-11-27T10:00"]).status == 0)
    let json = try cli.run(["next", "--json"]).json()
    #expect((json["queue"] as? [Any])?.isEmpty == true)
    #expect(json["brief"] is NSNull)
    let one = try cli.run(["next", "--json", "--lead", id]).json()["brief"] as? [String: Any]
    #expect(one?["action"] as? String == "agreed_followup")
    #expect(one?["due_at"] as? String == "2026-11-27T10:00:00+08:00")
    #expect(one?["overdue_days"] as? Double == 0)
  }

  @Test func aNewLeadIsDueForFirstContactAtOnce() throws {
    let cli = try CLI()
    let id = try cli.addLead()
    let queue = (try cli.run(["next", "--json"]).json()["queue"] as? [[String: Any]]) ?? []
    #expect(queue.first?["lead_id"] as? String == id)
    #expect(queue.first?["action"] as? String == "first_contact")
  }

  @Test func alertsAreMostOverdueFirstAndTeamNeedsALead() throws {
    let cli = try demo()
    #expect(try cli.run(["alerts", "--team"]).status == 65)
    var lead = cli
    lead.user = "王经理"
    let alerts = (try lead.run(["alerts", "--team", "--json"]).json()["alerts"] as? [[String: Any]]) ?? []
    #expect(!alerts.isEmpty)
    let overdue = alerts.compactMap { $0["overdue_days"] as? Double }
    #expect(overdue == overdue.sorted(by: >))
    #expect(overdue.allSatisfy { $0 > 0 })
    #expect(Set(alerts.compactMap { $0["severity"] as? String }).isSubset(of: ["low", "medium", "high"]))
    #expect(Set(alerts.compactMap { $0["consultant"] as? String }).count == 4)
    let two = (try lead.run(["alerts", "--team", "--json", "--limit", "2"]).json()["alerts"] as? [[String: Any]]) ?? []
    #expect(two.count == 2)
    #expect(two.compactMap { $0["lead_id"] as? String } == alerts.prefix(2).compactMap { $0["lead_id"] as? String })
    let table = try lead.run(["alerts", "--team", "--limit", "3"]).stdout
    #expect(table.contains("\(alerts.count - 3) more"))
    let own = (try cli.run(["alerts", "--json"]).json()["alerts"] as? [[String: Any]]) ?? []
    #expect(own.allSatisfy { $0["consultant"] as? String == "李娜" })
    // The contract scopes `alerts` to the acting user's leads; `--team` widens it. The team lead owns none in the
    // demo: nothing, and where the team's are.
    #expect((try lead.run(["alerts", "--json"]).json()["alerts"] as? [[String: Any]])?.isEmpty == true)
    let mine = try lead.run(["alerts", "--lang", "en"])
    #expect(mine.status == 0 && mine.stdout.contains("coach alerts --team"), "\(mine.stdout)")
    let reassigned = try #require(own.first?["lead_id"] as? String)
    #expect(try lead.run(["lead", "edit", reassigned, "--consultant", "王经理"]).status == 0)
    let now = (try lead.run(["alerts", "--json"]).json()["alerts"] as? [[String: Any]]) ?? []
    #expect(now.compactMap { $0["lead_id"] as? String } == [reassigned])
  }

  @Test func switchArgumentsUseCatalogCodesAndKnownLevers() throws {
    let cli = try demo(as: "王经理")
    let json = try cli.run(["switch", "2", "--json"]).json()
    #expect(json["lead_id"] as? String == "2")
    #expect(json["from_model"] is String)
    let args = (json["switch"] as? [[String: Any]]) ?? []
    #expect(!args.isEmpty)
    let models = Set(
      ((try cli.run(["models", "--json"]).json()["models"] as? [[String: Any]]) ?? []).compactMap {
        $0["code"] as? String
      })
    for a in args {
      #expect(models.contains(a["to_model"] as? String ?? ""))
      #expect(Self.levers.contains(a["lever"] as? String ?? ""))
    }
  }

  @Test func objectionMatchesInBothLanguagesAndNothingForSmallTalk() throws {
    let cli = try CLI()
    let zh = try cli.run(["objection", "别的店有现车，我为什么要等两个月", "--json"]).json()
    let zhMatches = (zh["matches"] as? [[String: Any]]) ?? []
    #expect(zhMatches.first?["code"] as? String == "wait_too_long")
    let score = zhMatches.first?["score"] as? Double ?? -1
    #expect(score > 0 && score <= 1)
    let en = try cli.run(["objection", "I", "need", "to", "talk", "it", "over", "with", "my", "wife", "--json"]).json()
    #expect(((en["matches"] as? [[String: Any]])?.first)?["code"] as? String == "ask_family")
    let none = try cli.run(["objection", "明天天气怎么样", "--json"]).json()
    #expect((none["matches"] as? [Any])?.isEmpty == true)
  }

  @Test func modelsListTheCatalogWithoutADatabase() throws {
    let cli = try CLI()
    let models = (try cli.run(["models", "--json"]).json()["models"] as? [[String: Any]]) ?? []
    #expect(models.count == 10)
    for key in ["code", "name", "price", "wait_weeks", "segment"] { #expect(models.first?.keys.contains(key) == true) }
    #expect(!FileManager.default.fileExists(atPath: cli.db))
    // The table gives the running cost as the switch arguments quote it: the E60's 9.5, not 10.
    let e60 = try cli.run(["models", "--lang", "en"]).stdout.split(separator: "\n").first { $0.hasPrefix("E60 ") }
    #expect(e60?.split(separator: " ").contains("9.5") == true, "\(e60 ?? "")")
  }

  @Test func theDefaultPlaybookLintsCleanAndABrokenOneExits65() throws {
    let cli = try CLI()
    #expect(try cli.run(["playbook", "lint"]).status == 0)
    let dir = cli.dir.appendingPathComponent("pb")
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    try FileManager.default.copyItem(at: repo.appendingPathComponent("playbooks"), to: dir)
    let models = dir.appendingPathComponent("en/models.yaml")
    let text = try String(contentsOf: models, encoding: .utf8)
    try text.replacingOccurrences(of: "wait_weeks:", with: "wait_weeks: soon\n    old_wait:").write(
      to: models, atomically: true, encoding: .utf8)
    let r = try cli.run(["playbook", "lint", dir.path])
    #expect(r.status == 65)
    #expect(r.stdout.contains("en/models.yaml:"))
  }

  @Test func badGlobalOptionsExit64WithAJSONError() throws {
    let cli = try CLI()
    let r = try cli.run(["next", "--json"], env: ["COACH_TZ": "Mars/Olympus"])
    #expect(r.status == 64)
    #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "usage")
    #expect(r.stderr.contains("Mars/Olympus"))
    #expect(try cli.run(["next", "--lang", "fr"]).status == 64)
    #expect(try cli.run(["next", "--bogus"]).status == 64)
  }
}
