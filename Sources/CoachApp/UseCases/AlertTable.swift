import CoachCore
import CoachStoreAPI
import Foundation

/// `coach alerts`' table: the first `limit` alerts in alert order (most overdue first), with how many there are in
/// all and per consultant.
///
/// The JSON and the web page list every alert with its reason (`AlertList`, a replay of every lead). The table shows
/// neither reasons nor most alerts, so the stored follow-ups answer it (`FollowUpIndex.overdue`): each overdue
/// follow-up's days overdue, consultant and escalation come from its row; only the leads that may be shown (at least
/// as overdue as the `limit`-th alert, ties included) are loaded, without their activity, for their names, tags,
/// severity and priority. Leads whose row does not hold are replayed, as `next` replays them. The table is the full
/// replay's (`FollowUpIndexTests`).
package struct AlertTable {
  package let shown: [AlertEntry]
  /// How many alerts there are (with `escalatedOnly`, how many escalated ones).
  package let total: Int
  /// How many per consultant, by name (`-` for leads without one).
  package let perConsultant: [String: Int]
  package let ctx: EngineContext

  /// The table of the full list `all`, in alert order.
  package init(all: [AlertEntry], limit: Int, ctx: EngineContext) {
    shown = Array(all.prefix(max(0, limit)))
    total = all.count
    perConsultant = Dictionary(grouping: all, by: { $0.consultant ?? "-" }).mapValues(\.count)
    self.ctx = ctx
  }

  private init(shown: [AlertEntry], total: Int, perConsultant: [String: Int], ctx: EngineContext) {
    (self.shown, self.total, self.perConsultant, self.ctx) = (shown, total, perConsultant, ctx)
  }

  /// The acting user's table, or (`team`) their team's; `escalatedOnly` keeps the escalated alerts. `replayingAll`
  /// makes it from the full replay instead (the tests compare the two).
  package static func build(
    _ session: Session, team: Bool, escalatedOnly: Bool, limit: Int, replayingAll: Bool = false
  ) throws -> AlertTable {
    if replayingAll {
      let list = try AlertList.build(session, team: team, explained: false)
      return AlertTable(
        all: escalatedOnly ? list.alerts.filter(\.escalated) : list.alerts, limit: limit, ctx: list.ctx)
    }
    let ctx = try EngineSetup.context(session.env, session: session, salesStats: false)
    let filter = try EngineSetup.workingSet(session, team: team, own: true, now: ctx.now)
    let (replayedRuns, held) = try FollowUpIndex(session, filter, ctx: ctx).overdue()
    let replayed = replayedRuns.map { run in run.filter { !escalatedOnly || $0.entry.escalated } }
    var perConsultant: [String: Int] = [:]
    var days: [Double] = []
    for ranked in replayed.joined() {
      perConsultant[ranked.entry.consultant ?? "-", default: 0] += 1
      days.append(ranked.entry.overdueDays)
    }
    let names = Dictionary(
      try session.db.users().compactMap { user in user.id.map { ($0, user.name) } }, uniquingKeysWith: { a, _ in a })
    var pending: [(row: HeldOverdue, overdueDays: Double)] = []
    for row in held {
      // The action as the row holds it, ranked later: days overdue and escalation do not depend on the priority.
      let action = DueAction(
        leadID: row.leadID, code: row.code, dueAt: row.dueAt, deadline: row.deadline,
        overdueDays: DueAction.overdueDays(deadline: row.deadline, now: ctx.now), priority: 0, reason: "")
      guard action.overdueDays > 0 else { continue }
      if escalatedOnly, !Escalation.isEscalated(action, now: ctx.now, cadence: ctx.playbook.cadence) { continue }
      pending.append((row, action.overdueDays))
      perConsultant[row.consultantID.flatMap { names[$0] } ?? "-", default: 0] += 1
      days.append(action.overdueDays)
    }
    let total = days.count
    guard limit > 0 else { return AlertTable(shown: [], total: total, perConsultant: perConsultant, ctx: ctx) }
    // Alert order is most overdue first: only alerts at least as overdue as the `limit`-th can be shown.
    let cut = days.count <= limit ? 0 : days.sorted(by: >)[limit - 1]
    let chosen = Dictionary(
      pending.filter { $0.overdueDays >= cut }.map { ($0.row.leadID, $0.row.held) }, uniquingKeysWith: { a, _ in a })
    var light = filter
    light.withActivity = false
    let ranked = try EngineSetup.inParts(session, light, ids: chosen.keys.map(\.rawValue).sorted()) { leads in
      [
        Alerts.ranked(
          leads.compactMap { lead in
            chosen[lead.id].map { DueCandidate(lead: lead, action: $0.action(for: lead, in: ctx)) }
          }, ctx: ctx)
      ]
    }
    return AlertTable(
      shown: Array(Alerts.merged(replayed + ranked).prefix(limit)), total: total, perConsultant: perConsultant,
      ctx: ctx)
  }
}
