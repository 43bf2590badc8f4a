import Foundation

/// A touch before it gets its id: milestones are fixed by the story, the rest are drawn at random.
struct DemoDraftTouch {
  var at: Date
  var channel: Channel
  var outcome: Outcome
  var note: String?
  var objections: [String] = []
  var nextAt: Date?
  /// An after-sales issue the customer raised in this touch.
  var issue: String?
  /// This touch fixed the issue raised earlier.
  var fixesIssue = false
}

/// A lead's story: its stage history, the touches it implies and where ordinary touches may fall.
struct DemoPlan {
  var stage: Stage
  var model: String
  var grade: Grade
  var createdAt: Date
  var events: [StageEvent] = []
  var milestones: [DemoDraftTouch] = []
  /// Where ordinary touches may fall, and how many.
  var window: ClosedRange<Date>?
  var ordinaryTouches = 0
  /// The last three touches are unanswered calls.
  var unreachable = false
  /// When the customer ordered (deposit) and took delivery: they change what a touch is about.
  var orderedAt: Date?
  var deliveredAt: Date?

  init(stage: Stage, model: String, grade: Grade, createdAt: Date, consultant: String) {
    self.stage = stage
    self.model = model
    self.grade = grade
    self.createdAt = createdAt
    events = [StageEvent(from: nil, to: .prospect, at: createdAt, actor: consultant)]
  }

  func phase(at time: Date) -> DemoNotes.Phase {
    if let d = deliveredAt, time >= d { return .owner }
    if let o = orderedAt, time >= o { return .ordered }
    return .prospect
  }

  /// Lets ordinary touches fall between `lower` (or 90 days ago, whichever is later) and `upper`.
  mutating func allowTouches(_ count: Int, from lower: Date, to upper: Date, clock: DemoClock) {
    let lo = max(lower, clock.now.addingTimeInterval(-90 * DemoClock.day))
    guard upper > lo else { return }
    let days = upper.timeIntervalSince(lo) / DemoClock.day
    window = lo...upper
    ordinaryTouches = min(count, Int(days * 1.2) + 1)
  }
}

// MARK: - Shared steps of a story

extension DemoFactory {
  /// A working-hours time (09:00–19:30) on the day `daysAgo` days ago, at or before `now`.
  mutating func workTime(daysAgo: Int) -> Date { clock.at(daysAgo: daysAgo, minute: rng.int(540...1_170)) }

  /// `minutes` before `time`, but not before `floor`.
  func before(_ time: Date, minutes: Int, floor: Date) -> Date {
    max(floor, time.addingTimeInterval(Double(-minutes * 60)))
  }

  /// The first call, shortly after the lead came in.
  mutating func firstContact(_ plan: inout DemoPlan, source: String = "展厅") {
    let at = min(clock.now, plan.createdAt.addingTimeInterval(Double(rng.int(10...240) * 60)))
    plan.milestones.append(
      DemoDraftTouch(at: at, channel: .call, outcome: .reached, note: DemoNotes.firstContact(source)))
  }

  /// Deposit (and, with `eta`, the signed contract) on the given days, with the visits they took.
  mutating func order(
    _ plan: inout DemoPlan, depositDaysAgo: Int, waitingDaysAgo: Int?, eta: LocalDate?, consultant: String
  ) {
    let depositAt = max(plan.createdAt, workTime(daysAgo: depositDaysAgo))
    plan.orderedAt = depositAt
    plan.events.append(
      StageEvent(
        from: .prospect, to: .deposit, at: depositAt, actor: consultant,
        amount: Double(rng.int(2...20) * 1_000), model: plan.model))
    plan.milestones.append(
      DemoDraftTouch(
        at: before(depositAt, minutes: 30, floor: plan.createdAt), channel: .visit, outcome: .visited,
        note: DemoNotes.deposit))
    guard let waitingDaysAgo, let eta else { return }
    let signedAt = max(depositAt, workTime(daysAgo: waitingDaysAgo))
    plan.events.append(
      StageEvent(from: .deposit, to: .waitingForDelivery, at: signedAt, actor: consultant, model: plan.model, eta: eta))
    plan.milestones.append(
      DemoDraftTouch(
        at: before(signedAt, minutes: 20, floor: depositAt), channel: .visit, outcome: .visited,
        note: DemoNotes.contract))
  }

  /// Ordinary touches for a grade: hotter grades are followed more often.
  mutating func touchCount(_ grade: Grade) -> Int {
    switch grade {
    case .h: return rng.int(6...15)
    case .a: return rng.int(4...11)
    case .b: return rng.int(2...7)
    case .c: return rng.int(0...4)
    }
  }
}
