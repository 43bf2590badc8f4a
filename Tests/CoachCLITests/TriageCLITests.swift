import Foundation
import Testing

/// What a team lead sees in `coach alerts` and `coach next` on the demo data: tags (⚠ warning, VIP) beside the name
/// and in the JSON, severity words in the user's language, and units on every count of days.
@Suite struct TriageCLITests {
  func demo() throws -> CLI { try CLI.demoAsTeamLead() }

  @Test func alertsJSONCarriesTagsAndASeverityATeamLeadBelieves() throws {
    let cli = try demo()
    let alerts = try cli.run(["alerts", "--team", "--json"]).json()["alerts"] as? [[String: Any]] ?? []
    #expect(alerts.count > 20)
    #expect(alerts.allSatisfy { $0["tags"] is [String] }, "every alert has a tags array")
    let warned = alerts.filter { ($0["tags"] as? [String])?.contains("warning") == true }
    #expect(!warned.isEmpty, "the demo's warning customers are tagged in their alerts")
    let rank = ["low": 0, "medium": 1, "high": 2]
    let severity = { (a: [String: Any]) in rank[a["severity"] as? String ?? ""] ?? -1 }
    let late = alerts.filter { $0["action"] as? String == "delivery_late" }.map(severity)
    let winback = alerts.filter { $0["action"] as? String == "winback" }.map(severity)
    #expect(!late.isEmpty && !winback.isEmpty)
    #expect(late.min()! > winback.max()!, "a late car outranks every win-back interview")
    let high = alerts.filter { $0["severity"] as? String == "high" }.count
    #expect(high * 2 < alerts.count, "\(high) of \(alerts.count) high: high must mean something")
  }

  @Test("the alerts table marks tags, translates severity and gives days a unit", arguments: ["zh-CN", "en"])
  func alertsTable(lang: String) throws {
    let cli = try demo()
    let r = try cli.run(["alerts", "--team", "--limit", "200", "--lang", lang])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = r.stdout.split(separator: "\n").map(String.init)
    let zh = lang == "zh-CN"
    let warned = rows.filter { $0.contains(zh ? "⚠ 警示" : "⚠ warning") }
    #expect(!warned.isEmpty, "a warning customer is marked in the table")
    #expect(rows.contains { $0.contains(" VIP") })
    let body = rows.dropFirst(2).filter { $0.first?.isNumber == false && !$0.hasPrefix("…") }
    let words = zh ? ["高", "中", "低"] : ["high", "medium", "low"]
    #expect(body.allSatisfy { row in words.contains { row.hasPrefix($0) } }, "\(body.prefix(3))")
    #expect(!r.stdout.contains(zh ? "high" : "高"))
    let unit = try Regex(zh ? "[0-9]+\\.[0-9] 天" : "[0-9]+\\.[0-9] days")
    #expect(body.allSatisfy { $0.contains(unit) }, "every row's overdue days carry a unit")
    if !zh {
      // Column names in lower case, as every table of the command line has them (the label `Deadline` is not one).
      let header = rows.first?.split(separator: " ", omittingEmptySubsequences: true).map(String.init) ?? []
      #expect(header == ["severity", "id", "customer", "consultant", "action", "deadline", "days", "overdue"])
    }
  }

  @Test("the queue shows tags and units; its JSON entries carry tags", arguments: ["zh-CN", "en"])
  func queue(lang: String) throws {
    var cli = try demo()
    cli.user = "李娜"
    let queue = try cli.run(["next", "--json"]).json()["queue"] as? [[String: Any]] ?? []
    #expect(!queue.isEmpty && queue.allSatisfy { $0["tags"] is [String] })
    let flagged = queue.filter { !(($0["tags"] as? [String]) ?? []).isEmpty }
    #expect(!flagged.isEmpty, "the demo queue has a tagged customer")
    let r = try cli.run(["next", "--lang", lang])
    let zh = lang == "zh-CN"
    for entry in flagged {
      let id = entry["lead_id"] as? String ?? "?"
      let tags = entry["tags"] as? [String] ?? []
      let row = r.stdout.split(separator: "\n").first {
        $0.split(separator: " ").dropFirst().first.map(String.init) == id
      }
      let mark = tags.contains("warning") ? (zh ? "⚠ 警示" : "⚠ warning") : "VIP"
      #expect(row?.contains(mark) == true, "queue row of \(id) \(tags): \(row ?? "missing")")
    }
    let overdue = queue.filter { ($0["overdue_days"] as? Double ?? 0) > 0 }
    #expect(!overdue.isEmpty)
    #expect(r.stdout.contains(zh ? " 天" : " days"))
  }
}
