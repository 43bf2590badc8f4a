import CoachCore
import Foundation

/// One recorded move of all of a consultant's leads to another user.
public struct Reassignment: Sendable, Codable, Hashable {
  public var at: Date
  public var actor: String?
  public var from: String
  public var to: String
  /// How many leads moved.
  public var leads: Int

  public init(at: Date, actor: String?, from: String, to: String, leads: Int) {
    self.at = at
    self.actor = actor
    self.from = from
    self.to = to
    self.leads = leads
  }
}

extension Reassignment {
  /// Admins may move anyone's leads; a team lead only between two users of their own team.
  package static func authorize(acting: User?, from: User, to: User) throws {
    guard let acting, !acting.role.isAdmin else { return }
    if acting.role == .lead, let team = acting.team, from.team == team, to.team == team, from.storeId == acting.storeId,
      to.storeId == acting.storeId
    {
      return
    }
    throw CoachError.refused(
      .reassignNotAllowed(
        actor: acting.name, from: from.name, to: to.name, ownTeam: acting.role == .lead ? .some(acting.team) : nil))
  }
}
