import Testing

@testable import CoachCore

/// The alert severity rule (`Engine/Severity.swift`): a team lead believes it when money and promises outrank
/// lost customers, and lateness only ever raises it.
@Suite struct SeverityTests {
  func severity(
    _ code: ActionCode, _ days: Double, _ stage: Stage, grade: Grade? = nil, tier: Tier? = nil, tags: [String] = []
  ) -> Severity {
    Severity.of(code: code, overdueDays: days, stage: stage, grade: grade, tier: tier, tags: tags)
  }

  static let rank: [Severity: Int] = [.low: 0, .medium: 1, .high: 2]

  @Test func aLateCarIsHighFromItsFirstHour() {
    #expect(severity(.deliveryLate, 0.05, .waitingForDelivery) == .high)
    #expect(severity(.deliveryLate, 0.05, .deposit) == .high)
  }

  @Test func aWinBackInterviewStaysBelowALateCarHoweverLate() {
    for days in [0.1, 3, 30, 365] {
      let winback = severity(.winback, days, .churned, grade: .h)
      #expect(winback == .low)
      #expect(Self.rank[winback]! < Self.rank[severity(.deliveryLate, 0.1, .waitingForDelivery)]!)
    }
    #expect(severity(.winback, 60, .churned, tags: ["vip"]) == .medium, "a lost VIP is worth a word, not an alarm")
  }

  @Test func aRegularFollowUpOfAColdProspectIsLowUntilAWeekPasses() {
    #expect(severity(.cadenceFollowup, 2, .prospect, grade: .b) == .low)
    #expect(severity(.cadenceFollowup, 7, .prospect, grade: .b) == .medium)
    #expect(severity(.cadenceFollowup, 7, .prospect, grade: .h, tags: ["warning"]) == .high)
  }

  @Test func callbacksAndIssuesTurnHighOnceADayLate() {
    #expect(severity(.callback3day, 0.5, .delivered) == .medium)
    #expect(severity(.callback3day, 1, .delivered) == .high)
    #expect(severity(.issue7day, 1.5, .delivered) == .high)
  }

  @Test func aBrokenPromiseOrFirstImpressionIsMediumAfterADayAndHighAfterAWeek() {
    #expect(severity(.firstContact, 0.2, .prospect, grade: .c) == .low)
    #expect(severity(.firstContact, 1, .prospect, grade: .c) == .medium)
    #expect(severity(.agreedFollowup, 7, .prospect, grade: .c) == .medium)
    #expect(severity(.agreedFollowup, 7, .prospect, grade: .a) == .high)
    #expect(severity(.agreedFollowup, 1, .deposit) == .high)
  }

  @Test("more days late never lowers the severity", arguments: ActionCode.allCases)
  func monotoneInLateness(code: ActionCode) {
    for stage in Stage.allCases {
      for tags in [[], ["vip"]] as [[String]] {
        var last = -1
        for days in [0.01, 0.5, 1, 2, 6.9, 7, 30] {
          let r = Self.rank[severity(code, days, stage, grade: .b, tags: tags)]!
          #expect(r >= last, "\(code) \(stage) \(tags) at \(days) days")
          last = r
        }
      }
    }
  }
}
