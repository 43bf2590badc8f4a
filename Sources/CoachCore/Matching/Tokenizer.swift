import Foundation

/// Turns free text in any mix of Chinese and English into matcher tokens.
///
/// Normalisation: NFKC (full-width letters, digits and punctuation become half-width), lowercase,
/// apostrophes dropped inside words ("don't" -> "dont"), every other non-letter is a separator.
/// Latin words are stemmed lightly and stop words dropped; numbers are dropped. A run of CJK
/// characters gives its character unigrams (function characters left out) and all its bigrams. A negation
/// or "only" adds a two-word token with the word after it (`EnglishPairs`).
enum Tokenizer {
  /// Tokens of `text`, in order, with repeats.
  static func tokens(_ text: String) -> [String] {
    guard let scalars = QuickNormalizer.normalized(text) else { return foundationTokens(text) }
    return quickTokens(scalars)
  }

  /// The general path: Foundation's NFKC and Unicode lowercasing, then character by character.
  static func foundationTokens(_ text: String) -> [String] {
    let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
    var tokens: [String] = []
    var word = ""
    var cjkRun: [Character] = []
    var pairs = EnglishPairs()

    func flushWord() {
      defer { word = "" }
      guard !word.isEmpty else { return }
      guard !word.allSatisfy(\.isNumber) else { return pairs.interrupt() }
      let stem = EnglishWords.stem(word)
      let isStop = EnglishWords.isStop(word, stem: stem)
      if !isStop { tokens.append(stem) }
      if let pair = pairs.next(word, stem: stem, isStop: isStop) { tokens.append(pair) }
    }
    func flushCJK() {
      defer { cjkRun = [] }
      if !cjkRun.isEmpty { pairs.interrupt() }
      for (index, char) in cjkRun.enumerated() {
        if !ChineseCharacters.stop.contains(char) { tokens.append(String(char)) }
        if index + 1 < cjkRun.count { tokens.append(String([char, cjkRun[index + 1]])) }
      }
    }

    for char in normalized {
      if isCJK(char) {
        flushWord()
        cjkRun.append(char)
      } else if char.isLetter || char.isNumber {
        flushCJK()
        word.append(char)
      } else if char == "'" || char == "\u{2019}", !word.isEmpty {
        continue  // inside a word: "don't" -> "dont"
      } else {
        flushWord()
        flushCJK()
        if !char.isWhitespace { pairs.interrupt() }
      }
    }
    flushWord()
    flushCJK()
    return tokens
  }

  /// Han ideographs (URO, extension A, compatibility ideographs).
  static func isCJK(_ char: Character) -> Bool {
    guard let scalar = char.unicodeScalars.first, char.unicodeScalars.count == 1 else { return false }
    return isCJK(scalar.value)
  }

  static func isCJK(_ value: UInt32) -> Bool {
    switch value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: return true
    default: return false
    }
  }
}

// MARK: - Chinese function characters

enum ChineseCharacters {
  /// Characters too common to mean anything on their own; they still take part in bigrams.
  static let stop: Set<Character> = [
    "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "哦", "是", "我", "你", "您", "他", "她", "它",
    "们", "这", "那", "个", "就", "都", "也", "还", "在", "和", "与", "很", "么", "得", "地", "着",
  ]

  /// `stop` as scalar values (each is one scalar).
  static let stopScalars: Set<UInt32> = Set(stop.flatMap { $0.unicodeScalars.map(\.value) })
}
