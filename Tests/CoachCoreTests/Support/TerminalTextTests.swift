import CoachCore
import Testing

@Suite struct TerminalTextTests {
  @Test("control characters typed into a field are shown, not obeyed by the terminal")
  func controlsAreShownAsPictures() {
    #expect(TerminalText.visible("王芳") == "王芳")
    #expect(TerminalText.visible("\u{1B}[2J王芳\u{7}") == "␛[2J王芳␇")
    #expect(TerminalText.visible("ok\rfake") == "ok␍fake")
    #expect(TerminalText.visible("a\u{0}b\u{7F}c") == "a␀b␡c")
    #expect(TerminalText.visible("x\u{9B}31m") == "x\\u{9B}31m")
    #expect(TerminalText.visible("a\tb") == "a b")
  }

  @Test("a line break keeps one record on one line, or stays in multi-line text")
  func lineBreaks() {
    #expect(TerminalText.visible("first\nsecond") == "first ⏎ second")
    #expect(TerminalText.visible("first\r\nsecond") == "first ⏎ second")
    #expect(TerminalText.visible("first\r\nsecond", multiline: true) == "first\nsecond")
    #expect(TerminalText.visible(nil as String?) == nil)
  }
}
