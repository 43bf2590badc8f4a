import CoachCore
import Foundation
import Testing

@Suite("Scenario checks")
struct ScenarioCheckTests {
  let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  var now: Date { TimeParsing.instant("2026-11-24T09:00:00+08:00", zone: zone) ?? Date(timeIntervalSince1970: 0) }

  func scenario(_ yaml: String) throws -> Scenario {
    let parsed = ScenarioParser.parse(file: "t.yaml", text: yaml, now: now, zone: zone, language: "en")
    #expect(parsed.findings.isEmpty, "\(parsed.findings.map(\.description))")
    return try #require(parsed.scenarios.first)
  }

  /// The lead a scenario describes, built by hand (the CLI builds it through the store instead).
  func lead(createdAt: Date, touches: [Touch] = [], tags: [String] = [], model: String? = "X40") -> LeadSnapshot {
    LeadSnapshot(
      id: 1, name: "Wang Fang", model: model, grade: .a, tags: tags, createdAt: createdAt,
      events: [StageEvent(from: nil, to: .prospect, at: createdAt)], touches: touches)
  }

  func evaluate(_ s: Scenario, _ lead: LeadSnapshot) throws -> ScenarioResult {
    let set = try DefaultPlaybook.load()
    let matcher = ObjectionMatcher(objections: set.languages.values.flatMap(\.objections))
    return ScenarioCheck.evaluate(s, lead: lead, playbooks: set, language: "en", matcher: matcher)
  }

  @Test func aMetExpectationPassesAndAMissedOneSaysExpectedAndGot() throws {
    let s = try scenario(
      """
      scenarios:
        - name: new lead
          lead: {created: -2h}
          expect:
            action: cadence_followup
            due: true
            warnings: [vip, unreachable]
            message: [Wang Fang]
            phrases: [{say: "It's way too expensive for my budget", objection: price_too_high}]
      """)
    let result = try evaluate(s, lead(createdAt: now.addingTimeInterval(-7_200), tags: ["vip"]))
    #expect(!result.passed)
    #expect(result.action?.code == .firstContact)
    #expect(
      result.failures == [
        ScenarioFailure(check: "action", expected: "cadence_followup", got: "first_contact"),
        ScenarioFailure(
          check: "warnings", expected: "unreachable: Unreachable {count} times in a row; try another time or channel",
          got: "VIP customer, VIP treatment"),
      ])
  }

  @Test func aPhraseMustMatchItsObjectionFirst() throws {
    let s = try scenario(
      """
      scenarios:
        - name: phrases
          lead: {created: -2h}
          expect:
            phrases:
              - {say: "I need to discuss it with my wife before deciding anything", objection: ask_family}
              - {say: "I need to discuss it with my wife before deciding anything", objection: financing}
      """)
    let result = try evaluate(s, lead(createdAt: now.addingTimeInterval(-7_200)))
    #expect(result.failures.count == 1)
    #expect(result.failures.first?.expected == "financing")
    #expect(result.failures.first?.got.hasPrefix("ask_family (") == true)
  }

  @Test func theSwitchTargetIsTheBestCandidateAndItsLever() throws {
    let s = try scenario(
      """
      scenarios:
        - name: switch
          lead: {created: -2h}
          expect: {switch: {to: E60, lever: space}}
      """)
    let longWait = try evaluate(s, lead(createdAt: now.addingTimeInterval(-7_200), model: "X60"))
    #expect(longWait.failures.map(\.check) == ["switch"])
    #expect(longWait.failures.first?.got.hasPrefix("X40 first, of X40") == true)
    let noSwitch = try evaluate(s, lead(createdAt: now.addingTimeInterval(-7_200), model: "S30"))
    #expect(
      noSwitch.failures == [
        ScenarioFailure(check: "switch", expected: "E60 first", got: "none (the brief offers no switch)")
      ])
  }

  @Test func warningKeysMatchTheirFilledTemplate() throws {
    let touches = (1...3).map { i in
      Touch(id: Int64(i), at: now.addingTimeInterval(Double(-i) * 86_400), channel: .call, outcome: .noAnswer)
    }
    let s = try scenario(
      """
      scenarios:
        - name: unreachable
          lead: {created: -5d}
          expect: {warnings: [unreachable, "3 times in a row"]}
      """)
    #expect(try evaluate(s, lead(createdAt: now.addingTimeInterval(-5 * 86_400), touches: touches)).passed)
  }
}
