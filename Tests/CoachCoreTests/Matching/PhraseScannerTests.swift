import Foundation
import Testing

@testable import CoachCore

/// The scanner (one pass, candidates by first scalar) finds what a plain regular-expression search of every
/// phrase finds, on the fixtures' texts and the vocabulary's own words.
@Suite struct PhraseScannerTests {
  /// The plain path: each phrase as its own regular expression, searched anywhere in the text.
  static func plainPayloads(_ phrases: [(phrase: String, payload: Int)], in text: String) -> Set<Int> {
    let number =
      "(?:[0-9][0-9.]*|[一二两三四五六七八九十百千半俩仨几]+|(?<![a-zA-Z0-9])(?:a couple of|couple of|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?![a-zA-Z0-9]))"
    var found: Set<Int> = []
    for (phrase, payload) in phrases {
      let trimmed = phrase.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      var pattern = ""
      var lastWasSpace = false
      for char in trimmed {
        if char == "#" {
          pattern += number
          lastWasSpace = false
        } else if char.isWhitespace {
          if !lastWasSpace { pattern += "\\s*" }
          lastWasSpace = true
        } else {
          pattern += NSRegularExpression.escapedPattern(for: String(char))
          lastWasSpace = false
        }
      }
      let word = "[a-zA-Z0-9]"
      if let first = trimmed.unicodeScalars.first, PhraseScanner.isWordScalar(first) {
        pattern = "(?<!\(word))" + pattern
      }
      if let last = trimmed.unicodeScalars.last, PhraseScanner.isWordScalar(last) { pattern += "(?!\(word))" }
      let regex = try? NSRegularExpression(pattern: pattern)
      if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil { found.insert(payload) }
    }
    return found
  }

  @Test func scannerFindsWhatAPlainSearchFinds() throws {
    let set = try MatchingFixtures.playbookSet()
    let classes = set.languages.values.compactMap(\.vocabulary).flatMap(\.classes)
    let phrases = classes.enumerated().flatMap { index, c in c.words.map { (MatchVocabulary.fold($0), index) } }
    let scanner = PhraseScanner(phrases)
    let texts =
      try (MatchingFixtures.showroom() + MatchingFixtures.paraphrases()).map(\.text) + phrases.map(\.0)
      + ["twelve weeks", "often", "3weeks", "下礼拜三", "十二周", "a few weeks", "tentative", "8k off", "远航   s6"]
    for text in texts {
      let folded = MatchVocabulary.fold(text)
      #expect(scanner.payloads(in: Array(folded.unicodeScalars)) == Self.plainPayloads(phrases, in: folded), "\(text)")
    }
  }

  @Test func numbersAndSpacesAndWordBoundaries() {
    let scanner = PhraseScanner([("# weeks", 0), ("#个月", 1), ("ten", 2), ("远航 s6", 3)])
    let found = { (text: String) in scanner.payloads(in: Array(text.unicodeScalars)) }
    #expect(found("twelve weeks") == [0])
    #expect(found("俩个月") == [1])
    #expect(found("often") == [])
    #expect(found("跟远航s6比") == [3])
  }

  @Test func spellingsAndTraditionalScriptAreFolded() throws {
    let vocabulary = MatchVocabulary(
      vocabularies: try MatchingFixtures.playbookSet().languages.values.compactMap(\.vocabulary))
    #expect(vocabulary.prepare("能不能jiang价").text == "能不能降价")
    #expect(vocabulary.prepare("別人xianche隨時提").text.contains("现车"))
    #expect(vocabulary.prepare("等車時間太長").text == "等车时间太长")
    #expect(vocabulary.prepare("要等仨月").classTokens.contains("@duration"))
    #expect(vocabulary.prepare("Twelve weeks? Too long").classTokens.contains("@duration"))
  }
}
