import Foundation
import Testing

/// The team lead's desk end to end on the demo database: activity, sources, --compare, and a page that reads right.
@Suite struct AuditReportCLITests {
  func demo() throws -> CLI { try CLI.demoAsTeamLead() }

  @Test func activityAndSourcesAddUpToTheirFigures() throws {
    let cli = try demo()
    let doc = try cli.run(["audit", "--json", "--from", "2026-10-26", "--to", "2026-11-24"]).json()
    let rows = try #require(doc["consultants"] as? [[String: Any]]) + [try #require(doc["team"] as? [String: Any])]
    for row in rows {
      let days = try #require(row["activity"] as? [[String: Any]])
      #expect(days.count == 30 && days.first?["day"] as? String == "2026-10-26")
      #expect(days.map { $0["touches"] as? Int ?? 0 }.reduce(0, +) == row["touches"] as? Int)
      let byChannel = try #require(row["touches_by_channel"] as? [String: Int])
      for (channel, n) in byChannel {
        #expect(days.map { $0[channel] as? Int ?? 0 }.reduce(0, +) == n)
      }
      let sources = try #require(row["sources"] as? [[String: Any]])
      let first = try #require(row["first_response"] as? [String: Any])
      #expect(sources.map { $0["leads"] as? Int ?? 0 }.reduce(0, +) == first["leads"] as? Int)
      for s in sources {
        let (l, c, d, v) = (
          s["leads"] as? Int ?? 0, s["contacted"] as? Int ?? -1, s["deposits"] as? Int ?? -1,
          s["delivered"] as? Int ?? -1
        )
        #expect(c <= l && d <= l && v <= d)
      }
    }
  }

  @Test func compareAddsThePreviousPeriodAndTheChange() throws {
    let cli = try demo()
    let period = ["--from", "2026-10-26", "--to", "2026-11-24"]
    let plain = try cli.run(["audit", "--json"] + period).json()
    #expect(plain["previous_period"] == nil)
    let doc = try cli.run(["audit", "--json", "--compare"] + period).json()
    let before = try #require(doc["previous_period"] as? [String: String])
    #expect(before == ["from": "2026-09-26", "to": "2026-10-25"])
    let earlier = try cli.run(["audit", "--json", "--from", "2026-09-26", "--to", "2026-10-25"]).json()
    let team = try #require(doc["team"] as? [String: Any]), then = try #require(earlier["team"] as? [String: Any])
    let previous = try #require(team["previous"] as? [String: Any]),
      change = try #require(team["change"] as? [String: Any])
    // Deposits and deliveries are in a row's `funnel`.
    func value(_ row: [String: Any], _ key: String) -> Int? {
      row[key] as? Int ?? (row["funnel"] as? [String: Any])?[key] as? Int
    }
    for key in ["due", "on_time", "late", "missed", "touches", "deposits", "delivered"] {
      #expect(previous[key] as? Int == value(then, key), "\(key) then")
      #expect(change[key] as? Int == (value(team, key) ?? 0) - (value(then, key) ?? 0), "\(key) change")
    }
    #expect(
      (doc["consultants"] as? [[String: Any]])?.allSatisfy { $0["previous"] != nil && $0["change"] != nil } == true)
    let table = try cli.run(["audit", "--compare"] + period).stdout
    #expect(table.contains("Previous period 2026-09-26 – 2026-10-25") && table.contains("27% → 41%"))
    // The audited period's own figures do not move.
    #expect(
      NSDictionary(dictionary: try #require(plain["team"] as? [String: Any])).isEqual(
        to: team.filter { $0.key != "previous" && $0.key != "change" }))
  }

  @Test func thePageShowsWholeWeeksPendingAndFitsAPhone() throws {
    let cli = try demo()
    let html = try cli.run(["audit", "--format", "html", "--compare", "--from", "2026-10-26", "--to", "2026-11-24"])
      .stdout
    // Weeks of 10-26 … 11-16 are whole; the week of 11-23 is cut by --to 11-24 and not drawn.
    for week in ["10-26", "11-02", "11-09", "11-16"] { #expect(html.contains(">\(week)</text>")) }
    #expect(!html.contains(">11-23</text>"))
    #expect(html.contains("Not yet due"))
    for id in ["speed-to-lead", "previous", "activity", "sources"] { #expect(html.contains("id=\"\(id)\"")) }
    #expect(html.contains("@media (max-width:640px)") && html.contains("WenQuanYi Micro Hei"))
    #expect(!html.contains("url(") && !html.contains("<script"))
    let json = try cli.run(["audit", "--json", "--from", "2026-10-27", "--to", "2026-11-24"]).json()
    let weekly = try #require((json["team"] as? [String: Any])?["weekly"] as? [[String: Any]])
    #expect(weekly.map { $0["whole"] as? Bool } == [false, true, true, true, false])
  }
}
