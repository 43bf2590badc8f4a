import CoachCore
import Foundation


/// `coach audit --list KIND --json` (CONTRACT.md): the follow-ups behind one figure.
package struct AuditListJSON: Encodable {
  struct Item: Encodable {
    let lead_id: String
    let consultant: String
    let action: String
    let due_at: Date
    let deadline: Date
    let fulfilled_at: NullableJSON<Date>
  }

  package let list: String
  package let from: String
  package let to: String
  let follow_ups: [Item]

  package init(_ report: AuditReport, list: AuditList) {
    self.list = list.rawValue
    from = report.window.from.description
    to = report.window.to.description
    follow_ups = report.listed.map {
      Item(
        lead_id: $0.leadID, consultant: $0.consultant, action: $0.code.rawValue, due_at: $0.dueAt,
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
    let w = report.window
    var out = "\(labels.list(list)): \(report.listed.count) \(labels["audit_listed"])  (\(w.from) – \(w.to))\n"
    guard !report.listed.isEmpty else { return out }
    let headers = ["audit_lead", "audit_consultant", "audit_action", "audit_due_at", "audit_deadline", "audit_fulfilled_at"]
    var t = TextTable(columns: headers.map { TextTable.Column(labels[$0]) })
    for f in report.listed {
      t.addRow([f.leadID, f.consultant, labels.action(f.code), time(f.dueAt), time(f.deadline), time(f.fulfilledAt)])
    }
    out += "\n" + t.render(color: color)
    return out
  }

  package func csv(zone: TimeZone) -> String {
    let iso = { (d: Date?) in d.map { TimeParsing.iso($0, zone: zone) } ?? "" }
    let rows = report.listed.map { f in
      [f.leadID, f.consultant, f.code.rawValue, iso(f.dueAt), iso(f.deadline), iso(f.fulfilledAt)]
    }
    return CSVWriter.render(
      [["lead_id", "consultant", "action", "due_at", "deadline", "fulfilled_at"]] + rows, lineEnding: .crlf, bom: true)
  }
}
