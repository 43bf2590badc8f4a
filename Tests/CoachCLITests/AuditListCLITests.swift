import Foundation
import Testing

/// `coach audit --list` and the speed-to-lead figures end to end on the demo database (--now pinned).
@Suite struct AuditListCLITests {
  func demo() throws -> CLI { try CLI.demoAsTeamLead() }

  static let figures = [
    "on_time": "on_time", "late": "late", "missed": "missed", "pending": "pending", "overdue": "overdue_now",
  ]

  @Test func everyListIsAsLongAsItsFigureForTheTeamAndEachConsultant() throws {
    let cli = try demo()
    let period = ["--from", "2026-10-26", "--to", "2026-11-24"]
    let doc = try cli.run(["audit", "--json"] + period).json()
    let team = try #require(doc["team"] as? [String: Any])
    let rows = try #require(doc["consultants"] as? [[String: Any]])
    for (list, key) in Self.figures {
      let listed = try #require(
        try cli.run(["audit", "--list", list, "--json"] + period).json()["follow_ups"] as? [[String: Any]])
      #expect(listed.count == team[key] as? Int, "\(list)")
      #expect(listed.count > 0, "the demo has some \(list)")
      for item in listed {
        for k in ["lead_id", "consultant", "action", "due_at", "deadline", "fulfilled_at"] {
          #expect(item.keys.contains(k), "\(list) item lacks \(k)")
        }
      }
      let done = listed.filter { !($0["fulfilled_at"] is NSNull) }.count
      if list == "on_time" || list == "late" { #expect(done == listed.count) }
      if list == "missed" || list == "overdue" { #expect(done == 0) }
      for row in rows {
        let name = try #require(row["consultant"] as? String)
        let own = try cli.run(["audit", "--list", list, "--consultant", name, "--json"] + period).json()
        let items = try #require(own["follow_ups"] as? [[String: Any]])
        #expect(items.count == row[key] as? Int, "\(list) of \(name)")
        #expect(items.allSatisfy { $0["consultant"] as? String == name })
      }
    }
  }

  @Test func overdueListsTheLeadsAlertsShows() throws {
    let cli = try demo()
    let listed = try #require(
      try cli.run(["audit", "--list", "overdue", "--json"]).json()["follow_ups"] as? [[String: Any]])
    let alerts = try #require(try cli.run(["alerts", "--team", "--json"]).json()["alerts"] as? [[String: Any]])
    #expect(Set(listed.compactMap { $0["lead_id"] as? String }) == Set(alerts.compactMap { $0["lead_id"] as? String }))
  }

  @Test func aBadListNamesTheAcceptedOnes() throws {
    let cli = try demo()
    let r = try cli.run(["audit", "--list", "overdue_now"])
    #expect(r.status == 64)
    for name in ["on_time", "late", "missed", "pending", "overdue", "snoozes"] {
      #expect(r.stderr.contains(name), "\(name)")
    }
    #expect(try cli.run(["audit", "--list", "late", "--format", "html"]).status == 64)
    // A window of centuries replayed every lead over it (minutes and gigabytes on a server): at most three years.
    let long = try cli.run(["audit", "--from", "1900-01-01", "--to", "2999-12-31", "--json"])
    #expect(long.status == 64 && long.stderr.contains("1096"), "\(long.stderr)")
    #expect(try cli.run(["audit", "--from", "2023-11-25", "--to", "2026-11-24", "--json"]).status == 0)
    #expect(try cli.run(["audit", "--list", "late", "--compare"]).status == 64)
  }

  @Test func aListForPeopleAndForSpreadsheets() throws {
    let cli = try demo()
    let table = try cli.run(["audit", "--list", "missed", "--lang", "en"])
    #expect(table.status == 0 && table.stdout.hasPrefix("Missed: 64 follow-ups"))
    #expect(table.stdout.contains("Deadline") && table.stdout.contains("Done at"))
    let csv = try cli.run(["audit", "--list", "missed", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("\u{FEFF}lead_id,name,consultant,action,due_at,deadline,fulfilled_at\r\n"))
    #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 64)
    // Each follow-up names its customer, as the lead has the name.
    let listed = try #require(
      try cli.run(["audit", "--list", "missed", "--json"]).json()["follow_ups"] as? [[String: Any]])
    let first = try #require(listed.first), id = try #require(first["lead_id"] as? String)
    let name = try #require(try cli.run(["lead", "show", id, "--json"]).json()["name"] as? String)
    #expect(first["name"] as? String == name)
    #expect(table.stdout.contains(" \(name) "))
  }

  @Test func speedToLeadInEveryRowAndTheTeamRowNamesNoConsultant() throws {
    let cli = try demo()
    let r = try cli.run(["audit", "--json", "--from", "2026-10-26", "--to", "2026-11-24"])
    let doc = try r.json()
    let rows = try #require(doc["consultants"] as? [[String: Any]])
    for row in rows {
      #expect(row["first_response_minutes"] is Double)
      #expect(row["first_response_within_limit_rate"] is Double)
      let dist = try #require(row["first_response"] as? [String: Any])
      let buckets = ["within_5_min", "within_30_min", "within_2_h", "within_24_h", "later", "never"]
      #expect(buckets.map { dist[$0] as? Int ?? -1 }.reduce(0, +) == dist["leads"] as? Int)
    }
    let team = try #require(doc["team"] as? [String: Any])
    #expect(team.keys.contains("consultant") && team["consultant"] is NSNull)
    // Rates and medians are written alike: 1.0, never a bare 1.
    let bare = try NSRegularExpression(
      pattern: #"(_rate|_minutes|median_[a-z_]+)" ?: ?-?[0-9]+,?$"#, options: .anchorsMatchLines)
    #expect(bare.numberOfMatches(in: r.stdout, range: NSRange(r.stdout.startIndex..., in: r.stdout)) == 0)
    #expect(r.stdout.contains(": 1.0"))
  }

  @Test func speedToLeadInTheCSVTableAndPage() throws {
    let cli = try demo()
    let csv = try cli.run(["audit", "--format", "csv"]).stdout
    #expect(csv.contains("callback_3day_rate,first_response_minutes,first_response_within_limit_rate,"))
    #expect(csv.contains(",first_response_leads,first_response_within_5_min,"))
    let table = try cli.run(["audit", "--lang", "zh-CN"]).stdout
    #expect(table.contains("首次响应 (中位)") && table.contains("≤5分钟") && table.contains("尚未联系"))
    let html = try cli.run(["audit", "--format", "html", "--lang", "en"]).stdout
    #expect(html.contains("id=\"speed-to-lead\"") && html.contains("First contact in time") && html.contains("≤ 24 h"))
  }
}
