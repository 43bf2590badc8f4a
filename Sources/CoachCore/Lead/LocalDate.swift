import Foundation

/// A calendar day without a time or zone (`YYYY-MM-DD`): birthdays, ETAs, delivery dates.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, checking that the day exists (Feb 29 only in leap years).
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...12).contains(m), d >= 1, d <= LocalDate.daysIn(month: m, year: y)
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The calendar day of `date` as seen in `zone`.
  public init(_ date: Date, in zone: TimeZone) {
    let c = Calendar.gregorian(zone).dateComponents([.year, .month, .day], from: date)
    self.init(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
  }

  public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

  public static func < (l: LocalDate, r: LocalDate) -> Bool {
    (l.year, l.month, l.day) < (r.year, r.month, r.day)
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysIn(month m: Int, year y: Int) -> Int {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// 00:00 of this day in `zone`.
  public func startOfDay(in zone: TimeZone) -> Date {
    var c = DateComponents()
    c.year = year
    c.month = month
    c.day = day
    return Calendar.gregorian(zone).date(from: c) ?? Date(timeIntervalSince1970: 0)
  }

  /// The end of this day in `zone` (00:00 of the next day; a deadline "on" a day is met before it).
  public func endOfDay(in zone: TimeZone) -> Date { adding(days: 1).startOfDay(in: zone) }

  /// The day `n` days later (or earlier when negative).
  public func adding(days n: Int) -> LocalDate {
    let c = Calendar.gregorian(.gmt)
    let d = startOfDay(in: .gmt)
    return LocalDate(c.date(byAdding: .day, value: n, to: d) ?? d, in: .gmt)
  }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: LocalDate) -> Int {
    let s = other.startOfDay(in: .gmt).timeIntervalSince(startOfDay(in: .gmt))
    return Int((s / 86_400).rounded())
  }

  /// This month/day in `year`; Feb 29 falls on Feb 28 in a common year.
  public func anniversary(in year: Int) -> LocalDate {
    if month == 2 && day == 29 && !LocalDate.isLeap(year) { return LocalDate(year: year, month: 2, day: 28) }
    return LocalDate(year: year, month: month, day: day)
  }
}

extension Calendar {
  /// A Gregorian calendar in `zone`.
  public static func gregorian(_ zone: TimeZone) -> Calendar {
    var c = Calendar(identifier: .gregorian)
    c.timeZone = zone
    return c
  }
}
