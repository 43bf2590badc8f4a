import Foundation

// MARK: - Concepts and vocabulary (the objection matcher's words)

extension LintContext {
  /// Every `@class` an objection's concepts name must be a word class of this language's vocabulary.yaml;
  /// a class must have words.
  func checkConcepts() {
    let classes = Set(playbook.vocabulary?.classes.map(\.id) ?? [])
    for (i, objection) in playbook.objections.enumerated() {
      for (j, concept) in (objection.concepts ?? []).enumerated() where concept.hasPrefix("@") {
        let id = String(concept.dropFirst())
        guard !classes.contains(id) else { continue }
        let known = classes.sorted().map { "@\($0)" }.joined(separator: ", ")
        error(
          "objections", [i, "concepts", j],
          "objection `\(objection.code)` names word class `\(concept)`, which vocabulary.yaml does not define; "
            + "classes: \(known.isEmpty ? "none (add vocabulary.yaml)" : known)")
      }
    }
    for (i, wordClass) in (playbook.vocabulary?.classes ?? []).enumerated() where wordClass.words.isEmpty {
      error("vocabulary", ["classes", i, "words"], "word class `\(wordClass.id)` has no words; give at least one")
    }
  }
}
