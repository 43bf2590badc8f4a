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
    let files = Fixtures.editing("zh-CN/messages.yaml", "祝您和家人节日愉快、阖家幸福！", "祝您节日愉快！本周到店购车还有优惠！")
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
        "message `season_summer` (season) mentions `new model`; care and greeting messages (holiday, birthday, car "
          + "birthday, season, 3-day callback, issue fix) carry wishes and care only: no promotions, offers or new models"
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

  // MARK: - Every other rule, one broken fixture each

  /// One edit of the default playbook and the finding it must cause (in that file, at a line).
  struct Broken: Sendable, CustomStringConvertible {
    let path: String
    let old: String
    let new: String
    let severity: LintFinding.Severity
    let message: String
    var description: String { message }
  }

  static let brokenFixtures: [Broken] = [
    Broken(
      path: "en/messages.yaml", old: "it is expected on {eta}. I will tell",
      new: "it is expected on {eta}. {detail}. I will tell",
      severity: .error,
      message: "message `delivery_update`: `{detail}` is not a fact a message may carry; use {customer}, {consultant}, "
        + "{dealership}, {model}, {eta}, {holiday}, {years}, {topic} (notes and topic texts stay internal)"),
    Broken(
      path: "en/messages.yaml", old: "We are following up the problem\n      you reported;",
      new: "We are following up {topic};", severity: .error,
      message: "message `issue_7day` can render an empty slot: every wording needs a fact that may be unknown; add a "
        + "fallback that uses only {consultant}, {customer}, {dealership}"),
    Broken(
      path: "en/topics.yaml", old: "There is news about the car you are waiting for;",
      new: "There is news about {text};", severity: .error,
      message: "buried kind `supply`: how_to_raise is said or sent to the customer and takes no placeholder ({text}); "
        + "the consultant's note stays internal"),
    Broken(
      path: "en/models.yaml", old: "    length_mm: 4790\n    seats: 5", new: "    length_mm: 4790\n    seats: 0",
      severity: .error, message: "model `X60`: seats must be 1 or more, found 0"),
    Broken(
      path: "en/cadence.yaml", old: "    C: 14\n", new: "    C: 14\n    X: 5\n", severity: .error,
      message: "unknown grade `X`; grades are H, A, B, C"),
    Broken(
      path: "en/cadence.yaml", old: "    H: 1\n", new: "    H: 0\n", severity: .error,
      message: "interval must be at least 1 day, found 0"),
    Broken(
      path: "zh-CN/cadence.yaml", old: "    C: 14\n", new: "", severity: .warning,
      message: "no interval for grade C; default_follow_up_days is used"),
    Broken(
      path: "en/cadence.yaml", old: "    D: 1.5\n", new: "    D: 1.5\n    E: 2\n", severity: .error,
      message: "unknown tier `E`; tiers are A, B, C, D"),
    Broken(
      path: "en/cadence.yaml", old: "    D: 1.5\n", new: "    D: 0\n", severity: .error,
      message: "factor must be above 0, found 0.0"),
    Broken(
      path: "en/cadence.yaml", old: "first_contact_hours: 24", new: "first_contact_hours: 0", severity: .error,
      message: "must be at least 1, found 0"),
    Broken(
      path: "en/cadence.yaml", old: "first_contact_escalate_hours: 48", new: "first_contact_escalate_hours: 24",
      severity: .error,
      message:
        "first_contact_escalate_hours (24) must be more than first_contact_hours (24): the consultant is alerted first, then the team lead"
    ),
    Broken(
      path: "en/cadence.yaml", old: "escalate_after_days: 7", new: "escalate_after_days: 0", severity: .error,
      message: "must be at least 1, found 0"),
    Broken(
      path: "zh-CN/cadence.yaml", old: "  escalate_after_days: 7\n", new: "", severity: .warning,
      message: "no escalate_after_days; 7 is used"),
    Broken(
      path: "en/care.yaml", old: "fixed: \"10-01\"", new: "fixed: \"10-32\"", severity: .error,
      message: "holiday `national_day`: `10-32` is not a day; write month-day like \"10-01\""),
    Broken(
      path: "en/care.yaml", old: "dates: [\"2025-01-29\", \"2026-02-17\", \"2027-02-06\", \"2028-01-26\"]",
      new: "dates: [\"2025-01-29\"]", severity: .warning,
      message: "holiday `spring_festival`: every date is past; add the coming years' dates"),
    Broken(
      path: "en/care.yaml", old: "      fixed: \"01-01\"\n", new: "", severity: .error,
      message: "holiday `new_year` needs exactly one of `fixed:` (month-day) or `dates:` (a list of YYYY-MM-DD)"),
    Broken(
      path: "en/topics.yaml", old: "    other:\n      name: Other concern",
      new: "    others:\n      name: Other concern",
      severity: .error, message: "unknown buried kind `others`; kinds are tech, brochure, supply, policy, other"),
    Broken(
      path: "en/topics.yaml", old: "    other:\n      name: Other concern",
      new: "    others:\n      name: Other concern",
      severity: .error, message: "missing buried kind `other`; every kind needs a name, draft_phrase and how_to_raise"),
    Broken(
      path: "en/topics.yaml", old: "      area: life\n      profile_keys: [pet]",
      new: "      area: home\n      profile_keys: [pet]",
      severity: .error, message: "rule `pet`: unknown area `home`; use person, car or life"),
    Broken(
      path: "en/topics.yaml", old: "profile_keys: [pet]", new: "profile_keys: []", severity: .error,
      message: "rule `pet` needs at least one profile key"),
    Broken(
      path: "en/topics.yaml", old: "from: \"2026-11-15\"", new: "from: \"2026-11-31\"", severity: .error,
      message: "`2026-11-31` is not a date; write YYYY-MM-DD"),
    Broken(
      path: "en/topics.yaml", old: "from: \"2026-11-15\"", new: "from: \"2027-02-15\"", severity: .error,
      message: "created topic `year_end_2026` ends (2027-01-31) before it starts (2027-02-15)"),
    Broken(
      path: "en/topics.yaml", old: "to: \"2027-01-31\"\n      stages: [prospect]\n",
      new: "to: \"2027-01-31\"\n      stages: [prospects]\n", severity: .error,
      message: "unknown stage `prospects`; stages are prospect, deposit, waiting_for_delivery, delivered, churned"),
    Broken(
      path: "en/topics.yaml", old: "to: \"2027-01-31\"\n      stages: [prospect]\n      grades: [H, A, B]",
      new: "to: \"2027-01-31\"\n      stages: [prospect]\n      grades: [H, A, X]", severity: .error,
      message: "unknown grade `X`; grades are H, A, B, C"),
    Broken(
      path: "en/models.yaml", old: "    segment: suv\n    price: 229800",
      new: "    segment: crossover\n    price: 229800",
      severity: .error, message: "model `X60`: unknown segment `crossover`; use sedan, suv, mpv, ev"),
    Broken(
      path: "en/models.yaml", old: "    length_mm: 4790\n    seats: 5\n    prestige: 2",
      new: "    length_mm: 4790\n    seats: 5\n    prestige: 5",
      severity: .error, message: "model `X60`: prestige must be 1, 2 or 3, found 5"),
    Broken(
      path: "en/models.yaml", old: "    price: 229800", new: "    price: 0", severity: .error,
      message: "model `X60`: price must be above 0 and wait_weeks 0 or more"),
    Broken(
      path: "en/messages.yaml", old: "    occasion: season\n", new: "    occasion: seasons\n", severity: .error,
      message: "no message with occasion `season`; every action code, season and long_time_no_see needs one"),
    Broken(
      path: "en/labels.yaml", old: "    delivery_late: call\n    issue_7day: call",
      new: "    delivery_late: phone\n    issue_7day: call",
      severity: .error, message: "unknown channel `phone`; use call, sms, wechat, visit, email, test_drive"),
  ]

  @Test(arguments: brokenFixtures)
  func eachRuleCatchesItsBrokenFixture(_ broken: Broken) {
    let files = Fixtures.editing(broken.path, broken.old, broken.new)
    let found = lint(files).filter { $0.file == broken.path && $0.severity == broken.severity }
    #expect(found.contains { $0.message == broken.message && $0.line != nil }, "got: \(found.map(\.description))")
  }

  /// Duplicates are reported at the second occurrence, naming the first.
  @Test(arguments: [
    ("en/care.yaml", "    - id: qixi\n", "    - id: labour_day\n", "duplicate holiday id `labour_day`"),
    ("en/topics.yaml", "    - id: pet\n", "    - id: family\n", "duplicate dug_up id `family`"),
    (
      "en/topics.yaml", "    - id: winter_check_2026\n", "    - id: year_end_2026\n",
      "duplicate created topic id `year_end_2026`"
    ),
    (
      "en/objections.yaml", "  - code: no_discount\n", "  - code: price_too_high\n",
      "duplicate objection code `price_too_high`"
    ),
    ("en/messages.yaml", "  - id: season_winter\n", "  - id: season_summer\n", "duplicate message id `season_summer`"),
  ])
  func duplicatesNameTheFirstOccurrence(path: String, old: String, new: String, message: String) {
    let found = errors(Fixtures.editing(path, old, new)).filter { $0.file == path && $0.message.hasPrefix(message) }
    #expect(found.count == 1)
    #expect(found.first?.message.contains("(first at line ") == true)
  }
}
