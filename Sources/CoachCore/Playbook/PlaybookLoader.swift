import Foundation
import Yams

/// Turns playbook files into a `Playbook`: pure, no file I/O; errors name file:line:column.
public enum PlaybookLoader {
  /// Section names; each is one file `<language>/<section>.yaml` whose top-level key is the section name.
  public static let sections = ["cadence", "care", "topics", "objections", "models", "messages", "labels"]

  /// Loads the playbook for `language` from `files` (paths like `zh-CN/cadence.yaml`).
  /// Throws `CoachError.rejected(code: "invalid_playbook", …)` naming file:line:column.
  public static func load(language: String, files: [PlaybookFile]) throws -> Playbook {
    try loadReport(language: language, files: files).playbook
  }

  /// Like `load`, also returning warnings (unknown keys, which are ignored).
  public static func loadReport(language: String, files: [PlaybookFile]) throws -> PlaybookLoadReport {
    let result = collect(language: language, files: files)
    if let first = result.findings.first(where: { $0.severity == .error }) {
      throw CoachError.refused(.invalidPlaybook(first))
    }
    guard let playbook = result.playbook else {
      throw CoachError.internalError("playbook \(language) decoded without errors but is incomplete")
    }
    return PlaybookLoadReport(playbook: playbook, warnings: result.findings)
  }

  /// The language folders in `files` that hold at least one section file, sorted.
  public static func languages(in files: [PlaybookFile]) -> [String] {
    Set(files.compactMap { f in f.section.flatMap { sections.contains($0) ? f.language : nil } }).sorted()
  }

  // MARK: - Collecting every problem

  struct Collected {
    var playbook: Playbook?
    var findings: [LintFinding]
  }

  /// Decodes every section file of `language`, collecting all errors and warnings instead of stopping at the first.
  static func collect(language: String, files: [PlaybookFile]) -> Collected {
    var findings: [LintFinding] = []
    func section<T: Decodable>(_ name: String, _ type: T.Type) -> T? {
      guard let file = files.first(where: { $0.language == language && $0.section == name }) else {
        let path = "\(language)/\(name).yaml"
        findings.append(
          LintFinding(
            severity: .error, file: path, line: nil, column: nil,
            text: .fileMissing(files: sections.map { "\($0).yaml" }.joined(separator: ", "))))
        return nil
      }
      return SectionDecoder(file: file, section: name).decode(type, findings: &findings)
    }
    let cadence = section("cadence", Cadence.self)
    let care = section("care", Care.self)
    let topics = section("topics", Topics.self)
    let objections = section("objections", [Objection].self)
    let models = section("models", [CarModel].self)
    let messages = section("messages", [MessageTemplate].self)
    let labels = section("labels", Labels.self)
    // Optional: a playbook without vocabulary.yaml matches on examples and concepts alone.
    let hasVocabulary = files.contains { $0.language == language && $0.section == "vocabulary" }
    let vocabulary = hasVocabulary ? section("vocabulary", Vocabulary.self) : nil
    guard let cadence, let care, let topics, let objections, let models, let messages, let labels else {
      return Collected(playbook: nil, findings: findings)
    }
    let playbook = Playbook(
      language: language, cadence: cadence, care: care, topics: topics, objections: objections, models: models,
      messages: messages, labels: labels, vocabulary: vocabulary)
    return Collected(playbook: playbook, findings: findings)
  }
}

/// A loaded playbook with the warnings met while loading it.
public struct PlaybookLoadReport: Sendable {
  public let playbook: Playbook
  /// Unknown keys and other things that were ignored.
  public let warnings: [LintFinding]
}
