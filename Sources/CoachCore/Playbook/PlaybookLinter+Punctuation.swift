import Foundation
import Yams

extension LintContext {
  /// Keys whose values are matched or looked up, never shown: a customer's own phrasings, word lists, codes.
  static let matchedKeys: Set<String> = [
    "examples", "concepts", "match", "profile_keys", "typical_stages", "code", "id",
  ]

  /// In a Chinese playbook, text with ASCII `, : ; ? !` among Chinese (`目的: 说明原因, 给出…`) is shown as written
  /// in the brief and on the pages, where coach's own labels write `目的：`. One warning per file, at its first such
  /// text, with how many there are and the first as Chinese writes it. Message templates are left out: a draft is
  /// typeset as it is made (`MessageDraft`), and so is the reason.
  func checkChinesePunctuation() {
    guard playbook.isChinese else { return }
    for section in PlaybookLoader.sections where section != "messages" {
      guard let root = node(section, []) else { continue }
      var loose: [(Node, String)] = []
      Self.collectLoose(root, into: &loose)
      guard let (first, typeset) = loose.first else { continue }
      let shown = typeset.count > 60 ? String(typeset.prefix(60)) + "…" : typeset
      add(.warning, section, at: first, .asciiPunctuation(count: loose.count, typeset: shown))
    }
  }

  /// The scalars under `node` (outside `matchedKeys`) that Chinese would write otherwise, in file order, each with
  /// its text typeset (`ChineseText.punctuated`).
  static func collectLoose(_ node: Node, into loose: inout [(Node, String)]) {
    switch node {
    case .scalar(let s):
      let typeset = ChineseText.punctuated(s.string)
      if typeset != s.string { loose.append((node, typeset)) }
    case .mapping(let m):
      for (key, value) in m where !matchedKeys.contains(key.scalar?.string ?? "") { collectLoose(value, into: &loose) }
    case .sequence(let s):
      for item in s { collectLoose(item, into: &loose) }
    case .alias:
      break
    }
  }
}
