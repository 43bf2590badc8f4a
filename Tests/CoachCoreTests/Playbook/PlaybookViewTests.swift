import CoachCore
import Foundation
import Testing

@Suite("Playbook view")
struct PlaybookViewTests {
  let today = LocalDate(year: 2026, month: 11, day: 24)

  func en() throws -> Playbook { try #require(try DefaultPlaybook.load().playbook("en")) }

  @Test func aFieldShowsItsDecodedValue() throws {
    let view = try PlaybookView.select(try en(), section: "care", id: "callback_days", today: today)
    #expect(view.title == "care.callback_days" && view.text == "callback_days: 3")
    #expect(String(decoding: try view.json(), as: UTF8.self) == "3")
  }

  @Test func jsonKeysAreTheYAMLKeysAndDictionaryKeysStayAsWritten() throws {
    let view = try PlaybookView.select(try en(), section: "cadence", id: nil, today: today)
    let json = try JSONSerialization.jsonObject(with: try view.json()) as? [String: Any]
    #expect((json?["follow_up_days"] as? [String: Int]) == ["H": 1, "A": 3, "B": 7, "C": 14])
    #expect(json?["first_contact_hours"] as? Int == 24)
    let model = try PlaybookView.select(try en(), section: "models", id: "e50", today: today)
    let fields = try JSONSerialization.jsonObject(with: try model.json()) as? [String: Any]
    #expect(fields?["running_cost_per_100km"] != nil && fields?["code"] as? String == "E50")
  }

  @Test func listSectionsSummariseAndHolidaysShowTheirNextDay() throws {
    let list = try PlaybookView.select(try en(), section: "holidays", id: nil, today: today)
    #expect(
      list.text.hasPrefix(
        "new_year  New Year's Day  next: 2027-01-01\nspring_festival  Spring Festival  next: 2027-02-06\n"))
    let labels = try PlaybookView.select(try en(), section: "labels", id: "winback", today: today)
    #expect(labels.text.hasPrefix("goals.winback: Lost-customer interview"))
    #expect(labels.text.contains("\nchannels.winback: "))
  }

  @Test func unknownSectionsAndIdsNameWhatExists() throws {
    #expect(
      throws: CoachError.usage("unknown section `modles`; sections: " + PlaybookView.sections.joined(separator: ", "))
    ) {
      try PlaybookView.select(try en(), section: "modles", id: nil, today: today)
    }
    #expect(
      throws: CoachError.rejected(
        code: "unknown_id",
        message:
          "no `grace` in cadence; known: first_contact_hours, grace_hours, follow_up_days, default_follow_up_days, delivery_update_days, tier_factor, escalate_after_days, first_contact_escalate_hours"
      )
    ) {
      try PlaybookView.select(try en(), section: "cadence", id: "grace", today: today)
    }
  }
}
