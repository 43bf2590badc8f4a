import Foundation

/// The facts of one follow-up as placeholder values, and its reason in the playbook's words.
enum ReasonText {
  /// Placeholder values for `labels.reasons`, `labels.goals` and message drafts.
  static func values(_ occ: Occurrence, _ h: LeadHistory, _ ctx: EngineContext) -> [String: String] {
    let pb = ctx.playbook
    let today = ctx.today
    let lastDay = LocalDate(occ.deadline.addingTimeInterval(-1), in: ctx.civil)
    let sinceTouch = (h.lastTouch?.at).map { $0.wholeDays(to: ctx.now) }
    var v: [String: String] = [
      "grade": h.lead.grade?.rawValue ?? "-",
      "eta": h.eta?.description ?? pb.labels.ui(.etaNotSet) ?? "?",
      "date": lastDay.description,
      "time": Digits.minute(occ.dueAt, in: ctx.civil),
      "model": pb.model(h.lead.model)?.name ?? h.lead.model ?? "",
      // The latest promise left open: what the customer waits to hear about now.
      "topic": h.openTopics(.buried).last?.text ?? "",
      "days": String(sinceTouch ?? 0),
      "interval": NumberText.decimal(
        Double(pb.cadence.followUpDays(for: h.lead.grade)) * Rules.tierFactor(h.lead.tier, ctx)),
      "base_interval": String(pb.cadence.followUpDays(for: h.lead.grade)),
      "tier": h.lead.tier?.rawValue ?? "-",
      "factor": NumberText.factor(Rules.tierFactor(h.lead.tier, ctx)),
    ]
    if let eta = h.eta { v["days_late"] = String(max(0, eta.days(to: today))) }
    occ.code.rule.facts(&v, occ, h, ctx)
    return v
  }

  /// "deposit paid, promised car 3 days late, no update for 9 days": stage, the code's reason,
  /// time since the last touch, how overdue, and an open buried topic.
  static func reason(_ occ: Occurrence, _ h: LeadHistory, _ ctx: EngineContext, values v: [String: String]) -> String {
    let r = ctx.playbook.labels.reasons
    // A late delivery before the promised day has passed (`next --lead`) is told as what will happen.
    let notLateYet = occ.code == .deliveryLate && (h.lateFrom(ctx.civil).map { $0 > ctx.now } ?? false)
    let ahead = notLateYet ? r["delivery_late_ahead"] : nil
    // A grade's interval stretched or shortened by the customer's tier says so (`B 级客户每 7 天…，D 类客户 ×1.5`).
    let tiered =
      occ.code == .cadenceFollowup && Rules.tierFactor(h.lead.tier, ctx) != 1 ? r["cadence_followup_tier"] : nil
    // A lead lost without a recorded reason (imported at `churned`) is not told as "(reason: )".
    let unexplained = occ.code == .winback && (v["churn_reason"] ?? "").isEmpty ? r["winback_no_reason"] : nil
    // A prospect without a grade is not told as "- 级客户" (optional in a trainer's labels).
    let ungraded = occ.code == .cadenceFollowup && h.lead.grade == nil ? r["cadence_followup_ungraded"] : nil
    let own = ahead ?? ungraded ?? tiered ?? unexplained ?? r[occ.code.rawValue] ?? occ.code.rawValue
    var parts = [r["stage_\(h.stage.rawValue)"] ?? "", Template.fill(own, v)]
    // Another follow-up came first (a call the customer agreed) while the car is late: the reason still says so.
    // Optional in a trainer's labels.
    if occ.code != .deliveryLate, h.isLate(at: ctx.now, in: ctx.civil), let carLate = r["car_late"] {
      parts.append(Template.fill(carLate, v))
    }
    if occ.code.rule.reasonTellsSilence {
      // The silence is time since the customer was last reached or met: a deposit taken, a contract signed or a car
      // handed over met them as a reached call does ("never contacted" right after a deposit was false); an
      // unanswered call did not ("1 天未联系" beside "unreachable 3 times in a row").
      let met = h.events.last { $0.from != nil && [.deposit, .waitingForDelivery, .delivered].contains($0.to) }?.at
      let reached = h.lastContact?.at
      if let last = [reached, met].compactMap({ $0 }).max() {
        let days = last.wholeDays(to: ctx.now)
        // A waiting customer's silence is time since the last update (a contact, not the deposit itself); said only
        // from a day on (a brief read right after an update does not say "0 days").
        let update = (occ.code == .deliveryLate || occ.code == .deliveryUpdate) && reached == last
        if days >= 1 {
          parts.append(Template.fill(r[update ? "update_for" : "no_touch_for"] ?? "", ["days": String(days)]))
        }
      } else if h.touches.isEmpty {
        parts.append(r["never_touched"] ?? "")
      }
    }
    // In tenths, as the brief's and the queue's overdue column show it (`逾期 7.9 天` beside `已超期 7.9 天`, not 7).
    let overdue = DueAction.overdueDays(deadline: occ.deadline, now: ctx.now)
    if overdue >= 1 {
      let days = NumberText.days(overdue)
      parts.append(Template.fill(r["overdue"] ?? "", ["days": days]))
    }
    if !occ.lapses, let topic = h.openTopics(.buried).last {
      parts.append(Template.fill(r["buried_open"] ?? "", ["topic": topic.text]))
    }
    let reason = Template.join(parts, chinese: ctx.isChinese)
    // One sentence, so one kind of punctuation: the join's `，` and the fragments' own (`14 天, 车还没交`) alike.
    return ctx.isChinese ? ChineseText.punctuated(reason) : reason
  }
}
