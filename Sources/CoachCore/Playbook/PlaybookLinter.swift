import Foundation
import Yams

/// Checks playbook files for what would make coach misbehave or embarrass a consultant. Pure.
public enum PlaybookLinter {
  /// Every finding in `files` (all language folders), errors and warnings, sorted by file and position.
  /// `today` decides which created topics have ended.
  public static func lint(files: [PlaybookFile], today: LocalDate) -> [LintFinding] {
    let langs = PlaybookLoader.languages(in: files)
    guard !langs.isEmpty else {
      return [
        LintFinding(
          severity: .error, file: ".", line: nil, column: nil,
          text: .noPlaybook(files: PlaybookLoader.sections.map { "\($0).yaml" }.joined(separator: ", ")))
      ]
    }
    var findings: [LintFinding] = []
    var contexts: [LintContext] = []
    for lang in langs {
      let collected = PlaybookLoader.collect(language: lang, files: files)
      findings += collected.findings
      guard let playbook = collected.playbook else { continue }
      let context = LintContext(language: lang, playbook: playbook, files: files, today: today)
      context.checkAll()
      findings += context.findings
      contexts.append(context)
    }
    if contexts.count > 1 { findings += crossLanguage(contexts) }
    return findings.sorted {
      ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message)
    }
  }
}

/// One language's playbook under check, with its files' YAML trees for locating findings.
final class LintContext {
  let language: String
  let playbook: Playbook
  let today: LocalDate
  private let files: [String: PlaybookFile]
  private var roots: [String: Node] = [:]
  private(set) var findings: [LintFinding] = []

  init(language: String, playbook: Playbook, files: [PlaybookFile], today: LocalDate) {
    self.language = language
    self.playbook = playbook
    self.today = today
    var bySection: [String: PlaybookFile] = [:]
    for file in files where file.language == language {
      if let section = file.section, bySection[section] == nil { bySection[section] = file }
    }
    self.files = bySection
  }

  func checkAll() {
    checkCadence()
    checkHolidays()
    checkTopics()
    checkModels()
    checkObjections()
    checkConcepts()
    checkMessages()
    checkLabels()
    checkChinesePunctuation()
  }

  // MARK: - Locating

  func path(_ section: String) -> String { files[section]?.path ?? "\(language)/\(section).yaml" }

  /// The node at `path` under `section` (keys as strings, list positions as Ints), or the deepest one reached.
  func node(_ section: String, _ path: [any Sendable]) -> Node? {
    if roots[section] == nil, let text = files[section]?.text, let root = try? Yams.compose(yaml: text) {
      roots[section] = root
    }
    let keys: [any CodingKey] =
      [YAMLKey(stringValue: section)]
      + path.map { part in
        if let i = part as? Int { return YAMLKey(intValue: i) }
        return YAMLKey(stringValue: "\(part)")
      }
    return roots[section]?.deepest(along: keys)
  }

  func add(_ severity: LintFinding.Severity, _ section: String, _ at: [any Sendable], _ message: String) {
    let mark = node(section, at)?.mark
    findings.append(
      LintFinding(severity: severity, file: path(section), line: mark?.line, column: mark?.column, message: message))
  }

  func add(_ severity: LintFinding.Severity, _ section: String, _ at: [any Sendable], _ text: LintText) {
    add(severity, section, at: node(section, at), text)
  }

  /// A finding at `node` of `section`'s file (no position when there is none).
  func add(_ severity: LintFinding.Severity, _ section: String, at node: Node?, _ text: LintText) {
    let mark = node?.mark
    findings.append(
      LintFinding(severity: severity, file: path(section), line: mark?.line, column: mark?.column, text: text))
  }

  func error(_ section: String, _ at: [any Sendable], _ text: LintText) { add(.error, section, at, text) }
  func warning(_ section: String, _ at: [any Sendable], _ text: LintText) { add(.warning, section, at, text) }
  func error(_ section: String, _ at: [any Sendable], _ message: String) { add(.error, section, at, message) }
  func warning(_ section: String, _ at: [any Sendable], _ message: String) { add(.warning, section, at, message) }

  /// Reports every id after its first occurrence in `ids`.
  func checkDuplicates(_ section: String, _ ids: [String], what: String, at: (Int) -> [any Sendable]) {
    var seen: [String: Int] = [:]
    for (i, id) in ids.enumerated() {
      if let first = seen[id] {
        error(section, at(i), .duplicate(what: what, id: id, firstLine: node(section, at(first))?.mark?.line))
      } else {
        seen[id] = i
      }
    }
  }
}
