import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach export leads`: every lead the acting user sees; phones masked unless an admin asks; always recorded.
  struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export", abstract: "Export data (recorded: who, when, rows).", subcommands: [Leads.self])

    struct Leads: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Export leads as CSV or .xlsx (both re-importable) or JSON.")
      enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }
      @Option(help: "csv, json or xlsx (xlsx needs --out).") var format: Format = .csv
      @Option(help: "Write to FILE (mode 0600) instead of stdout.") var out: String?
      @Flag(help: "Phone numbers in full (admins only).") var unmasked = false
      @OptionGroup var global: GlobalOptions

      func validate() throws {
        if format == .xlsx && out == nil {
          throw ValidationError("--format xlsx writes a workbook, not text: give --out FILE.xlsx")
        }
      }

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        if unmasked && !session.isAdmin {
          throw CoachError.refused(
            .notAllowed(.unmasked, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
        }
        let leads = try session.db.snapshots(LeadFilter(scope: session.scope))
        let data: Data
        switch format {
        case .json:
          data =
            try Output(env: env).encoder().encode(["leads": leads.map { LeadJSON($0, fullPhone: unmasked) }])
            + Data("\n".utf8)
        case .csv:
          // The import's lead columns first, so an export imports back.
          // With a BOM on stdout as in a file (contract): Excel then reads it as UTF-8 however it was saved.
          data = Data(LeadExport.csv(leads, zone: env.zone, maskPhone: !unmasked, bom: true).utf8)
        case .xlsx:
          data = try LeadExport.xlsx(leads, zone: env.zone, maskPhone: !unmasked)
        }
        let entry = ExportEntry(
          at: env.now, actor: session.actor, what: "leads", format: format.rawValue, rows: leads.count,
          masked: !unmasked,
          target: out ?? "stdout")
        if let out {
          // Written to a 0600 temp file first; recorded; then moved into place.
          let pending = try SafeFile.prepare(data, for: out)
          try session.db.record(entry)
          try pending.commit()
        } else {
          try session.db.record(entry)
          FileHandle.standardOutput.write(data)
        }
        if out != nil {
          if env.json {
            try Output(env: env).json(ExportResultJSON(rows: leads.count, file: out ?? "", masked: !unmasked))
          } else {
            Output(env: env).confirm(.exported(count: leads.count, path: out ?? "", unmasked: unmasked))
          }
        }
      }
    }
  }
}

struct ExportResultJSON: Encodable {
  let rows: Int
  let file: String
  let masked: Bool
}

/// Writes files with mode 0600, all or nothing: a temp file beside the target, then a rename.
struct SafeFile {
  let tmp: URL
  let target: URL

  static func prepare(_ data: Data, for path: String) throws -> SafeFile {
    let url = URL(fileURLWithPath: path)
    let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: tmp.path, contents: data, attributes: [.posixPermissions: 0o600])
    else {
      throw CoachError.refused(.unwritable(path: path))
    }
    return SafeFile(tmp: tmp, target: url)
  }

  static func write(_ data: Data, to path: String) throws { try prepare(data, for: path).commit() }

  func commit() throws {
    if rename(tmp.path, target.path) != 0 {
      try? FileManager.default.removeItem(at: tmp)
      throw CoachError.refused(.unwritable(path: target.path))
    }
  }
}
