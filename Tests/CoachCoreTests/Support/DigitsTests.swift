import Foundation
import Testing

@testable import CoachCore

/// `Digits` writes what `String(format:)` writes: outputs stay byte for byte the same.
@Suite struct DigitsTests {
  @Test func decimalsRoundAsStringFormatDoes() {
    // Ties that binary fractions hold exactly (2.25, 0.125), values just beside them, negatives, big and tiny ones.
    var values: [Double] = [
      0, -0.0, 0.05, 0.15, 0.25, 0.35, 2.25, 2.35, 0.125, -1.25, 1e15 + 0.5, 123_456.789, 1e-9, -7.95,
    ]
    var random = SplitMix64(seed: 17)
    for _ in 0..<5_000 {
      let scale = [1.0, 10, 1_000, 100_000][Int(random.next() % 4)]
      values.append((Double(random.next() % 2_000_001) / 1_000_000 - 1) * scale)
      values.append(Double(random.next() % 4_000) / 8 - 250)  // quarters and eighths: exact ties
    }
    for x in values {
      for places in 0...4 {
        #expect(Digits.fixed(x, places: places) == String(format: "%.*f", places, x), "\(x), \(places) places")
      }
    }
  }

  /// `--next 2026-11-26` is a day, kept as its midnight: said as the day, not as a midnight appointment.
  @Test func anAgreedDayWithoutATimeIsTheDayAlone() {
    let zone = CivilZone(unspanned: TimeZone(identifier: "Asia/Shanghai")!)
    #expect(Digits.agreed(Fixture.at("2026-11-26T00:00:00+08:00"), in: zone) == "2026-11-26")
    #expect(Digits.agreed(Fixture.at("2026-11-26T10:30:00+08:00"), in: zone) == "2026-11-26 10:30")
  }

  @Test func notANumberAndInfinityAsStringFormatWritesThem() {
    for x in [Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude] {
      #expect(Digits.fixed(x, places: 1) == String(format: "%.1f", x))
    }
  }

  @Test func paddedIntegersAsStringFormatWritesThem() {
    for n in [0, 1, 9, 10, 99, 100, 999, 1_000, 2_026, 12_345, -1, -42] {
      for width in [2, 4] {
        #expect(Digits.padded(n, width) == String(format: "%0*d", width, n), "\(n), width \(width)")
      }
    }
    #expect(Digits.minute(year: 2026, month: 3, day: 7, hour: 9, minute: 5) == "2026-03-07 09:05")
  }

  /// A time for people in a zone is what a Gregorian calendar in that zone says, across offsets, daylight saving
  /// changes and dates before 1970.
  @Test func aMinuteInAZoneIsWhatTheCalendarSays() {
    var random = SplitMix64(seed: 23)
    for name in ["Asia/Shanghai", "America/New_York", "America/Santiago", "Asia/Kolkata", "UTC"] {
      let zone = TimeZone(identifier: name) ?? .gmt
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = zone
      for _ in 0..<500 {
        let date = Date(timeIntervalSince1970: Double(Int64(random.next() % 3_000_000_000) - 500_000_000))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let expected = Digits.minute(
          year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0, minute: c.minute ?? 0)
        #expect(Digits.minute(date, in: zone) == expected, "\(date) in \(name)")
      }
    }
  }
}
