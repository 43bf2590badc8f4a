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
    if let fast = LocalDate.parseDigits(text) {
      guard (1...12).contains(fast.month), fast.day >= 1,
        fast.day <= LocalDate.daysIn(month: fast.month, year: fast.year)
      else { return nil }
      self = fast
      return
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...12).contains(m), d >= 1, d <= LocalDate.daysIn(month: m, year: y)
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The calendar day of `date` as seen in `zone`.
  public init(_ date: Date, in zone: TimeZone) {
    if let fast = CivilTime.localDay(date, in: zone) {
      self = fast
      return
    }
    let c = Calendar.gregorian(zone).dateComponents([.year, .month, .day], from: date)
    self.init(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
  }

  /// `YYYY-MM-DD`, as `String(format: "%04d-%02d-%02d")` writes it; written by hand for years 0…9999 with months
  /// and days in 0…99 (a formatter per call was a fiftieth of the audit: each birthday's detail names its day).
  public var description: String {
    guard (0...9_999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
      return String(format: "%04d-%02d-%02d", year, month, day)
    }
    let digits = [
      year / 1000, year / 100 % 10, year / 10 % 10, year % 10, -1, month / 10, month % 10, -1, day / 10, day % 10,
    ]
    return String(unsafeUninitializedCapacity: digits.count) { out in
      for (i, digit) in digits.enumerated() {
        out[i] = digit < 0 ? UInt8(ascii: "-") : UInt8(ascii: "0") + UInt8(digit)
      }
      return digits.count
    }
  }

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
    if let fast = CivilTime.startOfDay(self, in: zone) { return fast }
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
    if let days = validDays, abs(n) < 1_000_000 {
      let result = CivilTime.civil(days + n)
      if CivilTime.years.contains(result.year) { return result }
    }
    let c = Calendar.gregorian(.gmt)
    let d = startOfDay(in: .gmt)
    return LocalDate(c.date(byAdding: .day, value: n, to: d) ?? d, in: .gmt)
  }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: LocalDate) -> Int {
    if let from = validDays, let to = other.validDays { return to - from }
    let s = other.startOfDay(in: .gmt).timeIntervalSince(startOfDay(in: .gmt))
    return Int((s / 86_400).rounded())
  }

  /// The day `n` days after 1970-01-01 (proleptic Gregorian).
  public init(daysSinceEpoch n: Int) { self = CivilTime.civil(n) }

  /// Days from 1970-01-01 to this day.
  public var daysSinceEpoch: Int { CivilTime.days(year: year, month: month, day: day) }

  /// Days since 1970-01-01 when this is a real day of 1601...9999 (else nil: the `Calendar` path handles it).
  var validDays: Int? {
    guard CivilTime.years.contains(year), (1...12).contains(month), day >= 1,
      day <= LocalDate.daysIn(month: month, year: year)
    else { return nil }
    return CivilTime.days(year: year, month: month, day: day)
  }

  /// `DDDD-DD-DD` in ASCII digits read without splitting (the loader parses a date per lead); nil otherwise.
  static func parseDigits(_ text: String) -> LocalDate? {
    let utf8 = text.utf8
    guard utf8.count == 10 else { return nil }
    var digits: [Int] = []
    digits.reserveCapacity(8)
    for (i, b) in utf8.enumerated() {
      if i == 4 || i == 7 {
        guard b == UInt8(ascii: "-") else { return nil }
      } else {
        guard (48...57).contains(b) else { return nil }
        digits.append(Int(b) - 48)
      }
    }
    let y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
    return LocalDate(year: y, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
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
