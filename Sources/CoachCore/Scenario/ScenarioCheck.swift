import Foundation

/// One expectation a scenario did not meet: what was expected and what the engine gave instead.
public struct ScenarioFailure: Sendable, Codable, Hashable {
  /// What was checked (`action`, `objections`, `phrase "…"`, …).
  public var check: String
  public var expected: String
  public var got: String

  public init(check: String, expected: String, got: String) {
    self.check = check
    self.expected = expected
    self.got = got
  }
}

/// What the engine made of one scenario's lead, and the expectations it missed.
public struct ScenarioResult: Sendable {
  public var scenario: Scenario
  public var action: DueAction?
  public var brief: Brief?
  public var failures: [ScenarioFailure]
  public var passed: Bool { failures.isEmpty }

  public init(scenario: Scenario, action: DueAction?, brief: Brief?, failures: [ScenarioFailure]) {
    self.scenario = scenario
    self.action = action
    self.brief = brief
    self.failures = failures
  }
}

/// Runs the real engine (FollowUpEngine, BriefBuilder, SwitchAdvisor via the brief, ObjectionMatcher) on a lead
/// built from a scenario, and compares its answer with the scenario's expectations.
public enum ScenarioCheck {
  /// Evaluates `scenario` on `lead` (the scenario's lead as the store returns it) with the playbook of its language.
  public static func evaluate(
    _ scenario: Scenario, lead: LeadSnapshot, playbooks: PlaybookSet, language: String, matcher: ObjectionMatcher,
    stats: SalesStats = SalesStats()
  ) -> ScenarioResult {
    let lang = scenario.language ?? language
    guard let playbook = playbooks.playbook(lang) else {
      let known = playbooks.languages.keys.sorted().joined(separator: ", ")
      let failure = ScenarioFailure(check: "language", expected: lang, got: "playbook languages: \(known)")
      return ScenarioResult(scenario: scenario, action: nil, brief: nil, failures: [failure])
    }
    let ctx = EngineContext(playbook: playbook, now: scenario.now, zone: scenario.zone, stats: stats)
    let action = FollowUpEngine.nextAction(for: lead, in: ctx)
    let brief = action.map { BriefBuilder.build(lead: lead, action: $0, ctx: ctx) }
    let got = Answer(action: action, brief: brief, playbook: playbook, now: scenario.now)
    let failures = got.failures(scenario.expect) + phraseFailures(scenario.expect, matcher: matcher)
    return ScenarioResult(scenario: scenario, action: action, brief: brief, failures: failures)
  }

  /// Each phrase must match its objection best; `none` means it must match nothing (small talk).
  static func phraseFailures(_ e: ScenarioExpectation, matcher: ObjectionMatcher) -> [ScenarioFailure] {
    e.phrases.compactMap { phrase in
      let matches = matcher.match(phrase.say, limit: 3)
      let expected: String? = phrase.objection == "none" ? nil : phrase.objection
      guard matches.first?.code != expected else { return nil }
      let got = matches.map { "\($0.code) (\(String(format: "%.2f", $0.score)))" }.joined(separator: ", ")
      return ScenarioFailure(
        check: "phrase \"\(phrase.say)\"", expected: phrase.objection, got: got.isEmpty ? "no match" : got)
    }
  }

  /// Whether `text` is `template` with its `{placeholders}` filled in.
  static func fills(_ template: String, _ text: String) -> Bool {
    var rest = Substring(text)
    var pieces: [Substring] = []
    var current = Substring(template)
    while let open = current.firstIndex(of: "{"), let close = current[open...].firstIndex(of: "}") {
      pieces.append(current[..<open])
      current = current[current.index(after: close)...]
    }
    pieces.append(current)
    for piece in pieces where !piece.isEmpty {
      guard let range = rest.range(of: piece) else { return false }
      rest = rest[range.upperBound...]
    }
    return true
  }
}
