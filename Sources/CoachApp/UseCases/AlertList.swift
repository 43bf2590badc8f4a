import CoachCore
import CoachStore
import Foundation

/// `coach alerts` and `GET /api/v1/alerts`: follow-ups past their deadline, most overdue first.
package struct AlertList {
  package let alerts: [AlertEntry]
  package let ctx: EngineContext

  /// The acting user's alerts, or (`team`, team leads and admins) their team's; `explained` adds the reasons.
  /// `replayingAll`: every lead replayed instead of the stored follow-ups read (`FollowUpIndex`; the reference).
  package static func build(_ session: Session, team: Bool, explained: Bool, replayingAll: Bool = false) throws
    -> AlertList
  {
    let env = session.env
    let ctx = try EngineSetup.context(env, session: session, salesStats: false)
    let working = try EngineSetup.workingSet(session, team: team, now: env.now)
    let runs =
      replayingAll
      ? try EngineSetup.inParts(session, working) { [Alerts.ranked(leads: $0, ctx: ctx, explained: explained)] }
      : try FollowUpIndex(session, working, ctx: ctx, need: .overdue).alerts(explained: explained)
    return AlertList(alerts: Alerts.merged(runs), ctx: ctx)
  }
}
