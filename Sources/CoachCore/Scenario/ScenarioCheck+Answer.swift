import Foundation

// MARK: - Comparing the engine's answer with the expectations

extension ScenarioCheck {
  struct Answer {
    let action: DueAction?
    let brief: Brief?
    let playbook: Playbook
    let now: Date

    func failures(_ e: ScenarioExpectation) -> [ScenarioFailure] {
      var out: [ScenarioFailure] = []
      func check(_ name: String, _ ok: Bool, _ expected: String, _ got: @autoclosure () -> String) {
        if !ok { out.append(ScenarioFailure(check: name, expected: expected, got: got())) }
      }
      let code = action?.code.rawValue ?? "none"
      if let wanted = e.action { check("action", wanted.rawValue == code, wanted.rawValue, code) }
      if let due = e.due {
        let isDue = action?.isDue(at: now) ?? false
        check("due", due == isDue, due ? "due now" : "not due yet", isDue ? "due now" : "not due yet")
      }
      if let overdue = e.overdue {
        let days = action?.overdueDays ?? 0
        check(
          "overdue", overdue == (days > 0), overdue ? "overdue" : "not overdue",
          days > 0 ? "overdue \(days) days" : "not overdue")
      }
      let points = brief?.talkingPoints ?? []
      let kinds = points.map(\.kind.rawValue).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      for kind in e.talkingPointKinds {
        check("talking_points", kinds.contains(kind.rawValue), kind.rawValue, list(kinds))
      }
      for text in e.talkingPointTexts {
        check("talking_point_texts", points.contains { contains($0.text, text) }, text, list(points.map(\.text), " | "))
      }
      let objections = brief?.objections.map(\.code) ?? []
      for wanted in e.objections { check("objections", objections.contains(wanted), wanted, list(objections)) }
      out += switchFailures(e)
      let warnings = brief?.warnings ?? []
      for wanted in e.warnings {
        let template = playbook.labels.warnings[wanted]
        let found = warnings.contains { w in template.map { ScenarioCheck.fills($0, w) } ?? contains(w, wanted) }
        check("warnings", found, template.map { "\(wanted): \($0)" } ?? wanted, list(warnings, " | "))
      }
      for text in e.message {
        check("message", contains(brief?.messageDraft ?? "", text), text, brief?.messageDraft ?? "none")
      }
      for text in e.messageNever {
        check(
          "message_never", !contains(brief?.messageDraft ?? "", text), "no \"\(text)\"", brief?.messageDraft ?? "none")
      }
      return out
    }

    func switchFailures(_ e: ScenarioExpectation) -> [ScenarioFailure] {
      guard let to = e.switchTo else { return [] }
      let args = brief?.switchArguments ?? []
      let models = args.map(\.toModel).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      let best = models.first
      guard best?.caseInsensitiveCompare(to) == .orderedSame else {
        let got = args.isEmpty ? "none (the brief offers no switch)" : "\(best ?? "") first, of " + list(models)
        return [ScenarioFailure(check: "switch", expected: "\(to) first", got: got)]
      }
      guard let lever = e.switchLever else { return [] }
      let levers = args.filter { $0.toModel.caseInsensitiveCompare(to) == .orderedSame }.map(\.lever.rawValue)
      guard !levers.contains(lever.rawValue) else { return [] }
      return [ScenarioFailure(check: "switch lever", expected: "\(to) \(lever.rawValue)", got: "\(to) " + list(levers))]
    }

    func contains(_ text: String, _ part: String) -> Bool { text.range(of: part, options: .caseInsensitive) != nil }
    func list(_ items: [String], _ separator: String = ", ") -> String {
      items.isEmpty ? "none" : items.joined(separator: separator)
    }
  }
}
