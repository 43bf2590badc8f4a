import Foundation

/// One line of the `coach next` queue.
public struct QueueEntry: Sendable, Encodable, Hashable {
  public var leadID: LeadID
  public var name: String
  public var stage: Stage
  public var grade: Grade?
  public var action: ActionCode
  public var dueAt: Date
  public var deadline: Date
  public var overdueDays: Double
  public var priority: Double
  public var reason: String
  /// The lead's tags (`warning`, `vip`, …), so that a flagged customer is marked in the queue.
  public var tags: [String]
  /// Whose lead it is (a team lead's or an admin's queue holds others'); not in the contract's JSON.
  public var consultant: String?

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
    tags = lead.tags
    consultant = lead.consultant
  }

  enum CodingKeys: String, CodingKey {
    case leadID = "lead_id"
    case name, stage, grade, action
    case dueAt = "due_at"
    case deadline
    case overdueDays = "overdue_days"
    case priority, reason, tags
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
    try c.encode(tags, forKey: .tags)
  }
}

/// The `coach next` queue.
public enum Queue {
  /// The same queue from candidates found part by part (`FollowUpEngine.dueCandidates`).
  public static func build(candidates: [DueCandidate], ctx: EngineContext, limit: Int = 10) -> [QueueEntry] {
    FollowUpEngine.mostUrgent(candidates, in: ctx, limit: limit).map { QueueEntry(lead: $0.0, action: $0.1) }
  }
}

/// One overdue follow-up (`coach alerts --json`).
public struct AlertEntry: Sendable, Encodable, Hashable {
  public var leadID: LeadID
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
  /// The lead's tags (`warning`, `vip`, …): a flagged customer is marked in the alert too.
  public var tags: [String]
  /// Past the playbook's escalation limit: the team lead's to chase (`Escalation`; an addition to the contract's keys).
  public var escalated = false

  enum CodingKeys: String, CodingKey {
    case leadID = "lead_id"
    case name, reason, tags, escalated
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
    try c.encode(tags, forKey: .tags)
    try c.encode(escalated, forKey: .escalated)
  }
}

/// The `coach alerts` list.
public enum Alerts {
  /// An alert with the action it came from, which orders it.
  public struct Ranked: Sendable {
    public let entry: AlertEntry
    let action: DueAction
  }

  /// The alerts of `leads` in alert order: one part of the leads when they are cut into parts, whose runs `merged`
  /// joins. Each part sorts and drops its own leads, so the part's core does that work rather than the main thread.
  public static func ranked(leads: [LeadSnapshot], ctx: EngineContext, explained: Bool = true) -> [Ranked] {
    ranked(candidates(leads: leads, ctx: ctx, explained: explained), ctx: ctx)
  }

  /// The alerts of `candidates` (leads with their current actions, found by a replay or read from their stored
  /// follow-ups) in alert order: those past their deadline, sorted, as `ranked(leads:ctx:explained:)` gives them.
  public static func ranked(_ candidates: [DueCandidate], ctx: EngineContext) -> [Ranked] {
    let found = candidates.filter { $0.action.overdueDays > 0 }
    // Positions are sorted, not the candidates: moving a candidate moves its whole lead.
    return found.indices.sorted { precedes(found[$0].action, found[$1].action) }.map { i in
      let (lead, action) = (found[i].lead, found[i].action)
      return Ranked(
        entry: AlertEntry(
          leadID: lead.id, name: lead.name, consultant: lead.consultant, action: action.code, dueAt: action.dueAt,
          deadline: action.deadline, overdueDays: action.overdueDays, severity: Severity.of(action, lead: lead),
          reason: action.reason, tags: lead.tags,
          escalated: Escalation.isEscalated(action, now: ctx.now, cadence: ctx.playbook.cadence)),
        action: action)
    }
  }

  /// Runs from `ranked` joined into one list in alert order (a total order, so the parts do not matter).
  public static func merged(_ runs: [[Ranked]]) -> [AlertEntry] {
    var heads = runs.map { _ in 0 }
    var out: [AlertEntry] = []
    out.reserveCapacity(runs.reduce(0) { $0 + $1.count })
    while true {
      var best: Int?
      for r in runs.indices where heads[r] < runs[r].count {
        if let b = best, !precedes(runs[r][heads[r]].action, runs[b][heads[b]].action) { continue }
        best = r
      }
      guard let b = best else { return out }
      out.append(runs[b][heads[b]].entry)
      heads[b] += 1
    }
  }

  /// The overdue leads of `leads` with their actions, in no particular order.
  static func candidates(leads: [LeadSnapshot], ctx: EngineContext, explained: Bool) -> [DueCandidate] {
    leads.compactMap { lead -> DueCandidate? in
      let action =
        explained ? FollowUpEngine.nextAction(for: lead, in: ctx) : FollowUpEngine.unexplainedAction(for: lead, in: ctx)
      guard let a = action, a.overdueDays > 0 else { return nil }
      return DueCandidate(lead: lead, action: a)
    }
  }

  /// Alert order: most overdue first, then most urgent (`Priority.isMoreUrgent`, which ends on the lead id).
  static func precedes(_ l: DueAction, _ r: DueAction) -> Bool {
    l.overdueDays != r.overdueDays ? l.overdueDays > r.overdueDays : Priority.isMoreUrgent(l, than: r)
  }
}
