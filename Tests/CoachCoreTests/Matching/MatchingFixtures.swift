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

  /// The repository's `playbooks/` folder loaded as the CLI loads `--playbooks DIR` (every language).
  static func playbookSet() throws -> PlaybookSet {
    let root = repoRoot.appendingPathComponent("playbooks")
    var files: [PlaybookFile] = []
    for language in ["zh-CN", "en"] {
      let folder = root.appendingPathComponent(language)
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      where name.hasSuffix(".yaml") {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        files.append(PlaybookFile(path: "\(language)/\(name)", text: text))
      }
    }
    return try PlaybookSet.load(files: files)
  }

  /// Rows of `showroom.tsv`: utterances written before reading the playbook examples (issue 13).
  static func showroom() throws -> [Phrase] { try rows("showroom.tsv") }

  /// Rows of `showroom-heldout.tsv`: a second set written before this round's tuning and never tuned on.
  static func heldOut() throws -> [Phrase] { try rows("showroom-heldout.tsv") }

  /// A showroom fixture by name: `showroom` or `heldout`.
  static func showroomFixture(_ name: String) throws -> [Phrase] {
    name == "heldout" ? try heldOut() : try showroom()
  }

  /// Rows of `paraphrases.tsv` (language, code or "-", text); `#` lines are comments.
  static func paraphrases() throws -> [Phrase] { try rows("paraphrases.tsv") }

  private static func rows(_ file: String) throws -> [Phrase] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(file)
    return try String(contentsOf: url, encoding: .utf8)
      .split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { line in
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        precondition(fields.count == 3, "\(file): expected 3 tab-separated fields in: \(line)")
        return Phrase(language: fields[0], code: fields[1] == "-" ? nil : fields[1], text: fields[2])
      }
  }
}
