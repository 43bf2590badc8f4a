import CoachCore
import Foundation
import Testing

@Suite("Playbook loader")
struct PlaybookLoaderTests {
  func message(_ files: [PlaybookFile], language: String = "en") -> String {
    do {
      _ = try PlaybookLoader.load(language: language, files: files)
      return "loaded"
    } catch let error as CoachError {
      #expect(error.code == "invalid_playbook")
      return error.message
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func yamlSyntaxErrorNamesFileLineAndColumn() {
    let broken = """
      models:
        - code: S30
          name: Aurora S30: new
      """
    let text = message(Fixtures.replacing("en/models.yaml", with: broken))
    #expect(text.hasPrefix("en/models.yaml:3:21: invalid YAML: mapping values are not allowed"), "\(text)")
    #expect(text.contains("quotes"))
  }

  @Test func wrongTypeNamesTheValuePosition() {
    let broken = """
      models:
        - code: S30
          name: Aurora S30
          segment: sedan
          price: 129800
          wait_weeks: soon
      """
    let text = message(Fixtures.replacing("en/models.yaml", with: broken))
    #expect(text == "en/models.yaml:6:17: models[0].wait_weeks: expected a whole number, found \"soon\"")
  }

  @Test func missingKeyPointsAtTheEntry() {
    let text = message(
      Fixtures.editing("en/models.yaml", "    segment: mpv\n    price: 289800\n", "    segment: mpv\n"))
    let line = Fixtures.line(of: "- code: M80", in: Fixtures.text("en/models.yaml"))
    #expect(text == "en/models.yaml:\(line ?? 0):5: models[6] (M80): missing key `price`; add `price:` to this entry")
  }

  @Test func wrongShapeInNestedDictionary() {
    let files = Fixtures.editing("zh-CN/cadence.yaml", "    A: 3\n", "    A: [3]\n")
    let line = Fixtures.line(of: "    A: [3]", in: files.first { $0.path == "zh-CN/cadence.yaml" }?.text ?? "")
    let text = message(files, language: "zh-CN")
    #expect(
      text == "zh-CN/cadence.yaml:\(line ?? 0):8: cadence.follow_up_days.A: expected a whole number, found a list")
  }

  @Test func missingFileIsNamed() {
    let files = Fixtures.files.filter { $0.path != "en/labels.yaml" }
    let text = message(files)
    #expect(text.hasPrefix("en/labels.yaml: file is missing; every language folder needs cadence.yaml"))
  }

  @Test func wrongTopLevelKeyIsAnError() {
    let text = message(Fixtures.replacing("en/messages.yaml", with: "message:\n  - id: x\n"))
    #expect(text == "en/messages.yaml:1:1: expected the top-level key `messages:` with the section under it")
  }

  @Test func unknownKeysAreWarningsNotErrors() throws {
    let files = Fixtures.editing("en/models.yaml", "    wait_weeks: 12\n", "    wait_weeks: 12\n    wait_week: 3\n")
    let report = try PlaybookLoader.loadReport(language: "en", files: files)
    #expect(report.playbook.model("X60")?.waitWeeks == 12)
    let warning = try #require(report.warnings.first)
    #expect(warning.severity == .warning)
    #expect(
      warning.line == Fixtures.line(of: "wait_week: 3", in: files.first { $0.path == "en/models.yaml" }?.text ?? ""))
    #expect(warning.column == 5)
    #expect(warning.message.contains("unknown key `wait_week` is ignored; keys allowed here:"))
    #expect(warning.message.contains("wait_weeks"))
  }

  @Test func snakeCaseKeysFillCamelCaseProperties() throws {
    let en = try PlaybookLoader.load(language: "en", files: Fixtures.files)
    #expect(en.cadence.firstContactHours == 24)
    #expect(en.cadence.tierFactor["D"] == 1.5)
    #expect(en.model("E60")?.runningCostPer100km == 9.5)
    #expect(en.labels.switchTexts["vested_benefit"] != nil)
    #expect(en.labels.goals["issue_7day"] != nil)
    #expect(en.topics.buried["tech"]?.draftPhrase.isEmpty == false)
    #expect(en.objections.first?.followUpQuestion.isEmpty == false)
  }

  @Test func setNeedsAtLeastOneLanguage() {
    #expect(throws: CoachError.self) { try PlaybookSet.load(files: []) }
  }
}
