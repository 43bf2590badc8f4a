import CoachCore
import CoachStoreAPI
import Foundation

/// `coach lead show` and `GET /api/v1/leads/ID`: one lead the acting user may see, with its history.
package struct LeadDetail {
  package let lead: LeadSnapshot
  /// Whether its phone numbers are shown in full to the acting user.
  package let fullPhone: Bool
  /// The snooze holding its sales follow-ups now, if any (`coach snooze`).
  package let snooze: Snooze?

  /// Loads lead `id` in the session's scope; `unmasked` (admins) is recorded in the export log.
  package static func load(_ session: Session, id: String, unmasked: Bool) throws -> LeadDetail {
    let lead = try session.db.snapshot(id: try LeadID.typed(id), scope: session.scope)
    if unmasked { try session.recordUnmaskedView("lead_show", rows: 1, target: "lead \(lead.id)") }
    return LeadDetail(
      lead: lead, fullPhone: session.showsFullPhone(of: lead, unmasked: unmasked),
      snooze: lead.snooze(at: session.env.now, in: session.env.zone))
  }

  /// The contract's `lead show --json` document.
  package var json: LeadDetailJSON { LeadDetailJSON(lead, fullPhone: fullPhone, snooze: snooze) }
}
