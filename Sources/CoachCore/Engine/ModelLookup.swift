import Foundation

extension Playbook {
  /// `model(code)` (the first model whose code equals `code` ignoring case) without Foundation's
  /// case-insensitive compare when both codes are ASCII, which is every catalog code; the priority of
  /// every lead of a queue looks its model up.
  func catalogModel(_ code: String?) -> CarModel? {
    guard let code else { return nil }
    return models.first { model in
      if model.code == code { return true }
      guard let same = Self.asciiEqualIgnoringCase(model.code, code) else {
        return model.code.caseInsensitiveCompare(code) == .orderedSame
      }
      return same
    }
  }

  /// Whether two ASCII strings are equal ignoring case; nil when either is not ASCII.
  static func asciiEqualIgnoringCase(_ a: String, _ b: String) -> Bool? {
    guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    return a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
  }

  private static func lower(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c + 32 : c }
}
