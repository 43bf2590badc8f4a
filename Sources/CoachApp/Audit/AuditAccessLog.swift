import CoachCore
import CoachStoreAPI
import Foundation

/// Who took customer data out or moved it in the period: exports, unmasked views, backups (export log) and lead
/// transfers (reassignment log). A team lead sees their team's entries and their own; an admin sees all.
package struct AuditAccessLog {
  package let entries: [ExportEntry]
  package let transfers: [Reassignment]

  package static func load(_ session: Session, window: AuditWindow, consultants: [String]) throws -> AuditAccessLog {
    let everyone = session.user == nil || (session.user?.role.isAdmin == true && session.storeID == nil)
    let names = Set(consultants + [session.user?.name].compactMap { $0 })
    let entries = try session.db.exports(from: window.start, to: window.end).filter {
      everyone || $0.actor.map(names.contains) == true
    }
    let transfers = try session.db.reassignments().filter {
      $0.at >= window.start && $0.at < window.end && (everyone || names.contains($0.from) || names.contains($0.to))
    }
    return AuditAccessLog(entries: entries, transfers: transfers)
  }

  /// Lines for the terminal (empty when nothing happened).
  package func lines(_ labels: AuditLabels, time: (Date) -> String) -> [String] {
    var out: [String] = []
    if !entries.isEmpty {
      out.append("\(labels["audit_data_access"]):")
      out += entries.map { e in
        "  \(time(e.at))  \(e.actor ?? "-")  \(labels.accessWhat(e))  \(e.rows)  \(e.masked ? labels["audit_masked"] : labels["audit_unmasked"])  \(labels.accessTarget(e.target))"
      }
    }
    if !transfers.isEmpty {
      out.append("\(labels["audit_transfers"]):")
      out += transfers.map { "  \(time($0.at))  \($0.actor ?? "-")  \($0.from) → \($0.to)  \($0.leads)" }
    }
    return out
  }
}

/// `data_access` and `transfers` in `coach audit --json`.
package struct AccessEntryJSON: Encodable {
  package let at: Date
  package let actor: String?
  package let what: String
  package let format: String
  package let rows: Int
  package let masked: Bool
  package let target: String?

  package init(_ e: ExportEntry) {
    (at, actor, what, format, rows, masked, target) = (e.at, e.actor, e.what, e.format, e.rows, e.masked, e.target)
  }
}

package struct TransferJSON: Encodable {
  package let at: Date
  package let actor: String?
  package let from: String
  package let to: String
  package let leads: Int

  package init(_ r: Reassignment) { (at, actor, from, to, leads) = (r.at, r.actor, r.from, r.to, r.leads) }
}
