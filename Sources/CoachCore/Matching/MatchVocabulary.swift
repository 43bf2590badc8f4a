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
    /// Tokens of the stretches of text each class's words cover (吉利星越 is one stretch), with a letter-or-digit
    /// suffix right after a Chinese class word (星越L, 宋PLUS). The class token stands for these:
    /// the matcher leaves out the ones no text of its index holds (a model name the playbook never spells out
    /// would otherwise count as unknown words and lower every score, vs_competitor's too). Empty unless asked for
    /// (a query needs them; the playbook's own texts, prepared at start-up, do not).
    var namedTokens: Set<String> = []
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

  /// `text` folded, respelled, and the classes it names (with the tokens of the words naming them if `named`).
  func prepare(_ text: String, named wantsNamedTokens: Bool = false) -> Prepared {
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
    let spans = classes.spans(in: respelled)
    let named = Set(spans.map(\.payload))
    var view = String.UnicodeScalarView()
    view.append(contentsOf: respelled)
    return Prepared(
      text: String(view), classTokens: classTokens.indices.filter(named.contains).map { classTokens[$0] },
      namedTokens: wantsNamedTokens && !spans.isEmpty ? Self.namedTokens(respelled, spans: spans) : [])
  }

  /// See `Prepared.namedTokens`.
  static func namedTokens(_ text: [Unicode.Scalar], spans: [(start: Int, end: Int, payload: Int)]) -> Set<String> {
    var tokens: Set<String> = []
    // A stretch is one class's words back to back or overlapping (a brand and its model: 吉利星越); words of two
    // classes side by side (颜色配置) stay apart, so the bigram across them counts as it does in any text.
    let sorted = spans.sorted { ($0.payload, $0.start, $0.end) < ($1.payload, $1.start, $1.end) }
    var index = 0
    while index < sorted.count {
      var stretch = sorted[index].start..<sorted[index].end
      index += 1
      while index < sorted.count, sorted[index].payload == sorted[index - 1].payload,
        sorted[index].start <= stretch.upperBound
      {
        stretch = stretch.lowerBound..<max(stretch.upperBound, sorted[index].end)
        index += 1
      }
      var end = stretch.upperBound
      if !stretch.isEmpty, Tokenizer.isCJK(text[end - 1].value) {
        while end < text.count, PhraseScanner.isWordScalar(text[end]) { end += 1 }
      }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: text[stretch.lowerBound..<end])
      tokens.formUnion(Tokenizer.tokens(String(view)))
    }
    return tokens
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
