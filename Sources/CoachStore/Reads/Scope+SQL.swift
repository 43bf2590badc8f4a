import CoachCore
import Foundation
import GRDB

/// Which leads an acting user may see and change.
public enum Scope: Sendable, Hashable {
  /// Admins, and everyone on a database without users.
  case all
  /// A team lead: the leads of the consultants of their team (and their own), within their store when they have one.
  case team(String?, userID: Int64, store: Int64? = nil)
  /// A consultant: their own leads only.
  case own(userID: Int64)
  /// A store's admin: the leads of the store's users (a lead belongs to its consultant's store).
  case store(Int64)

  /// The scope a user's role grants.
  public static func of(_ user: User?) -> Scope {
    guard let user, let id = user.id else { return .all }
    switch user.role {
    case .groupAdmin: return .all
    case .admin: return user.storeId.map(Scope.store) ?? .all
    case .lead: return .team(user.team, userID: id, store: user.storeId)
    case .consultant, .trainer: return .own(userID: id)
    }
  }

  /// SQL condition on table alias `l` (lead) with its arguments.
  var condition: (sql: String, arguments: StatementArguments) { condition(on: "l.consultantId") }

  /// The same condition on another column holding the lead's consultant (`f.consultantId` of `followUp`, v11).
  func condition(on column: String) -> (sql: String, arguments: StatementArguments) {
    switch self {
    case .all:
      return ("1", [])
    case .own(let id):
      return ("\(column) = ?", [id])
    case .store(let store):
      return ("\(column) IN (SELECT id FROM user WHERE storeId = ?)", [store])
    case .team(let team, let id, let store):
      guard let team else { return ("\(column) = ?", [id]) }
      if let store {
        return ("\(column) IN (SELECT ? UNION SELECT id FROM user WHERE team = ? AND storeId = ?)", [id, team, store])
      }
      // One IN list rather than `= ? OR IN (...)`: with an OR, SQLite read the whole team's index entries and
      // their lead rows for every part of an id range (`LeadFilter.idRange`), and only then dropped those outside
      // it; one list lets it search each consultant's entries within the range.
      return ("\(column) IN (SELECT ? UNION SELECT id FROM user WHERE team = ?)", [id, team])
    }
  }
}

/// Filters for listing leads, all optional.
public struct LeadFilter: Sendable {
  public var scope: Scope
  public var stage: Stage?
  public var consultantID: Int64?
  public var leadIDs: [Int64]?
  /// Only leads whose id lies in this range (a part of a long list, read whole in one transaction).
  public var idRange: ClosedRange<Int64>?
  public var limit: Int?
  /// Load touch notes (free text: the bulk of a lead's history). Ranking and audits never read them; a brief's
  /// message draft does, so the brief's lead is loaded with them.
  public var withNotes = true
  /// Load the customer's profile facts. Only a brief's talking points and message draft read them.
  public var withProfile = true
  /// Load the customer's contact details and the lead's external id (`phone`, `wechat`, `email`, `gender`, `city`,
  /// `externalID`; nil without). Ranking, alerts and audits never read them. The source is loaded always (the
  /// audit's source report reads it).
  public var withContacts = true
  /// Load only the touches from this time on, plus each lead's last touch and last contact before it
  /// (`LeadSnapshot.keepingTouches(since:)`): enough to rank leads, or replay them, from that time on.
  public var touchesSince: Date?

  public init(scope: Scope, stage: Stage? = nil, consultantID: Int64? = nil, leadIDs: [Int64]? = nil, limit: Int? = nil)
  {
    self.scope = scope
    self.stage = stage
    self.consultantID = consultantID
    self.leadIDs = leadIDs
    self.limit = limit
  }

  /// Whether every lead matches (an admin's filter with no other condition).
  var matchesEveryLead: Bool {
    scope == .all && stage == nil && consultantID == nil && leadIDs == nil && idRange == nil && limit == nil
  }

  /// Whether only the scope limits the leads (no stage, consultant, id list, range or limit).
  package var isScopeOnly: Bool {
    stage == nil && consultantID == nil && leadIDs == nil && idRange == nil && limit == nil
  }

  /// SQL condition on `lead l` with its arguments.
  var condition: (sql: String, arguments: StatementArguments) {
    var (sql, args) = scope.condition
    if let stage {
      sql += " AND l.stage = ?"
      args += [stage.rawValue]
    }
    if let consultantID {
      sql += " AND l.consultantId = ?"
      args += [consultantID]
    }
    if let leadIDs {
      // One JSON array: the statement's text stays the same for any number of ids, so it is prepared once per
      // connection (`Database.cachedStatement`).
      sql += " AND l.id IN (SELECT value FROM json_each(?))"
      args += [LeadLoader.jsonArray(leadIDs.map(String.init))]
    }
    if let idRange {
      sql += " AND l.id BETWEEN ? AND ?"
      args += [idRange.lowerBound, idRange.upperBound]
    }
    return (sql, args)
  }
}
