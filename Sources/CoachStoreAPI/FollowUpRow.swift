import CoachCore
import Foundation

/// A lead's stored follow-up (v9) as read: its `rev` (to store a new one only over the one read) and the stored
/// answer, nil when there is none to trust (cleared by a write, or made with another playbook or zone).
public struct FollowUpRow: Sendable, Hashable {
  public var leadID: LeadID
  public var rev: Int64
  public var stored: StoredFollowUp?

  public init(leadID: LeadID, rev: Int64, stored: StoredFollowUp?) {
    (self.leadID, self.rev, self.stored) = (leadID, rev, stored)
  }
}

/// Which stored follow-ups a reader asks for: those that do not hold at `now`, or all.
public enum FollowUpNeed: Sendable {
  /// Every lead whose row does not hold at `now`: none to trust, made with another playbook or zone, worked out later
  /// than `now` (a clock set back), or woken by then.
  case stale
  /// Every lead, quiet ones too (`coach doctor` checks them all).
  case all
}

/// A lead whose stored follow-up holds at `now` and says it is due, with the highest priority it reaches before it
/// wakes (`StoredFollowUp.bound`).
public struct HeldDue: Sendable, Hashable {
  public var leadID: LeadID
  public var bound: Double
  /// The follow-up due, with the lead's part of the priority: its action now (`StoredFollowUp.Held.action(leadID:in:)`).
  public var due: StoredFollowUp.Held

  public init(leadID: LeadID, bound: Double, due: StoredFollowUp.Held) {
    (self.leadID, self.bound, self.due) = (leadID, bound, due)
  }
}

/// A lead whose stored follow-up holds at `now` and is past its deadline (`overdueFollowUps`): what orders its alert
/// up to the priority (days overdue) and what a table's counts read (the consultant, whether it is escalated), read
/// from the follow-up index alone. The lead is loaded for the rest only when its alert is shown.
public struct HeldOverdue: Sendable, Hashable {
  public var leadID: LeadID
  /// The lead's consultant (`user.id`), as the row carries it (v11).
  public var consultantID: Int64?
  public var code: ActionCode
  public var dueAt: Date
  public var deadline: Date

  public init(leadID: LeadID, consultantID: Int64?, code: ActionCode, dueAt: Date, deadline: Date) {
    (self.leadID, self.consultantID, self.code, self.dueAt, self.deadline) = (
      leadID, consultantID, code, dueAt, deadline
    )
  }

  /// The stored follow-up (its detail is not read: an alert does not show it, and the priority does not weigh it).
  public var held: StoredFollowUp.Held {
    StoredFollowUp.Held(code: code, dueAt: dueAt, deadline: deadline, detail: nil)
  }
}
