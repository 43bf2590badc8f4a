import CoachCore
import Foundation
import Testing

@Suite struct LocalDateTests {
  /// The arithmetic agrees with Foundation's Gregorian calendar day by day over 1900…2100.
  @Test func dayArithmeticMatchesTheGregorianCalendar() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    var date = calendar.date(from: DateComponents(year: 1900, month: 1, day: 1)) ?? Date()
    var n = LocalDate(year: 1900, month: 1, day: 1).daysSinceEpoch
    for _ in 0..<(201 * 366) where calendar.component(.year, from: date) <= 2100 {
      let c = calendar.dateComponents([.year, .month, .day], from: date)
      let expected = LocalDate(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0)
      #expect(LocalDate(daysSinceEpoch: n) == expected)
      #expect(expected.daysSinceEpoch == n)
      date = calendar.date(byAdding: .day, value: 1, to: date) ?? date
      n += 1
    }
  }

  @Test func startOfDayIsLocalMidnightInTheZone() throws {
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    let day = LocalDate(year: 2026, month: 11, day: 24)
    #expect(day.startOfDay(in: shanghai) == Date(timeIntervalSince1970: 1_795_478_400 - 8 * 3600))
    #expect(day.endOfDay(in: shanghai).timeIntervalSince(day.startOfDay(in: shanghai)) == 86_400)
    #expect(LocalDate(day.startOfDay(in: shanghai), in: shanghai) == day)
    #expect(LocalDate(day.startOfDay(in: shanghai).addingTimeInterval(-1), in: shanghai) == day.adding(days: -1))
  }

  @Test func daysAroundDaylightSavingChangesKeepTheirLength() throws {
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    let spring = LocalDate(year: 2026, month: 3, day: 29)
    #expect(spring.endOfDay(in: berlin).timeIntervalSince(spring.startOfDay(in: berlin)) == 23 * 3600)
    let autumn = LocalDate(year: 2026, month: 10, day: 25)
    #expect(autumn.endOfDay(in: berlin).timeIntervalSince(autumn.startOfDay(in: berlin)) == 25 * 3600)
    // Santiago skips midnight in September: the day starts at 01:00.
    let santiago = try #require(TimeZone(identifier: "America/Santiago"))
    let jump = LocalDate(year: 2026, month: 9, day: 6)
    let start = jump.startOfDay(in: santiago)
    #expect(LocalDate(start, in: santiago) == jump)
    #expect(LocalDate(start.addingTimeInterval(-1), in: santiago) == jump.adding(days: -1))
  }

  @Test func parsingRefusesDaysThatDoNotExist() {
    #expect(LocalDate("2024-02-29") != nil)
    #expect(LocalDate("2023-02-29") == nil)
    #expect(LocalDate("2026-13-01") == nil)
    #expect(LocalDate("26-01-01") == nil)
    #expect(LocalDate(year: 2024, month: 2, day: 29).anniversary(in: 2025) == LocalDate(year: 2025, month: 2, day: 28))
  }

  /// The text written by hand is what `String(format: "%04d-%02d-%02d")` writes, inside its range and out of it.
  @Test func descriptionIsTheFormattersText() {
    for year in [0, 1, 7, 42, 999, 1000, 1969, 2026, 9999, 10_000, 123_456, -1, -2026] {
      for (month, day) in [(1, 1), (2, 29), (9, 9), (10, 10), (12, 31), (0, 0), (99, 99), (100, 5), (7, -3)] {
        let date = LocalDate(year: year, month: month, day: day)
        #expect(date.description == String(format: "%04d-%02d-%02d", year, month, day), "\(year) \(month) \(day)")
      }
    }
  }
}
