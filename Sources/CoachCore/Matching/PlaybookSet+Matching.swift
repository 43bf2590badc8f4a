/// Building the objection matcher from a playbook set, in one place for every command.
extension PlaybookSet {
  /// Playbooks in language order (sorted codes).
  private var sortedPlaybooks: [Playbook] { languages.keys.sorted().compactMap { languages[$0] } }

  /// The matcher over every language's objections, concepts and vocabulary, the catalog's competitor
  /// names, and the showroom's `learned` phrasings.
  public func objectionMatcher(learned: [LearnedPhrasing] = []) -> ObjectionMatcher {
    let books = sortedPlaybooks
    return ObjectionMatcher(
      objections: books.flatMap(\.objections), vocabularies: books.compactMap(\.vocabulary), learned: learned,
      competitorNames: books.flatMap { $0.models.flatMap { $0.competitors.map(\.name) } })
  }

  /// The catalog competitor that `text` names, in `language`'s words: found by its name in any language
  /// (the longest name found wins: 北辰 L6 新能源 over 北辰 L6), returned from `language`'s catalog.
  public func competitorNamed(in text: String, language: String) -> (model: CarModel, competitor: Competitor)? {
    let compactText = MatchVocabulary.compact(MatchVocabulary.fold(text))
    var found: (model: String, index: Int, length: Int)?
    for book in sortedPlaybooks {
      for model in book.models {
        for (index, competitor) in model.competitors.enumerated() {
          let name = MatchVocabulary.compact(MatchVocabulary.fold(competitor.name))
          guard !name.isEmpty, compactText.contains(name), name.count > (found?.length ?? 0) else { continue }
          found = (model.code, index, name.count)
        }
      }
    }
    guard let found, let model = playbook(language)?.model(found.model),
      model.competitors.indices.contains(found.index)
    else { return nil }
    return (model, model.competitors[found.index])
  }
}
