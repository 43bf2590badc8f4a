import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach alerts [--team]`: follow-ups past their deadline, most overdue first.
  struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "alerts", abstract: "Overdue follow-ups, most overdue first (--team for a team lead).")
    @Flag(help: "The whole team's alerts (team leads and admins).") var team = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      let ctx = try EngineSetup.context(env, session: session)
      let leads = try session.db.snapshots(try EngineSetup.workingSet(session, team: team))
      let alerts = Alerts.build(leads: leads, ctx: ctx, explained: env.json)
      let out = Output(env: env)
      if env.json { return try out.json(["alerts": alerts]) }
      if alerts.isEmpty { return out.line(ctx.playbook.labels.ui["nothing_due"] ?? "nothing overdue") }
      let ui = ctx.playbook.labels.ui
      let table = TextTable(headers: ["severity", "id", "name", "consultant", "action", "deadline", "overdue d"])
      out.line(
        table.render(
          alerts.map { a in
            let sev = a.severity == Severity.high.rawValue ? Output.red(a.severity) : a.severity
            return [
              sev, a.lead_id, a.name, a.consultant ?? "", ui["action_\(a.action)"] ?? a.action, out.time(a.deadline),
              String(format: "%.1f", a.overdue_days),
            ]
          }))
      if team {
        let counts = Dictionary(grouping: alerts, by: { $0.consultant ?? "-" }).mapValues(\.count).sorted { $0.value > $1.value }
        out.line(Output.dim(counts.map { "\($0.key) \($0.value)" }.joined(separator: " · ")))
      }
    }
  }
}

/// One overdue follow-up (`coach alerts --json`).
struct AlertJSON: Encodable {
  let lead_id: String
  let name: String
  let consultant: String?
  let action: String
  let due_at: Date
  let deadline: Date
  let overdue_days: Double
  let severity: String
  let reason: String
}

enum Alerts {
  /// Leads whose current action is past its deadline, most overdue first (ties: more urgent first, then id).
  /// Without `explained` the reasons are left empty (the table does not show them; they are most of the work).
  static func build(leads: [LeadSnapshot], ctx: EngineContext, explained: Bool = true) -> [AlertJSON] {
    leads.compactMap { lead -> (LeadSnapshot, DueAction)? in
      let action = explained ? FollowUpEngine.nextAction(for: lead, in: ctx) : FollowUpEngine.unexplainedAction(for: lead, in: ctx)
      guard let a = action, a.overdueDays > 0 else { return nil }
      return (lead, a)
    }
    .sorted { l, r in
      l.1.overdueDays != r.1.overdueDays ? l.1.overdueDays > r.1.overdueDays : Priority.isMoreUrgent(l.1, than: r.1)
    }
    .map { lead, a in
      AlertJSON(
        lead_id: lead.id, name: lead.name, consultant: lead.consultant, action: a.code.rawValue, due_at: a.dueAt,
        deadline: a.deadline, overdue_days: a.overdueDays, severity: Severity.of(a, lead: lead).rawValue, reason: a.reason)
    }
  }
}
