import ArgumentParser
import CoachCore
import Foundation

extension CoachCommand {
  /// `coach playbook lint [DIR]` (and, later, test/show): trainers' checks.
  struct PlaybookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "playbook", abstract: "Check the playbook trainers edit.", subcommands: [Lint.self])

    struct Lint: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Check a playbook folder (default: --playbooks or the bundled one); exit 65 on errors.")
      @Argument(help: "Playbook folder holding zh-CN/ and en/.") var dir: String?
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let files = try dir.map { try Playbooks.read(dir: $0) } ?? Playbooks.files(env)
        let findings = PlaybookLinter.lint(files: files, today: env.today)
        let errors = findings.filter { $0.severity == .error }
        let summary = "\(errors.count) errors, \(findings.count - errors.count) warnings in \(files.count) files"
        if env.json {
          var error: [String: String]?
          if !errors.isEmpty { error = ["code": "invalid_playbook", "message": summary] }
          try Output(env: env).json(LintJSON(error: error, findings: findings.map(FindingJSON.init)))
        } else {
          for f in findings {
            let place = [f.file, f.line.map(String.init), f.column.map(String.init)].compactMap { $0 }.joined(separator: ":")
            let sev = f.severity == .error ? Output.red("error") : Output.yellow("warning")
            print("\(place): \(sev): \(f.message)")
          }
          print(summary)
        }
        if !errors.isEmpty {
          FileHandle.standardError.write(Data("coach: playbook has \(summary)\n".utf8))
          throw ExitCode(65)
        }
      }
    }
  }
}

struct FindingJSON: Encodable {
  let severity: String
  let file: String
  let line: Int?
  let column: Int?
  let message: String

  init(_ f: LintFinding) {
    severity = f.severity == .error ? "error" : "warning"
    file = f.file
    line = f.line
    column = f.column
    message = f.message
  }
}

struct LintJSON: Encodable {
  let error: [String: String]?
  let findings: [FindingJSON]
}
