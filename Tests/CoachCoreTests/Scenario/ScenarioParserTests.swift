import CoachCore
import Foundation
import Testing

@Suite("Scenario parser")
struct ScenarioParserTests {
  let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  var now: Date { TimeParsing.instant("2026-11-24T09:00:00+08:00", zone: zone) ?? Date(timeIntervalSince1970: 0) }

  func parse(_ text: String) -> (scenarios: [Scenario], findings: [LintFinding]) {
    ScenarioParser.parse(file: "tests/t.yaml", text: text, now: now, zone: zone, language: "en")
  }

  @Test func relativeTimesCountFromNowInTheZone() {
    func at(_ s: String) -> String? {
      RelativeTime.instant(s, now: now, zone: zone).map { TimeParsing.iso($0, zone: zone) }
    }
    #expect(at("-3d") == "2026-11-21T09:00:00+08:00")
    #expect(at("-2h") == "2026-11-24T07:00:00+08:00")
    #expect(at("+1d12h") == "2026-11-25T21:00:00+08:00")
    #expect(at("-30m") == "2026-11-24T08:30:00+08:00")
    #expect(at("now") == "2026-11-24T09:00:00+08:00")
    #expect(at("2026-11-20") == "2026-11-20T00:00:00+08:00")
    for bad in ["3d", "-3x", "-d", "-3d3d", "--3d", "-3d2"] { #expect(at(bad) == nil, "\(bad)") }
    #expect(RelativeTime.day("-3d", now: now, zone: zone)?.description == "2026-11-21")
    #expect(RelativeTime.day("today", now: now, zone: zone)?.description == "2026-11-24")
    #expect(RelativeTime.day("-2h", now: now, zone: zone) == nil)
  }

  @Test func aLeadWithHistoryAndTouchesIsResolvedInTimeOrder() throws {
    let (scenarios, findings) = parse(
      """
      scenarios:
        - name: late car
          lead:
            model: X60
            profile: {sport: cycling, hobby: fishing}
            history:
              - {stage: deposit, at: -20d, amount: 5000}
              - {stage: waiting_for_delivery, at: -10d, eta: -2d}
            touches:
              - {at: -15d, bury: [{text: roof trim, kind: supply}, colour chart]}
              - {at: -1d, outcome: no_answer, resolve: [roof trim], next: +1d}
          expect: {action: delivery_late, switch: {to: X40, lever: availability}}
      """)
    #expect(findings.map(\.description) == [])
    let s = try #require(scenarios.first)
    #expect(s.line == 2 && s.language == "en")
    #expect(s.lead.initialStage == .prospect)
    #expect(s.lead.profile.map(\.key) == ["sport", "hobby"])
    #expect(s.lead.createdAt == now.addingTimeInterval(-20 * 86_400 - 3_600))
    let order = s.lead.steps.map { step -> String in
      switch step {
      case .stage(let change, _): return change.to.rawValue
      case .eta: return "eta"
      case .touch(let t): return "touch \(t.outcome.rawValue) \(t.bury.map(\.kind.rawValue)) \(t.resolve)"
      }
    }
    #expect(
      order == [
        "deposit", "touch reached [\"supply\", \"other\"] []", "waiting_for_delivery",
        "touch no_answer [] [\"roof trim\"]",
      ])
    #expect(s.expect.action == .deliveryLate && s.expect.switchTo == "X40" && s.expect.switchLever == .availability)
  }

  @Test func schemaErrorsNameLineAndColumnAndWhatIsAccepted() {
    let found = parse(
      """
      scenarios:
        - name: typos
          lead:
            grade: Z
            created: yesterday
            touches:
              - {at: -1d, chanel: call, resolve: [brochure]}
          expect:
            acton: first_contact
      """
    ).findings.map(\.description)
    #expect(
      found == [
        "tests/t.yaml:4:14: error: scenarios[0].lead.grade: unknown grade `Z`; use one of H, A, B, C",
        "tests/t.yaml:5:16: error: scenarios[0].lead.created: `yesterday` is not a time; write "
          + RelativeTime.instantForms,
        "tests/t.yaml:7:21: error: scenarios[0].lead.touches[0]: unknown key `chanel`; keys allowed here: at, bury, channel, issues, next, note, objections, outcome, resolve",
        "tests/t.yaml:7:45: error: scenarios[0].lead.touches[0].resolve[0]: no earlier touch buried a topic or raised an issue \"brochure\"; write its text exactly (known: none)",
        "tests/t.yaml:9:7: error: scenarios[0].expect: unknown key `acton`; keys allowed here: action, due, message, message_never, objections, overdue, phrases, switch, talking_point_texts, talking_points, warnings",
        "tests/t.yaml:9:7: error: scenarios[0].expect: nothing is expected; give at least one of action, due, overdue, "
          + "talking_points, talking_point_texts, objections, phrases, switch, warnings, message, message_never",
      ])
  }

  @Test func aStageThatContradictsTheHistoryAndAnEmptyExpectationAreRefused() {
    let found = parse(
      """
      scenarios:
        - name: contradiction
          lead:
            stage: delivered
            history: [{stage: deposit, at: -2d, amount: 1}]
          expect: {action: delivery_update}
        - name: contradiction
          lead: {}
          expect: {}
      """
    ).findings.map(\.message)
    #expect(found.count == 3)
    #expect(found[0].hasPrefix("scenarios[0].lead.stage: the history ends at deposit, not delivered"))
    #expect(found[1].hasPrefix("scenarios[1].name: scenario name `contradiction` is used twice (first at line 2)"))
    #expect(found[2].hasPrefix("scenarios[1].expect: nothing is expected"))
  }

  @Test func yamlSyntaxErrorsAreFindingsToo() {
    let found = parse("scenarios:\n  - name: [unclosed\n").findings
    #expect(found.count == 1)
    #expect(found.first?.file == "tests/t.yaml" && found.first?.line != nil)
    #expect(found.first?.message.hasPrefix("invalid YAML") == true)
  }
}
