import Foundation

/// Turns "so many days ago, at such a minute" into dates, relative to a fixed `now`.
///
/// Days are counted from 00:00 today in the zone with plain 24-hour steps (no calendar call per
/// touch, so 100,000 leads stay fast); in a zone with daylight saving a time may shift by an hour,
/// which is harmless for demo data. Every past time is clamped to `now`.
struct DemoClock {
  let now: Date
  let today: LocalDate
  let startOfToday: Date
  /// `past[d]` is the day `d` days before today; `future[d]` the day `d` days after.
  private let past: [LocalDate]
  private let future: [LocalDate]

  static let day: TimeInterval = 86_400

  init(now: Date, zone: TimeZone) {
    self.now = now
    today = LocalDate(now, in: zone)
    startOfToday = today.startOfDay(in: zone)
    past = DemoClock.walk(from: today, steps: 1_000, by: -1)
    future = DemoClock.walk(from: today, steps: 200, by: 1)
  }

  /// The calendar day `d` days ago (a negative `d` is in the future).
  func date(daysAgo d: Int) -> LocalDate {
    if d >= 0, d < past.count { return past[d] }
    if d < 0, -d < future.count { return future[-d] }
    return today.adding(days: -d)
  }

  /// The calendar day `d` days from today.
  func date(daysAhead d: Int) -> LocalDate { date(daysAgo: -d) }

  /// `minute` minutes after 00:00 of the day `d` days ago, never later than `now`.
  func at(daysAgo d: Int, minute: Int) -> Date {
    min(now, startOfToday.addingTimeInterval(Double(-d) * DemoClock.day + Double(minute * 60)))
  }

  /// `minute` minutes after 00:00 of the day `days` days after the day of `time` (may be after `now`).
  func later(_ time: Date, days: Int, minute: Int) -> Date {
    let dayIndex = (time.timeIntervalSince(startOfToday) / DemoClock.day).rounded(.down)
    return startOfToday.addingTimeInterval((dayIndex + Double(days)) * DemoClock.day + Double(minute * 60))
  }

  /// `time` moved into working hours (09:00–20:00) of its day, unless that leaves `bounds`.
  func workingHours(_ time: Date, within bounds: ClosedRange<Date>) -> Date {
    let offset = time.timeIntervalSince(startOfToday)
    let dayStart = (offset / DemoClock.day).rounded(.down) * DemoClock.day
    let second = offset - dayStart
    let open: TimeInterval = 9 * 3_600
    let hours: TimeInterval = 11 * 3_600
    guard second < open || second > open + hours else { return time }
    let moved = startOfToday.addingTimeInterval(dayStart + open + second.truncatingRemainder(dividingBy: hours))
    return bounds.contains(moved) ? moved : time
  }

  /// The days reached from `start` by `steps` steps of one day, `start` first.
  private static func walk(from start: LocalDate, steps: Int, by step: Int) -> [LocalDate] {
    var days = [start]
    days.reserveCapacity(steps)
    var d = start
    for _ in 1..<steps {
      d = step < 0 ? d.dayBefore : d.dayAfter
      days.append(d)
    }
    return days
  }
}

extension LocalDate {
  fileprivate var dayBefore: LocalDate {
    if day > 1 { return LocalDate(year: year, month: month, day: day - 1) }
    let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
    return LocalDate(year: y, month: m, day: LocalDate.daysIn(month: m, year: y))
  }

  fileprivate var dayAfter: LocalDate {
    if day < LocalDate.daysIn(month: month, year: year) { return LocalDate(year: year, month: month, day: day + 1) }
    return month == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
  }
}
