import Foundation

// MARK: - Rules before delivery and after churn

extension Rules {
  /// Recurrence of a late-delivery follow-up after a touch: half the update interval (a late car needs news sooner).
  static func lateEveryDays(_ ctx: EngineContext) -> Int { max(1, (ctx.playbook.cadence.deliveryUpdateDays + 1) / 2) }

  /// Waiting (or deposit with an ETA) and the promised day has passed: due at 00:00 the day after it,
  /// then again `lateEveryDays` after each touch until the car is delivered or a new ETA is set.
  static func deliveryLate(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard let lateFrom = h.lateFrom(ctx.civil) else { return nil }
    guard let last = h.lastTouch, last.at >= lateFrom else {
      var first = interval(.deliveryLate, due: lateFrom, ctx)
      first.countsFromLastTouch = false
      return first
    }
    return interval(.deliveryLate, due: last.at.adding(days: lateEveryDays(ctx), in: ctx.civil), ctx)
  }

  /// The last touch agreed a next contact time: due then, for any stage, unless the lead was lost since (a call
  /// agreed while selling is not kept with a customer who bought elsewhere: the win-back interview comes instead).
  static func agreedFollowup(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard let last = h.lastTouch, let agreed = agreedNext(h) else { return nil }
    var occurrence = interval(.agreedFollowup, due: agreed, ctx)
    occurrence.opensAt = last.at.addingTimeInterval(0.001)
    occurrence.countsFromLastTouch = false
    return occurrence
  }

  /// The next contact the last touch agreed, unless the lead was lost after it.
  static func agreedNext(_ h: LeadHistory) -> Date? {
    guard let last = h.lastTouch, let agreed = last.nextAt else { return nil }
    if let churned = h.entered(.churned), churned.at > last.at { return nil }
    return agreed
  }

  /// A new prospect nobody has touched: due at creation, deadline `first_contact_hours` later.
  static func firstContact(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard h.stage == .prospect, h.touches.isEmpty, !h.hasStageChanges else { return nil }
    let created = h.lead.createdAt
    return Occurrence(
      code: .firstContact, dueAt: created,
      deadline: created.adding(hours: Double(ctx.playbook.cadence.firstContactHours)), opensAt: created)
  }

  /// Deposit and waiting customers: every `delivery_update_days` since the last touch (or since the deposit),
  /// and at once when the ETA changed after the last touch.
  static func deliveryUpdate(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard h.stage == .deposit || h.stage == .waitingForDelivery else { return nil }
    let entry = (h.entered(.deposit) ?? h.entered(.waitingForDelivery))?.at ?? h.lead.createdAt
    let anchor = max(h.lastTouch?.at ?? entry, entry)
    var due = anchor.adding(days: ctx.playbook.cadence.deliveryUpdateDays, in: ctx.civil)
    if let changed = h.etaChangedAt, changed > (h.lastTouch?.at ?? .distantPast) { due = min(due, changed) }
    return interval(.deliveryUpdate, due: due, ctx)
  }

  /// Prospects: the grade's interval times the tier factor since the last touch, unless a next contact was agreed.
  static func cadenceFollowup(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard h.stage == .prospect, agreedNext(h) == nil else { return nil }
    var anchor = h.lastTouch?.at ?? (h.hasStageChanges ? h.events.last?.at : nil)
    // A lead won back counts from its reactivation, not from the touches before it was lost.
    if let back = h.entered(.prospect), back.from == .churned, back.at > (anchor ?? .distantPast) { anchor = back.at }
    guard let anchor else { return nil }
    let days = Double(ctx.playbook.cadence.followUpDays(for: h.lead.grade)) * tierFactor(h.lead.tier, ctx)
    return interval(.cadenceFollowup, due: anchor.adding(hours: days * 24), ctx)
  }

  /// Churned leads: `winback_first_days` after the churn, then every `winback_every_days` since the last touch.
  static func winback(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard h.stage == .churned else { return nil }
    let churned = h.entered(.churned)?.at ?? h.lead.createdAt
    let care = ctx.playbook.care
    return series(
      .winback, first: churned.adding(days: care.winbackFirstDays, in: ctx.civil),
      everyDays: care.winbackEveryDays, h, ctx)
  }
}
