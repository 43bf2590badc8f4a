import Foundation

// MARK: - One story per stage

extension DemoFactory {
  /// The story of a lead now at `stage`; `ordinal` (its rank among leads of that stage) picks the scenarios
  /// every demo must show: new leads, unreachable ones, late deliveries, missing callbacks, open issues.
  mutating func plan(stage: Stage, ordinal k: Int, consultant: String, rival: String, source: String) -> DemoPlan {
    switch stage {
    case .prospect: return prospect(k, consultant, rival: rival, source: source)
    case .deposit: return ordered(k, consultant, waiting: false, source: source)
    case .waitingForDelivery: return ordered(k, consultant, waiting: true, source: source)
    case .delivered: return delivered(k, consultant, source: source)
    case .churned: return churned(k, consultant, rival: rival, source: source)
    }
  }

  /// New today and never touched (1 in 12), unreachable (1 in 10), churned once and reactivated (1 in 25).
  private mutating func prospect(_ k: Int, _ consultant: String, rival: String, source: String) -> DemoPlan {
    let model = rng.weighted(DemoVocabulary.models)
    let grade = rng.weighted(DemoVocabulary.prospectGrades)
    if k % 12 == 0 {
      let created = max(clock.startOfToday, clock.now.addingTimeInterval(Double(-rng.int(5...300) * 60)))
      return DemoPlan(stage: .prospect, model: model, grade: grade, createdAt: created, consultant: consultant)
    }
    let unreachable = k % 10 == 3
    let reactivated = k % 25 == 7
    let createdAgo = reactivated ? rng.int(45...90) : rng.int(unreachable ? 12...90 : 1...90)
    var plan = DemoPlan(
      stage: .prospect, model: model, grade: grade, createdAt: workTime(daysAgo: createdAgo), consultant: consultant)
    firstContact(&plan, source: source)
    var from = plan.milestones[0].at.addingTimeInterval(3_600)
    if reactivated {
      let reason = rng.pick([ChurnReason.intentDropped, .budgetChanged, .betterFitElsewhere])
      let note = DemoNotes.fill(rng.pick(DemoNotes.churn(reason)), model: model, rival: rival)
      let lostAt = workTime(daysAgo: rng.int(15...35))
      let backAt = workTime(daysAgo: rng.int(2...10))
      plan.events.append(
        StageEvent(from: .prospect, to: .churned, at: lostAt, actor: consultant, reason: reason, note: note))
      plan.events.append(StageEvent(from: .churned, to: .prospect, at: backAt, actor: consultant, note: "客户重新来电"))
      plan.milestones.append(
        DemoDraftTouch(
          at: before(lostAt, minutes: 30, floor: plan.createdAt), channel: .call, outcome: .reached, note: note))
      plan.milestones.append(
        DemoDraftTouch(
          at: before(backAt, minutes: 10, floor: lostAt), channel: .call, outcome: .reached,
          note: DemoNotes.reactivated))
      from = backAt.addingTimeInterval(3_600)
    }
    let count = touchCount(grade)
    plan.allowTouches(unreachable ? max(count, 4) : count, from: from, to: clock.now, clock: clock)
    plan.unreachable = unreachable && plan.ordinaryTouches >= 3
    return plan
  }

  /// Deposit paid, or contract signed and waiting: one waiting lead in three is past its ETA on a long-wait model.
  private mutating func ordered(_ k: Int, _ consultant: String, waiting: Bool, source: String) -> DemoPlan {
    let late = waiting && k % 3 == 0
    let model = late ? rng.pick(DemoVocabulary.longWaitModels) : rng.weighted(DemoVocabulary.models)
    let waitDays = DemoVocabulary.waitWeeks(model) * 7
    var eta: LocalDate?
    var waitingAgo: Int?
    if late {
      let lateBy = rng.int(1...20)
      eta = clock.date(daysAgo: lateBy)
      waitingAgo = lateBy + waitDays
    } else if waiting {
      let ahead = rng.int(3...60)
      eta = clock.date(daysAhead: ahead)
      waitingAgo = max(rng.int(2...10), waitDays - ahead)
    }
    let depositAgo = waitingAgo.map { $0 + rng.int(1...7) } ?? rng.int(1...30)
    let createdAgo = depositAgo + rng.int(3...30)
    var plan = DemoPlan(
      stage: waiting ? .waitingForDelivery : .deposit, model: model, grade: rng.weighted(DemoVocabulary.orderedGrades),
      createdAt: workTime(daysAgo: createdAgo), consultant: consultant)
    firstContact(&plan, source: source)
    order(&plan, depositDaysAgo: depositAgo, waitingDaysAgo: waitingAgo, eta: eta, consultant: consultant)
    plan.allowTouches(rng.int(3...10), from: plan.createdAt.addingTimeInterval(3_600), to: clock.now, clock: clock)
    return plan
  }
}
