import Foundation
import Testing

@testable import CoachCore

/// The sheet's day-and-time forms read from the bytes (`ImportDates.sheetInstant`) give what the full rule
/// (`ImportDates.instant`) gives, wherever they give anything; and they do read the forms a sheet holds.
@Suite struct ImportDatesFastPathTests {
  static let zones = ["Asia/Shanghai", "America/New_York", "Europe/London", "UTC"].compactMap(
    TimeZone.init(identifier:))

  /// Text in the sheet's forms and near them: separators right and wrong, digits too few and too many, days that
  /// do not exist, times with and without seconds, spaces, `T`, offsets, trailing junk.
  static func sample(_ rng: inout SplitMix64) -> String {
    func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    func digits(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return width > s.count ? String(repeating: "0", count: width - s.count) + s : s
    }
    let year = pick(["2026", "2024", "1999", "0000", "202", "20266", "2100", "９０２６"])
    let month = Int(rng.next() % 14)
    let day = Int(rng.next() % 33)
    let seps = ["-", "/", ".", "年", "月", "日", " ", ":", ""]
    var s = year + pick(seps) + digits(month, pick([1, 2, 3])) + pick(seps) + digits(day, pick([1, 2, 3]))
    s += pick(["", "", "日", "号", "日 ", " ", "  ", "T", "."])
    if rng.next() % 3 > 0 {
      s +=
        digits(Int(rng.next() % 26), pick([1, 2, 3])) + pick([":", ":", "："])
        + digits(Int(rng.next() % 62), pick([2, 2, 1]))
      if rng.next() % 2 == 0 { s += pick([":", ":", "."]) + digits(Int(rng.next() % 62), pick([2, 2, 1])) }
      s += pick(["", "", "", "+08:00", "Z", " ", "x", ".5"])
    }
    return s
  }

  @Test("wherever the bytes give an instant, the full rule gives the same one")
  func sameAsFullRule() {
    var rng = SplitMix64(seed: 19)
    var read = 0
    for i in 0..<60_000 {
      let text = Self.sample(&rng)
      let zone = Self.zones[i % Self.zones.count]
      guard let fast = ImportDates.sheetInstant(text, zone: zone) else { continue }
      read += 1
      #expect(fast == ImportDates.instant(text, zone: zone), "\(text) in \(zone.identifier)")
    }
    #expect(read > 300, "the samples reach the fast path: \(read)")
  }

  @Test("the forms a sheet holds are read from the bytes")
  func sheetForms() {
    let zone = Self.zones[0]
    for text in [
      "2026-11-03", "2026/11/3", "2026.11.3", "2026年11月3日", "2026年11月3号", "2026/11/3 9:05", "2026-11-03 10:30:00",
      "2026年11月3日9:05", "2026年11月3日 09:05:07", "2026-1-3",
    ] {
      let fast = ImportDates.sheetInstant(text, zone: zone)
      #expect(fast != nil, "\(text)")
      #expect(fast == ImportDates.instant(text, zone: zone), "\(text)")
    }
    for text in ["2026-02-30", "2026/11/3T10:00", "2026/11/3  9:05", "2026/11/3 24:00", "26/11/3", "2026-11-03+08:00"] {
      #expect(ImportDates.sheetInstant(text, zone: zone) == nil, "\(text)")
    }
  }
}
