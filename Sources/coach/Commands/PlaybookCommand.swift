import ArgumentParser
import CoachCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension CoachCommand {
  /// `coach playbook lint|test|show`: trainers' checks.
  struct PlaybookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "playbook", abstract: "Check the playbook trainers edit.",
      subcommands: [Lint.self, Test.self, Show.self, Objections.self])

    struct Lint: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a playbook folder (default: --playbooks or the bundled one); exit 65 on errors.")
      @Argument(help: "Playbook folder holding zh-CN/ and en/.") var dir: String?
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let files = try dir.map { try Playbooks.read(dir: $0) } ?? Playbooks.files(env)
        let findings = PlaybookLinter.lint(files: files, today: env.today)
        let errors = findings.filter { $0.severity == .error }
        let counts = (errors: errors.count, warnings: findings.count - errors.count, files: files.count)
        let out = Output(env: env)
        let summary = out.say(.lintSummary(errors: counts.errors, warnings: counts.warnings, files: counts.files))
        if env.json {
          var error: [String: String]?
          if !errors.isEmpty { error = ["code": "invalid_playbook", "message": summary] }
          try Output(env: env).json(LintJSON(error: error, findings: findings.map(FindingJSON.init)))
        } else {
          for f in findings {
            let place = [f.file, f.line.map(String.init), f.column.map(String.init)].compactMap { $0 }.joined(
              separator: ":")
            let word = out.say(.lintSeverity(f.severity))
            let sev = f.severity == .error ? Output.red(word) : Output.yellow(word)
            print("\(place): \(sev): \(f.message(in: env.ui))")
          }
          print(summary)
        }
        if !errors.isEmpty {
          let failed = out.say(.lintFailed(errors: counts.errors, warnings: counts.warnings, files: counts.files))
          FileHandle.standardError.write(Data("coach: \(failed)\n".utf8))
          throw ExitCode(65)
        }
      }
    }

    struct Test: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the trainers' scenarios (DIR/tests/*.yaml) against the playbook in DIR; exit 65 if any fails.",
        discussion: "Default DIR: --playbooks, or the bundled playbook with its bundled scenarios.")
      @Argument(help: "Playbook folder holding zh-CN/, en/ and tests/.") var dir: String?
      @Option(help: "Run these scenarios instead (a .yaml file or a folder of them).") var scenarios: String?
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let folder = dir ?? env.playbookDir
        let playbooks = try PlaybookSet.load(
          files: try folder.map { try Playbooks.read(dir: $0) } ?? DefaultPlaybook.files)
        let files = try ScenarioFiles.files(playbookDir: folder, scenarios: scenarios)
        let report = ScenarioReport(
          results: ScenarioRunner.run(
            try ScenarioFiles.scenarios(files, env: env), playbooks: playbooks, language: env.language))
        if env.json { try Output(env: env).json(report.json) } else { report.printText(Output(env: env)) }
        guard report.failed.isEmpty else {
          fflush(nil)
          FileHandle.standardError.write(Data("coach: \(report.summary): \(report.failedNames)\n".utf8))
          throw ExitCode(65)
        }
      }
    }
  }
}

extension CoachCommand.PlaybookCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show what the engine uses of one section after loading, to see the effect of an edit.",
      discussion: "Sections: \(PlaybookView.sections.joined(separator: ", ")). ID picks one entry (a code, id or key).")
    @Argument(help: "cadence, care, holidays, topics, objections, models, messages or labels.") var section: String
    @Argument(help: "One entry of the section (objection code, model code, holiday id, …).") var id: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let view = try PlaybookView.select(try Playbooks.load(env), section: section, id: id, today: env.today)
      guard !env.json else {
        Output.write(try view.json() + Data("\n".utf8))
        return
      }
      print(Output.bold("\(view.title) (\(env.language))"))
      print(view.text)
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
