import CoachCore
import Foundation

// MARK: - Drill-down: every figure opens its follow-ups (the lists of `coach audit --list`), within the page

extension AuditHTML {
  /// The anchor of figure `list`'s items: the team's (`l-missed`), or a consultant's by position (`l-missed-c0`).
  static func anchor(_ list: AuditList, consultant: Int?) -> String {
    "l-\(list.rawValue)" + (consultant.map { "-c\($0)" } ?? "")
  }

  /// `n` as a link to its list when the report holds the drill-down (the lists were collected), else plain.
  func linked(_ n: Int, _ list: AuditList, consultant: Int?, text: String? = nil) -> String {
    let shown = text ?? "\(n)"
    guard drillDown else { return shown }
    return "<a href=\"#\(Self.anchor(list, consultant: consultant))\">\(shown)</a>"
  }

  /// One section per figure: the team's items, consultant by consultant, each consultant's under its own anchor.
  /// Each list holds as many rows (`tr.f`) as its figure counts.
  func drillDownSections() -> String {
    guard drillDown else { return "" }
    var h = ""
    for list in AuditList.followUps {
      let total = report.consultants.reduce(0) { $0 + report.listed(list, of: $1.figures).count }
      h += "<section class=\"wide list\" id=\"\(Self.anchor(list, consultant: nil))\">"
      h += "<h2>\(esc(labels.list(list))) · \(total)</h2>"
      for (i, row) in report.consultants.enumerated() {
        let items = report.listed(list, of: row.figures)
        h += "<h3 id=\"\(Self.anchor(list, consultant: i))\">\(esc(row.consultant)) · \(items.count)</h3>"
        if items.isEmpty { continue }
        h += "<div class=\"scroll\"><table><thead><tr>"
        h += ["audit_lead", "audit_action", "audit_due_at", "audit_deadline", "audit_fulfilled_at"]
          .map { "<th>\(esc(labels[$0]))</th>" }.joined()
        h += "</tr></thead><tbody>"
        for f in items {
          h += "<tr class=\"f\"><td>#\(f.leadID) \(esc(f.name))</td><td>\(esc(labels.action(f.code)))</td>"
          h += "<td>\(esc(time(f.dueAt)))</td><td>\(esc(Digits.deadline(f.deadline, time)))</td>"
          h += "<td>\(f.fulfilledAt.map { esc(time($0)) } ?? "–")</td></tr>"
        }
        h += "</tbody></table></div>"
      }
      h += "<p class=\"top\"><a href=\"#top\">↑</a></p></section>"
    }
    return h + snoozeSection()
  }

  /// The snoozes set in the period, consultant by consultant (behind `snoozes`).
  func snoozeSection() -> String {
    let list = AuditList.snoozes
    var h = "<section class=\"wide list\" id=\"\(Self.anchor(list, consultant: nil))\">"
    h += "<h2>\(esc(labels.list(list))) · \(report.team.snoozes)</h2>"
    for (i, row) in report.consultants.enumerated() {
      let items = row.figures.snoozed
      h += "<h3 id=\"\(Self.anchor(list, consultant: i))\">\(esc(row.consultant)) · \(items.count)</h3>"
      if items.isEmpty { continue }
      h += "<div class=\"scroll\"><table><thead><tr>"
      h += ["audit_lead", "audit_until", "audit_reason", "audit_by", "audit_set_at", "audit_cleared_at"]
        .map { "<th>\(esc(labels[$0]))</th>" }.joined()
      h += "</tr></thead><tbody>"
      for s in items {
        let z = s.snooze
        h += "<tr class=\"f\"><td>#\(s.leadID) \(esc(s.name))</td><td>\(z.until)</td><td>\(esc(z.reason))</td>"
        h +=
          "<td>\(esc(z.actor ?? "–"))</td><td>\(esc(time(z.at)))</td><td>\(z.clearedAt.map { esc(time($0)) } ?? "–")</td></tr>"
      }
      h += "</tbody></table></div>"
    }
    return h + "<p class=\"top\"><a href=\"#top\">↑</a></p></section>"
  }
}

// MARK: - What works

extension AuditHTML {
  /// Objections and switch levers by consultant, dealership topics for the team, each rate beside its sample; "too
  /// few" said.
  func whatWorks() -> String {
    let w = AuditWhatWorks(report: report, labels: labels)
    func table(_ spec: (headers: [String], rows: [[String]])) -> String {
      var h = "<div class=\"scroll\"><table><thead><tr>" + spec.headers.map { "<th>\(esc($0))</th>" }.joined()
      h += "</tr></thead><tbody>"
      for row in spec.rows { h += "<tr>" + row.map { "<td>\(esc($0))</td>" }.joined() + "</tr>" }
      return h + "</tbody></table></div>"
    }
    guard !w.isEmpty else {
      return section(w.objectionsTitle, "<p>\(esc(labels["audit_what_works_none"]))</p>", cls: "wide", id: "what-works")
    }
    var h = ""
    if !report.team.objectionOutcomes.isEmpty {
      h += section(
        w.objectionsTitle, table(w.objections) + "<p class=\"note\">\(esc(w.note))</p>", cls: "wide", id: "what-works")
    }
    if !report.team.topicOutcomes.isEmpty {
      h += section(
        w.topicsTitle, table(w.topics) + "<p class=\"note\">\(esc(w.note))</p>", cls: "wide", id: "what-works-topics")
    }
    if !report.team.leverOutcomes.isEmpty {
      h += section(
        w.leversTitle, table(w.levers) + "<p class=\"note\">\(esc(w.note))</p>", cls: "wide", id: "what-works-levers")
    }
    return h
  }
}
