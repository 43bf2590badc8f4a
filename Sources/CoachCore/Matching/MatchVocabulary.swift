import Foundation

/// The playbook's vocabulary (every language merged), ready to prepare text for the matcher.
///
/// Preparing a text: traditional characters folded to simplified, NFKC and lowercase, other
/// spellings (pinyin, dialect, slang) rewritten to the usual ones, then every word class named in
/// the text becomes one class token `@id` (added to the text's tokens by the matcher).
struct MatchVocabulary: Sendable {
  /// A text after preparation.
  struct Prepared: Sendable {
    var text: String
    /// `@id` of every word class the text names, each once, in class order.
    var classTokens: [String]
  }

  private let replacements: [[Unicode.Scalar]]
  private let spellings: PhraseScanner
  private let classTokens: [String]
  private let classes: PhraseScanner
  /// Class ids known, for checking concepts.
  let classIDs: Set<String>

  static let empty = MatchVocabulary(vocabularies: [])

  /// `extraWords` adds words to classes by id (e.g. the model catalog's competitor names).
  init(vocabularies: [Vocabulary], extraWords: [String: [String]] = [:]) {
    var spellings: [String: String] = [:]
    var words: [String: [String]] = extraWords
    var order: [String] = extraWords.keys.sorted()
    for vocabulary in vocabularies {
      for (from, to) in vocabulary.spellings ?? [:] { spellings[Self.fold(from)] = Self.fold(to) }
      for wordClass in vocabulary.classes {
        if words[wordClass.id] == nil { order.append(wordClass.id) }
        words[wordClass.id, default: []] += wordClass.words
      }
    }
    let sortedSpellings = spellings.filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }
    replacements = sortedSpellings.map { Array($0.value.unicodeScalars) }
    self.spellings = PhraseScanner(sortedSpellings.enumerated().map { ($0.element.key, $0.offset) })
    classTokens = order.map { "@" + $0 }
    classes = PhraseScanner(
      order.enumerated().flatMap { index, id in (words[id] ?? []).map { (Self.fold($0), index) } })
    classIDs = Set(order)
  }

  /// `text` folded, respelled, and the classes it names.
  func prepare(_ text: String) -> Prepared {
    let folded = Array(Self.fold(text).unicodeScalars)
    var respelled: [Unicode.Scalar] = []
    respelled.reserveCapacity(folded.count)
    var position = 0
    while position < folded.count {
      if let found = spellings.longestMatch(in: folded, at: position) {
        respelled += replacements[found.payload]
        position = found.end
      } else {
        respelled.append(folded[position])
        position += 1
      }
    }
    let named = classes.payloads(in: respelled)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: respelled)
    return Prepared(text: String(view), classTokens: classTokens.indices.filter(named.contains).map { classTokens[$0] })
  }

  // MARK: - Text folding

  /// Simplified script, NFKC, lowercase (the tokenizer's fast normaliser where it applies).
  static func fold(_ text: String) -> String {
    let simplified = ChineseScript.simplified(text)
    if let scalars = QuickNormalizer.normalized(simplified) {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      return String(view)
    }
    return simplified.precomposedStringWithCompatibilityMapping.lowercased()
  }

  static func compact(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }
}
