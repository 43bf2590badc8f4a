import Foundation
import Yams

/// Turns decoded specs into scenarios: resolves times against `now`, checks codes, and reports
/// each problem at the line and column of the value that caused it.
final class ScenarioResolver {
  let path: String
  let root: Node
  let defaults: (now: Date, zone: TimeZone, language: String?)
  private(set) var findings: [LintFinding] = []
  /// Where values are read from while resolving one scenario.
  var now: Date
  var zone: TimeZone

  init(path: String, root: Node, defaults: (now: Date, zone: TimeZone, language: String?)) {
    self.path = path
    self.root = root
    self.defaults = defaults
    now = defaults.now
    zone = defaults.zone
  }

  // MARK: - Reporting

  func fail(_ at: [any Sendable], _ message: String) {
    let keys: [any CodingKey] = at.map { part in
      if let i = part as? Int { return YAMLKey(intValue: i) }
      return YAMLKey(stringValue: "\(part)")
    }
    let mark = root.deepest(along: keys).mark
    findings.append(
      LintFinding(
        severity: .error, file: path, line: mark?.line, column: mark?.column,
        message: "\(YAMLKey.display(keys)): \(message)"))
  }

  func line(_ at: [any Sendable]) -> Int? {
    root.deepest(along: at.map { ($0 as? Int).map { YAMLKey(intValue: $0) } ?? YAMLKey(stringValue: "\($0)") }).mark?
      .line
  }

  // MARK: - Values

  /// A closed code (stage, grade, channel, …), or nil with an error naming what is accepted.
  func code<T: RawRepresentable & CaseIterable>(_ text: String?, _ type: T.Type, _ at: [any Sendable], what: String)
    -> T? where T.RawValue == String
  {
    guard let text else { return nil }
    if let value = T(rawValue: text) ?? T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
      return value
    }
    fail(at, "unknown \(what) `\(text)`; use one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    return nil
  }

  func instant(_ text: String?, _ at: [any Sendable]) -> Date? {
    guard let text else { return nil }
    if let date = RelativeTime.instant(text, now: now, zone: zone) { return date }
    fail(at, "`\(text)` is not a time; write \(RelativeTime.instantForms)")
    return nil
  }

  func day(_ text: String?, _ at: [any Sendable]) -> LocalDate? {
    guard let text else { return nil }
    if let day = RelativeTime.day(text, now: now, zone: zone) { return day }
    fail(at, "`\(text)` is not a day; write \(RelativeTime.dayForms)")
    return nil
  }

  // MARK: - Scenarios

  func scenarios(_ spec: ScenarioFileSpec) -> [Scenario] {
    let fileZone = timeZone(spec.tz, ["tz"]) ?? defaults.zone
    zone = fileZone
    let fileNow = instant(spec.now, ["now"]) ?? defaults.now
    if spec.scenarios.isEmpty { fail(["scenarios"], "no scenarios; add at least one `- name: …` entry") }
    var seen: [String: Int] = [:]
    return spec.scenarios.enumerated().compactMap { i, s in
      let at: [any Sendable] = ["scenarios", i]
      if let first = seen[s.name] {
        fail(
          at + ["name"], "scenario name `\(s.name)` is used twice (first at line \(line(["scenarios", first]) ?? 0))")
      }
      seen[s.name] = seen[s.name] ?? i
      zone = timeZone(s.tz, at + ["tz"]) ?? fileZone
      now = fileNow
      now = instant(s.now, at + ["now"]) ?? fileNow
      let before = findings.count
      let lead = lead(s.lead, at + ["lead"])
      let expect = expectation(s.expect, at + ["expect"])
      guard findings.count == before, let lead else { return nil }
      return Scenario(
        file: path, line: line(at), name: s.name, language: s.language ?? spec.language ?? defaults.language,
        now: now, zone: zone, lead: lead, expect: expect)
    }
  }

  func timeZone(_ name: String?, _ at: [any Sendable]) -> TimeZone? {
    guard let name else { return nil }
    if let zone = TimeZone(identifier: name) { return zone }
    fail(at, "`\(name)` is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC)")
    return nil
  }
}
