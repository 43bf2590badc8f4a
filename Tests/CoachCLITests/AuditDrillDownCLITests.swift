import Foundation
import Testing

/// The HTML report's drill-down: every follow-up figure (and the snoozes) links to an anchor in the page listing its
/// items, as many as the figure counts, and the same items as `coach audit --list`.
@Suite struct AuditDrillDownCLITests {
  static let period = ["--from", "2026-10-26", "--to", "2026-11-24"]
  static let figures = [
    "on_time": "on_time", "late": "late", "missed": "missed", "pending": "pending", "overdue": "overdue_now",
  ]

  /// The rows (`tr.f`) under anchor `id`: a consultant's (up to the next heading) or a whole section's.
  func rows(_ html: String, under id: String) throws -> [String] {
    let start = try #require(html.range(of: "id=\"\(id)\""), "no anchor \(id)")
    let rest = html[start.upperBound...]
    let stop = id.contains("-c") ? ["<h3", "</section>"] : ["</section>"]
    let end = stop.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
    return rest[..<end].components(separatedBy: "<tr class=\"f\">").dropFirst().map { String($0) }
  }

  /// The number a link to `#id` shows.
  func linkedFigure(_ html: String, to id: String) throws -> Int {
    let link = try #require(html.range(of: "href=\"#\(id)\">"), "no link to \(id)")
    let text = html[link.upperBound...].prefix { $0.isNumber }
    return try #require(Int(text))
  }

  @Test func everyFigureLinksToAListAsLongAsItself() throws {
    let cli = try CLI.demoAsTeamLead()
    let html = try cli.run(["audit", "--format", "html"] + Self.period).stdout
    let doc = try cli.run(["audit", "--json"] + Self.period).json()
    let consultants = try #require(doc["consultants"] as? [[String: Any]])
    let team = try #require(doc["team"] as? [String: Any])
    for (list, key) in Self.figures {
      let all = try rows(html, under: "l-\(list)")
      #expect(all.count == team[key] as? Int, "team \(list)")
      #expect(try linkedFigure(html, to: "l-\(list)-c0") == consultants[0][key] as? Int)
      // The team's figure in the details table: its last link to the list.
      let teamLinks = html.components(separatedBy: "<td><a href=\"#l-\(list)\">").count - 1
      #expect(teamLinks == 1, "the team row links \(list) once")
      for (i, row) in consultants.enumerated() {
        let own = try rows(html, under: "l-\(list)-c\(i)")
        #expect(own.count == row[key] as? Int, "\(list) of \(row["consultant"] ?? "")")
        #expect(try linkedFigure(html, to: "l-\(list)-c\(i)") == own.count)
      }
      // The same follow-ups as `--list`, lead by lead.
      let listed = try #require(
        try cli.run(["audit", "--list", list, "--json"] + Self.period).json()["follow_ups"] as? [[String: Any]])
      let ids = all.map { String($0.dropFirst("<td>#".count).prefix { $0.isNumber }) }
      #expect(ids.sorted() == listed.compactMap { $0["lead_id"] as? String }.sorted(), "\(list)")
    }
    // The headline cards open the team's lists.
    for list in ["late", "missed", "pending", "overdue"] {
      #expect(html.contains("<a class=\"kpi\" href=\"#l-\(list)\">"))
    }
  }

  @Test func snoozesLinkToTheirListToo() throws {
    let cli = try CLI.demoAsTeamLead()
    var li = cli
    li.user = "李娜"
    let lead =
      try #require(try li.run(["lead", "list", "--json"]).json()["leads"] as? [[String: Any]]).first?["id"] as? String
    #expect(try li.run(["snooze", try #require(lead), "--until", "2026-12-10", "--reason", "出差"]).status == 0)
    let html = try cli.run(["audit", "--format", "html"] + Self.period).stdout
    #expect(try rows(html, under: "l-snoozes").count == 1)
    #expect(try rows(html, under: "l-snoozes").first?.contains("出差") == true)
  }

  @Test func onlyTheHTMLReportCollectsEveryList() throws {
    let cli = try CLI.demoAsTeamLead()
    let table = try cli.run(["audit"] + Self.period).stdout
    #expect(!table.contains("l-missed"))
    let json = try cli.run(["audit", "--json"] + Self.period).stdout
    #expect(!json.contains("follow_ups"))
  }
}
