import CoachCore
import CoachStore
import Foundation

// MARK: - Admin-only operations and the record of unmasked views (backup, restore, lead show/list --unmasked)

extension Session {
  /// Refuses (exit 65) unless the acting user is an admin (everyone is, on a database without users).
  package func requireAdmin(for what: String) throws {
    guard isAdmin else {
      throw CoachError.rejected(
        code: "forbidden", message: "only an admin may \(what); \(actor ?? "") is a \(user?.role.rawValue ?? "")")
    }
  }

  /// For `--unmasked` on a view: refuses non-admins (exit 65), then records who saw how many full numbers.
  package func recordUnmaskedView(_ what: String, rows: Int, target: String?) throws {
    try requireAdmin(for: "see phone numbers unmasked (--unmasked)")
    try db.record(
      ExportEntry(
        at: env.now, actor: actor, what: what, format: env.json ? "json" : "table", rows: rows, masked: false,
        target: target))
  }
}
