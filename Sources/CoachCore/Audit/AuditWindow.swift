import Foundation

/// The days an audit covers (`--from`/`--to`, whole days in a zone) and the weeks of its trend.
public struct AuditWindow: Sendable, Hashable {
  public let from: LocalDate
  public let to: LocalDate
  public let zone: TimeZone
  /// 00:00 of `from`.
  public let start: Date
  /// The end of `to` (00:00 of the next day): `--to` includes its whole day.
  public let end: Date
  /// `zone` with its span of steady offset around the window.
  let civil: CivilZone
  /// The Monday starting the window's first week (worked out once: each follow-up's week is counted from it).
  let firstMonday: LocalDate

  /// The longest window an audit takes: three years (every lead is replayed over it; a window of centuries took
  /// minutes and gigabytes on a server).
  public static let maxDays = 1_096

  /// A window of whole days; `from` must not be after `to`, nor more than `maxDays` before it.
  public init(from: LocalDate, to: LocalDate, zone: TimeZone) throws {
    guard from <= to else {
      throw CoachError.refused(.fromAfterTo(from: from, to: to))
    }
    let days = from.days(to: to) + 1
    guard days <= Self.maxDays else { throw CoachError.refused(.windowTooLong(days: days, max: Self.maxDays)) }
    self.from = from
    self.to = to
    self.zone = zone
    start = from.startOfDay(in: zone)
    end = to.endOfDay(in: zone)
    civil = CivilZone(zone, around: end)
    firstMonday = from.adding(days: -from.daysSinceMonday)
  }

  /// The period of as many days just before this one (what `--compare` sets beside it).
  public var previous: AuditWindow {
    let first = from.adding(days: -days), last = from.adding(days: -1)
    // `first` is before `last` by construction: the initialiser's only check cannot fail.
    return (try? AuditWindow(from: first, to: last, zone: zone)) ?? self
  }

  /// The default window: the 30 days ending with `today`.
  public static func lastDays(_ days: Int, endingOn today: LocalDate, zone: TimeZone) throws -> AuditWindow {
    try AuditWindow(from: today.adding(days: -(max(1, days) - 1)), to: today, zone: zone)
  }

  /// Whether an event at `t` (a touch, a stage change, an export) happened in the window: `start ≤ t < end`.
  public func contains(_ t: Date) -> Bool { t >= start && t < end }

  /// Whether a deadline falls in the window: `start < deadline ≤ end` (a deadline "on" a day is that day's end).
  public func holdsDeadline(_ deadline: Date) -> Bool { deadline > start && deadline <= end }

  /// Days in the window.
  public var days: Int { from.days(to: to) + 1 }

  /// Index of the day of `t` in the window (0 = `from`); outside `0..<days` when `t` is not in the window.
  public func dayIndex(of t: Date) -> Int { from.days(to: LocalDate(t, in: civil)) }

  // MARK: - Weeks

  /// Mondays starting the weeks that overlap the window, oldest first.
  public var weeks: [LocalDate] {
    stride(from: 0, through: firstMonday.days(to: to), by: 7).map { firstMonday.adding(days: $0) }
  }

  /// Whether the week `weeks[i]` lies wholly inside the window (Monday on or after `from`, Sunday on or before `to`):
  /// the trend chart draws only these, a partial week's rate being of a few days.
  public func isWhole(week i: Int) -> Bool {
    guard weeks.indices.contains(i) else { return false }
    let monday = weeks[i]
    return monday >= from && monday.adding(days: 6) <= to
  }

  /// Index in `weeks` of the week a deadline falls in (a deadline at Monday 00:00 ends the Sunday before).
  public func weekIndex(ofDeadline deadline: Date) -> Int {
    let day = LocalDate(deadline.addingTimeInterval(-0.001), in: civil)
    return max(0, firstMonday.days(to: day) / 7)
  }
}

extension LocalDate {
  /// 0 on Monday … 6 on Sunday.
  var daysSinceMonday: Int {
    let weekday = Calendar.gregorian(.gmt).component(.weekday, from: startOfDay(in: .gmt))  // Sunday = 1
    return (weekday + 5) % 7
  }
}
