import Foundation

/// One snooze set on a lead in the audited window (`coach audit --list snoozes`): behind the figure `snoozes`.
public struct AuditSnooze: Sendable, Hashable {
  public var leadID: LeadID
  /// The customer's name.
  public var name: String
  /// The lead's consultant (whose row counts it), and the snooze itself: until, why, who, when, lifted.
  public var consultant: String
  public var snooze: Snooze

  public init(leadID: LeadID, name: String, consultant: String, snooze: Snooze) {
    self.leadID = leadID
    self.name = name
    self.consultant = consultant
    self.snooze = snooze
  }

  /// In the order they were set, then by lead (numeric ids in number order).
  static func ordered(_ a: AuditSnooze, _ b: AuditSnooze) -> Bool {
    if a.snooze.at != b.snooze.at { return a.snooze.at < b.snooze.at }
    if a.leadID != b.leadID {
      return a.leadID < b.leadID
    }
    return a.snooze.id < b.snooze.id
  }
}

extension AuditCounter {
  /// Snoozes set in the window on the lead (`snoozes`), and whether one holds it at the audit's "now" (`snoozedNow`).
  func countSnoozes(_ lead: LeadSnapshot, _ owner: String?, _ f: inout AuditFigures) {
    guard !lead.snoozes.isEmpty else { return }
    for snooze in lead.snoozes where window.contains(snooze.at) && counts(lead, at: snooze.at, for: owner) {
      f.snoozes += 1
      if lists.contains(.snoozes) {
        f.snoozed.append(
          AuditSnooze(leadID: lead.id, name: lead.name, consultant: owner ?? lead.consultant ?? "", snooze: snooze))
      }
    }
    if counts(lead, at: asOf, for: owner), lead.snooze(at: asOf, in: ctx.zone) != nil { f.snoozedNow += 1 }
  }
}
