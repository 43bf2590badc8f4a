import Foundation
import Testing

@testable import CoachCore

/// The Calendar-free date arithmetic (CivilTime) must give exactly what `Calendar` gives, in every zone,
/// including days next to daylight-saving changes (where it defers to `Calendar`).
@Suite struct CivilTimeTests {
  static let zones =
    [
      "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "UTC",
      "Asia/Kolkata", "America/St_Johns", "Pacific/Apia",
    ].compactMap(TimeZone.init(identifier:))
    + [TimeZone(secondsFromGMT: 8 * 3600), TimeZone(secondsFromGMT: -5 * 3600 - 1800)]
    .compactMap { $0 }

  /// Deterministic instants from 1990 to 2040 with millisecond fractions (SplitMix64).
  static func instants(_ count: Int) -> [Date] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return Date(timeIntervalSince1970: 631_152_000 + Double(z % 1_577_836_800_000) / 1000)
    }
  }

  @Test func localDayStartOfDayAndAddingMatchCalendar() {
    for zone in Self.zones {
      let cal = Calendar.gregorian(zone)
      for t in Self.instants(400) {
        let c = cal.dateComponents([.year, .month, .day], from: t)
        let day = LocalDate(t, in: zone)
        #expect([day.year, day.month, day.day] == [c.year, c.month, c.day], "\(zone.identifier) \(t)")
        #expect(day.startOfDay(in: zone) == cal.date(from: c), "\(zone.identifier) \(day)")
        for n in [-400, -30, -1, 1, 3, 7, 30, 365] {
          let want = cal.date(byAdding: .day, value: n, to: t)
          #expect(
            t.adding(days: n, in: zone) == want,
            "\(zone.identifier) \(t.timeIntervalSince1970) \(n) \(t.adding(days: n, in: zone).timeIntervalSince1970) \(want?.timeIntervalSince1970 ?? 0)"
          )
        }
      }
    }
  }

  @Test func everyDayAroundDaylightSavingChangesMatchesCalendar() {
    for zone in Self.zones {
      let cal = Calendar.gregorian(zone)
      var day = LocalDate(year: 2024, month: 1, day: 1)
      while day.year < 2026 {
        let c = DateComponents(year: day.year, month: day.month, day: day.day)
        #expect(day.startOfDay(in: zone) == cal.date(from: c), "\(zone.identifier) \(day)")
        let noon = day.startOfDay(in: zone).addingTimeInterval(12 * 3600 + 0.25)
        #expect(
          noon.adding(days: 1, in: zone) == cal.date(byAdding: .day, value: 1, to: noon), "\(zone.identifier) \(day)")
        day = day.adding(days: 1)
      }
    }
  }

  @Test func dayArithmeticMatchesCalendarAcrossCenturies() {
    let gmt = Calendar.gregorian(.gmt)
    for (y, m, d) in [(1700, 2, 28), (1900, 2, 28), (2000, 2, 29), (2024, 12, 31), (2100, 3, 1), (1965, 1, 1)] {
      let day = LocalDate(year: y, month: m, day: d)
      let start = gmt.date(from: DateComponents(year: y, month: m, day: d)) ?? .distantPast
      for n in [-36_500, -366, -1, 0, 1, 59, 366, 36_500] {
        let c = gmt.dateComponents([.year, .month, .day], from: gmt.date(byAdding: .day, value: n, to: start) ?? start)
        let got = day.adding(days: n)
        #expect([got.year, got.month, got.day] == [c.year, c.month, c.day], "\(day) + \(n)")
        #expect(day.days(to: got) == n)
      }
    }
  }

  @Test func parsedLocalTimesMatchCalendar() {
    for zone in Self.zones {
      let cal = Calendar.gregorian(zone)
      for t in Self.instants(300) {
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: t)
        let text = String(
          format: "%04d-%02d-%02d %02d:%02d:%02d.250", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
          c.minute ?? 0,
          c.second ?? 0)
        let want = cal.date(from: c).map { $0.addingTimeInterval(0.25) }
        #expect(TimeParsing.instant(text, zone: zone) == want, "\(zone.identifier) \(text)")
        #expect(
          TimeParsing.instant(text + "+05:30", zone: zone)
            == Calendar.gregorian(TimeZone(secondsFromGMT: 19_800) ?? .gmt)
            .date(from: c).map { $0.addingTimeInterval(0.25) })
      }
    }
  }
}
