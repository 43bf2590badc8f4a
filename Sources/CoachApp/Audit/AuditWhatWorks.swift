import CoachCore
import Foundation

/// What works, as tables for the terminal and the page: objections by consultant, dealership topics for the team.
/// A rate shows beside its sample (`40% 4/10`); from fewer than `WhatWorks.minimumSample` judged cases only the sample
/// is shown, marked `–` (too few to judge), and the note under the table says so.
package struct AuditWhatWorks {
  package let report: AuditReport
  package let labels: AuditLabels

  package init(report: AuditReport, labels: AuditLabels) {
    (self.report, self.labels) = (report, labels)
  }

  package var isEmpty: Bool {
    report.team.objectionOutcomes.isEmpty && report.team.topicOutcomes.isEmpty && report.team.leverOutcomes.isEmpty
  }

  package var objectionsTitle: String {
    labels["audit_what_works_objections"].replacingOccurrences(of: "{days}", with: "\(WhatWorks.days)")
  }
  package var topicsTitle: String {
    labels["audit_what_works_topics"].replacingOccurrences(of: "{days}", with: "\(WhatWorks.days)")
  }
  package var leversTitle: String {
    labels["audit_what_works_levers"].replacingOccurrences(of: "{days}", with: "\(WhatWorks.days)")
  }
  package var note: String {
    labels["audit_too_few"].replacingOccurrences(of: "{n}", with: "\(WhatWorks.minimumSample)")
  }

  /// `40% 4/10`, `– 2/3` (too few), or empty when nothing was judged or pending.
  package static func cell(_ t: OutcomeTally?) -> String {
    guard let t, t.cases > 0 else { return "" }
    return "\(AuditLabels.percent(t.rate)) \(t.advanced)/\(t.judged)"
  }

  /// Objection codes heard (rows, by how often, then code) × consultants and the team (columns).
  package var objections: (headers: [String], rows: [[String]]) {
    let codes = report.team.objectionOutcomes.sorted { ($1.value.cases, $0.key) < ($0.value.cases, $1.key) }.map(\.key)
    let headers = [labels["audit_objection"]] + report.consultants.map(\.consultant) + [labels["audit_team"]]
    return (
      headers,
      codes.map { code in
        [labels.objectionTitles[code].map { "\($0) (\(code))" } ?? code]
          + report.consultants.map { Self.cell($0.figures.objectionOutcomes[code]) }
          + [Self.cell(report.team.objectionOutcomes[code])]
      }
    )
  }

  /// Switch levers argued with (rows, by how often, then code; the playbook's label and code) × consultants and the
  /// team (columns): deposits or model switches that followed.
  package var levers: (headers: [String], rows: [[String]]) {
    let levers = report.team.leverOutcomes.sorted {
      ($1.value.cases, $0.key.rawValue) < ($0.value.cases, $1.key.rawValue)
    }
    .map(\.key)
    let headers = [labels["audit_lever"]] + report.consultants.map(\.consultant) + [labels["audit_team"]]
    return (
      headers,
      levers.map { lever in
        [labels.ui(.lever, lever.rawValue).map { "\($0) (\(lever.rawValue))" } ?? lever.rawValue]
          + report.consultants.map { Self.cell($0.figures.leverOutcomes[lever]) }
          + [Self.cell(report.team.leverOutcomes[lever])]
      }
    )
  }

  /// Dealership topics offered (rows) for the team: contacts, then deposits within the days and the rate.
  package var topics: (headers: [String], rows: [[String]]) {
    let ids = report.team.topicOutcomes.sorted { ($1.value.cases, $0.key) < ($0.value.cases, $1.key) }.map(\.key)
    let headers = [labels["audit_topic"], labels["audit_contacts"], labels["audit_deposits"]]
    return (
      headers,
      ids.map { id in
        let t = report.team.topicOutcomes[id] ?? OutcomeTally()
        return [labels.topicTitles[id] ?? id, "\(t.cases)", Self.cell(t)]
      }
    )
  }
}
