import Testing

@testable import CoachCore

/// The rule table is the one description of each follow-up code: these pin what the rest derives from it.
@Suite struct FollowUpRulesTests {
  /// The contract's precedence list, most important first.
  static let contractOrder = [
    "delivery_late", "issue_7day", "callback_3day", "agreed_followup", "first_contact", "delivery_update",
    "birthday", "car_birthday", "holiday", "cadence_followup", "referral_ask", "winback",
  ]

  @Test func precedenceIsTheContractsOrder() {
    #expect(ActionCode.allCases.map(\.rawValue) == Self.contractOrder)
    for (i, code) in ActionCode.allCases.enumerated() { #expect(code.precedence == i, "\(code)") }
    #expect(ActionCode.allCases.sorted() == ActionCode.allCases)
  }

  @Test func theTableHasOneEntryPerCodeInPrecedenceOrder() {
    #expect(FollowUpRules.table.map(\.code) == ActionCode.allCases)
    for code in ActionCode.allCases { #expect(code.rule.code == code) }
  }

  @Test func onlyTheYearlyOccasionsReadTheClock() {
    #expect(FollowUpRules.clockCodes == [.birthday, .carBirthday, .holiday])
  }

  @Test func careAndGreetings() {
    let care = ActionCode.allCases.filter(\.isCare)
    #expect(care == [.issue7day, .callback3day, .birthday, .carBirthday, .holiday])
    #expect(ActionCode.allCases.filter(\.isGreeting) == [.birthday, .carBirthday, .holiday])
  }

  @Test func severityPointsPerCode() {
    let points = Dictionary(uniqueKeysWithValues: ActionCode.allCases.map { ($0.rawValue, $0.rule.severityPoints) })
    #expect(points["delivery_late"] == 3 && points["issue_7day"] == 3 && points["callback_3day"] == 3)
    #expect(points["first_contact"] == 2 && points["agreed_followup"] == 2)
    #expect(points["winback"] == 0)
    #expect(points.values.filter { $0 == 1 }.count == 6)
  }

  @Test func everyCodeHasItsTextsInBothPlaybooks() throws {
    let set = try DefaultPlaybook.load()
    for lang in ["zh-CN", "en"] {
      let pb = try #require(set.playbook(lang))
      for code in ActionCode.allCases {
        #expect(pb.labels.reasons[code.rawValue] != nil, "\(lang) labels.reasons.\(code.rawValue)")
        #expect(pb.labels.goals[code.rawValue] != nil, "\(lang) labels.goals.\(code.rawValue)")
        #expect(pb.labels.channels[code.rawValue] != nil, "\(lang) labels.channels.\(code.rawValue)")
        #expect(pb.labels.ui["action_\(code.rawValue)"] != nil, "\(lang) labels.ui.action_\(code.rawValue)")
      }
    }
  }
}
