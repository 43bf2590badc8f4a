import CoachCore
import Foundation

/// Prints scenario results: a PASS/FAIL line each, a diff (`- expected` / `+ got`) under each failure.
struct ScenarioReport {
  let results: [ScenarioResult]

  var failed: [ScenarioResult] { results.filter { !$0.passed } }
  var summary: String { "\(results.count - failed.count) passed, \(failed.count) failed" }

  func printText(_ out: Output) {
    for r in results {
      let place = "\(r.scenario.file)\(r.scenario.line.map { ":\($0)" } ?? "")"
      let lang = r.scenario.language.map { " [\($0)]" } ?? ""
      guard !r.passed else {
        out.line("\(Output.dim("PASS")) \(place) \(r.scenario.name)\(lang)")
        continue
      }
      out.line("\(Output.red("FAIL")) \(place) \(Output.bold(r.scenario.name))\(lang)")
      for f in r.failures {
        out.line(Output.red("  - \(f.check): \(f.expected)"))
        out.line(Output.yellow("  + \(f.check): \(f.got)"))
      }
      if let action = r.action {
        let zone = r.scenario.zone
        let when = "due \(Self.time(action.dueAt, zone)), deadline \(Self.time(action.deadline, zone))"
        out.line(Output.dim("    (engine: \(action.code.rawValue), \(when): \(action.reason))"))
      }
    }
    out.line(summary)
  }

  var json: ScenarioRunJSON {
    ScenarioRunJSON(
      error: failed.isEmpty ? nil : ["code": "scenarios_failed", "message": "\(summary): " + failedNames],
      passed: results.count - failed.count, failed: failed.count,
      scenarios: results.map { r in
        ScenarioJSON(
          file: r.scenario.file, line: r.scenario.line, name: r.scenario.name, language: r.scenario.language,
          passed: r.passed, action: r.action?.code.rawValue, failures: r.failures)
      })
  }

  /// `2026-11-24 09:00` in the scenario's zone.
  static func time(_ date: Date, _ zone: TimeZone) -> String {
    String(TimeParsing.iso(date, zone: zone).prefix(16)).replacingOccurrences(of: "T", with: " ")
  }

  var failedNames: String { failed.map { "\"\($0.scenario.name)\" (\($0.scenario.file))" }.joined(separator: ", ") }
}

struct ScenarioRunJSON: Encodable {
  let error: [String: String]?
  let passed: Int
  let failed: Int
  let scenarios: [ScenarioJSON]
}

struct ScenarioJSON: Encodable {
  let file: String
  let line: Int?
  let name: String
  let language: String?
  let passed: Bool
  /// The action the engine chose.
  let action: String?
  let failures: [ScenarioFailure]
}
