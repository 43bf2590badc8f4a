import Foundation

// MARK: - The same ids in every language

extension PlaybookLinter {
  /// Id lists that must match across languages: (section, what, path to the list, ids of a playbook).
  static let sharedIds: [(section: String, what: String, list: [any Sendable], ids: @Sendable (Playbook) -> [String])] =
    [
      ("objections", "objection", [], { $0.objections.map(\.code) }),
      ("models", "model", [], { $0.models.map(\.code) }),
      ("messages", "message", [], { $0.messages.map(\.id) }),
      ("care", "holiday", ["holidays"], { $0.care.holidays.map(\.id) }),
      ("topics", "created topic", ["created"], { $0.topics.created.map(\.id) }),
      ("topics", "dug_up rule", ["dug_up"], { $0.topics.dugUp.map(\.id) }),
      ("topics", "buried kind", ["buried"], { $0.topics.buried.keys.sorted() }),
      ("vocabulary", "word class", ["classes"], { $0.vocabulary?.classes.map(\.id) ?? [] }),
    ]

  /// Reports, in each language's file, ids another language has and this one lacks.
  static func crossLanguage(_ contexts: [LintContext]) -> [LintFinding] {
    var findings: [LintFinding] = []
    for rule in sharedIds {
      let idsByLang = contexts.map { (context: $0, ids: rule.ids($0.playbook)) }
      for (context, ids) in idsByLang {
        let mine = Set(ids)
        for (other, otherIds) in idsByLang where other.language != context.language {
          for id in otherIds where !mine.contains(id) {
            let mark = context.node(rule.section, rule.list)?.mark
            findings.append(
              LintFinding(
                severity: .error, file: context.path(rule.section), line: mark?.line, column: mark?.column,
                text: .missingInLanguage(what: rule.what, id: id, other: other.language)))
          }
        }
      }
    }
    return Array(Set(findings))
  }
}
