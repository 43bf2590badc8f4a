import CoachCore
import CoachStore
import Foundation

/// Builds what the engine needs for one run: the playbook, the clock, the zone and the dealership's own sales.
enum EngineSetup {
  /// `salesStats` (a group-wide query) only where switch arguments can be built: due actions never read it.
  static func context(_ env: RunEnvironment, session: Session, salesStats: Bool = true) throws -> EngineContext {
    EngineContext(
      playbook: try Playbooks.load(env), now: env.now, zone: env.zone, consultantName: session.user?.name,
      stats: salesStats ? try session.db.salesStats(now: env.now) : SalesStats())
  }

  /// The leads `next` and `alerts` work on: a consultant's own; a lead's team (with `team`), an admin's all.
  /// Loaded without touch notes: ranking never reads them (the brief's lead is loaded again in full).
  static func workingSet(_ session: Session, team: Bool) throws -> LeadFilter {
    var filter = try scopeFilter(session, team: team)
    filter.withNotes = false
    return filter
  }

  static func scopeFilter(_ session: Session, team: Bool) throws -> LeadFilter {
    guard let user = session.user, let id = user.id else { return LeadFilter(scope: .all) }
    if team {
      guard user.role == .lead || user.role == .admin else {
        throw CoachError.rejected(code: "forbidden", message: "--team is for team leads and admins; \(user.name) is a \(user.role.rawValue)")
      }
      return LeadFilter(scope: session.scope)
    }
    if user.role == .consultant || user.role == .trainer { return LeadFilter(scope: .own(userID: id)) }
    return LeadFilter(scope: session.scope)
  }
}
