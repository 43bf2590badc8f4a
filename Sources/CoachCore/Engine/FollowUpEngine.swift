import Foundation

/// Says which follow-up each lead is due (CONTRACT.md "When actions fall due").
/// Pure: the clock, the zone and the playbook come in `EngineContext`.
public enum FollowUpEngine {
  /// The lead's current action at `ctx.now`: due (possibly overdue) or the next one to come.
  /// Nil only when nothing will ever be due.
  public static func nextAction(for lead: LeadSnapshot, in ctx: EngineContext) -> DueAction? {
    let h = LeadHistory(lead, asOf: ctx.now)
    guard let occ = Rules.select(Rules.all(h, ctx), at: ctx.now) else { return nil }
    return action(occ, h, ctx)
  }

  /// The next actions of `leads` that are due at `ctx.now`, most urgent first.
  public static func dueActions(for leads: [LeadSnapshot], in ctx: EngineContext) -> [(LeadSnapshot, DueAction)] {
    leads.compactMap { lead in
      nextAction(for: lead, in: ctx).flatMap { $0.isDue(at: ctx.now) ? (lead, $0) : nil }
    }
    .sorted { Priority.isMoreUrgent($0.1, than: $1.1) }
  }

  static func action(_ occ: Occurrence, _ h: LeadHistory, _ ctx: EngineContext) -> DueAction {
    let values = ReasonText.values(occ, h, ctx)
    let priority = Priority.of(
      code: occ.code, dueAt: occ.dueAt, deadline: occ.deadline, lead: h.lead, stage: h.stage,
      deposit: h.depositAmount, ctx: ctx)
    return DueAction(
      leadID: h.lead.id, code: occ.code, dueAt: occ.dueAt, deadline: occ.deadline,
      overdueDays: DueAction.overdueDays(deadline: occ.deadline, now: ctx.now), priority: priority,
      reason: ReasonText.reason(occ, h, ctx, values: values), detail: occ.detail)
  }
}
