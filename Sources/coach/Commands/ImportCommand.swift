import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach import leads|touches FILE.csv`: one transaction; bad rows reported by line.
  struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import", abstract: "Import leads or touches from CSV (UTF-8 or GBK), all in one transaction.",
      subcommands: [Leads.self, Touches.self])

    struct Leads: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Import leads (external_id, name, phone, …).")
      @Argument(help: "The CSV file.") var file: String
      @Flag(help: "Refuse the whole file if any row is bad.") var strict = false
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        let models = try Playbooks.load(env).models.map(\.code)
        let batch = try CSVImport.leads(
          try ImportIO.read(file), options: ImportOptions(zone: env.zone, fileName: file, knownModels: models))
        let result = try ImportIO.run(env: env, file: file, warnings: batch.warnings) {
          try session.db.importLeads(batch.rows, parseErrors: batch.errors, strict: strict, now: env.now, actor: session.actor)
        }
        try ImportIO.report(result, env: env, noun: "leads", encoding: batch.encoding)
      }
    }

    struct Touches: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Import touches (lead_external_id, at, channel, outcome, …).")
      @Argument(help: "The CSV file.") var file: String
      @Flag(help: "Refuse the whole file if any row is bad.") var strict = false
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        let batch = try CSVImport.touches(try ImportIO.read(file), options: ImportOptions(zone: env.zone, fileName: file))
        let result = try ImportIO.run(env: env, file: file, warnings: batch.warnings) {
          try session.db.importTouches(batch.rows, parseErrors: batch.errors, strict: strict, actor: session.actor, scope: session.scope)
        }
        try ImportIO.report(result, env: env, noun: "touches", encoding: batch.encoding)
      }
    }
  }
}

/// File reading and reporting shared by both imports.
enum ImportIO {
  static func read(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CoachError.rejected(code: "unreadable_file", message: "cannot read \(path): check the path and permissions")
    }
    return [UInt8](data)
  }

  /// Prints header warnings, runs the import, and turns a strict refusal into exit 65 naming the lines.
  static func run(env: RunEnvironment, file: String, warnings: [String], _ body: () throws -> ImportResult) throws -> ImportResult {
    for w in warnings { FileHandle.standardError.write(Data("coach: warning: \(w)\n".utf8)) }
    do {
      return try body()
    } catch ImportFailure.strict(let errors) {
      let shown = errors.prefix(5).map { "\(file):\($0.line): \($0.reason)" }.joined(separator: "; ")
      let more = errors.count > 5 ? " (and \(errors.count - 5) more)" : ""
      throw CoachError.rejected(
        code: "bad_rows", message: "--strict: \(errors.count) bad rows, nothing imported: \(shown)\(more)")
    }
  }

  static func report(_ result: ImportResult, env: RunEnvironment, noun: String, encoding: CSVEncoding) throws {
    if env.json {
      try Output(env: env).json(
        ImportResultJSON(imported: result.imported, skipped: result.skipped.map { .init(line: $0.line, reason: $0.reason) }))
      return
    }
    print("imported \(result.imported) \(noun) (\(encoding.rawValue)); skipped \(result.skipped.count)")
    for e in result.skipped { print("  line \(e.line): \(e.reason)") }
    if !result.createdConsultants.isEmpty {
      print("new consultants: \(result.createdConsultants.joined(separator: ", "))")
    }
  }
}

struct ImportResultJSON: Encodable {
  struct Skipped: Encodable {
    let line: Int
    let reason: String
  }
  let imported: Int
  let skipped: [Skipped]
}
