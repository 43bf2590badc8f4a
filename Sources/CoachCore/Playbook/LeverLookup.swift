import Foundation

extension Playbook {
  /// The switch lever a consultant named (`coach touch --lever`): its code (`availability`, any case), or its label in
  /// this playbook (`更快提车`, `Sooner delivery`, spaces and case ignored); nil when it names none.
  public func lever(_ given: String) -> Lever? {
    let key = Self.leverKey(given)
    guard !key.isEmpty else { return nil }
    return Lever.allCases.first { lever in
      Self.leverKey(lever.rawValue) == key || labels.ui(.lever, lever.rawValue).map(Self.leverKey) == key
    }
  }

  /// Every lever code with its label in this playbook (`availability (Sooner delivery)`), by code: what a refusal of an
  /// unknown lever lists as accepted.
  public var leverChoices: [String] {
    Lever.allCases.map(\.rawValue).sorted().map { code in
      labels.ui(.lever, code).map { "\(code) (\($0))" } ?? code
    }
  }

  static func leverKey(_ s: String) -> String {
    s.lowercased().filter { !$0.isWhitespace }
  }
}
