import CoachCore
import CoachStoreAPI
import Foundation

/// Who may audit whom: team leads their team, admins everyone; consultants not at all.
package enum AuditAccess {
  package static func check(_ session: Session) throws {
    guard let user = session.user, !user.role.isAdmin, user.role != .lead else { return }
    throw CoachError.refused(.notAllowed(.audit, user: user.name, role: user.role.rawValue))
  }

  /// The leads to load and the consultants to count: users with role consultant, all of them or `only`. The leads
  /// come without touch notes, profile facts and contact details (the audit reads none of them) and with the touches from `since` on
  /// (`Audit.touchesSince`).
  package static func consultants(_ session: Session, only: String?, since: Date) throws -> (LeadFilter, [String]) {
    let consultants = try session.users().filter { $0.role == .consultant }
    var all = LeadFilter(scope: session.scope).lean(touchesSince: since)
    all.withOwnerChanges = true
    guard let only else { return (all, consultants.map(\.name)) }
    guard let user = consultants.first(where: { $0.name == only }), let id = user.id else {
      throw CoachError.refused(.notAConsultant(name: only, known: consultants.map(\.name)))
    }
    if case .team(let team, _, _) = session.scope, user.team != team {
      throw CoachError.refused(.auditOtherTeam(name: only, team: team))
    }
    var theirs = LeadFilter(scope: session.scope, consultantID: id).lean(touchesSince: since)
    theirs.withOwnerChanges = true
    theirs.handedOverBy = only
    return (theirs, [only])
  }
}
