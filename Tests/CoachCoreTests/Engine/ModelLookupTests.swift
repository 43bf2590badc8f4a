import Foundation
import Testing

@testable import CoachCore

@Suite struct ModelLookupTests {
  static let codes: [String?] = [
    nil, "X40", "x40", "X40 ", "s50n", "S50N", "S5", "E60", "e60", "", "M80x",
    "ｘ４０", "\u{212A}40", "X4\u{0301}0", "车",
  ]

  @Test("model finds the first model whose code equals it ignoring case", arguments: codes)
  func sameAsFoundationsCaseInsensitiveCompare(_ code: String?) {
    let playbook = Fixture.playbook
    let reference = code.flatMap { code in
      playbook.models.first { $0.code.caseInsensitiveCompare(code) == .orderedSame }
    }
    #expect(playbook.model(code) == reference)
    #expect(playbook.catalogModel(code) == reference)
  }

  @Test func asciiComparisonOnlyJudgesASCII() {
    #expect(Playbook.asciiEqualIgnoringCase("S50n", "s50N") == true)
    #expect(Playbook.asciiEqualIgnoringCase("S50", "S50N") == false)
    #expect(Playbook.asciiEqualIgnoringCase("S50", "S5O") == false)
    #expect(Playbook.asciiEqualIgnoringCase("\u{212A}40", "k40") == nil)
  }
}
