import CoachCore
import CoachStoreAPI
import Foundation

/// Audit texts from the playbook's `labels.ui` (keys `audit_*`), with English fallbacks for older playbooks.
package struct AuditLabels {
  package let ui: [String: String]
  package let language: String
  /// Objection and dealership-topic titles by code and id (what works).
  let objectionTitles: [String: String]
  let topicTitles: [String: String]

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
    "audit_definitions": "Definitions",
    "audit_data_access": "Data access (exports, unmasked views, backups, lead transfers)",
    "audit_transfers": "Lead transfers", "audit_deactivated": "left", "audit_masked": "masked",
    "audit_access_at": "When", "audit_access_by": "Who", "audit_access_what": "What", "audit_access_rows": "Rows",
    "audit_access_masking": "Phones", "audit_access_to": "Where", "audit_access_leads": "Lead export",
    "audit_access_backup": "Backup", "audit_access_restore": "Restore", "audit_access_lead_show": "Lead shown",
    "audit_access_lead_list": "Lead list", "audit_access_stdout": "screen (stdout)", "audit_access_table": "table",
    "audit_unmasked": "UNMASKED",
    "audit_first_response": "First response (median)", "audit_first_response_rate": "First contact in time",
    "audit_first_response_title": "Speed to lead: time from a new lead to its first touch",
    "audit_new_leads": "New leads", "audit_minutes": "min", "audit_hours": "h", "audit_days": "d",
    "audit_within_5_min": "≤ 5 min",
    "audit_within_30_min": "≤ 30 min", "audit_within_2_h": "≤ 2 h", "audit_within_24_h": "≤ 24 h",
    "audit_later": "Later", "audit_never": "Not yet", "audit_lead": "Lead", "audit_action": "Action",
    "audit_due_at": "Due at", "audit_deadline": "Deadline", "audit_fulfilled_at": "Done at",
    "audit_listed": "follow-ups",
    "audit_activity": "Activity by day", "audit_channels": "Touches by channel",
    "audit_sources": "Lead sources: new leads and how far they got", "audit_source": "Source",
    "audit_contacted": "Contacted", "audit_no_source": "(not recorded)", "audit_previous": "Previous period",
    "audit_change": "Change", "audit_this_period": "This period", "audit_points": "pts", "audit_total": "Total",
    "audit_no_whole_week": "No whole week (Monday to Sunday) in this period.",
    "audit_small_sample_note":
      "hollow: fewer than 5 follow-ups due that week; under the axis: on time / due of the team",
    "audit_few": "few to judge",
    "audit_snoozes": "Snoozes set", "audit_snoozed_now": "snoozed now", "audit_until": "Until",
    "audit_reason": "Reason", "audit_by": "By", "audit_set_at": "Set at", "audit_cleared_at": "Lifted at",
    "audit_what_works_objections": "What works: objection heard → deal advanced a stage within {days} days",
    "audit_what_works_topics": "What works: dealership topic offered at a contact → deposit within {days} days",
    "audit_objection": "Objection", "audit_topic": "Topic", "audit_contacts": "Contacts",
    "audit_what_works_levers": "What works: switch lever argued → deposit or model switch within {days} days",
    "audit_lever": "Switch lever",
    "audit_too_few":
      "–: too few to judge (a rate needs {n} judged cases); a cell is the rate, then the cases followed by what the title names (an advance, a deposit, a deposit or switch) / the cases judged",
    "audit_what_works_none": "Nothing heard or offered in this period.",
    "audit_definition_more":
      "Speed to lead: over the leads created in the period, the median minutes to their first touch, and the share first touched within the playbook's first-contact limit. Not yet due: follow-ups of the period not done whose deadline is still ahead, and each lead's next follow-up due later in the period. 3-day callback and 7-day fix: on-time rates of the call three days after delivery and of an issue resolved within seven days. No next contact agreed: contacts that ended without a next time. Snoozes set: follow-ups a consultant put off to a later day, with the reason. What works: each case is judged once its 14 days are over. Drill-down: coach audit --list on_time|late|missed|pending|overdue|snoozes.",
    "audit_definition_text":
      "A follow-up is one due action of one lead. Due: its deadline fell in the period and has passed, or it was done already. On time: done by the deadline; late: done after it; missed: not done (or a greeting day that lapsed). Overdue now: leads whose current action is past its deadline now. Rates are on time ÷ due.",
  ]

  package init(_ playbook: Playbook) {
    ui = playbook.labels.ui
    language = playbook.language
    objectionTitles = Dictionary(playbook.objections.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
    topicTitles = Dictionary(playbook.topics.created.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
  }

  package subscript(_ key: String) -> String { ui[key] ?? Self.fallback[key] ?? key }

  func action(_ a: ActionCode) -> String { ui(.action, a.rawValue) ?? a.rawValue }

  /// The distribution's column for `bucket` (`≤ 5 min` … `Not yet`).
  func bucket(_ bucket: FirstResponse.Bucket) -> String {
    self[Self.bucketKeys[bucket.rawValue]]
  }

  static let bucketKeys = [
    "audit_within_5_min", "audit_within_30_min", "audit_within_2_h", "audit_within_24_h", "audit_later", "audit_never",
  ]

  /// The heading of a `--list` (the figure's own label).
  package func list(_ list: AuditList) -> String {
    switch list {
    case .onTime: self["audit_on_time"]
    case .late: self["audit_late"]
    case .missed: self["audit_missed"]
    case .pending: self["audit_pending"]
    case .overdue: self["audit_overdue_now"]
    case .snoozes: self["audit_snoozes"]
    }
  }

  /// `42 min`, `3.5 h` or `2.1 d` for a median first response; `–` when there is none.
  func minutes(_ m: Double?) -> String {
    guard let m else { return "–" }
    if m < 120 { return "\(Self.decimal(m)) \(self["audit_minutes"])" }
    if m < 2_880 { return "\(Self.decimal(m / 60)) \(self["audit_hours"])" }
    return "\(Self.decimal(m / 1_440)) \(self["audit_days"])"
  }

  func channel(_ c: Channel) -> String { ui(.channel, c.rawValue) ?? c.rawValue }

  /// What an entry of the data-access log took out, in words: `导出客户 · CSV`, `Backup · SQLite`.
  func accessWhat(_ e: ExportEntry) -> String {
    let what = ui["audit_access_\(e.what)"] ?? Self.fallback["audit_access_\(e.what)"] ?? e.what
    let format =
      switch e.format {
      case "table": self["audit_access_table"]
      case "sqlite": "SQLite"
      default: e.format.uppercased()
      }
    return "\(what) · \(format)"
  }

  /// Where it went: the file, a lead (`lead 12`), or the screen for `stdout`.
  func accessTarget(_ target: String?) -> String {
    guard let target else { return "" }
    return target == "stdout" ? self["audit_access_stdout"] : target
  }
  func churn(_ r: ChurnReason) -> String { ui(.churn, r.rawValue) ?? r.rawValue }

  /// The playbook's name for `code` in `family` (`lever_availability`), nil when it has none.
  func ui(_ family: UIFamily, _ code: String) -> String? { ui["\(family.rawValue)_\(code)"] }

  /// `87%`, or `–` when there is nothing to measure.
  package static func percent(_ rate: Double?) -> String {
    guard let rate else { return "–" }
    return "\(Int((rate * 100).rounded()))%"
  }

  /// The change of a rate in percentage points: `+5 pts`, `−3 pts`, `±0 pts`; `–` when either rate is missing.
  static func points(_ now: Double?, _ then: Double?, unit: String) -> String {
    guard let now, let then else { return "–" }
    let p = Int(((now - then) * 100).rounded())
    return "\(p > 0 ? "+" : p < 0 ? "−" : "±")\(abs(p)) \(unit)"
  }

  /// A change of a count: `+12`, `−3`, `±0`.
  static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : n < 0 ? "−\(-n)" : "±0" }

  /// At most one fractional digit: `48`, `5.5`.
  static func decimal(_ x: Double) -> String {
    let text = String(format: "%.1f", x)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// `3.5`, or `–`.
  package static func days(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "–" }
}

extension AuditLabels {
  /// A consultant's row label in the table and the report: `李娜 (SH-01)` in a group's audit, `张伟 (已停用)` for one
  /// who was deactivated.
  package func row(of consultant: String, in report: AuditReport) -> String {
    report.label(of: consultant) + (report.deactivated.contains(consultant) ? " (\(self["audit_deactivated"]))" : "")
  }
}
