import CoachCore
import CoachStoreAPI
import Foundation

/// `coach alerts` and `GET /api/v1/alerts`: follow-ups past their deadline, most overdue first.
package struct AlertList {
  package let alerts: [AlertEntry]
  package let ctx: EngineContext

  /// The acting user's alerts (their own leads, whatever their role), or (`team`, team leads and admins) their team's; `explained` adds the reasons.
  /// Every lead of the scope is replayed: the stored follow-ups (`FollowUpIndex`) would only skip the leads not
  /// overdue, and an alert's reason needs the replay of each overdue one anyway (on the mature data 15,433 of a
  /// team's 25,000 are overdue; reading the index first measured 7–15 % slower than replaying them all). The table
  /// of `coach alerts`, which shows no reasons and few alerts, is read from the index instead (`AlertTable`).
  package static func build(_ session: Session, team: Bool, explained: Bool) throws -> AlertList {
    let env = session.env
    let ctx = try EngineSetup.context(env, session: session, salesStats: false)
    let runs = try EngineSetup.inParts(
      session, try EngineSetup.workingSet(session, team: team, own: true, now: env.now)
    ) {
      [Alerts.ranked(leads: $0, ctx: ctx, explained: explained)]
    }
    return AlertList(alerts: Alerts.merged(runs), ctx: ctx)
  }
}
