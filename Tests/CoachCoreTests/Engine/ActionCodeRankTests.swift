import Testing

@testable import CoachCore

@Suite struct ActionCodeRankTests {
  @Test func rankIsThePrecedence() {
    for code in ActionCode.allCases { #expect(code.rank == code.precedence, "\(code)") }
  }

  @Test func rulesAskEveryCodeInPrecedenceOrder() {
    #expect(Rules.codes == ActionCode.allCases)
    #expect(Rules.codes.map(\.rank) == Array(0..<ActionCode.allCases.count))
  }
}
