import Foundation

/// Says which follow-up each lead is due (CONTRACT.md "When actions fall due").
/// Pure: the clock, the zone and the playbook come in `EngineContext`.
public enum FollowUpEngine {
  /// The lead's current action at `ctx.now`: due (possibly overdue) or the next one to come.
  /// Nil only when nothing will ever be due.
  public static func nextAction(for lead: LeadSnapshot, in ctx: EngineContext) -> DueAction? {
    let h = LeadHistory(lead, asOf: ctx.now)
    guard let occ = current(Rules.all(h, ctx), lead, ctx) else { return nil }
    return action(occ, h, ctx)
  }

  /// Of the rules' answers for `lead` at `ctx.now`, the one that is its current action, once snoozes have held
  /// what they hold: the one path from the rules to an action, for `nextAction`, ranking and the overdue count.
  static func current(_ pending: [Occurrence], _ lead: LeadSnapshot, _ ctx: EngineContext) -> Occurrence? {
    Rules.select(Snoozing.held(pending, lead, ctx), at: ctx.now)
  }

  /// `nextAction` without its reason text (left empty), for ranking many leads: the reason is most of the cost.
  public static func unexplainedAction(for lead: LeadSnapshot, in ctx: EngineContext) -> DueAction? {
    unexplainedAction(LeadHistory(lead, asOf: ctx.now), lead, ctx)
  }

  /// `unexplainedAction` from the lead's history at `ctx.now`, for a caller that reads the history for more.
  static func unexplainedAction(_ h: LeadHistory, _ lead: LeadSnapshot, _ ctx: EngineContext) -> DueAction? {
    guard let occ = current(Rules.all(h, ctx), lead, ctx) else { return nil }
    return action(occ, h, ctx, explained: false)
  }

  /// The leads of `leads` whose action is due at `ctx.now`, with that action unexplained: what a queue ranks.
  /// Leads may be cut into parts and their candidates joined: ranking does not depend on where they came from.
  public static func dueCandidates(for leads: [LeadSnapshot], in ctx: EngineContext) -> [DueCandidate] {
    leads.compactMap { lead in
      unexplainedAction(for: lead, in: ctx).flatMap {
        $0.isDue(at: ctx.now) ? DueCandidate(lead: lead, action: $0) : nil
      }
    }
  }

  /// The `limit` most urgent of `candidates` (a total order: priority, due time, lead id), with their reasons:
  /// ranked without reasons, then the reasons of those alone (the same entries, far less work).
  public static func mostUrgent(_ candidates: [DueCandidate], in ctx: EngineContext, limit: Int)
    -> [(LeadSnapshot, DueAction)]
  {
    mostUrgentCandidates(candidates, limit: limit)
      .compactMap { c in nextAction(for: c.lead, in: ctx).map { (c.lead, $0) } }
  }

  /// The `limit` most urgent of `candidates`, most urgent first. The most urgent of a whole list are among those of
  /// its parts, so a part may keep only these (and drop its other leads) before the parts are joined.
  public static func mostUrgentCandidates(_ candidates: [DueCandidate], limit: Int) -> [DueCandidate] {
    // Positions are sorted, not the candidates: moving a candidate moves its whole lead.
    candidates.indices.sorted { Priority.isMoreUrgent(candidates[$0].action, than: candidates[$1].action) }
      .prefix(max(0, limit)).map { candidates[$0] }
  }

  static func action(_ occ: Occurrence, _ h: LeadHistory, _ ctx: EngineContext, explained: Bool = true) -> DueAction {
    action(
      code: occ.code, dueAt: occ.dueAt, deadline: occ.deadline, detail: occ.detail, h, ctx,
      reason: explained ? ReasonText.reason(occ, h, ctx, values: ReasonText.values(occ, h, ctx)) : "")
  }

  /// The action of a follow-up selected for `h` at `ctx.now`, ranked: the one place a `DueAction` is made, from a
  /// replay (`action(_:_:_:explained:)`) or from a stored follow-up (`StoredFollowUp.Held.action(for:in:)`).
  static func action(
    code: ActionCode, dueAt: Date, deadline: Date, detail: String?, _ h: LeadHistory, _ ctx: EngineContext,
    reason: String
  ) -> DueAction {
    let priority = Priority.of(
      code: code, dueAt: dueAt, deadline: deadline, lead: h.lead, stage: h.stage, deposit: h.depositAmount, ctx: ctx)
    return DueAction(
      leadID: h.lead.id, code: code, dueAt: dueAt, deadline: deadline,
      overdueDays: DueAction.overdueDays(deadline: deadline, now: ctx.now), priority: priority, reason: reason,
      detail: detail)
  }
}

/// A lead and its current action, ranked before its reason is written.
public struct DueCandidate: Sendable {
  public var lead: LeadSnapshot
  public var action: DueAction

  public init(lead: LeadSnapshot, action: DueAction) { (self.lead, self.action) = (lead, action) }
}
