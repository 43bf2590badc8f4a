import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

extension PageRenderer {
  /// `/`: the due follow-ups, most urgent first, each a link to its brief.
  /// `next` holds up to `limit + 1` entries: the first `limit` are shown, and a further one says more are due (the
  /// page stopped at 50 without a word while a backlog held 105).
  func queue(_ next: NextQueue, limit: Int, language: String, user: WebSession) -> Response {
    let t = { PageText.text($0, language) }
    let playbook = next.ctx.playbook
    var body = "<h1>\(esc(t("queue")))</h1>"
    if next.queue.isEmpty { body += "<p class=\"empty\">\(esc(t("nothing_due")))</p>" }
    let more = next.queue.count > limit
    if more {
      let larger = min(1000, limit * 4)
      body +=
        "<p class=\"more\">\(esc(t("more_due").replacingOccurrences(of: "{shown}", with: "\(limit)")))"
        + (larger > limit
          ? " <a href=\"/?limit=\(larger)\">\(esc(t("show_more").replacingOccurrences(of: "{more}", with: "\(larger)")))</a>"
          : "") + "</p>"
    }
    // A team lead's or an admin's queue holds their consultants' leads too: each card says whose.
    func others(_ e: QueueEntry) -> String {
      guard let owner = e.consultant, owner != user.user.name else { return "" }
      return esc(owner) + " · "
    }
    body += "<ol class=\"cards\">"
    for e in next.queue.prefix(limit) {
      let overdue = e.overdueDays > 0 ? " overdue" : ""
      body += """
        <li class="card\(overdue)"><a href="/leads/\(e.leadID)">
        <span class="name">\(esc(e.name))</span>\(Self.flags(e.tags, language: language)) \
        <span class="tag">\(esc(Self.ui(playbook, .action, e.action.rawValue)))</span>
        <span class="meta">\(others(e))\(esc(Self.ui(playbook, .stage, e.stage.rawValue)))\(e.grade.map { " · " + esc($0.rawValue) } ?? "") · \
        \(esc(t("deadline"))) \(esc(Digits.deadline(e.deadline, in: zone)))\(e.overdueDays > 0 ? " · " + esc(t("overdue_days")) + " " + Digits.fixed(e.overdueDays, places: 1) : "")</span>
        <span class="reason">\(esc(e.reason))</span></a></li>
        """
    }
    body += "</ol>"
    return layout(t("queue"), body, language: language, user: user)
  }

  /// `/alerts`: overdue follow-ups; team leads and admins may switch to their team's.
  func alerts(_ list: AlertList, team: Bool, language: String, user: WebSession) -> Response {
    let t = { PageText.text($0, language) }
    let playbook = list.ctx.playbook
    var body = "<h1>\(esc(t("alerts")))\(team ? " · " + esc(t("team")) : "")</h1>"
    if user.user.role == .lead || user.user.role.isAdmin {
      body +=
        "<p class=\"tabs\"><a href=\"/alerts\">\(esc(t("mine")))</a> <a href=\"/alerts?team=1\">\(esc(t("team")))</a></p>"
    }
    if list.alerts.isEmpty { body += "<p class=\"empty\">\(esc(t("nothing_overdue")))</p>" }
    body += "<ol class=\"cards\">"
    for a in list.alerts {
      body += """
        <li class="card sev-\(a.severity.rawValue)"><a href="/leads/\(a.leadID)">
        <span class="name">\(esc(a.name))</span>\(Self.flags(a.tags, language: language)) \
        <span class="tag">\(esc(Self.ui(playbook, .action, a.action.rawValue)))</span>\
        \(a.escalated ? " <span class=\"tag escalated\">▲ \(esc(t("escalated")))</span>" : "")
        <span class="meta">\(esc(a.consultant ?? "")) · \(esc(t("deadline"))) \(esc(Digits.deadline(a.deadline, in: zone))) · \
        \(esc(t("overdue_days"))) \(Digits.fixed(a.overdueDays, places: 1))</span></a></li>
        """
    }
    body += "</ol>"
    return layout(t("alerts"), body, language: language, user: user)
  }

  /// `/audit`: the audit's figures per consultant and for the team, for a window of days chosen in a GET form; each
  /// consultant's name opens their figures alone (`?consultant=`), which the form, the report and the CSV keep.
  func audit(_ run: AuditRun, language: String, user: WebSession, consultant: String? = nil) -> Response {
    let t = { PageText.text($0, language) }
    let w = run.report.window
    let window = "from=\(w.from.description)&amp;to=\(w.to.description)"
    func one(_ name: String) -> String {
      "consultant=" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
    func rate(_ r: Double?) -> String { r.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
    func row(_ name: String, _ f: AuditFigures, link: Bool = false) -> String {
      let shown =
        link && consultant == nil ? "<a href=\"/audit?\(window)&amp;\(one(name))\">\(esc(name))</a>" : esc(name)
      return "<tr><th scope=\"row\">\(shown)</th>"
        + [f.leadsOpen, f.touches, f.due, f.onTime, f.late, f.missed, f.overdueNow].map { "<td>\($0)</td>" }.joined()
        + "<td>\(rate(f.onTimeRate))</td><td>\(rate(f.callback3day.rate))</td></tr>"
    }
    let heads = [
      "consultant", "leads_open", "touches", "due", "on_time", "late", "missed", "overdue_now", "on_time_rate",
      "callback_rate",
    ]
    var body = """
      <h1>\(esc(t("audit")))</h1>
      <form method="get" action="/audit" class="card row">
      <label>\(esc(t("from")))<input type="date" name="from" value="\(esc(w.from.description))"></label>
      <label>\(esc(t("to")))<input type="date" name="to" value="\(esc(w.to.description))"></label>\(
        consultant.map { "<input type=\"hidden\" name=\"consultant\" value=\"\(esc($0))\">" } ?? "")
      <button type="submit">\(esc(t("show")))</button></form>
      <div class="scroll"><table><thead><tr>\(heads.map { "<th scope=\"col\">\(esc(t($0)))</th>" }.joined())</tr></thead><tbody>
      """
    for c in run.report.consultants { body += row(c.consultant, c.figures, link: true) }
    body += "</tbody><tfoot>\(row(t("total"), run.report.team))</tfoot></table></div>"
    let chosen = consultant.map { window + "&amp;" + one($0) } ?? window
    body += "<p><a class=\"button\" href=\"/audit/report?\(chosen)\">\(esc(t("audit_report")))</a> "
    body += "<a class=\"button\" href=\"/audit.csv?\(chosen)\" download>\(esc(t("audit_csv")))</a>"
    if consultant != nil { body += " <a class=\"button\" href=\"/audit?\(window)\">\(esc(t("audit_everyone")))</a>" }
    body += "</p>"
    return layout(t("audit"), body, language: language, user: user)
  }
}
