import ArgumentParser
import CoachCore
import CoachStoreAPI
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
    @Option(help: "Only this store of a dealer group (its code; a group admin's audit has a row per store).")
    var store: String?
    @Option(help: "table, json, csv or html (default table; json with --json).") var format: Format?
    @Option(
      help:
        "Write to FILE (mode 0600, all or nothing) instead of stdout ('-': stdout); without --format, a name ending .html, .csv or .json says the format.",
      transform: { $0 == "-" ? nil : $0 })
    var out: String?
    @Option(
      help: ArgumentHelp(
        "List the follow-ups behind one figure: on_time, late, missed, pending or overdue (the leads behind overdue_now); or snoozes (the snoozes set in the period).",
        valueName: "figure"))
    var list: AuditList?
    @Flag(help: "Also count the period before, of as many days, and show the change of the headline figures.")
    var compare = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      // Without --format, an --out file's name says it (`审计.html` is the page, as `export --out leads.xlsx` is a
      // workbook): a table written under that name opened as nothing.
      let named = out.map { URL(fileURLWithPath: $0).pathExtension.lowercased() }.flatMap {
        Format(rawValue: $0 == "htm" ? "html" : $0)
      }
      let chosen = format ?? named ?? (env.json ? .json : .table)
      if env.json && chosen != .json && out == nil {
        throw CoachError.usage(OptionRuleText.jsonWithFormat(format: chosen.rawValue).text(env.ui))
      }
      if list != nil && chosen == .html {
        throw CoachError.usage(OptionRuleText.listNotHTML.text(env.ui))
      }
      if list != nil && compare {
        throw CoachError.usage(OptionRuleText.compareWithList.text(env.ui))
      }
      let session = try Output.reading(env)
      if let out { try BackupPaths.checkOutput(out, env: env) }
      let audit = try AuditRun.build(
        session, from: from, to: to, consultant: consultant, list: list, compare: compare, drillDown: chosen == .html,
        store: store)
      let (report, window, ctx) = (audit.report, audit.report.window, audit.ctx)
      if let list {
        let data = try listing(report, list, chosen, env: env, playbook: ctx.playbook)
        let count = list == .snoozes ? report.snoozed.count : report.listed.count
        let file = AuditFileJSON(format: chosen.rawValue, consultants: report.consultants.count, follow_ups: count)
        return try write(data, env: env, file) {
          // The list as the playbook names it (`漏跟`, `Missed`), as the table's title does.
          let name = AuditLabels(ctx.playbook).list(list)
          return UIText.auditListWritten(count: count, list: name, snoozes: list == .snoozes, path: $0).text(env.ui)
        }
      }
      let data = try render(audit, chosen, env: env)
      try write(data, env: env, AuditFileJSON(format: chosen.rawValue, consultants: report.consultants.count)) {
        UIText.auditWritten(
          format: chosen.rawValue, consultants: report.consultants.count, from: window.from, to: window.to, path: $0
        ).text(env.ui)
      }
    }

    /// Prints `data`, or writes it to `--out` and says so.
    func write(_ data: Data, env: RunEnvironment, _ file: AuditFileJSON, said: (String) -> String) throws {
      guard let out else { return Output.write(data) }
      try SafeFile.write(data, to: out)
      if env.json {
        var file = file
        file.file = out
        try Output(env: env).json(file)
      } else {
        print(said(out))
      }
    }

    /// `--list`: the follow-ups behind one figure, as JSON, CSV or a table.
    func listing(_ report: AuditReport, _ list: AuditList, _ format: Format, env: RunEnvironment, playbook: Playbook)
      throws
      -> Data
    {
      let text = AuditListText(report: report, list: list, labels: AuditLabels(playbook), time: Output(env: env).time)
      switch format {
      case .json: return try AuditRun.data(AuditListJSON(report, list: list), zone: env.zone)
      case .csv: return Data(text.csv(zone: env.zone).utf8)
      case .table, .html: return Data(text.table(color: out == nil && Output.colourEnabled).utf8)
      }
    }

    func render(_ audit: AuditRun, _ format: Format, env: RunEnvironment) throws -> Data {
      let (report, playbook, access) = (audit.report, audit.ctx.playbook, audit.access)
      let labels = AuditLabels(playbook)
      switch format {
      case .json:
        return try AuditRun.data(audit.json, zone: env.zone)
      case .csv:
        return Data(AuditCSV.render(report, teamLabel: labels["audit_team"]).utf8)
      case .table:
        let colour = out == nil && Output.colourEnabled
        let log = access.lines(labels, time: Output(env: env).time)
        let text = AuditTable(report: report, labels: labels, color: colour).render()
        return Data((text + (log.isEmpty ? "" : "\n" + log.joined(separator: "\n") + "\n")).utf8)
      case .html:
        return Data(audit.htmlPage(time: Output(env: env).time, generated: env.now).utf8)
      }
    }
  }
}

/// What `--out FILE --json` reports: the file written, its format, and how much it holds.
struct AuditFileJSON: Encodable {
  var file = ""
  let format: String
  let consultants: Int
  /// With `--list`: the follow-ups written.
  var follow_ups: Int? = nil
}

extension AuditList: ExpressibleByArgument {}
