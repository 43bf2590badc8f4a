import CoachCore
import Foundation

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
}

/// Filters for listing leads, all optional.
public struct LeadFilter: Sendable {
  public var scope: Scope
  public var stage: Stage?
  public var consultantID: Int64?
  public var leadIDs: [LeadID]?
  /// Only leads whose id lies in this range (a part of a long list, read whole in one transaction). Ranges and
  /// `leadIDs(_:)` stay row keys (`Int64`): parts are cut by arithmetic on them (`LoadParts`, `Chunks`).
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
  /// Load the lead's activity: touches and their levers, topics and issues, snoozes. Without it a lead carries its
  /// fields, tags and stage events only: enough to rank its stored follow-up (`StoredFollowUp.Held.action`) and
  /// show its alert, never to replay it.
  public var withActivity = true
  /// Whether the stored follow-ups' own consultant column may stand for the scope (`followUpsByOwner(_:)`, asked once
  /// by a reader that reads them several times); nil: each read asks.
  public var followUpsByOwner: Bool?
  /// Load each lead's hand-overs to another consultant (`LeadSnapshot.ownerChanges`, from its edit history): the
  /// audit counts what happened before one for the consultant who had the lead then.
  public var withOwnerChanges = false
  /// Also the leads any of these consultants (by name) had and handed over since, wherever they are now: the audit of
  /// a team or of one consultant reads their past too. Empty: none.
  public var handedOverBy: [String] = []

  /// `handedOverBy` as one JSON array of strings, the statement's one argument on either engine.
  package var handedOverJSON: String {
    String(decoding: (try? JSONEncoder().encode(handedOverBy)) ?? Data("[]".utf8), as: UTF8.self)
  }

  public init(
    scope: Scope, stage: Stage? = nil, consultantID: Int64? = nil, leadIDs: [LeadID]? = nil, limit: Int? = nil
  ) {
    self.scope = scope
    self.stage = stage
    self.consultantID = consultantID
    self.leadIDs = leadIDs
    self.limit = limit
  }

  /// The same leads as ranking and replaying from `since` read them: without touch notes, profile facts and contact
  /// details, and with only the touches from `since` on (each lead's last touch and last contact before it too).
  /// `next`'s and `alerts`' working set, the audit's parts and `coach doctor`'s replay load this.
  public func lean(touchesSince since: Date) -> LeadFilter {
    var filter = self
    filter.withNotes = false
    filter.withProfile = false
    filter.withContacts = false
    filter.touchesSince = since
    return filter
  }

  /// Whether every lead matches (an admin's filter with no other condition).
  package var matchesEveryLead: Bool {
    scope == .all && stage == nil && consultantID == nil && leadIDs == nil && idRange == nil && limit == nil
  }

  /// Whether only the scope limits the leads (no stage, consultant, id list, range or limit).
  package var isScopeOnly: Bool {
    stage == nil && consultantID == nil && leadIDs == nil && idRange == nil && limit == nil
  }
}

extension BidirectionalCollection where Element == Int64 {
  /// Whether these ids (ascending, each once) are every integer from the first to the last, so that a read of their
  /// child rows may be one index range (`leadId BETWEEN first AND last`) on either engine. Fewer than two: no.
  package var isConsecutiveRun: Bool {
    guard count > 1, let first, let last else { return false }
    return last - first == Int64(count - 1)
  }
}
