import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach import leads|touches FILE` (CSV in UTF-8 or GBK, or .xlsx): one transaction; bad rows reported by line.
  struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import leads or touches from CSV (UTF-8 or GBK) or .xlsx, all in one transaction.",
      subcommands: [Leads.self, Touches.self])

    struct Leads: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "Import leads (external_id, name, phone, … or 客户姓名, 手机号, …).")
      @OptionGroup var file: ImportFileOptions
      @OptionGroup var global: GlobalOptions

      func run() throws { try file.run(.leads, global) }
    }

    struct Touches: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "touches",
        abstract: "Import touches (lead_external_id, at, channel, outcome, … or 客户编号, 跟进时间, …).")
      @OptionGroup var file: ImportFileOptions
      @OptionGroup var global: GlobalOptions

      func run() throws { try file.run(.touches, global) }
    }
  }
}

/// The file and how to read it: shared by both imports.
struct ImportFileOptions: ParsableArguments {
  @Argument(help: "The file: CSV (UTF-8 or GBK) or .xlsx.") var file: String
  @Flag(help: "Refuse the whole file if any row is bad.") var strict = false
  @Flag(help: "Read and check the whole file and report, writing nothing.") var dryRun = false
  @Option(help: "The sheet of an .xlsx file (default: the first).") var sheet: String?
  @Option(
    help: ArgumentHelp(
      "Read column HEADER as FIELD (repeatable), like --map '意向金额=profile'.", valueName: "HEADER=FIELD"))
  var map: [String] = []

  /// Imports the file as `kind` (`ImportFile`) and prints the report. The file and the playbooks are read before
  /// the database is opened: a file that cannot be read creates nothing.
  func run(_ kind: ImportSchema.Kind, _ global: GlobalOptions) throws {
    let env = try RunEnvironment(global)
    var input = ImportFile(kind, path: file)
    (input.sheet, input.strict, input.dryRun, input.map) = (sheet, strict, dryRun, map)
    try ImportIO.report(input.run(env, warn: ImportIO.warn), env: env)
  }
}

/// Header warnings and the report, for people or (`--json`) for scripts.
enum ImportIO {
  static func warn(_ warnings: [String]) {
    for w in warnings { FileHandle.standardError.write(Data("coach: warning: \(w)\n".utf8)) }
  }

  static func report(_ report: ImportReport, env: RunEnvironment) throws {
    if env.json {
      try Output(env: env).json(ImportReportJSON(report))
      return
    }
    let out = Output(env: env)
    let noun = report.kind.rawValue
    guard report.dryRun else {
      out.confirm(
        .imported(count: report.imported, noun: noun, encoding: report.format, skipped: report.skipped.count))
      for e in report.skipped { out.confirm(.skippedLine(line: e.line, reason: e.reason)) }
      if !report.newConsultants.isEmpty { out.confirm(.newConsultants(report.newConsultants)) }
      return
    }
    let say = { (line: ImportReportText) in print(line.text(env.ui)) }
    say(.dryRun(count: report.imported, noun: noun, format: report.format, skipped: report.skipped.count))
    for e in report.skipped { say(.badRow(line: e.line, reason: e.reason)) }
    say(.columns(report.columns))
    if !report.ignoredColumns.isEmpty { say(.ignoredColumns(report.ignoredColumns)) }
    if !report.newConsultants.isEmpty { say(.wouldCreate(report.newConsultants)) }
  }
}
