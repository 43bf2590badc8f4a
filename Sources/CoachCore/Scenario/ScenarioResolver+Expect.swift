import Foundation

// MARK: - Expectations

extension ScenarioResolver {
  func expectation(_ spec: ExpectSpec, _ at: [any Sendable]) -> ScenarioExpectation {
    let before = findings.count
    var e = ScenarioExpectation()
    e.action = code(spec.action, ActionCode.self, at + ["action"], what: "action code")
    e.due = spec.due
    e.overdue = spec.overdue
    e.talkingPointKinds = (spec.talkingPoints ?? []).enumerated().compactMap { i, kind in
      code(kind, TalkingPointKind.self, at + ["talking_points", i], what: "talking point kind")
    }
    e.talkingPointTexts = spec.talkingPointTexts ?? []
    e.objections = spec.objections ?? []
    e.phrases = (spec.phrases ?? []).map { (say: $0.say, objection: $0.objection) }
    e.switchTo = spec.switch?.to
    e.switchLever = spec.switch?.lever.flatMap { code($0, Lever.self, at + ["switch", "lever"], what: "lever") }
    e.warnings = spec.warnings ?? []
    e.message = spec.message ?? []
    e.messageNever = spec.messageNever ?? []
    let checks: [Bool] = [
      e.action != nil, e.due != nil, e.overdue != nil, !e.talkingPointKinds.isEmpty, !e.talkingPointTexts.isEmpty,
      !e.objections.isEmpty, !e.phrases.isEmpty, e.switchTo != nil, !e.warnings.isEmpty, !e.message.isEmpty,
      !e.messageNever.isEmpty,
    ]
    if !checks.contains(true) && findings.count == before {
      fail(
        at,
        "nothing is expected; give at least one of action, due, overdue, talking_points, talking_point_texts, "
          + "objections, phrases, switch, warnings, message, message_never")
    }
    return e
  }
}
