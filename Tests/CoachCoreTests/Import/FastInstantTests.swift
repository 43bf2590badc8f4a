import Foundation
import Testing

@testable import CoachCore

@Suite struct FastInstantTests {
  /// Times in the usual shape and its near misses: where the fast path answers, `TimeParsing` answers the same.
  @Test("the byte-level parser equals TimeParsing wherever it answers, and answers the usual shape")
  func equalsTimeParsing() {
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    var rng = SplitMix64(seed: 3)
    let pieces = ["0", "1", "2", "3", "5", "9", "-", ":", "T", "t", " ", "+", "Z", "z", "/", "."]
    var answered = 0
    for i in 0..<20_000 {
      var text: String
      let y = 1500 + Int(rng.next() % 900), mo = Int(rng.next() % 14), d = Int(rng.next() % 33)
      let h = Int(rng.next() % 26), mi = Int(rng.next() % 61), s = Int(rng.next() % 62)
      let oh = Int(rng.next() % 20), om = Int(rng.next() % 61)
      let sign = rng.next() % 2 == 0 ? "+" : "-"
      text = String(y) + "-" + pad(mo) + "-" + pad(d) + "T" + pad(h) + ":" + pad(mi) + ":" + pad(s)
      text += i % 7 == 0 ? "Z" : sign + pad(oh) + ":" + pad(om)
      if i % 3 == 0 {
        // Mutate one character.
        var chars = Array(text)
        chars[Int(rng.next() % UInt64(chars.count))] = Character(pieces[Int(rng.next() % UInt64(pieces.count))])
        text = String(chars)
      }
      let fast = FastInstant.parse(text)
      if let fast {
        answered += 1
        #expect(fast == TimeParsing.instant(text, zone: zone), "\(text)")
      }
    }
    #expect(answered > 2_000)
    #expect(
      FastInstant.parse("2025-07-01T09:30:00+08:00") == TimeParsing.instant("2025-07-01T09:30:00+08:00", zone: zone))
    #expect(FastInstant.parse("2025-07-01T09:30:00+08:00") != nil)
    #expect(FastInstant.parse("2025-07-01 09:30") == nil)
  }

  private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
