import Foundation

/// One line of the `coach next` queue.
public struct QueueEntry: Sendable, Encodable, Hashable {
  public var leadID: String
  public var name: String
  public var stage: Stage
  public var grade: Grade?
  public var action: ActionCode
  public var dueAt: Date
  public var deadline: Date
  public var overdueDays: Double
  public var priority: Double
  public var reason: String

  public init(lead: LeadSnapshot, action: DueAction) {
    leadID = lead.id
    name = lead.name
    stage = lead.stage
    grade = lead.grade
    self.action = action.code
    dueAt = action.dueAt
    deadline = action.deadline
    overdueDays = action.overdueDays
    priority = action.priority
    reason = action.reason
  }

  enum CodingKeys: String, CodingKey {
    case leadID = "lead_id"
    case name, stage, grade, action
    case dueAt = "due_at"
    case deadline
    case overdueDays = "overdue_days"
    case priority, reason
  }

  /// Writes every key, `grade` as null when ungraded.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(leadID, forKey: .leadID)
    try c.encode(name, forKey: .name)
    try c.encode(stage, forKey: .stage)
    try c.encode(grade, forKey: .grade)
    try c.encode(action, forKey: .action)
    try c.encode(dueAt, forKey: .dueAt)
    try c.encode(deadline, forKey: .deadline)
    try c.encode(overdueDays, forKey: .overdueDays)
    try c.encode(priority, forKey: .priority)
    try c.encode(reason, forKey: .reason)
  }
}

/// The `coach next` queue.
public enum Queue {
  /// Leads whose action is due at `ctx.now` (`due_at` ≤ now), most urgent first, at most `limit`.
  public static func build(leads: [LeadSnapshot], ctx: EngineContext, limit: Int = 10) -> [QueueEntry] {
    build(candidates: FollowUpEngine.dueCandidates(for: leads, in: ctx), ctx: ctx, limit: limit)
  }

  /// The same queue from candidates found part by part (`FollowUpEngine.dueCandidates`).
  public static func build(candidates: [DueCandidate], ctx: EngineContext, limit: Int = 10) -> [QueueEntry] {
    FollowUpEngine.mostUrgent(candidates, in: ctx, limit: limit).map { QueueEntry(lead: $0.0, action: $0.1) }
  }
}

/// One overdue follow-up (`coach alerts --json`).
public struct AlertEntry: Sendable, Encodable, Hashable {
  public var leadID: String
  /// The customer's name (an addition to the contract's keys).
  public var name: String
  public var consultant: String?
  public var action: ActionCode
  public var dueAt: Date
  public var deadline: Date
  public var overdueDays: Double
  public var severity: Severity
  /// Why, in words (an addition to the contract's keys).
  public var reason: String

  enum CodingKeys: String, CodingKey {
    case leadID = "lead_id"
    case name, reason
    case consultant, action
    case dueAt = "due_at"
    case deadline
    case overdueDays = "overdue_days"
    case severity
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(leadID, forKey: .leadID)
    try c.encode(consultant, forKey: .consultant)
    try c.encode(action, forKey: .action)
    try c.encode(dueAt, forKey: .dueAt)
    try c.encode(deadline, forKey: .deadline)
    try c.encode(overdueDays, forKey: .overdueDays)
    try c.encode(severity, forKey: .severity)
    try c.encode(name, forKey: .name)
    try c.encode(reason, forKey: .reason)
  }
}

/// The `coach alerts` list.
public enum Alerts {
  /// Leads whose current action is past its deadline at `ctx.now`: most overdue first, then most urgent, then id.
  /// Without `explained` the reasons are left empty (a table that does not show them skips most of the work).
  public static func build(leads: [LeadSnapshot], ctx: EngineContext, explained: Bool = true) -> [AlertEntry] {
    build(candidates: candidates(leads: leads, ctx: ctx, explained: explained))
  }

  /// The overdue leads of `leads` with their actions, in no particular order (leads may be cut into parts).
  public static func candidates(leads: [LeadSnapshot], ctx: EngineContext, explained: Bool = true) -> [DueCandidate] {
    leads.compactMap { lead -> DueCandidate? in
      let action =
        explained ? FollowUpEngine.nextAction(for: lead, in: ctx) : FollowUpEngine.unexplainedAction(for: lead, in: ctx)
      guard let a = action, a.overdueDays > 0 else { return nil }
      return DueCandidate(lead: lead, action: a)
    }
  }

  /// The alerts of `candidates`: most overdue first, then most urgent, then id (a total order).
  public static func build(candidates: [DueCandidate]) -> [AlertEntry] {
    candidates.sorted { l, r in
      l.action.overdueDays != r.action.overdueDays
        ? l.action.overdueDays > r.action.overdueDays : Priority.isMoreUrgent(l.action, than: r.action)
    }
    .map { c in
      let (lead, action) = (c.lead, c.action)
      return AlertEntry(
        leadID: lead.id, name: lead.name, consultant: lead.consultant, action: action.code, dueAt: action.dueAt,
        deadline: action.deadline, overdueDays: action.overdueDays, severity: Severity.of(action, lead: lead),
        reason: action.reason)
    }
  }
}
