import Foundation

/// How urgent a follow-up is, and how loud its alert.
public enum Priority {
  /// Priority of `occurrence` for `lead` at `now` (higher = more urgent), rounded to two decimals:
  ///
  ///     importance  2 × (12 − precedence)        delivery_late 24 … winback 2
  ///   + overdue     5 once past the deadline + 9 × min(overdue days, 7)
  ///                 (a day late outweighs grade and tier together; after a week, more days late stop
  ///                 counting, so money at stake (stage, value) ranks long-neglected cold leads below it)
  ///   + ripeness    3 × share of the grace period used up (0…1) once due
  ///   + stage       waiting 16, deposit 14, delivered 8, prospect 6, churned 0
  ///   + grade       prospects: H 8, A 5, B 3, C 1, ungraded 2
  ///   + tier        A 6, B 4, C 2, D 0, none 2
  ///   + value       min(6, deposit ÷ 5,000) + min(4, model price ÷ 75,000)
  ///   + vip         4
  ///
  /// Ties are broken by the caller: earlier due time first, then lead id.
  static func of(
    code: ActionCode, dueAt: Date, deadline: Date, lead: LeadSnapshot, stage: Stage, deposit: Double?,
    ctx: EngineContext
  ) -> Double {
    of(
      code: code, dueAt: dueAt, deadline: deadline, base: base(lead: lead, stage: stage, deposit: deposit, ctx: ctx),
      now: ctx.now)
  }

  /// The lead's part (stage, grade, tier, value, vip): the same at every instant until something is recorded for the
  /// lead, so a stored follow-up keeps it (`StoredFollowUp.Held.base`) and ranks without the lead.
  static func base(lead: LeadSnapshot, stage: Stage, deposit: Double?, ctx: EngineContext) -> Double {
    var p = stageWeight[stage] ?? 0
    if stage == .prospect { p += lead.grade.map { gradeWeight[$0] ?? 0 } ?? 2 }
    p += lead.tier.map { tierWeight[$0] ?? 0 } ?? 2
    p += min(6, (deposit ?? 0) / 5_000)
    p += min(4, Double(ctx.playbook.catalogModel(lead.model)?.price ?? 0) / 75_000)
    if lead.hasTag(KnownTag.vip) { p += 4 }
    return p
  }

  /// The priority at `now` of a follow-up of a lead whose part is `base`: the follow-up's part (importance,
  /// overdue, ripeness) added to it, rounded. The one sum a replay and a stored follow-up both make.
  static func of(code: ActionCode, dueAt: Date, deadline: Date, base: Double, now: Date) -> Double {
    let overdue = DueAction.overdueDays(deadline: deadline, now: now)
    var p = Double(2 * (FollowUpRules.table.count - code.precedence))
    if overdue > 0 { p += 5 + 9 * min(overdue, 7) }
    let grace = deadline.timeIntervalSince(dueAt)
    if now >= dueAt, grace > 0 { p += 3 * min(1, now.timeIntervalSince(dueAt) / grace) }
    return rounded2(p + base)
  }

  static let stageWeight: [Stage: Double] = [
    .waitingForDelivery: 16, .deposit: 14, .delivered: 8, .prospect: 6, .churned: 0,
  ]
  static let gradeWeight: [Grade: Double] = [.h: 8, .a: 5, .b: 3, .c: 1]
  static let tierWeight: [Tier: Double] = [.a: 6, .b: 4, .c: 2, .d: 0]

  /// Most urgent first: higher priority, then earlier due time, then lead id in numeric order.
  public static func isMoreUrgent(_ l: DueAction, than r: DueAction) -> Bool {
    if l.priority != r.priority { return l.priority > r.priority }
    if l.dueAt != r.dueAt { return l.dueAt < r.dueAt }
    return l.leadID < r.leadID
  }
}
