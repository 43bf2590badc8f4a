import CoachCore
import CoachStoreAPI
import Foundation

// MARK: - Admin-only operations and the record of unmasked views (backup, restore, lead show/list --unmasked)

extension Session {
  /// Refuses (exit 65) unless the acting user is an admin (everyone is, on a database without users).
  package func requireAdmin(for what: ErrorText.Permission) throws {
    guard isAdmin else {
      throw CoachError.refused(.notAllowed(what, user: actor ?? "", role: user?.role.rawValue ?? ""))
    }
  }

  /// For `--unmasked` on a view: refuses non-admins (exit 65), then records who saw how many full numbers.
  package func recordUnmaskedView(_ what: String, rows: Int, target: String?) throws {
    try requireAdmin(for: .unmasked)
    try db.record(
      ExportEntry(
        at: env.now, actor: actor, what: what, format: env.json ? "json" : "table", rows: rows, masked: false,
        target: target))
  }
}
