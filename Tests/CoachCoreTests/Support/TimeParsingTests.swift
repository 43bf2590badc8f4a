import CoachCore
import Foundation
import Testing

@Suite struct TimeParsingTests {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  static let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
  /// 2025-07-10T02:00:00Z.
  static let tenAMShanghai = Date(timeIntervalSince1970: 1_752_112_800)

  @Test(
    "the same instant from offset, Z, compact offset, space separator and no offset",
    arguments: [
      "2025-07-10T10:00:00+08:00", "2025-07-10T02:00:00Z", "2025-07-10T02:00:00z", "2025-07-10 10:00:00+0800",
      "2025-07-10T10:00+08", "2025-07-09T22:00:00-04:00", "2025-07-10T10:00:00", "2025-07-10 10:00",
      " 2025/7/10 10:00 ",
    ])
  func sameInstant(_ text: String) {
    #expect(TimeParsing.instant(text, zone: Self.shanghai) == Self.tenAMShanghai)
  }

  @Test("fractional seconds are kept")
  func fractional() {
    #expect(TimeParsing.instant("2025-07-10T02:00:00.250Z", zone: .gmt) == Self.tenAMShanghai.addingTimeInterval(0.25))
  }

  @Test("a bare day is 00:00 in the zone, also across DST")
  func bareDay() {
    #expect(TimeParsing.instant("2025-07-10", zone: Self.shanghai) == Date(timeIntervalSince1970: 1_752_076_800))
    #expect(TimeParsing.instant("2025-07-10", zone: Self.newYork) == Date(timeIntervalSince1970: 1_752_120_000))
  }

  @Test(
    "nonsense and impossible values are rejected",
    arguments: [
      "", "yesterday", "2025-13-01", "2025-02-29", "2025-07-10T24:00:00Z", "2025-07-10T10:60Z", "2025-07-10T10",
      "2025-07-10T10:00:00+8", "2025-07-10T10:00:00+08:00:00", "2025-07-10T10:00:00.Z", "10/07/2025", "2025-7-10x",
    ])
  func rejected(_ text: String) {
    #expect(TimeParsing.instant(text, zone: Self.shanghai) == nil)
  }

  @Test("iso prints whole seconds with the zone's numeric offset at that instant")
  func iso() {
    #expect(TimeParsing.iso(Self.tenAMShanghai, zone: Self.shanghai) == "2025-07-10T10:00:00+08:00")
    #expect(TimeParsing.iso(Self.tenAMShanghai, zone: .gmt) == "2025-07-10T02:00:00+00:00")
    #expect(TimeParsing.iso(Self.tenAMShanghai, zone: Self.newYork) == "2025-07-09T22:00:00-04:00")
    let winter = Date(timeIntervalSince1970: 1_736_503_200)  // 2025-01-10T10:00:00Z
    #expect(TimeParsing.iso(winter, zone: Self.newYork) == "2025-01-10T05:00:00-05:00")
    #expect(
      TimeParsing.iso(Self.tenAMShanghai.addingTimeInterval(0.9), zone: Self.shanghai) == "2025-07-10T10:00:00+08:00")
  }

  @Test("iso output parses back to the same whole-second instant")
  func roundTrip() {
    for step in 0..<50 {
      let date = Date(timeIntervalSince1970: 1_700_000_000 + Double(step) * 987_654)
      for zone in [Self.shanghai, Self.newYork, .gmt] {
        #expect(TimeParsing.instant(TimeParsing.iso(date, zone: zone), zone: .gmt) == date)
      }
    }
  }

  @Test("days accept YYYY-MM-DD and spreadsheet YYYY/M/D, only real days")
  func days() {
    #expect(TimeParsing.day("1990-05-03") == LocalDate(year: 1990, month: 5, day: 3))
    #expect(TimeParsing.day("1990/5/3") == LocalDate(year: 1990, month: 5, day: 3))
    #expect(TimeParsing.day("2024/02/29") == LocalDate(year: 2024, month: 2, day: 29))
    #expect(TimeParsing.day("2023/02/29") == nil)
    #expect(TimeParsing.day("1990-5-3") == nil)
    #expect(TimeParsing.day("90/5/3") == nil)
  }
}
