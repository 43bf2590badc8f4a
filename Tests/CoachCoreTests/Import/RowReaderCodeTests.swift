import Foundation
import Testing

@testable import CoachCore

/// The byte-level code and model matching equals the Foundation rules it replaced.
@Suite struct RowReaderCodeTests {
  /// The rule before the fast path: exact lower-case spelling, else lower-cased with `-` and space as `_`.
  static func reference<T: RawRepresentable & CaseIterable>(_ v: String, _ type: T.Type) -> T?
  where T.RawValue == String {
    if let exact = T(rawValue: v), exact.rawValue == exact.rawValue.lowercased(),
      !v.contains(where: { $0 == "-" || $0 == " " })
    {
      return exact
    }
    let key = v.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    return T.allCases.first { $0.rawValue.lowercased() == key }
  }

  static func parts() -> [String] {
    [
      "h", "H", "a", "B", "c", "D", "x", "call", "CALL", "test_drive", "Test-Drive", "test drive", "no_answer",
      "No Answer",
      "waiting_for_delivery", "Waiting-For Delivery", "delivered", "prospect", "é", "İ", "-", " ", "_", "Z",
    ]
  }

  @Test("codes: every spelling gets what the Foundation rule gave")
  func codes() {
    let header = ImportHeader(schema: .touches, line: 1, fieldCount: 1, index: ["channel": 0], warnings: [])
    var rng = SplitMix64(seed: 9)
    let parts = Self.parts()
    for _ in 0..<5_000 {
      let v = (0..<Int(rng.next() % 3 + 1)).map { _ in parts[Int(rng.next() % UInt64(parts.count))] }.joined()
      var r = RowReader(line: 2, header: header, fields: [v], zone: .gmt)
      #expect(r.code("channel", Grade.self, value: v) == Self.reference(v, Grade.self), "\(v)")
      #expect(r.code("channel", Tier.self, value: v) == Self.reference(v, Tier.self), "\(v)")
      #expect(r.code("channel", Stage.self, value: v) == Self.reference(v, Stage.self), "\(v)")
      #expect(r.code("channel", Channel.self, value: v) == Self.reference(v, Channel.self), "\(v)")
      #expect(r.code("channel", Outcome.self, value: v) == Self.reference(v, Outcome.self), "\(v)")
    }
  }

  @Test("model codes: ASCII case folding equals caseInsensitiveCompare")
  func models() {
    let words = [
      "X40", "x40", "S50N", "s50n", "E20", "e2O", "@", "`", "[", "{", "X4", "é", "É", "x40 ", "K", "\u{212A}",
    ]
    for a in words {
      for b in words {
        #expect(RowReader.sameIgnoringCase(a, b) == (a.caseInsensitiveCompare(b) == .orderedSame), "\(a) \(b)")
      }
    }
  }
}
