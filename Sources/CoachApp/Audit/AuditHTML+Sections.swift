import CoachCore
import Foundation

// MARK: - Activity, sources and the previous period (issue 18: the team lead's desk)

extension AuditHTML {
  /// Touches per consultant and day (a heat strip, the count in each cell), then the channel mix.
  package func activity() -> String {
    let w = report.window
    let rows = report.consultants.map { ($0.consultant, $0.figures) } + [(labels["audit_team"], report.team)]
    let peak = max(
      1, report.consultants.flatMap { row in (0..<w.days).map { row.figures.activity.total(day: $0) } }.max() ?? 1)
    var h = "<div class=\"scroll\"><table class=\"heat\"><thead><tr><th>\(esc(labels["audit_consultant"]))</th>"
    for d in 0..<w.days {
      let day = w.from.adding(days: d)
      let text =
        d == 0 || day.description.hasSuffix("-01")
        ? String(day.description.dropFirst(5)) : String(day.description.suffix(2))
      h += "<th title=\"\(day)\">\(text)</th>"
    }
    h += "<th>\(esc(labels["audit_total"]))</th></tr></thead><tbody>"
    for (i, (name, f)) in rows.enumerated() {
      let team = i == rows.count - 1
      h += "<tr\(team ? " class=\"team\"" : "")><td>\(esc(name))</td>"
      for d in 0..<w.days {
        let n = f.activity.total(day: d)
        let alpha = team || n == 0 ? 0 : 0.12 + 0.78 * Double(n) / Double(peak)
        let style =
          alpha > 0
          ? " style=\"background:rgba(21,101,192,\(String(format: "%.2f", alpha)))\(alpha > 0.5 ? ";color:#fff" : "")\""
          : ""
        h += "<td\(style)>\(n == 0 ? "" : "\(n)")</td>"
      }
      h += "<td><b>\(f.touches)</b></td></tr>"
    }
    h += "</tbody></table></div><h3>\(esc(labels["audit_channels"]))</h3><div class=\"scroll\"><table><thead><tr>"
    h +=
      "<th>\(esc(labels["audit_consultant"]))</th>"
      + Channel.allCases.map { "<th>\(esc(labels.channel($0)))</th>" }.joined()
    h += "<th>\(esc(labels["audit_total"]))</th></tr></thead><tbody>"
    for (i, (name, f)) in rows.enumerated() {
      h += "<tr\(i == rows.count - 1 ? " class=\"team\"" : "")><td>\(esc(name))</td>"
      h += Channel.allCases.map { "<td>\(f.touchesByChannel[$0] ?? 0)</td>" }.joined() + "<td>\(f.touches)</td></tr>"
    }
    return h + "</tbody></table></div>"
  }

  /// The team's new leads by source: contacted, deposit, delivered, each with its share of the source's leads.
  package func sources() -> String {
    let sources = report.team.sources.sorted { ($1.value.leads, $0.key) < ($0.value.leads, $1.key) }
    var h = "<div class=\"scroll\"><table class=\"sources\"><thead><tr><th>\(esc(labels["audit_source"]))</th>"
    h += ["audit_new_leads", "audit_contacted", "audit_deposits", "audit_delivered"].map {
      "<th>\(esc(labels[$0]))</th>"
    }
    .joined()
    h += "</tr></thead><tbody>"
    func cell(_ n: Int, _ rate: Double?) -> String {
      "<td>\(n) <small>\(AuditLabels.percent(rate))</small></td>"
    }
    for (name, t) in sources {
      h += "<tr><td>\(esc(name.isEmpty ? labels["audit_no_source"] : name))</td><td>\(t.leads)</td>"
      h +=
        cell(t.contacted, t.contactRate) + cell(t.deposits, t.depositRate) + cell(t.delivered, t.deliveryRate) + "</tr>"
    }
    return h + "</tbody></table></div>"
  }

  /// The team's headline figures beside those of the period before, and the change.
  package func comparison(_ before: AuditComparison) -> String {
    let now = report.team, then = before.team
    let b = before.window
    var h = "<div class=\"scroll\"><table class=\"compare\"><thead><tr><th></th>"
    h += "<th>\(esc(labels["audit_this_period"]))<br><small>\(report.window.from) – \(report.window.to)</small></th>"
    h += "<th>\(esc(labels["audit_previous"]))<br><small>\(b.from) – \(b.to)</small></th>"
    h += "<th>\(esc(labels["audit_change"]))</th></tr></thead><tbody>"
    let counts: [(String, Int, Int)] = [
      ("audit_due", now.due, then.due), ("audit_on_time", now.onTime, then.onTime), ("audit_late", now.late, then.late),
      ("audit_missed", now.missed, then.missed), ("audit_touches", now.touches, then.touches),
      ("audit_new_leads", now.firstResponse.leads, then.firstResponse.leads),
      ("audit_deposits", now.deposits, then.deposits), ("audit_delivered", now.delivered, then.delivered),
    ]
    let rates: [(String, DueTally, DueTally)] = [
      ("audit_on_time_rate", DueTally(due: now.due, onTime: now.onTime), DueTally(due: then.due, onTime: then.onTime)),
      (
        "audit_first_response_rate", DueTally(due: now.firstResponse.judged, onTime: now.firstResponse.withinLimit),
        DueTally(due: then.firstResponse.judged, onTime: then.firstResponse.withinLimit)
      ),
    ]
    for (key, a, c) in rates {
      h += "<tr><td>\(esc(labels[key]))</td><td>\(AuditLabels.percent(a.rate)) <small>\(a.onTime)/\(a.due)</small></td>"
      h +=
        "<td>\(AuditLabels.percent(c.rate)) <small>\(c.onTime)/\(c.due)</small></td><td>\(points(a.rate, c.rate))</td></tr>"
    }
    for (key, a, c) in counts {
      h += "<tr><td>\(esc(labels[key]))</td><td>\(a)</td><td>\(c)</td><td>\(signed(a - c))</td></tr>"
    }
    return h + "</tbody></table></div>"
  }

  package func points(_ a: Double?, _ b: Double?) -> String {
    esc(AuditLabels.points(a, b, unit: labels["audit_points"]))
  }

  package func signed(_ n: Int) -> String { AuditLabels.signed(n) }
}
