import CoachCore
import Foundation

/// `coach audit` for the terminal: compliance, then funnel and topics, then the weekly trend (CJK-aligned).
package struct AuditTable {
  package let report: AuditReport
  package let labels: AuditLabels
  package let color: Bool

  package init(report: AuditReport, labels: AuditLabels, color: Bool) {
    (self.report, self.labels, self.color) = (report, labels, color)
  }

  /// A group's stores first (`[code] name`), then the consultants (with their store's code), then the sum.
  package var rows: [(String, AuditFigures)] {
    report.stores.map { ($0.label, $0.figures) }
      + report.consultants.map { (labels.row(of: $0.consultant, in: report), $0.figures) }
      + [(labels["audit_team"], report.team)]
  }

  package func render() -> String {
    let w = report.window
    var out = "\(labels["audit_title"])  \(w.from) – \(w.to)\n\n"
    if report.consultants.isEmpty { return out + labels["audit_none"] + "\n" }
    out += table(compliance) + "\n" + table(speedToLead) + "\n" + table(funnel) + "\n" + table(trend)
    if let before = report.previous { out += "\n" + table(comparison(before)) }
    out += whatWorks
    let churn = report.team.churnByReason.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
    if !churn.isEmpty {
      out +=
        "\n\(labels["audit_churn_reasons"]): "
        + churn.map { "\(labels.churn($0.key)) \($0.value)" }.joined(separator: " · ") + "\n"
    }
    return out + snoozeLine
  }

  /// What works: objections by consultant, then dealership topics, each rate beside its sample.
  package var whatWorks: String {
    let w = AuditWhatWorks(report: report, labels: labels)
    guard !w.isEmpty else { return "" }
    var out = ""
    if !report.team.objectionOutcomes.isEmpty { out += "\n\(w.objectionsTitle)\n" + plain(w.objections) }
    if !report.team.topicOutcomes.isEmpty { out += "\n\(w.topicsTitle)\n" + plain(w.topics) }
    if !report.team.leverOutcomes.isEmpty { out += "\n\(w.leversTitle)\n" + plain(w.levers) }
    return out + w.note + "\n"
  }

  /// A table without a team row in bold (its rows are codes, not consultants).
  func plain(_ spec: (headers: [String], rows: [[String]])) -> String {
    var t = TextTable(
      columns: spec.headers.enumerated().map { TextTable.Column($1, alignment: $0 == 0 ? .left : .right) })
    for row in spec.rows { t.addRow(row.map { TextTable.Cell($0) }) }
    return t.render(color: color)
  }

  /// `Snoozes set: 3 (Li 2 · Wang 1) · snoozed now: 2`, when any was set or holds.
  package var snoozeLine: String {
    let t = report.team
    guard t.snoozes > 0 || t.snoozedNow > 0 else { return "" }
    let by = report.consultants.filter { $0.figures.snoozes > 0 }.map { "\($0.consultant) \($0.figures.snoozes)" }
    let who = by.isEmpty ? "" : " (" + by.joined(separator: " · ") + ")"
    return "\n\(labels["audit_snoozes"]): \(t.snoozes)\(who) · \(labels["audit_snoozed_now"]): \(t.snoozedNow)\n"
  }

  package func table(_ spec: (headers: [String], rows: [[String]])) -> String {
    var t = TextTable(
      columns: spec.headers.enumerated().map { TextTable.Column($1, alignment: $0 == 0 ? .left : .right) })
    for (i, row) in spec.rows.enumerated() {
      let style: TextStyle? = i == spec.rows.count - 1 ? .bold : nil
      t.addRow(row.map { TextTable.Cell($0, style: style) })
    }
    return t.render(color: color)
  }

  package var compliance: (headers: [String], rows: [[String]]) {
    let headers = [
      "audit_consultant", "audit_leads_open", "audit_touches", "audit_due", "audit_on_time", "audit_late",
      "audit_missed", "audit_on_time_rate", "audit_overdue_now", "audit_callback_rate", "audit_issue_rate",
      "audit_without_next", "audit_exports",
    ].map { labels[$0] }
    return (
      headers,
      rows.map { name, f in
        [
          name, "\(f.leadsOpen)", "\(f.touches)", "\(f.due)", "\(f.onTime)", "\(f.late)", "\(f.missed)",
          AuditLabels.percent(f.onTimeRate), "\(f.overdueNow)", AuditLabels.percent(f.callback3day.rate),
          AuditLabels.percent(f.issue7day.rate), "\(f.contactsWithoutNext)/\(f.contacts)", "\(f.exports)",
        ]
      }
    )
  }

  /// Speed to lead: new leads, the median first response, the share in time (with its sample), the distribution.
  package var speedToLead: (headers: [String], rows: [[String]]) {
    let headers =
      ["audit_consultant", "audit_new_leads", "audit_first_response", "audit_first_response_rate"].map { labels[$0] }
      + FirstResponse.Bucket.allCases.map(labels.bucket)
    return (
      headers,
      rows.map { name, f in
        let r = f.firstResponse
        return [
          name, "\(r.leads)", labels.minutes(r.medianMinutes),
          "\(AuditLabels.percent(r.withinLimitRate)) (\(r.withinLimit)/\(r.judged))",
        ] + r.buckets.map { "\($0)" }
      }
    )
  }

  /// With `--compare`: each consultant's and the team's on-time rate, touches and new leads, then and now.
  package func comparison(_ before: AuditComparison) -> (headers: [String], rows: [[String]]) {
    let period = "\(before.window.from) – \(before.window.to)"
    let headers = [
      "\(labels["audit_previous"]) \(period)", labels["audit_on_time_rate"], labels["audit_change"],
      labels["audit_touches"],
      labels["audit_change"], labels["audit_new_leads"], labels["audit_change"],
    ]
    let pairs =
      report.consultants.map { ($0.consultant, $0.figures, before.figures(of: $0.consultant)) }
      + [(labels["audit_team"], report.team, before.team)]
    return (
      headers,
      pairs.map { name, now, then in
        let rate = "\(AuditLabels.percent(then.onTimeRate)) → \(AuditLabels.percent(now.onTimeRate))"
        return [
          name, rate, AuditLabels.points(now.onTimeRate, then.onTimeRate, unit: labels["audit_points"]),
          "\(then.touches) → \(now.touches)", AuditLabels.signed(now.touches - then.touches),
          "\(then.firstResponse.leads) → \(now.firstResponse.leads)",
          AuditLabels.signed(now.firstResponse.leads - then.firstResponse.leads),
        ]
      }
    )
  }

  package var funnel: (headers: [String], rows: [[String]]) {
    let days = labels["audit_median_days"]
    let headers = [
      labels["audit_consultant"], labels["audit_prospects"], labels["audit_deposits"], "%",
      "\(labels["audit_deposits"]) (\(days))", labels["audit_delivered"], "%", "\(labels["audit_delivered"]) (\(days))",
      labels["audit_churned"], labels["audit_buried_left"], labels["audit_buried_resolved"],
    ]
    return (
      headers,
      rows.map { name, f in
        [
          name, "\(f.prospects)", "\(f.deposits)", AuditLabels.percent(f.depositRate),
          AuditLabels.days(f.medianDaysToDeposit),
          "\(f.delivered)", AuditLabels.percent(f.deliveryRate), AuditLabels.days(f.medianDaysToDelivery),
          "\(f.churned)",
          "\(f.buriedLeft)", "\(f.buriedResolved)",
        ]
      }
    )
  }

  package var trend: (headers: [String], rows: [[String]]) {
    // A partial first or last week is marked `*`: its rate covers only the days inside the period.
    let w = report.window
    let weeks = w.weeks.indices.map { String(w.weeks[$0].description.dropFirst(5)) + (w.isWhole(week: $0) ? "" : "*") }
    return (
      ["\(labels["audit_on_time_rate"]) / \(labels["audit_week_of"])"] + weeks,
      rows.map { name, f in [name] + f.weekly.map { AuditLabels.percent($0.rate) } }
    )
  }
}
