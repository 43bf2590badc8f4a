import CoachCore
import Foundation

/// Audit texts from the playbook's `labels.ui` (keys `audit_*`), with English fallbacks for older playbooks.
package struct AuditLabels {
  package let ui: [String: String]
  package let language: String

  package static let fallback: [String: String] = [
    "audit_title": "Follow-up audit", "audit_team": "Team", "audit_consultant": "Consultant",
    "audit_window": "Period", "audit_generated": "Generated", "audit_leads_open": "Open leads",
    "audit_touches": "Touches", "audit_due": "Due", "audit_on_time": "On time", "audit_late": "Late",
    "audit_missed": "Missed", "audit_pending": "Not yet due", "audit_overdue_now": "Overdue now",
    "audit_on_time_rate": "On-time rate", "audit_callback_rate": "3-day callback", "audit_issue_rate": "7-day fix",
    "audit_without_next": "No next contact agreed", "audit_buried_left": "Topics buried",
    "audit_buried_resolved": "Topics resolved", "audit_churned": "Lost", "audit_churn_reasons": "Why leads were lost",
    "audit_funnel": "Funnel", "audit_prospects": "New prospects", "audit_deposits": "Deposits",
    "audit_delivered": "Delivered", "audit_median_days": "median days", "audit_exports": "Exports",
    "audit_rate_by_consultant": "On-time rate by consultant", "audit_weekly_trend": "On-time rate by week",
    "audit_week_of": "week of", "audit_none": "nothing in this period", "audit_details": "Details",
    "audit_definitions": "Definitions", "audit_data_access": "Data access (exports, unmasked views, backups)",
    "audit_transfers": "Lead transfers", "audit_masked": "masked", "audit_unmasked": "UNMASKED",
    "audit_definition_text": "A follow-up is one due action of one lead. Due: its deadline fell in the period and has passed. On time: done by the deadline; late: done after it; missed: not done (or a greeting day that lapsed). Overdue now: leads whose current action is past its deadline now. Rates are on time ÷ due.",
  ]

  package init(_ playbook: Playbook) {
    ui = playbook.labels.ui
    language = playbook.language
  }

  package subscript(_ key: String) -> String { ui[key] ?? Self.fallback[key] ?? key }

  package func channel(_ c: Channel) -> String { ui["channel_\(c.rawValue)"] ?? c.rawValue }
  package func churn(_ r: ChurnReason) -> String { ui["churn_\(r.rawValue)"] ?? r.rawValue }

  /// `87%`, or `–` when there is nothing to measure.
  package static func percent(_ rate: Double?) -> String {
    guard let rate else { return "–" }
    return "\(Int((rate * 100).rounded()))%"
  }

  /// `3.5`, or `–`.
  package static func days(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "–" }
}
