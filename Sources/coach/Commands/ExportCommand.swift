import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension ExportLeads.Format: ExpressibleByArgument {}

extension CoachCommand {
  /// `coach export leads`: every lead the acting user sees; phones masked unless an admin asks; always recorded.
  struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export", abstract: "Export data (recorded: who, when, rows).", subcommands: [Leads.self])

    struct Leads: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "Export leads as CSV or .xlsx (both re-importable) or JSON.")
      @Option(help: "csv, json or xlsx (xlsx needs --out; default: the --out file's extension, else csv).")
      var format: ExportLeads.Format?
      @Option(help: "Write to FILE (mode 0600) instead of stdout ('-': stdout).", transform: { $0 == "-" ? nil : $0 })
      var out: String?
      @Flag(help: "Phone numbers, WeChat ids and emails in full (admins only).") var unmasked = false
      @OptionGroup var global: GlobalOptions

      /// The format asked for, else the one the `--out` file's name says (`leads.xlsx` is a workbook: a CSV written
      /// under that name opened nowhere, not even in coach's own import), else CSV.
      var chosen: ExportLeads.Format {
        if let format { return format }
        let ext = out.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        return ExportLeads.Format(rawValue: ext) ?? .csv
      }

      func validate() throws {
        if chosen == .xlsx && out == nil {
          throw ValidationError(OptionRuleText.xlsxNeedsOut.text(global.ui))
        }
      }

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.openExisting(env, for: "coach export")
        let exported = try ExportLeads(format: chosen, out: out, unmasked: unmasked).run(session)
        guard let out else {
          if let data = exported.data { Output.write(data) }
          return
        }
        if env.json {
          try Output(env: env).json(ExportResultJSON(exported, file: out))
        } else {
          Output(env: env).confirm(.exported(count: exported.rows, path: out, unmasked: unmasked))
        }
      }
    }
  }
}
