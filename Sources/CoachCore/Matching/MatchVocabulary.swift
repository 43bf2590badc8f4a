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

  private struct Spelling: Sendable {
    var from: String
    var to: String
    var latin: Bool
  }

  private struct CompiledClass: Sendable {
    var token: String
    /// Latin words, matched as whole words on the prepared text.
    var latinWords: [String]
    /// Words holding CJK, matched on the text with white space removed (远航 S6 = 远航S6).
    var compactWords: [String]
    /// Words with `#` (any number), as one regular expression.
    var numbered: NSRegularExpression?
  }

  private let spellings: [Spelling]
  private let classes: [CompiledClass]
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
    self.spellings = spellings.filter { !$0.key.isEmpty }
      .map { Spelling(from: $0.key, to: $0.value, latin: $0.key.unicodeScalars.allSatisfy(\.isASCII)) }
      .sorted { $0.from.count != $1.from.count ? $0.from.count > $1.from.count : $0.from < $1.from }
    classes = order.map { id in
      let folded = Set((words[id] ?? []).map(Self.fold).filter { !$0.isEmpty }).sorted()
      let plain = folded.filter { !$0.contains("#") }
      let numbered = folded.filter { $0.contains("#") }
      return CompiledClass(
        token: "@" + id,
        latinWords: plain.filter { $0.unicodeScalars.allSatisfy(\.isASCII) },
        compactWords: plain.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }.map(Self.compact),
        numbered: Self.regex(numbered))
    }
    classIDs = Set(order)
  }

  /// `text` folded, respelled, and the classes it names.
  func prepare(_ text: String) -> Prepared {
    var folded = Self.fold(text)
    for spelling in spellings where folded.contains(spelling.from) {
      folded = Self.replace(spelling, in: folded)
    }
    let compact = Self.compact(folded)
    var tokens: [String] = []
    for wordClass in classes {
      let named =
        wordClass.compactWords.contains { compact.contains($0) }
        || wordClass.latinWords.contains { Self.containsWord($0, in: folded) }
        || wordClass.numbered.map { $0.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)) != nil }
          ?? false
      if named { tokens.append(wordClass.token) }
    }
    return Prepared(text: folded, classTokens: tokens)
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

  /// Whether `word` occurs in `text` with no ASCII letter or digit right before or after it.
  static func containsWord(_ word: String, in text: String) -> Bool {
    var start = text.startIndex
    while let range = text.range(of: word, range: start..<text.endIndex) {
      if isBoundary(text, before: range.lowerBound), isBoundary(text, after: range.upperBound) { return true }
      start = text.index(after: range.lowerBound)
    }
    return false
  }

  private static func isBoundary(_ text: String, before index: String.Index) -> Bool {
    guard index > text.startIndex else { return true }
    return !isWordCharacter(text[text.index(before: index)])
  }

  private static func isBoundary(_ text: String, after index: String.Index) -> Bool {
    guard index < text.endIndex else { return true }
    return !isWordCharacter(text[index])
  }

  private static func isWordCharacter(_ char: Character) -> Bool {
    char.isASCII && (char.isLetter || char.isNumber)
  }

  private static func replace(_ spelling: Spelling, in text: String) -> String {
    guard spelling.latin else { return text.replacingOccurrences(of: spelling.from, with: spelling.to) }
    var out = ""
    var start = text.startIndex
    var search = text.startIndex
    while let range = text.range(of: spelling.from, range: search..<text.endIndex) {
      if isBoundary(text, before: range.lowerBound), isBoundary(text, after: range.upperBound) {
        out += text[start..<range.lowerBound]
        out += spelling.to
        start = range.upperBound
        search = range.upperBound
      } else {
        search = text.index(after: range.lowerBound)
      }
    }
    out += text[start...]
    return out
  }

  // MARK: - Numbered words

  /// What `#` stands for: digits, Chinese numerals, English number words.
  static let number =
    "(?:[0-9]+(?:\\.[0-9]+)?|[一二两三四五六七八九十百千半俩仨几]+|a few|a couple of|couple of|several|one|two|three|four"
    + "|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"

  private static func regex(_ words: [String]) -> NSRegularExpression? {
    guard !words.isEmpty else { return nil }
    let alternatives = words.map { word -> String in
      let parts = word.components(separatedBy: "#").map(NSRegularExpression.escapedPattern(for:))
      let body = parts.joined(separator: number).replacingOccurrences(of: " ", with: "\\s*")
      let ascii = word.unicodeScalars.allSatisfy(\.isASCII)
      return ascii ? "(?<![a-z0-9])" + body + "(?![a-z])" : body
    }
    return try? NSRegularExpression(pattern: alternatives.joined(separator: "|"))
  }
}
