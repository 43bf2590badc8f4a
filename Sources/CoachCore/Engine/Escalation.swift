import Foundation

/// When an overdue follow-up reaches the team lead (`coach alerts --team` marks it), from the playbook's cadence:
/// a new lead nobody has touched `first_contact_escalate_hours` after it came in (its consultant was alerted from
/// `first_contact_hours`); any other follow-up `escalate_after_days` past its deadline.
public enum Escalation {
  public static func isEscalated(_ action: DueAction, now: Date, cadence: Cadence) -> Bool {
    guard action.overdueDays > 0 else { return false }
    if action.code == .firstContact {
      return now.timeIntervalSince(action.dueAt) >= Double(cadence.firstContactEscalationHours) * 3_600
    }
    return now.timeIntervalSince(action.deadline) >= Double(cadence.escalationDays) * 86_400
  }
}
