import Foundation
import NIOCore
import Testing

@testable import CoachPostgres

/// The text an import's `COPY` sends: times as UTC to the millisecond, cut (never rounded) as a bound `Date` is.
@Suite struct PostgresCopyTests {
  static func text(_ date: Date) -> String {
    var buffer = ByteBuffer()
    PGTimeText.write(date, into: &buffer)
    return String(buffer: buffer)
  }

  @Test("times are UTC to the millisecond, cut: before 1970, on a leap day, at the end of a day and of a year")
  func timesAsTheServerReadsThem() {
    let cases: [(Double, String)] = [
      (0, "1970-01-01 00:00:00.000+00"),
      (0.999_9, "1970-01-01 00:00:00.999+00"),
      (-0.000_1, "1969-12-31 23:59:59.999+00"),
      (951_782_400, "2000-02-29 00:00:00.000+00"),
      (1_732_406_399.123_4, "2024-11-23 23:59:59.123+00"),
      (1_798_761_599.5, "2026-12-31 23:59:59.500+00"),
      (-62_135_596_800, "0001-01-01 00:00:00.000+00"),
    ]
    for (seconds, expected) in cases {
      #expect(Self.text(Date(timeIntervalSince1970: seconds)) == expected, "\(seconds)")
    }
  }

  @Test("a time agrees with a formatter's, for every day of four years and times of day across it")
  func timesAgreeWithAFormatter() {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
    let seconds = 1_577_836_800.0  // 2020-01-01
    for day in 0..<(4 * 366) {
      let at = Date(timeIntervalSince1970: seconds + Double(day * 86_400) + Double(day * 3_607 % 86_400) + 0.25)
      #expect(Self.text(at) == formatter.string(from: at) + "+00")
    }
  }
}
