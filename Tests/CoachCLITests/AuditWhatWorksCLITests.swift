import Foundation
import Testing

/// What works in the audit's JSON, text and page, on the demo data (values are fixed by `WhatWorksTests`).
@Suite struct AuditWhatWorksCLITests {
  static let period = ["--from", "2026-10-26", "--to", "2026-11-24"]

  @Test func jsonGivesRatesOnlyFromEnoughCasesAndTheTeamIsTheSum() throws {
    let cli = try CLI.demoAsTeamLead()
    let doc = try cli.run(["audit", "--json"] + Self.period).json()
    #expect(doc["what_works_days"] as? Int == 14 && doc["what_works_minimum_sample"] as? Int == 10)
    let rows = try #require(doc["consultants"] as? [[String: Any]])
    let team = try #require((doc["team"] as? [String: Any])?["what_works"] as? [String: Any])
    let objections = try #require(team["objections"] as? [[String: Any]])
    let topics = try #require(team["created_topics"] as? [[String: Any]])
    #expect(!objections.isEmpty && !topics.isEmpty)
    for item in objections + topics {
      let judged = item["judged"] as? Int ?? -1
      let advanced = item["advanced"] as? Int ?? item["deposits"] as? Int ?? -1
      let rate = item["advance_rate"] ?? item["deposit_rate"]
      #expect((item["enough"] as? Bool) == (judged >= 10))
      if judged >= 10 {
        #expect(abs((rate as? Double ?? -1) - Double(advanced) / Double(judged)) < 0.0001)
      } else {
        #expect(rate is NSNull)
      }
    }
    for item in objections {
      let code = try #require(item["code"] as? String)
      let sum = rows.map { row in
        ((row["what_works"] as? [String: Any])?["objections"] as? [[String: Any]])?.first {
          $0["code"] as? String == code
        }?["heard"] as? Int ?? 0
      }.reduce(0, +)
      #expect(sum == item["heard"] as? Int, "\(code)")
    }
  }

  @Test func textAndPageSayWhenThereAreTooFewToJudge() throws {
    let cli = try CLI.demoAsTeamLead()
    let text = try cli.run(["audit", "--lang", "en"] + Self.period).stdout
    #expect(text.contains("What works: objection heard → deal advanced a stage within 14 days"))
    #expect(text.contains("–: too few to judge (a rate needs 10 judged cases"))
    let zh = try cli.run(["audit", "--lang", "zh-CN"] + Self.period).stdout
    #expect(zh.contains("14 天内"))
    let html = try cli.run(["audit", "--format", "html", "--lang", "en"] + Self.period).stdout
    #expect(html.contains("id=\"what-works\"") && html.contains("id=\"what-works-topics\""))
  }
}
