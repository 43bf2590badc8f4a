import CoachCore
import Testing

@Suite struct DisplayWidthTests {
  @Test(
    "ASCII is 1, CJK, Hangul, kana and fullwidth forms are 2",
    arguments: [
      ("abc", 3), ("张伟", 4), ("张伟 Zhang", 10), ("한국", 4), ("カナ", 4), ("ＡＢ", 4), ("，。", 4), ("X40 紧凑型SUV", 13),
      ("\u{20000}", 2), ("", 0),
    ])
  func widths(_ text: String, _ width: Int) {
    #expect(DisplayWidth.of(text) == width)
  }

  @Test("emoji are 2, including ZWJ sequences, flags and VS16 forms")
  func emoji() {
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.of("🇨🇳") == 2)
    #expect(DisplayWidth.of("❤️") == 2)
    #expect(DisplayWidth.of("ok👍") == 4)
  }

  @Test("combining marks, zero-width characters and ANSI colour take no columns")
  func zeroWidth() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("\u{301}") == 0)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
    #expect(DisplayWidth.of("\u{FEFF}") == 0)
    #expect(DisplayWidth.of("\u{1B}[31m张伟\u{1B}[0m") == 4)
  }

  @Test("truncation never exceeds the limit and marks the cut with …")
  func truncate() {
    #expect(DisplayWidth.truncate("张伟先生", to: 8) == "张伟先生")
    #expect(DisplayWidth.truncate("张伟先生", to: 7) == "张伟先…")
    #expect(DisplayWidth.truncate("张伟先生", to: 6) == "张伟…")
    #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    #expect(DisplayWidth.truncate("abc", to: 0) == "")
    for limit in 1...9 { #expect(DisplayWidth.of(DisplayWidth.truncate("张a伟b先c生", to: limit)) <= limit) }
  }

  @Test("padding fills to the display width on either side")
  func pad() {
    #expect(DisplayWidth.pad("张", to: 4) == "张  ")
    #expect(DisplayWidth.pad("张", to: 4, right: true) == "  张")
    #expect(DisplayWidth.pad("张伟先生", to: 4) == "张伟先生")
  }
}
