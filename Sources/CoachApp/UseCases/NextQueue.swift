import CoachCore
import CoachStoreAPI
import Foundation

/// `coach next` and `GET /api/v1/next`: the acting user's queue of due follow-ups and one brief.
package struct NextQueue {
  /// The entries shown (at most `limit`).
  package let queue: [QueueEntry]
  package let brief: Brief?
  /// The lead the brief is for, loaded in full.
  package let briefLead: LeadSnapshot?
  /// The engine context the queue and brief were built in (its playbook gives the labels).
  package let ctx: EngineContext

  /// Ranks the leads the session's user works (`--limit 0` still briefs the most urgent lead) and briefs `lead`, or
  /// the first of the queue.
  /// `briefing: false` leaves the brief out (the web queue page lists the queue alone).
  /// `replayingAll` ranks every lead by a full replay instead of reading the stored follow-ups (`FollowUpIndex`):
  /// the reference the stored path is held to, and what `coach doctor` compares with.
  package static func build(
    _ session: Session, limit: Int, lead: String?, briefing: Bool = true, replayingAll: Bool = false
  ) throws -> NextQueue {
    let env = session.env
    // The dealership's sales figures (a group-wide query) only feed switch arguments: fetched for the brief when it has them.
    var ctx = try EngineSetup.context(env, session: session, salesStats: false)
    let ranking = ctx
    let working = try EngineSetup.workingSet(session, team: false, now: env.now)
    let candidates =
      replayingAll
      ? try EngineSetup.inParts(session, working) {
        FollowUpEngine.mostUrgentCandidates(FollowUpEngine.dueCandidates(for: $0, in: ranking), limit: max(1, limit))
      } : try FollowUpIndex(session, working, ctx: ranking).mostUrgent(limit: max(1, limit))
    let ranked = Queue.build(candidates: candidates, ctx: ctx, limit: max(1, limit))
    let queue = Array(ranked.prefix(limit))
    var brief: Brief?
    var briefLead: LeadSnapshot?
    if let id = lead {
      let one = try session.db.snapshot(id: try LeadID.typed(id), scope: session.scope)
      briefLead = one
      if let action = FollowUpEngine.nextAction(for: one, in: ctx) {
        try EngineSetup.addSalesStats(to: &ctx, for: one, action: action, session: session)
        brief = BriefBuilder.build(lead: one, action: action, ctx: ctx)
      }
    } else if briefing, let first = ranked.first,
      case let one = try session.db.snapshot(id: first.leadID, scope: session.scope),  // with notes, for the draft
      let action = FollowUpEngine.nextAction(for: one, in: ctx)
    {
      briefLead = one
      try EngineSetup.addSalesStats(to: &ctx, for: one, action: action, session: session)
      brief = BriefBuilder.build(lead: one, action: action, ctx: ctx)
    }
    return NextQueue(queue: queue, brief: brief, briefLead: briefLead, ctx: ctx)
  }

  /// The contract's `coach next --json` document.
  package func json(_ session: Session) -> NextJSON {
    NextJSON(
      generated_at: session.env.now, consultant: session.user?.name, queue: queue, brief: brief,
      snooze: briefLead?.snooze(at: session.env.now, in: session.env.zone))
  }
}

package struct NextJSON: Encodable {
  let generated_at: Date
  let consultant: String?
  let queue: [QueueEntry]
  let brief: Brief?
  /// The snooze holding the brief's lead now: the brief says `snoozed_until` and `snooze_reason` (null when none).
  let snooze: Snooze?

  enum CodingKeys: String, CodingKey { case generated_at, consultant, queue, brief }

  /// Writes `brief` and `consultant` as null when absent, as the contract shows.
  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(generated_at, forKey: .generated_at)
    try c.encode(consultant, forKey: .consultant)
    try c.encode(queue, forKey: .queue)
    if let brief {
      try c.encode(SnoozedBrief(brief: brief, snooze: snooze), forKey: .brief)
    } else {
      try c.encodeNil(forKey: .brief)
    }
  }
}

/// The brief's keys and the snooze holding its lead (an addition to the contract's keys).
struct SnoozedBrief: Encodable {
  let brief: Brief
  let snooze: Snooze?

  enum Key: String, CodingKey { case snoozed_until, snooze_reason }

  func encode(to encoder: any Encoder) throws {
    try brief.encode(to: encoder)
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(snooze?.until.description, forKey: .snoozed_until)
    try c.encode(snooze?.reason, forKey: .snooze_reason)
  }
}
