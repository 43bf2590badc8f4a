import CoachCore
import Foundation
import Testing

@Suite struct StageMachineTests {
  static let now = Date(timeIntervalSince1970: 1_750_000_000)
  static let today = LocalDate(year: 2025, month: 6, day: 15)

  /// A change with everything the target stage requires.
  static func complete(_ to: Stage) -> StageChange {
    StageChange(
      to: to, reason: to == .churned ? .waitTooLong : nil, amount: to == .deposit ? 5000 : nil,
      eta: to == .waitingForDelivery ? LocalDate(year: 2025, month: 7, day: 1) : nil)
  }

  static let legal: Set<String> = [
    "prospect>deposit", "deposit>waiting_for_delivery", "waiting_for_delivery>delivered",
    "prospect>churned", "deposit>churned", "waiting_for_delivery>churned", "churned>prospect",
  ]

  @Test(
    "every pair of the five stages is legal exactly when the contract says so",
    arguments: Stage.allCases)
  func everyPair(from: Stage) throws {
    for to in Stage.allCases {
      let key = "\(from.rawValue)>\(to.rawValue)"
      if Self.legal.contains(key) {
        let event = try StageMachine.apply(Self.complete(to), from: from, at: Self.now, today: Self.today, actor: "u")
        #expect(event.from == from)
        #expect(event.to == to)
      } else {
        #expect(throws: CoachError.self, "\(key) must be refused") {
          try StageMachine.apply(Self.complete(to), from: from, at: Self.now, today: Self.today, actor: "u")
        }
        #expect(!StageMachine.isLegal(from: from, to: to))
      }
    }
  }

  @Test func illegalChangeNamesTheLegalNextStages() {
    do {
      _ = try StageMachine.apply(
        Self.complete(.delivered), from: .prospect, at: Self.now, today: Self.today, actor: nil)
      Issue.record("expected a refusal")
    } catch let error as CoachError {
      #expect(error.exitCode == 65)
      #expect(error.message.contains("deposit, churned"))
    } catch { Issue.record("unexpected \(error)") }
  }

  @Test func depositNeedsAPositiveAmount() {
    #expect(throws: CoachError.self) {
      try StageMachine.apply(StageChange(to: .deposit), from: .prospect, at: Self.now, today: Self.today, actor: nil)
    }
    #expect(throws: CoachError.self) {
      try StageMachine.apply(
        StageChange(to: .deposit, amount: -1), from: .prospect, at: Self.now, today: Self.today, actor: nil)
    }
  }

  @Test func waitingNeedsAnETA() {
    #expect(throws: CoachError.self) {
      try StageMachine.apply(
        StageChange(to: .waitingForDelivery), from: .deposit, at: Self.now, today: Self.today, actor: nil)
    }
  }

  @Test func churnNeedsAReasonAndOtherNeedsANote() throws {
    #expect(throws: CoachError.self) {
      try StageMachine.apply(StageChange(to: .churned), from: .deposit, at: Self.now, today: Self.today, actor: nil)
    }
    #expect(throws: CoachError.self) {
      try StageMachine.apply(
        StageChange(to: .churned, reason: .other), from: .deposit, at: Self.now, today: Self.today, actor: nil)
    }
    let e = try StageMachine.apply(
      StageChange(to: .churned, reason: .other, note: "moved abroad"), from: .deposit, at: Self.now, today: Self.today,
      actor: nil)
    #expect(e.reason == .other)
  }

  @Test func deliveredDefaultsToToday() throws {
    let e = try StageMachine.apply(
      StageChange(to: .delivered), from: .waitingForDelivery, at: Self.now, today: Self.today, actor: nil)
    #expect(e.date == Self.today)
  }

  @Test func anAppliedChangeIsRecordedAsAskedWithTheAmountOnlyForADeposit() throws {
    let asked = StageChange(to: .waitingForDelivery, note: "签约", amount: 3000, model: "X60", eta: Self.today)
    let e = try StageMachine.apply(asked, from: .deposit, at: Self.now, today: Self.today, actor: "李娜")
    #expect(e.from == .deposit && e.at == Self.now && e.actor == "李娜")
    #expect(e.to == .waitingForDelivery && e.note == "签约" && e.model == "X60" && e.eta == Self.today)
    #expect(e.amount == nil && e.date == nil)
  }

  /// An event is coded flat, its change's keys beside `from`, `at` and `actor`, and reads back equal.
  @Test func anEventIsCodedFlatAndReadsBackEqual() throws {
    let e = StageEvent(from: .prospect, to: .deposit, at: Self.now, actor: "李娜", amount: 5000, model: "X60")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(e)
    let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys.sorted()
    #expect(keys == ["actor", "amount", "at", "from", "model", "to"])
    #expect(try JSONDecoder().decode(StageEvent.self, from: data) == e)
  }
}
