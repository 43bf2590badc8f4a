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
  /// The fields `lead edit` changed, oldest first, contact details masked as the lead's phone is.
  package let edits: [FieldChange]

  /// Loads lead `id` in the session's scope; `unmasked` (admins) is recorded in the export log.
  package static func load(_ session: Session, id: String, unmasked: Bool) throws -> LeadDetail {
    let lead = try session.db.snapshot(id: try LeadID.typed(id), scope: session.scope)
    if unmasked { try session.recordUnmaskedView("lead_show", rows: 1, target: "lead \(lead.id)") }
    let full = session.showsFullPhone(of: lead, unmasked: unmasked)
    let edits = try Self.edits(session, of: lead, fullPhone: full)
    return LeadDetail(
      lead: lead, fullPhone: full, snooze: lead.snooze(at: session.env.now, in: session.env.zone), edits: edits)
  }

  /// The lead's edit history, oldest first, its contact values masked unless `fullPhone` (`lead show`, the web page).
  package static func edits(_ session: Session, of lead: LeadSnapshot, fullPhone: Bool) throws -> [FieldChange] {
    try session.db.leadEdits(id: lead.id).map { fullPhone ? $0 : Self.masked($0) }
  }

  /// `change` with its contact values masked as `LeadSnapshot.contacts(masked:)` masks them.
  static func masked(_ change: FieldChange) -> FieldChange {
    guard let mask = Phone.mask(forField: change.field) else { return change }
    var out = change
    (out.before, out.after) = (change.before.map(mask), change.after.map(mask))
    return out
  }

  /// The contract's `lead show --json` document.
  package var json: LeadDetailJSON { LeadDetailJSON(lead, fullPhone: fullPhone, snooze: snooze, edits: edits) }
}

extension FieldChange {
  /// The field in the user's words (`电话`, `档案 hobby`), as `lead show` and the web lead page name it.
  package func fieldName(_ l: UILanguage) -> String {
    let word = { (label: UIText.Label) in UIText.label(label).text(l) }
    if field.hasPrefix("profile.") { return word(.profile) + " " + field.dropFirst("profile.".count) }
    return Self.labels[field].map(word) ?? field
  }

  private static let labels: [String: UIText.Label] = [
    "name": .name, "phone": .phone, "wechat": .wechat, "email": .email, "gender": .gender, "birthday": .birthday,
    "city": .city, "source": .source, "model": .model, "grade": .grade, "tier": .tier, "tags": .tags,
    "consultant": .consultant,
  ]
}
