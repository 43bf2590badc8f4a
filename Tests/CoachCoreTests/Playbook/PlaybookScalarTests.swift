import CoachCore
import Foundation
import Testing

/// How scalars read from playbook YAML (SectionDecoder parses without implicit tag rules).
@Suite("Playbook scalars")
struct PlaybookScalarTests {
  func carBirthday(_ value: String) throws -> Bool {
    let files = Fixtures.editing("en/care.yaml", "car_birthday: true", "car_birthday: \(value)")
    return try PlaybookLoader.load(language: "en", files: files).care.carBirthday
  }

  @Test func booleansInEveryYAMLSpelling() throws {
    let spellings = [("true", true), ("True", true), ("yes", true), ("ON", true), ("false", false), ("No", false)]
    for (text, value) in spellings {
      #expect(try carBirthday(text) == value, "\(text)")
    }
  }

  @Test func anythingElseIsNotABoolean() {
    for text in ["maybe", "1", "~", "[true]"] {
      #expect(throws: CoachError.self, "\(text)") { try carBirthday(text) }
    }
  }

  @Test func numbersReadFromPlainText() throws {
    let files = Fixtures.editing("en/cadence.yaml", "first_contact_hours: 24", "first_contact_hours: 2_4")
    #expect(try PlaybookLoader.load(language: "en", files: files).cadence.firstContactHours == 24)
    let quoted = Fixtures.editing("en/cadence.yaml", "first_contact_hours: 24", "first_contact_hours: \"24\"")
    #expect(throws: CoachError.self) { try PlaybookLoader.load(language: "en", files: quoted) }
  }

  @Test func aKeyWrittenOncePlainAndOnceQuotedIsWrittenTwice() {
    let files = Fixtures.editing("en/labels.yaml", "  ui:\n", "  ui:\n    1: one\n    \"1\": also one\n")
    let findings = PlaybookLinter.lint(files: files, today: Fixtures.day("2026-01-01"))
    #expect(findings.contains { $0.severity == .error && $0.message.contains("key written twice in one mapping: 1") })
  }
}
