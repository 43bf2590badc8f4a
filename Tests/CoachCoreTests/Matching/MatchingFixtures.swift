import CoachCore
import Foundation
import Yams

/// Loads the on-disk playbook objections and the paraphrase fixture for the matcher tests.
/// (Kept local: the real playbook loader lives elsewhere; this only needs objections.yaml.)
enum MatchingFixtures {
  static let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `playbooks/<language>/objections.yaml`, snake_case keys converted through JSONDecoder.
  static func objections(_ language: String) throws -> [Objection] {
    struct File: Decodable { var objections: [Objection] }
    let url = repoRoot.appendingPathComponent("playbooks/\(language)/objections.yaml")
    let yaml = try String(contentsOf: url, encoding: .utf8)
    let tree = try Yams.load(yaml: yaml) ?? [:]
    let json = try JSONSerialization.data(withJSONObject: tree)
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(File.self, from: json).objections
  }

  /// Both languages' objections, as the CLI merges them for matching.
  static func allObjections() throws -> [Objection] {
    try objections("zh-CN") + objections("en")
  }

  struct Phrase: Sendable {
    var language: String
    /// Expected code, nil when the phrase is unrelated and must match nothing.
    var code: String?
    var text: String
  }

  /// Rows of `paraphrases.tsv` (language, code or "-", text); `#` lines are comments.
  static func paraphrases() throws -> [Phrase] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("paraphrases.tsv")
    return try String(contentsOf: url, encoding: .utf8)
      .split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { line in
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        precondition(fields.count == 3, "paraphrases.tsv: expected 3 tab-separated fields in: \(line)")
        return Phrase(language: fields[0], code: fields[1] == "-" ? nil : fields[1], text: fields[2])
      }
  }
}
