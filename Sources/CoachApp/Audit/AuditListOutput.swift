import CoachCore
import Foundation

/// `coach audit --list KIND --json` (CONTRACT.md): the follow-ups behind one figure.
package struct AuditListJSON: Encodable {
  struct Item: Encodable {
    let lead_id: LeadID
    let name: String
    let consultant: String
    let action: String
    let due_at: Date
    let deadline: Date
    let fulfilled_at: NullableJSON<Date>
  }

  package let list: String
  package let from: String
  package let to: String
  /// The follow-ups behind a follow-up figure; nil (left out) for `snoozes`.
  let follow_ups: [Item]?
  /// `--list snoozes`: the snoozes behind `snoozes`; nil (left out) otherwise.
  let snoozes: [SnoozeJSON]?

  package init(_ report: AuditReport, list: AuditList) {
    self.list = list.rawValue
    from = report.window.from.description
    to = report.window.to.description
    guard list != .snoozes else {
      follow_ups = nil
      snoozes = report.snoozed.map {
        SnoozeJSON($0.snooze, leadID: $0.leadID, name: $0.name, consultant: $0.consultant)
      }
      return
    }
    snoozes = nil
    follow_ups = report.listed.map {
      Item(
        lead_id: $0.leadID, name: $0.name, consultant: $0.consultant, action: $0.code.rawValue, due_at: $0.dueAt,
        deadline: $0.deadline, fulfilled_at: NullableJSON($0.fulfilledAt))
    }
  }
}

/// `coach audit --list KIND` for people (a table) and spreadsheets (CSV with the JSON's keys as headers).
package struct AuditListText {
  package let report: AuditReport
  package let list: AuditList
  package let labels: AuditLabels
  package let time: (Date?) -> String

  package init(report: AuditReport, list: AuditList, labels: AuditLabels, time: @escaping (Date?) -> String) {
    (self.report, self.list, self.labels, self.time) = (report, list, labels, time)
  }

  package func table(color: Bool) -> String {
    if list == .snoozes { return snoozeTable(color: color) }
    let w = report.window
    var out = "\(labels.list(list)): \(report.listed.count) \(labels["audit_listed"])  (\(w.from) – \(w.to))\n"
    guard !report.listed.isEmpty else { return out }
    let headers = [
      "audit_lead", "audit_consultant", "audit_action", "audit_due_at", "audit_deadline", "audit_fulfilled_at",
    ]
    var t = TextTable(columns: [TextTable.Column("id")] + headers.map { TextTable.Column(labels[$0]) })
    for f in report.listed {
      t.addRow([
        f.leadID.description, f.name, f.consultant, labels.action(f.code), time(f.dueAt),
        Digits.deadline(f.deadline) { time($0) }, time(f.fulfilledAt),
      ])
    }
    out += "\n" + t.render(color: color)
    return out
  }

  package func csv(zone: TimeZone) -> String {
    if list == .snoozes { return snoozeCSV(zone: zone) }
    let iso = { (d: Date?) in d.map { TimeParsing.iso($0, zone: zone) } ?? "" }
    let rows = report.listed.map { f in
      [f.leadID.description, f.name, f.consultant, f.code.rawValue, iso(f.dueAt), iso(f.deadline), iso(f.fulfilledAt)]
    }
    return CSVWriter.render(
      [["lead_id", "name", "consultant", "action", "due_at", "deadline", "fulfilled_at"]] + rows, lineEnding: .crlf,
      bom: true,
      defusing: true)
  }
}

// MARK: - Snoozes

extension AuditListText {
  /// `--list snoozes` for people: lead, consultant, until, reason, who and when, lifted.
  func snoozeTable(color: Bool) -> String {
    let w = report.window
    var out = "\(labels.list(list)): \(report.snoozed.count)  (\(w.from) – \(w.to))\n"
    guard !report.snoozed.isEmpty else { return out }
    let headers = [
      "audit_lead", "audit_consultant", "audit_until", "audit_reason", "audit_by", "audit_set_at", "audit_cleared_at",
    ]
    var t = TextTable(columns: [TextTable.Column("id")] + headers.map { TextTable.Column(labels[$0]) })
    for s in report.snoozed {
      let z = s.snooze
      t.addRow([
        s.leadID.description, s.name, s.consultant, z.until.description, z.reason, z.actor ?? "", time(z.at),
        time(z.clearedAt),
      ])
    }
    out += "\n" + t.render(color: color)
    return out
  }

  /// `--list snoozes --format csv`: the JSON's keys as headers.
  func snoozeCSV(zone: TimeZone) -> String {
    let iso = { (d: Date?) in d.map { TimeParsing.iso($0, zone: zone) } ?? "" }
    let rows = report.snoozed.map { s in
      [
        s.leadID.description, s.name, s.consultant, s.snooze.until.description, s.snooze.reason, s.snooze.actor ?? "",
        iso(s.snooze.at),
        iso(s.snooze.clearedAt), s.snooze.clearedBy ?? "",
      ]
    }
    return CSVWriter.render(
      [["lead_id", "name", "consultant", "until", "reason", "by", "at", "cleared_at", "cleared_by"]] + rows,
      lineEnding: .crlf,
      bom: true, defusing: true)
  }
}
