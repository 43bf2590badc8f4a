import CoachCore
import Foundation

/// Finds the scenario files of a run: `DIR/tests/*.yaml` of the playbook folder, a `--scenarios` file or folder,
/// or the bundled scenarios that go with the bundled playbook.
enum ScenarioFiles {
  /// The files to run; paths are shown as `tests/<name>.yaml` (or as given for `--scenarios`).
  static func files(playbookDir: String?, scenarios: String?) throws -> [PlaybookFile] {
    if let scenarios { return try read(scenarios, shownAs: scenarios) }
    guard let dir = playbookDir else { return DefaultScenarios.files }
    let tests = (dir as NSString).appendingPathComponent("tests")
    guard FileManager.default.fileExists(atPath: tests) else {
      throw CoachError.rejected(
        code: "no_scenarios",
        message: "no scenarios in \(dir): trainers write them as \(tests)/*.yaml (or give --scenarios FILE_OR_DIR)")
    }
    return try read(tests, shownAs: "tests")
  }

  /// Reads one YAML file, or every `*.yaml` / `*.yml` in a folder (sorted by name).
  static func read(_ path: String, shownAs shown: String) throws -> [PlaybookFile] {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
      throw CoachError.rejected(
        code: "no_scenarios", message: "\(path) does not exist: give a scenario file or a folder of them")
    }
    let names: [String]
    if isDir.boolValue {
      names = try fm.contentsOfDirectory(atPath: path).sorted().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    } else {
      names = [""]
    }
    let files = try names.map { name -> PlaybookFile in
      let full = name.isEmpty ? path : (path as NSString).appendingPathComponent(name)
      let display = name.isEmpty ? shown : "\(shown)/\(name)"
      guard let data = fm.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
        throw CoachError.rejected(code: "invalid_scenario", message: "\(display): cannot read it as UTF-8 text")
      }
      return PlaybookFile(path: display, text: text)
    }
    if files.isEmpty {
      throw CoachError.rejected(code: "no_scenarios", message: "no *.yaml scenario files in \(path)")
    }
    return files
  }

  /// Parses every file; throws (exit 65) naming file:line:column when any file has schema errors.
  static func scenarios(_ files: [PlaybookFile], env: RunEnvironment) throws -> [Scenario] {
    var scenarios: [Scenario] = []
    var errors: [LintFinding] = []
    for file in files {
      let parsed = ScenarioParser.parse(file: file.path, text: file.text, now: env.now, zone: env.zone)
      scenarios += parsed.scenarios
      errors += parsed.findings
    }
    guard let first = errors.first else { return scenarios }
    for e in errors.dropFirst() { FileHandle.standardError.write(Data("coach: \(e.location)\(e.message)\n".utf8)) }
    let more = errors.count > 1 ? " (and \(errors.count - 1) more problems above)" : ""
    throw CoachError.rejected(code: "invalid_scenario", message: first.location + first.message + more)
  }
}
