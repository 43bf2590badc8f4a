import Foundation
import Testing

@testable import CoachCore

/// The tokenizer's fast path (QuickNormalizer + scalar loop) must give exactly what the general
/// path (Foundation NFKC, lowercasing, Character loop) gives.
@Suite struct TokenizerFastPathTests {
  /// Every scalar the fast path accepts, one at a time, against Foundation.
  @Test func everyKnownScalarNormalisesLikeFoundation() throws {
    let ranges: [ClosedRange<UInt32>] = [
      0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E, 0x3000...0x3000,
    ]
    var wrong: [String] = []
    for value in ranges.flatMap({ Array($0) }) + QuickNormalizer.unchanged.sorted() {
      let scalar = try #require(Unicode.Scalar(value))
      let text = String(scalar)
      let fast = try #require(QuickNormalizer.normalized(text), "U+\(String(value, radix: 16)) not taken")
      if String(String.UnicodeScalarView(fast)) != text.precomposedStringWithCompatibilityMapping.lowercased() {
        wrong.append("U+\(String(value, radix: 16))")
      }
    }
    #expect(wrong == [])
  }

  @Test func otherScalarsTakeTheGeneralPath() {
    for text in ["café", "e\u{301}", "…", "\u{F900}", "Ⅻ", "ｶ", "\u{A0}", "①", "ﬁ", "Ä"] {
      #expect(QuickNormalizer.normalized("ok " + text) == nil, "\(text)")
    }
  }

  /// Every objection text of the bundled playbook, the paraphrase fixture and tricky strings.
  @Test func sameTokensAsTheGeneralPath() throws {
    var texts = try MatchingFixtures.paraphrases().map(\.text)
    for objection in try MatchingFixtures.allObjections() {
      texts += [objection.title, objection.approach, objection.response, objection.followUpQuestion]
      texts += objection.examples
    }
    texts += [
      "ＷＡＩＴＩＮＧ，Ｗａｉｔｓ！", "Don't", "don’t WAIT", "'quoted' words'", "a\r\nb\tc",
      "The car, in 2025.", "现车SUV款X70，等３个月？", "「太贵了」、《别家》“便宜”", "１２３ abc123 ４５６ｄｅｆ",
      "", "   ",
      "it's its' 'tis", "Pricing prices priced compensation shopping buses classes", "等车的了吗",
    ]
    for text in texts {
      #expect(Tokenizer.tokens(text) == Tokenizer.foundationTokens(text), "\(text)")
    }
    let fast = texts.filter { QuickNormalizer.normalized($0) != nil }.count
    #expect(fast * 10 >= texts.count * 9, "most playbook texts should take the fast path: \(fast) of \(texts.count)")
  }

  /// Seeded random strings over the fast path's alphabet.
  @Test func sameTokensOnRandomText() {
    let alphabet =
      Array("aAbBeEsSiInNgGdDyYlLzZoO019 '’,.!?-\r\n\t") + Array("等车的了太贵便宜现款家我们")
      + Array("ＡＳｓｉ１，！？　。、“”「」·—")
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<3000 {
      var text = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 59) + 1 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      #expect(Tokenizer.tokens(text) == Tokenizer.foundationTokens(text), "\(text.debugDescription)")
    }
  }

  @Test func byteStemmerEqualsCharacterStemmer() throws {
    var words = Set(EnglishWords.stopWords)
    for objection in try MatchingFixtures.allObjections() {
      for text in [objection.title, objection.response, objection.approach] + objection.examples {
        words.formUnion(text.lowercased().split { !$0.isLetter }.map(String.init))
      }
    }
    words.formUnion(["ies", "flies", "passes", "buses", "bonus", "basis", "hopping", "stopped", "fizzing"])
    for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes = Array(word.utf8)
      EnglishWords.stem(&bytes) { $0 }
      #expect(String(decoding: bytes, as: UTF8.self) == EnglishWords.stem(word), "\(word)")
    }
  }
}
