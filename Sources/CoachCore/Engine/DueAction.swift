import Foundation

/// The follow-up a lead is due now or next: what, when, by when, how urgent and why.
public struct DueAction: Sendable, Hashable {
  public var leadID: LeadID
  public var code: ActionCode
  /// When it falls (or fell) due.
  public var dueAt: Date
  /// The latest time to act.
  public var deadline: Date
  /// Days past the deadline at `now`; 0 before it.
  public var overdueDays: Double
  /// Higher is more urgent (see `Priority`).
  public var priority: Double
  /// Why, in the playbook's words ("deposit paid, promised car 3 days late, no update for 9 days").
  public var reason: String
  /// What tells this follow-up apart: a holiday id, an issue's topic id, a birthday date, the car's age in years.
  public var detail: String?

  public init(
    leadID: LeadID, code: ActionCode, dueAt: Date, deadline: Date, overdueDays: Double, priority: Double,
    reason: String, detail: String? = nil
  ) {
    self.leadID = leadID
    self.code = code
    self.dueAt = dueAt
    self.deadline = deadline
    self.overdueDays = overdueDays
    self.priority = priority
    self.reason = reason
    self.detail = detail
  }

  /// Whether it has fallen due at `now`.
  public func isDue(at now: Date) -> Bool { dueAt <= now }

  /// Days past `deadline` at `now`, rounded up to two decimals (a minute late is 0.01), 0 before it.
  public static func overdueDays(deadline: Date, now: Date) -> Double {
    let days = now.timeIntervalSince(deadline) / 86_400
    return days > 0 ? max(0.01, (days * 100 - 1e-9).rounded(.up) / 100) : 0
  }
}

/// How one follow-up went, for the team-lead audit.
public enum FollowUpStatus: String, Codable, Sendable, Hashable {
  /// Fulfilled by its deadline.
  case onTime = "on_time"
  /// Fulfilled after its deadline.
  case late
  /// Not fulfilled and past its deadline, or lapsed (birthday, car's birthday, holiday).
  case missed
  /// Not fulfilled, deadline still ahead.
  case open
}

/// One follow-up of one lead, replayed from its history.
public struct FollowUpRecord: Sendable, Hashable {
  public var leadID: LeadID
  public var code: ActionCode
  public var dueAt: Date
  public var deadline: Date
  public var detail: String?
  /// When a touch (or the change of circumstances) ended it; nil when missed or open.
  public var fulfilledAt: Date?
  public var status: FollowUpStatus

  public init(
    leadID: LeadID, code: ActionCode, dueAt: Date, deadline: Date, detail: String? = nil, fulfilledAt: Date?,
    status: FollowUpStatus
  ) {
    self.leadID = leadID
    self.code = code
    self.dueAt = dueAt
    self.deadline = deadline
    self.detail = detail
    self.fulfilledAt = fulfilledAt
    self.status = status
  }
}
