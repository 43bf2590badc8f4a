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
    let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
    self.init(daysSinceEpoch: Int((local / 86_400).rounded(.down)))
  }

  /// The day `n` days after 1970-01-01 (proleptic Gregorian; pure arithmetic, no Calendar).
  public init(daysSinceEpoch n: Int) {
    let z = n + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  /// Days from 1970-01-01 to this day.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
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

  /// 00:00 of this day in `zone` (the first instant of the day when a DST change skips midnight).
  public func startOfDay(in zone: TimeZone) -> Date {
    let utcMidnight = Double(daysSinceEpoch) * 86_400
    let first = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight)))
    var t = utcMidnight - first
    let second = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
    if second != first { t = utcMidnight - second }
    if LocalDate(Date(timeIntervalSince1970: t), in: zone) != self {
      // Midnight does not exist (clocks jumped forward at 00:00): the day starts at the jump.
      t = utcMidnight - min(first, second)
    }
    return Date(timeIntervalSince1970: t)
  }

  /// The end of this day in `zone` (00:00 of the next day; a deadline "on" a day is met before it).
  public func endOfDay(in zone: TimeZone) -> Date { adding(days: 1).startOfDay(in: zone) }

  /// The day `n` days later (or earlier when negative).
  public func adding(days n: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + n) }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

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
