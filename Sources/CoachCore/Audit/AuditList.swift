import Foundation

/// The figures of the audit that open into their follow-ups (`coach audit --list`).
public enum AuditList: String, CaseIterable, Sendable {
  /// Follow-ups due in the window and fulfilled by their deadline.
  case onTime = "on_time"
  /// Due in the window and fulfilled after the deadline.
  case late
  /// Due in the window and not fulfilled (or a greeting day that lapsed).
  case missed
  /// Deadline in the window but still ahead at `now`, and not done yet: not judged yet.
  case pending
  /// The leads behind `overdue_now`: each one's current action, past its deadline at `now`.
  case overdue
  /// The snoozes set in the window on the consultants' leads (`coach snooze`): behind `snoozes`.
  case snoozes

  /// The follow-up figures, in the report's order (`snoozes` lists snoozes, not follow-ups).
  public static let followUps: [AuditList] = [.onTime, .late, .missed, .pending, .overdue]

  /// The list a follow-up of the window belongs to, as `AuditCounter` counts it.
  static func of(_ record: FollowUpRecord, now: Date) -> AuditList {
    // Done before a deadline still ahead is on time already: nothing can make it late now.
    guard record.deadline <= now else { return record.status == .onTime ? .onTime : .pending }
    switch record.status {
    case .onTime: return .onTime
    case .late: return .late
    case .missed, .open: return .missed
    }
  }
}

/// One follow-up behind a figure of the audit.
public struct AuditFollowUp: Sendable, Hashable {
  public var leadID: LeadID
  /// The customer's name, so that a team lead reads whom the follow-up was for.
  public var name: String
  public var consultant: String
  public var code: ActionCode
  public var dueAt: Date
  public var deadline: Date
  /// When it was fulfilled (or circumstances ended it); nil when missed, open or overdue.
  public var fulfilledAt: Date?
  /// The figure it is behind.
  public var list: AuditList

  public init(
    leadID: LeadID, name: String, consultant: String, code: ActionCode, dueAt: Date, deadline: Date,
    fulfilledAt: Date?, list: AuditList
  ) {
    self.list = list
    self.leadID = leadID
    self.name = name
    self.consultant = consultant
    self.code = code
    self.dueAt = dueAt
    self.deadline = deadline
    self.fulfilledAt = fulfilledAt
  }

  /// Oldest deadline first, then by lead (numeric ids in number order) and action precedence.
  static func ordered(_ a: AuditFollowUp, _ b: AuditFollowUp) -> Bool {
    if a.deadline != b.deadline { return a.deadline < b.deadline }
    if a.leadID != b.leadID {
      return a.leadID < b.leadID
    }
    return a.code.precedence < b.code.precedence
  }
}
