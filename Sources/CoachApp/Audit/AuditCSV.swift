import CoachCore
import Foundation

/// `coach audit --format csv`: one row per consultant, then the team; UTF-8 with a BOM for spreadsheet programs. A
/// group's audit over several stores adds a last column `store` (each consultant's store code) and a row per store
/// (`[SH-01] 上海一店`) before the group's total, as the table and the report have them. Every row says what it is in
/// `row` (`consultant`, `store`, `team`: the first column's label of a team row is in the run's language) and a
/// consultant's whether the user was deactivated (`true`, `false`; empty on the other rows).
package enum AuditCSV {
  package static let headers =
    [
      "consultant", "leads_open", "touches", "due", "on_time", "late", "overdue_now", "on_time_rate",
      "callback_3day_rate", "first_response_minutes", "first_response_within_limit_rate", "missed", "pending",
      "issue_7day_rate", "contacts", "contacts_without_next",
      "buried_left", "buried_resolved", "churned", "prospects", "deposits", "delivered", "median_days_to_deposit",
      "median_days_to_delivery", "exports", "export_rows", "from", "to",
    ] + Channel.allCases.map { "touches_\($0.rawValue)" } + [
      "first_response_leads", "first_response_within_5_min", "first_response_within_30_min",
      "first_response_within_2_h",
      "first_response_within_24_h", "first_response_later", "first_response_never", "snoozes", "snoozed_now",
      "deactivated", "row",
    ]

  package static func render(_ report: AuditReport, teamLabel: String) -> String {
    let group = !report.stores.isEmpty
    let rows =
      report.consultants.map {
        (
          $0.consultant, $0.figures, report.storeOf[$0.consultant] ?? "",
          report.deactivated.contains($0.consultant) ? "true" : "false", "consultant"
        )
      }
      + (group ? report.stores.map { ($0.label, $0.figures, $0.store, "", "store") } : [])
      + [(teamLabel, report.team, "", "", "team")]
    let w = report.window
    return CSVWriter.render(
      [headers + (group ? ["store"] : [])]
        + rows.map { name, f, store, deactivated, row in
          [
            name, "\(f.leadsOpen)", "\(f.touches)", "\(f.due)", "\(f.onTime)", "\(f.late)", "\(f.overdueNow)",
            rate(f.onTimeRate), rate(f.callback3day.rate), rate(f.firstResponse.medianMinutes),
            rate(f.firstResponse.withinLimitRate), "\(f.missed)", "\(f.pending)", rate(f.issue7day.rate),
            "\(f.contacts)", "\(f.contactsWithoutNext)", "\(f.buriedLeft)", "\(f.buriedResolved)", "\(f.churned)",
            "\(f.prospects)", "\(f.deposits)", "\(f.delivered)", rate(f.medianDaysToDeposit),
            rate(f.medianDaysToDelivery),
            "\(f.exports)", "\(f.exportRows)", w.from.description, w.to.description,
          ] + Channel.allCases.map { "\(f.touchesByChannel[$0] ?? 0)" }
            + ["\(f.firstResponse.leads)"] + f.firstResponse.buckets.map { "\($0)" } + [
              "\(f.snoozes)", "\(f.snoozedNow)", deactivated, row,
            ] + (group ? [store] : [])
        }, lineEnding: .crlf, bom: true, defusing: true)
  }

  /// Four decimals (rates, medians); empty when there is nothing to measure.
  package static func rate(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "" }
}
