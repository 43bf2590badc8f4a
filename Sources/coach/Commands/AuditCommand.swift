import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach audit`: follow-up compliance per consultant and for the team (team leads and admins).
  struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit", abstract: "Follow-up compliance per consultant and for the team (team leads and admins).",
      discussion: "Definitions: docs/AUDIT.md. Default period: the 30 days ending today.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, html }
    @Option(help: "First day, YYYY-MM-DD in --tz (default: 29 days before --to).") var from: String?
    @Option(help: "Last day, YYYY-MM-DD in --tz, included whole (default: today).") var to: String?
    @Option(help: "Only this consultant.") var consultant: String?
    @Option(help: "table, json, csv or html (default table; json with --json).") var format: Format?
    @Option(help: "Write to FILE (mode 0600, all or nothing) instead of stdout.") var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let chosen = format ?? (env.json ? .json : .table)
      if env.json && chosen != .json && out == nil {
        throw CoachError.usage("--json prints JSON: drop --format \(chosen.rawValue), or add --out FILE to write it to a file")
      }
      let session = try Session.open(env)
      let audit = try AuditRun.build(session, from: from, to: to, consultant: consultant)
      let (report, window) = (audit.report, audit.report.window)
      let data = try render(audit, chosen, env: env)
      guard let out else { return FileHandle.standardOutput.write(data) }
      try SafeFile.write(data, to: out)
      if env.json {
        try Output(env: env).json(AuditFileJSON(file: out, format: chosen.rawValue, consultants: report.consultants.count))
      } else {
        print("wrote the \(chosen.rawValue) audit of \(report.consultants.count) consultants (\(window.from) – \(window.to)) to \(out)")
      }
    }

    func render(_ audit: AuditRun, _ format: Format, env: RunEnvironment) throws -> Data {
      let (report, playbook, access) = (audit.report, audit.ctx.playbook, audit.access)
      let labels = AuditLabels(playbook)
      switch format {
      case .json:
        return try Output(env: env).encoder().encode(audit.json) + Data("\n".utf8)
      case .csv:
        return Data(AuditCSV.render(report, teamLabel: labels["audit_team"]).utf8)
      case .table:
        let colour = out == nil && Output.colourEnabled
        let log = access.lines(labels, time: Output(env: env).time)
        let text = AuditTable(report: report, labels: labels, color: colour).render()
        return Data((text + (log.isEmpty ? "" : "\n" + log.joined(separator: "\n") + "\n")).utf8)
      case .html:
        var page = AuditHTML(
          report: report, labels: labels, dealership: playbook.labels.dealership, generated: Output(env: env).time(env.now))
        page.access = access
        page.time = Output(env: env).time
        return Data(page.render().utf8)
      }
    }
  }
}

struct AuditFileJSON: Encodable {
  let file: String
  let format: String
  let consultants: Int
}
