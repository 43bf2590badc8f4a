import Foundation

extension ActionCode {
  /// `precedence` without building `allCases` at each call (the engine compares codes at every replay step).
  /// `ActionCodeRankTests` holds it equal to `precedence` for every code.
  var rank: Int {
    switch self {
    case .deliveryLate: return 0
    case .issue7day: return 1
    case .callback3day: return 2
    case .agreedFollowup: return 3
    case .firstContact: return 4
    case .deliveryUpdate: return 5
    case .birthday: return 6
    case .carBirthday: return 7
    case .holiday: return 8
    case .cadenceFollowup: return 9
    case .referralAsk: return 10
    case .winback: return 11
    }
  }
}
