import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach alerts [--team]`: follow-ups past their deadline, most overdue first.
  struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "alerts", abstract: "Overdue follow-ups, most overdue first (--team for a team lead).")
    @Flag(help: "The whole team's alerts (team leads and admins).") var team = false
    @Flag(
      help:
        "Only the escalated ones: past the playbook's escalate_after_days, or a new lead untouched past first_contact_escalate_hours."
    )
    var escalated = false
    @Option(
      parsing: .unconditional,
      help: "At most N alerts, 1 or more (the table shows the 50 most overdue unless given; --json lists all).")
    var limit: Int?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      // No alert listed would read as "nothing is overdue".
      if let limit, limit < 1 { throw ValidationError(OptionRuleText.limitFromOne.text(global.ui)) }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Output.reading(env)
      let out = Output(env: env)
      if env.json {
        let list = try AlertList.build(session, team: team, explained: true)
        let all = escalated ? list.alerts.filter(\.escalated) : list.alerts
        return try out.json(["alerts": limit.map { Array(all.prefix($0)) } ?? all])
      }
      let found = try AlertTable.build(session, team: team, escalatedOnly: escalated, limit: limit ?? 50)
      let ctx = found.ctx
      let alerts = found.shown
      // A team lead's or admin's own leads are few or none: the team's are one flag away.
      let leads = !team && (session.user.map { $0.role == .lead || $0.role.isAdmin } ?? false)
      if alerts.isEmpty {
        out.line(ctx.playbook.labels.ui(.nothingDue) ?? "nothing overdue")
        if leads { out.line(Output.dim(out.say(.teamAlertsHint))) }
        return
      }
      let labels = ctx.playbook.labels
      let table = TextTable(headers: [
        labels.ui(.severity) ?? "severity", "id", labels.ui(.name) ?? "name", labels.ui(.consultant) ?? "consultant",
        labels.ui(.action) ?? "action",
        labels.ui(.deadline) ?? "deadline", labels.ui(.overdueDays) ?? "days overdue",
      ])
      out.line(
        table.render(
          alerts.map { a in
            let word = out.say(.severity(a.severity))
            let mark = a.escalated ? " ▲ " + out.say(.escalated) : ""
            return [
              (a.severity == .high ? Output.red(word) : word) + (a.escalated ? Output.red(mark) : ""),
              a.leadID.description,
              out.nameWithTags(a.name, a.tags), a.consultant ?? "",
              labels.ui(.action, a.action.rawValue) ?? a.action.rawValue, out.deadline(a.deadline),
              out.say(.days(a.overdueDays)),
            ]
          }))
      if found.total > alerts.count {
        out.line(Output.dim(out.say(.moreAlerts(found.total - alerts.count))))
      }
      if team {
        let counts = found.perConsultant.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        out.line(Output.dim("\(found.total): " + counts.map { "\($0.key) \($0.value)" }.joined(separator: " · ")))
      }
    }
  }
}
