import CoachCore
import CoachStoreAPI
import Foundation

/// `coach snooze ID --until DATE --reason TEXT` and `--clear`: hold a lead's sales follow-ups until a day, or lift
/// the hold. Care occasions still come due (`Snoozing` in the engine). Who may: whoever may change the lead.
package enum SnoozeLead {
  /// The most days ahead a snooze may hold a lead: a quarter. Longer, a lead would drop out of the queue and the
  /// alerts for good on one command; a customer away longer is snoozed again when it ends, each time recorded.
  package static let longest = 90

  /// The reason says something (exit 64 when blank): checked before the database is opened, and again by `set`.
  package static func checkReason(_ reason: String) throws {
    try FreeText.require(reason, option: "--reason", required: true)
  }

  /// Holds the lead's sales follow-ups until `until` (`YYYY-MM-DD` in the zone, after today).
  package static func set(_ session: Session, leadID: String, until: String, reason: String) throws -> Snooze {
    let env = session.env
    try checkReason(reason)
    let day = try env.date(until, option: "--until")
    guard day > env.today else { throw CoachError.refused(.snoozeNotAhead(until: day, today: env.today)) }
    let latest = env.today.adding(days: longest)
    guard day <= latest else { throw CoachError.refused(.snoozeTooLong(until: day, latest: latest, days: longest)) }
    return try session.db.snooze(
      leadID: try LeadID.typed(leadID), until: day, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
      actor: session.actor,
      now: env.now, zone: env.zone, scope: session.scope)
  }

  /// Lifts the snooze holding the lead now (exit 65 when none does).
  package static func clear(_ session: Session, leadID: String) throws -> Snooze {
    try session.db.clearSnooze(
      leadID: try LeadID.typed(leadID), actor: session.actor, now: session.env.now, zone: session.env.zone,
      scope: session.scope)
  }
}

/// `coach snooze --json`, and a lead's snooze in `lead show --json` and the brief.
package struct SnoozeJSON: Encodable {
  let lead_id: LeadID?
  /// In the audit's list: the customer's name, and the lead's consultant (whose row counts the snooze).
  let name: String?
  let consultant: String?
  let until: String
  let reason: String
  let by: String?
  let at: Date
  let cleared_at: NullableJSON<Date>
  let cleared_by: NullableJSON<String>

  package init(_ s: Snooze, leadID: LeadID? = nil, name: String? = nil, consultant: String? = nil) {
    lead_id = leadID
    self.name = name
    self.consultant = consultant
    until = s.until.description
    reason = s.reason
    by = s.actor
    at = s.at
    cleared_at = NullableJSON(s.clearedAt)
    cleared_by = NullableJSON(s.clearedBy)
  }
}
