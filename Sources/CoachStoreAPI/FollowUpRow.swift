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

  public init(leadID: LeadID, bound: Double) { (self.leadID, self.bound) = (leadID, bound) }
}
