import CoachCore
import Foundation
import Testing

@Suite("Playbook linter")
struct PlaybookLinterTests {
  let today = Fixtures.day("2026-01-01")

  func lint(_ files: [PlaybookFile], today: LocalDate? = nil) -> [LintFinding] {
    PlaybookLinter.lint(files: files, today: today ?? self.today)
  }

  func errors(_ files: [PlaybookFile]) -> [LintFinding] { lint(files).filter { $0.severity == .error } }

  func text(_ files: [PlaybookFile], _ path: String) -> String { files.first { $0.path == path }?.text ?? "" }

  @Test func schemaErrorsCarryFileLineColumn() {
    let files = Fixtures.editing("zh-CN/care.yaml", "  callback_days: 3\n", "  callback_days: three\n")
    let found = errors(files)
    #expect(found.count == 1)
    #expect(
      found.first?.description
        == "zh-CN/care.yaml:5:18: error: care.callback_days: expected a whole number, found \"three\"")
  }

  @Test func duplicateIdsWithinASection() {
    let files = Fixtures.editing("en/models.yaml", "  - code: X70\n", "  - code: X40\n")
    let dup = errors(files).filter { $0.message.contains("duplicate model code `X40`") }
    #expect(dup.count == 1)
    #expect(dup.first?.file == "en/models.yaml")
    #expect(dup.first?.line == Fixtures.line(of: "- code: X40", in: text(files, "en/models.yaml"), skip: 1))
    #expect(
      dup.first?.message.contains(
        "first at line \(Fixtures.line(of: "- code: X40", in: text(files, "en/models.yaml")) ?? 0)") == true)
  }

  @Test func idMissingInOneLanguage() {
    let files = Fixtures.editing("en/care.yaml", "    - id: qixi\n", "    - id: qixi_festival\n")
    let found = errors(files).map(\.description)
    #expect(
      found.contains { $0.hasPrefix("en/care.yaml:") && $0.contains("holiday `qixi` exists in zh-CN but not here") })
    #expect(
      found.contains {
        $0.hasPrefix("zh-CN/care.yaml:") && $0.contains("holiday `qixi_festival` exists in en but not here")
      })
    let dugUp = errors(Fixtures.editing("zh-CN/topics.yaml", "    - id: pet\n", "    - id: pets\n"))
    #expect(dugUp.contains { $0.file == "en/topics.yaml" && $0.message.contains("dug_up rule `pets` exists in zh-CN") })
  }

  @Test func unknownModelReferences() {
    let topic = errors(Fixtures.editing("en/topics.yaml", "models: [X70, M80]", "models: [X70, M90]"))
    #expect(topic.count == 1)
    #expect(topic.first?.message.contains("model `M90` is not in models.yaml") == true)
    #expect(topic.first?.column == 21)
    let replaces = errors(Fixtures.editing("zh-CN/models.yaml", "replaces: S50\n", "replaces: S40\n"))
    #expect(
      replaces.map(\.message) == [
        "model `S50N` replaces `S40`, which is not another model in the catalog; known: S30, S50, S50N, X40, X60, X70, M80, E20, E50, E60"
      ])
  }

  @Test func endedCreatedTopicsWarn() {
    let june = lint(DefaultPlaybook.files, today: Fixtures.day("2026-06-01"))
    let ended = june.filter { $0.message.contains("ended on") }
    #expect(ended.allSatisfy { $0.severity == .warning })
    #expect(
      ended.contains {
        $0.file == "en/topics.yaml" && $0.message.contains("`spring_test_drive_2026` ended on 2026-04-30")
      })
    #expect(!ended.contains { $0.message.contains("year_end_2026") })
    #expect(lint(DefaultPlaybook.files).filter { $0.message.contains("ended on") }.isEmpty)
  }

  @Test func holidayTemplateSayingYouHuiIsRefused() {
    let files = Fixtures.editing("zh-CN/messages.yaml", "祝您和家人节日愉快、阖家幸福!", "祝您节日愉快! 本周到店购车还有优惠!")
    let found = errors(files)
    #expect(found.count == 1)
    #expect(found.first?.file == "zh-CN/messages.yaml")
    #expect(
      found.first?.line
        == Fixtures.line(of: "- id: holiday_general", in: text(files, "zh-CN/messages.yaml")).map { $0 + 2 })
    #expect(found.first?.message.contains("message `holiday_general` (holiday) mentions `优惠`") == true)
  }

  @Test func seasonTemplateSayingNewModelIsRefused() {
    let found = errors(Fixtures.editing("en/messages.yaml", "Stay cool!", "Come and see the New Model!"))
    #expect(
      found.map(\.message) == [
        "message `season_summer` (season) mentions `new model`; holiday, birthday and season messages carry wishes only: no promotions, offers or new models"
      ])
  }

  @Test func promoWordsMatchWholeEnglishWords() {
    #expect(PromoWords.find(in: "Greetings from {dealership}, an ideal day") == [])
    #expect(PromoWords.find(in: "Big SALES this week") == ["sale"])
    #expect(PromoWords.find(in: "新款上市") == ["新款", "上市"])
    #expect(PromoWords.find(in: "a price   cut for you") == ["price cut"])
  }

  @Test func objectionWithoutExamples() {
    // Empty the examples of price_too_high, whatever they are.
    let original = text(Fixtures.files, "en/objections.yaml")
    var lines = original.components(separatedBy: "\n")
    let code = lines.firstIndex(of: "  - code: price_too_high") ?? 0
    let start = (code..<lines.count).first { lines[$0] == "    examples:" } ?? code
    let end = ((start + 1)..<lines.count).first { !lines[$0].hasPrefix("      ") } ?? start
    lines.replaceSubrange(start..<end, with: ["    examples: []"])
    #expect(end > start + 1, "the fixture still has price_too_high examples to remove")
    let files = Fixtures.replacing("en/objections.yaml", with: lines.joined(separator: "\n"))
    let found = errors(files)
    #expect(found.count == 1)
    #expect(
      found.first?.message
        == "objection `price_too_high` has no examples; add a few phrasings customers use, the matcher needs them")
  }

  @Test func missingLabelKeysForActionsAndLevers() {
    let noGoal = errors(
      Fixtures.editing(
        "en/labels.yaml", "    winback: Lost-customer interview;", "    win_back: Lost-customer interview;"))
    #expect(noGoal.map(\.message) == ["labels.goals is missing `winback`; every action code needs a text"])
    let noLever = errors(Fixtures.editing("zh-CN/labels.yaml", "    lever_city_use: 更方便城市使用\n", ""))
    #expect(noLever.map(\.message) == ["labels.ui is missing `lever_city_use`; every interface text needs a text"])
    let noSwitch = errors(
      Fixtures.editing("zh-CN/labels.yaml", "    gain: \"{to_model} 正在优惠", "    gains: \"{to_model} 正在优惠"))
    #expect(noSwitch.map(\.message) == ["labels.switch_texts is missing `gain`; every lever needs a text"])
  }

  @Test func holidayNeedsAnExistingTemplateAndValidDates() {
    let found = errors(Fixtures.editing("en/care.yaml", "dates: [\"2025-05-31\",", "dates: [\"2025-05-32\","))
    #expect(
      found.map(\.message) == [
        "holiday `dragon_boat`: `2025-05-32` is not a date; write YYYY-MM-DD like \"2026-02-17\""
      ])
    let template = errors(Fixtures.editing("en/care.yaml", "message: holiday_qingming", "message: holiday_tomb"))
    #expect(template.map(\.message) == ["holiday `qingming`: no message template `holiday_tomb` in messages.yaml"])
  }

  @Test func badRecurrenceAndStage() {
    let found = errors(Fixtures.editing("en/topics.yaml", "recurrence: \"weekly:6\"", "recurrence: \"weekly:8\""))
    #expect(found.map(\.message) == ["`weekly:8` is not a recurrence; use weekly:1-7 (1 Monday) or monthly:1-31"])
  }
}
