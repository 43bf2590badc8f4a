import Foundation

// MARK: - The lead and its history

extension ScenarioResolver {
  func lead(_ spec: LeadSpec, _ at: [any Sendable]) -> ScenarioLead? {
    var steps: [ScenarioStep] = []
    for (i, step) in (spec.history ?? []).enumerated() {
      if let resolved = self.step(step, at + ["history", i]) { steps.append(resolved) }
    }
    var buried: Set<String> = []
    for (i, touch) in (spec.touches ?? []).enumerated() {
      guard let resolved = self.touch(touch, at + ["touches", i], known: buried) else { continue }
      buried.formUnion(resolved.bury.map(\.text) + resolved.issues)
      steps.append(.touch(resolved))
    }
    steps = steps.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    let stages = steps.compactMap { step -> Stage? in
      if case .stage(let c, _) = step { return c.to } else { return nil }
    }
    let stage = code(spec.stage, Stage.self, at + ["stage"], what: "stage")
    let initial = stages.isEmpty ? (stage ?? .prospect) : .prospect
    if let stage, let last = stages.last, stage != last {
      fail(
        at + ["stage"],
        "the history ends at \(last.rawValue), not \(stage.rawValue); with a history the lead starts as a prospect "
          + "and `stage` (if given) must be where the history leads")
    }
    let earliest = steps.first?.at ?? now
    let created = instant(spec.created, at + ["created"]) ?? min(now, earliest.addingTimeInterval(-3_600))
    if let first = steps.first, first.at < created {
      fail(
        at + ["created"],
        "the lead is created after its first step; `created` must come before every history step and touch")
    }
    let profile = (spec.profile?.pairs ?? []).map { ProfileFact(key: $0.key, value: $0.value) }
    // In this order, so that problems are told in the file's order.
    let grade = code(spec.grade, Grade.self, at + ["grade"], what: "grade")
    let tier = code(spec.tier, Tier.self, at + ["tier"], what: "tier")
    let birthday = day(spec.birthday, at + ["birthday"])
    let fields = LeadFields(
      name: spec.name ?? "Test Customer", phone: spec.phone, wechat: spec.wechat, birthday: birthday,
      model: spec.model, grade: grade, tier: tier, tags: spec.tags ?? [], profile: profile, stage: initial)
    return ScenarioLead(fields: fields, consultant: spec.consultant, createdAt: created, steps: steps)
  }

  /// A stage change (`stage:` with what it requires) or, without `stage:`, a new ETA.
  func step(_ spec: StepSpec, _ at: [any Sendable]) -> ScenarioStep? {
    guard let when = instant(spec.at, at + ["at"]) else { return nil }
    guard let stageText = spec.stage else {
      guard let eta = day(spec.eta, at + ["eta"]) else {
        if spec.eta == nil { fail(at, "a history step needs `stage:` (a stage change) or `eta:` (a new promised day)") }
        return nil
      }
      return .eta(eta, at: when)
    }
    guard let stage = code(stageText, Stage.self, at + ["stage"], what: "stage") else { return nil }
    let change = StageChange(
      to: stage, reason: code(spec.reason, ChurnReason.self, at + ["reason"], what: "churn reason"), note: spec.note,
      amount: spec.amount, model: spec.model, eta: day(spec.eta, at + ["eta"]), date: day(spec.date, at + ["date"]))
    return .stage(change, at: when)
  }

  func touch(_ spec: TouchSpec, _ at: [any Sendable], known: Set<String>) -> ScenarioTouch? {
    let when = instant(spec.at, at + ["at"])
    let channel = spec.channel.map { code($0, Channel.self, at + ["channel"], what: "channel") } ?? .call
    let outcome = spec.outcome.map { code($0, Outcome.self, at + ["outcome"], what: "outcome") } ?? .reached
    let bury = (spec.bury ?? []).enumerated().compactMap { j, b -> BuriedText? in
      let kind = b.kind.map { code($0, TopicKind.self, at + ["bury", j, "kind"], what: "topic kind") } ?? .other
      return kind.map { BuriedText(text: b.text, kind: $0) }
    }
    for (j, text) in (spec.resolve ?? []).enumerated() where !known.contains(text) {
      let list = known.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
      fail(
        at + ["resolve", j],
        "no earlier touch buried a topic or raised an issue \"\(text)\"; write its text exactly (known: \(list.isEmpty ? "none" : list))"
      )
    }
    guard let when, let channel, let outcome else { return nil }
    let fields = TouchFields(
      at: when, channel: channel, outcome: outcome, note: spec.note, objections: spec.objections ?? [],
      nextAt: instant(spec.next, at + ["next"]))
    return ScenarioTouch(fields: fields, bury: bury, issues: spec.issues ?? [], resolve: spec.resolve ?? [])
  }
}
