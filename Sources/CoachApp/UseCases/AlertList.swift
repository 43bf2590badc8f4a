import CoachCore
import CoachStore
import Foundation

/// `coach alerts` and `GET /api/v1/alerts`: follow-ups past their deadline, most overdue first.
package struct AlertList {
  package let alerts: [AlertEntry]
  package let ctx: EngineContext

  /// The acting user's alerts, or (`team`, team leads and admins) their team's; `explained` adds the reasons.
  package static func build(_ session: Session, team: Bool, explained: Bool) throws -> AlertList {
    let env = session.env
    let ctx = try EngineSetup.context(env, session: session, salesStats: false)
    let runs = try EngineSetup.inParts(session, try EngineSetup.workingSet(session, team: team, now: env.now)) {
      [Alerts.ranked(leads: $0, ctx: ctx, explained: explained)]
    }
    return AlertList(alerts: Alerts.merged(runs), ctx: ctx)
  }
}
