import Foundation

// MARK: - Delivered and churned stories

extension DemoFactory {
  /// Delivered: 1 in 8 one or two days ago with no callback yet; 1 in 6 with an open after-sales issue,
  /// 1 in 6 with a fixed one; 1 in 20 whose car's first birthday is tomorrow.
  mutating func delivered(_ k: Int, _ consultant: String, source: String) -> DemoPlan {
    let noCallback = k % 8 == 0
    let openIssue = !noCallback && k % 6 == 1
    let fixedIssue = !noCallback && k % 6 == 4
    let deliveredAgo: Int
    if noCallback {
      deliveredAgo = rng.int(1...2)
    } else if k % 20 == 5 {
      let tomorrow = clock.date(daysAhead: 1)
      deliveredAgo = tomorrow.anniversary(in: tomorrow.year - 1).days(to: clock.today)
    } else {
      deliveredAgo = rng.int(12...400)
    }
    let model = rng.weighted(DemoVocabulary.models)
    let waitingAgo = deliveredAgo + rng.int(7...60)
    let depositAgo = waitingAgo + rng.int(1...10)
    var plan = DemoPlan(
      stage: .delivered, model: model, grade: rng.weighted(DemoVocabulary.orderedGrades),
      createdAt: workTime(daysAgo: depositAgo + rng.int(3...30)), consultant: consultant)
    firstContact(&plan, source: source)
    let eta = clock.date(daysAgo: deliveredAgo + rng.int(0...5))
    order(&plan, depositDaysAgo: depositAgo, waitingDaysAgo: waitingAgo, eta: eta, consultant: consultant)
    let deliveredAt = max(plan.events[plan.events.count - 1].at, workTime(daysAgo: deliveredAgo))
    plan.deliveredAt = deliveredAt
    plan.events.append(
      StageEvent(
        from: .waitingForDelivery, to: .delivered, at: deliveredAt, actor: consultant, model: model,
        date: clock.date(daysAgo: deliveredAgo)))
    if noCallback {
      // Nothing on or after the delivery day: the 3-day callback is still to do.
      plan.allowTouches(
        rng.int(2...6), from: plan.createdAt.addingTimeInterval(3_600),
        to: deliveredAt.addingTimeInterval(-DemoClock.day), clock: clock)
      return plan
    }
    plan.milestones.append(
      DemoDraftTouch(
        at: before(deliveredAt, minutes: 30, floor: plan.createdAt), channel: .visit, outcome: .visited,
        note: DemoNotes.delivery))
    plan.milestones.append(
      DemoDraftTouch(
        at: workTime(daysAgo: deliveredAgo - rng.int(1...3)), channel: .call, outcome: .reached,
        note: rng.pick(DemoNotes.callback)))
    if openIssue || fixedIssue {
      let issue = rng.pick(DemoNotes.issues)
      let raisedAgo = openIssue ? rng.int(1...9) : rng.int(5...min(deliveredAgo - 4, 60))
      plan.milestones.append(
        DemoDraftTouch(
          at: workTime(daysAgo: raisedAgo), channel: .call, outcome: .reached, note: DemoNotes.issueRaised(issue),
          issue: issue))
      if fixedIssue {
        plan.milestones.append(
          DemoDraftTouch(
            at: workTime(daysAgo: raisedAgo - rng.int(1...4)),  // raisedAgo >= 5: a later day, before today
            channel: .call, outcome: .reached, note: DemoNotes.issueFixed(issue), fixesIssue: true))
      }
    }
    plan.allowTouches(rng.int(1...6), from: plan.createdAt.addingTimeInterval(3_600), to: clock.now, clock: clock)
    return plan
  }

  /// Churned: the reason cycles through every code; supply and wait reasons churn from waiting or deposit.
  mutating func churned(_ k: Int, _ consultant: String, rival: String, source: String) -> DemoPlan {
    let reason = ChurnReason.allCases[k % ChurnReason.allCases.count]
    let from: Stage
    switch reason {
    case .waitTooLong, .supplyMismatch: from = k % 2 == 0 ? .waitingForDelivery : .deposit
    case .budgetChanged, .dealerDoubt: from = k % 3 == 0 ? .deposit : .prospect
    default: from = .prospect
    }
    let model = from == .prospect ? rng.weighted(DemoVocabulary.models) : rng.pick(DemoVocabulary.longWaitModels)
    let churnAgo = rng.int(3...80)
    let waitingAgo = from == .waitingForDelivery ? churnAgo + rng.int(5...40) : nil
    let depositAgo = from == .prospect ? nil : (waitingAgo ?? churnAgo) + rng.int(2...20)
    let createdAgo = (depositAgo ?? churnAgo) + rng.int(7...60)
    var plan = DemoPlan(
      stage: .churned, model: model,
      grade: rng.weighted(from == .prospect ? DemoVocabulary.churnedGrades : DemoVocabulary.orderedGrades),
      createdAt: workTime(daysAgo: createdAgo), consultant: consultant)
    firstContact(&plan, source: source)
    if let depositAgo {
      let eta = waitingAgo.map { clock.date(daysAgo: $0 - DemoVocabulary.waitWeeks(model) * 7) }
      order(&plan, depositDaysAgo: depositAgo, waitingDaysAgo: waitingAgo, eta: eta, consultant: consultant)
    }
    let note = DemoNotes.fill(rng.pick(DemoNotes.churn(reason)), model: model, rival: rival)
    let lostAt = max(plan.events[plan.events.count - 1].at, workTime(daysAgo: churnAgo))
    plan.events.append(
      StageEvent(
        from: from, to: .churned, at: lostAt, actor: consultant, reason: reason,
        note: reason == .other || rng.chance(0.5) ? note : nil))
    plan.milestones.append(
      DemoDraftTouch(
        at: before(lostAt, minutes: 30, floor: plan.events[plan.events.count - 2].at), channel: .call,
        outcome: .reached, note: note))
    plan.allowTouches(
      touchCount(plan.grade), from: plan.createdAt.addingTimeInterval(3_600), to: lostAt.addingTimeInterval(-7_200),
      clock: clock)
    return plan
  }
}
