import Foundation

// MARK: - Touches

extension DemoFactory {
  /// The milestones of `plan` plus its ordinary touches, oldest first, with agreed next contacts.
  mutating func touchDrafts(for plan: DemoPlan, rival: String) -> [DemoDraftTouch] {
    var drafts = plan.milestones
    if let window = plan.window {
      let span = window.upperBound.timeIntervalSince(window.lowerBound)
      for _ in 0..<plan.ordinaryTouches {
        let raw = window.lowerBound.addingTimeInterval((rng.unit() * span / 60).rounded(.down) * 60)
        drafts.append(ordinaryTouch(at: clock.workingHours(raw, within: window), phase: plan.phase(at: raw)))
      }
    }
    // Sort by time, ties in creation order, so the result never depends on the sort algorithm.
    drafts = drafts.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    if plan.unreachable, drafts.count >= 3 {
      for i in (drafts.count - 3)..<drafts.count {
        drafts[i] = DemoDraftTouch(
          at: drafts[i].at, channel: .call, outcome: .noAnswer, note: rng.pick(DemoNotes.noAnswer))
      }
    }
    // The last conversation of an open lead usually ends with an agreed next contact (past ones are now due).
    if plan.stage.isOpen, let last = drafts.indices.last, drafts[last].outcome.isContact, drafts[last].nextAt == nil,
      rng.chance(0.6)
    {
      drafts[last].nextAt = nextContact(after: drafts[last].at)
    }
    return drafts
  }

  /// One ordinary touch at `at`, what it is about depending on the purchase phase.
  private mutating func ordinaryTouch(at: Date, phase: DemoNotes.Phase) -> DemoDraftTouch {
    let channel: Channel
    switch phase {
    case .prospect:
      channel = rng.weighted([(.call, 40), (.wechat, 30), (.sms, 8), (.visit, 10), (.testDrive, 7), (.email, 5)])
    case .ordered: channel = rng.weighted([(.call, 40), (.wechat, 40), (.sms, 10), (.visit, 8), (.email, 2)])
    case .owner: channel = rng.weighted([(.wechat, 50), (.call, 35), (.sms, 10), (.visit, 5)])
    }
    let outcome: Outcome
    switch channel {
    case .visit, .testDrive: outcome = .visited
    case .call: outcome = rng.weighted([(.reached, 65), (.noAnswer, 28), (.declined, 7)])
    case .wechat: outcome = rng.weighted([(.reached, 80), (.noAnswer, 20)])
    case .sms, .email: outcome = rng.weighted([(.reached, 75), (.noAnswer, 25)])
    }
    var draft = DemoDraftTouch(at: at, channel: channel, outcome: outcome, note: nil)
    switch (outcome, phase) {
    case (.noAnswer, _): draft.note = rng.pick(DemoNotes.noReply[channel] ?? DemoNotes.noAnswer)
    case (.declined, _): draft.note = rng.pick(DemoNotes.declined)
    case (.visited, .prospect): draft.note = rng.pick(channel == .testDrive ? DemoNotes.testDrive : DemoNotes.visit)
    case (.visited, .ordered), (.reached, .ordered): draft.note = rng.pick(DemoNotes.ordered)
    case (.visited, .owner), (.reached, .owner): draft.note = rng.pick(DemoNotes.owner)
    case (.reached, .prospect): draft.note = rng.pick(DemoNotes.written[channel] ?? DemoNotes.prospect)
    }
    guard outcome.isContact, phase != .owner else { return draft }
    if rng.chance(0.3) {
      let pool = phase == .prospect ? DemoNotes.prospectObjections : DemoNotes.orderedObjections
      draft.objections = rng.sample(pool, count: rng.chance(0.2) ? 2 : 1)
      let heard = draft.objections.compactMap { DemoNotes.objectionNotes[$0] }
      draft.note = ([draft.note].compactMap { $0 } + heard).joined(separator: "；")
    }
    if rng.chance(0.3) { draft.nextAt = nextContact(after: at) }
    return draft
  }

  /// A working-hours time one to seven days after `time` (may be after `now`).
  private mutating func nextContact(after time: Date) -> Date {
    clock.later(time, days: rng.int(1...7), minute: rng.int(570...1_140))
  }
}
