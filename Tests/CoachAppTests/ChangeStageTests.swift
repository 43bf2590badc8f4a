import CoachApp
import CoachCore
import Foundation
import Testing

/// `ChangeStage`, which `coach stage` and the server's stage routes call: a deposit amount is above 0 and below
/// 100,000,000 (1e308 was taken), refused otherwise with the field and the range in the user's language.
@Suite struct ChangeStageTests {
  static func deposit(_ amount: Double) -> ChangeStage {
    var change = ChangeStage(stage: .deposit)
    change.amount = amount
    return change
  }

  @Test func aDepositAmountIsAboveZeroAndBelowAHundredMillion() throws {
    for amount in [1e308, 100_000_000, 250_000_000, .infinity, .nan, 0, -1, -.infinity] {
      #expect(throws: CoachError.refused(.badAmount(given: "\(amount)")), "\(amount)") {
        try Self.deposit(amount).checkInput()
      }
    }
    for amount in [0.01, 5000, 99_999_999.99] { try Self.deposit(amount).checkInput() }
  }

  @Test func aRefusedAmountNamesTheFieldAndTheRangeInBothLanguages() {
    let error = ErrorText.badAmount(given: "1e+308")
    #expect(error.code == "bad_amount" && error.isUsage)
    let en = error.text(.en)
    #expect(en.contains("--amount \"1e+308\"") && en.contains("above 0") && en.contains("below 100,000,000"), "\(en)")
    let zh = error.text(.zh)
    #expect(zh.contains("--amount \"1e+308\"") && zh.contains("大于 0") && zh.contains("小于 100000000"), "\(zh)")
  }

  @Test func theStageMachineRefusesSuchAnAmountToo() {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 24)
    #expect(throws: CoachError.self) {
      try StageMachine.apply(
        StageChange(to: .deposit, amount: 1e308), from: .prospect, at: now, today: today, actor: nil)
    }
  }
}
