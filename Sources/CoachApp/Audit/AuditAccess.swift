import CoachCore
import CoachStoreAPI
import Foundation

/// Who may audit whom: team leads their team, admins everyone; consultants not at all.
package enum AuditAccess {
  package static func check(_ session: Session) throws {
    guard let user = session.user, !user.role.isAdmin, user.role != .lead else { return }
    throw CoachError.refused(.notAllowed(.audit, user: user.name, role: user.role.rawValue))
  }

  /// The leads to load and the people to count: users who may own leads (consultants, and team leads, who hold leads
  /// parked with them or were consultants before a promotion) within the acting user's reach (a team lead's team, a
  /// store admin's store, an admin's everyone), all of them or `only`. A team lead with nothing to count is left out
  /// of the rows (`AuditRun`). The leads are those in
  /// scope and those the counted consultants handed over since (`LeadFilter.handedOverBy`): a consultant's past stays
  /// in their team's audit, and never shows in the audit of the team the leads went to. The leads come without
  /// touch notes, profile facts and contact details (the audit reads none of them) and with the touches from `since`
  /// on (`Audit.touchesSince`).
  package static func consultants(_ session: Session, only: String?, since: Date) throws -> (LeadFilter, [User]) {
    let consultants = try session.users().filter(\.role.ownsLeads)
    let mine = consultants.filter { audits($0, in: session.scope) }
    guard let only else {
      var all = LeadFilter(scope: session.scope).lean(touchesSince: since)
      all.withOwnerChanges = true
      if session.scope != .all { all.handedOverBy = mine.map(\.name) }
      return (all, mine)
    }
    guard let user = consultants.first(where: { $0.name == only }), let id = user.id else {
      throw CoachError.refused(.notAConsultant(name: only, known: mine.map(\.name)))
    }
    if case .team(let team, _, _) = session.scope, user.team != team {
      throw CoachError.refused(.auditOtherTeam(name: only, team: team))
    }
    var theirs = LeadFilter(scope: session.scope, consultantID: id).lean(touchesSince: since)
    theirs.withOwnerChanges = true
    theirs.handedOverBy = [only]
    return (theirs, [user])
  }

  /// Whether `user`'s work is in the audit of `scope`: their leads are (or were) the scope's.
  static func audits(_ user: User, in scope: Scope) -> Bool {
    switch scope {
    case .all: return true
    case .own(let id): return user.id == id
    case .store(let store): return user.storeId == store
    case .team(let team, let id, let store):
      guard let team else { return user.id == id }
      return user.team == team && (store == nil || user.storeId == store)
    }
  }
}
