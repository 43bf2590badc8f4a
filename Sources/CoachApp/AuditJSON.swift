import CoachCore
import Foundation

/// A rate (0…1) or a median, rounded to four decimals; `null` when there is nothing to measure.
package struct NumberJSON: Encodable {
  let value: Double?

  package init(_ value: Double?) { self.value = value }

  package func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    if let value { try c.encode((value * 10_000).rounded() / 10_000) } else { try c.encodeNil() }
  }
}

/// `coach audit --json` (CONTRACT.md): the contract's keys plus the rest of the audit.
package struct AuditJSON: Encodable {
  let from: String
  let to: String
  let generated_at: Date
  let timezone: String
  let weeks: [String]
  let consultants: [AuditRowJSON]
  /// The sum of the consultants (`consultant` is null).
  let team: AuditRowJSON
  /// Exports, unmasked views and backups in the period (export log), and lead transfers (reassignment log).
  package var data_access: [AccessEntryJSON] = []
  package var transfers: [TransferJSON] = []

  package init(_ report: AuditReport) {
    from = report.window.from.description
    to = report.window.to.description
    generated_at = report.now
    timezone = report.window.zone.identifier
    let days = report.window.weeks.map(\.description)
    weeks = days
    consultants = report.consultants.map { AuditRowJSON($0.figures, consultant: $0.consultant, weeks: days) }
    team = AuditRowJSON(report.team, consultant: nil, weeks: days)
  }
}

package struct AuditRowJSON: Encodable {
  struct Funnel: Encodable {
    let prospects, deposits, delivered: Int
    let deposit_rate, delivery_rate, median_days_to_deposit, median_days_to_delivery: NumberJSON
  }
  struct Week: Encodable {
    let week: String
    let due, on_time: Int
    let on_time_rate: NumberJSON
  }

  let consultant: String?
  let leads_open, touches, due, on_time, late, missed, pending, overdue_now: Int
  let on_time_rate, callback_3day_rate, issue_7day_rate, without_next_rate: NumberJSON
  let touches_by_channel: [String: Int]
  let callback_3day_due, callback_3day_on_time, issue_7day_due, issue_7day_on_time: Int
  let contacts, contacts_without_next, buried_left, buried_resolved, churned: Int
  let churn_by_reason: [String: Int]
  let funnel: Funnel
  let exports, export_rows: Int
  let weekly: [Week]

  package init(_ f: AuditFigures, consultant: String?, weeks: [String]) {
    self.consultant = consultant
    (leads_open, touches, due, on_time, late) = (f.leadsOpen, f.touches, f.due, f.onTime, f.late)
    (missed, pending, overdue_now) = (f.missed, f.pending, f.overdueNow)
    on_time_rate = NumberJSON(f.onTimeRate)
    callback_3day_rate = NumberJSON(f.callback3day.rate)
    issue_7day_rate = NumberJSON(f.issue7day.rate)
    without_next_rate = NumberJSON(f.withoutNextRate)
    touches_by_channel = Dictionary(uniqueKeysWithValues: f.touchesByChannel.map { ($0.key.rawValue, $0.value) })
    (callback_3day_due, callback_3day_on_time) = (f.callback3day.due, f.callback3day.onTime)
    (issue_7day_due, issue_7day_on_time) = (f.issue7day.due, f.issue7day.onTime)
    (contacts, contacts_without_next) = (f.contacts, f.contactsWithoutNext)
    (buried_left, buried_resolved, churned) = (f.buriedLeft, f.buriedResolved, f.churned)
    churn_by_reason = Dictionary(uniqueKeysWithValues: f.churnByReason.map { ($0.key.rawValue, $0.value) })
    funnel = Funnel(
      prospects: f.prospects, deposits: f.deposits, delivered: f.delivered, deposit_rate: NumberJSON(f.depositRate),
      delivery_rate: NumberJSON(f.deliveryRate), median_days_to_deposit: NumberJSON(f.medianDaysToDeposit),
      median_days_to_delivery: NumberJSON(f.medianDaysToDelivery))
    (exports, export_rows) = (f.exports, f.exportRows)
    weekly = zip(weeks, f.weekly).map { Week(week: $0, due: $1.due, on_time: $1.onTime, on_time_rate: NumberJSON($1.rate)) }
  }
}
