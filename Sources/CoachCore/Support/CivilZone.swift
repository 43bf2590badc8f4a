import Foundation

/// Something that tells a zone's offset from UTC, in seconds, at an instant.
protocol UTCOffsets {
  func utcOffset(for date: Date) -> Int
}

extension TimeZone: UTCOffsets {
  func utcOffset(for date: Date) -> Int { secondsFromGMT(for: date) }
  func utcOffset(at t: Double) -> Int { secondsFromGMT(for: Date(timeIntervalSince1970: t)) }
}

/// A zone together with an interval of time in which its UTC offset does not change (found once, around the run's
/// `now`): offsets inside the interval are answered from three plain numbers, without asking ICU (which takes a
/// lock per question); outside it `timeZone` is asked, so every answer is the one `timeZone` gives.
public struct CivilZone: Sendable, Hashable, UTCOffsets {
  /// The zone.
  public let timeZone: TimeZone
  let steady: SteadyOffset

  /// `timeZone`, with the interval of steady offset that contains `t` (at most 30 years either side).
  public init(_ timeZone: TimeZone, around t: Date) {
    self.timeZone = timeZone
    steady = SteadyOffset.around(t.timeIntervalSince1970, in: timeZone)
  }

  /// `timeZone` with no interval: every offset is asked of `timeZone`.
  init(unspanned timeZone: TimeZone) {
    self.timeZone = timeZone
    steady = .empty
  }

  @inline(__always)
  func utcOffset(for date: Date) -> Int {
    let t = date.timeIntervalSince1970
    if t >= steady.from && t < steady.until { return steady.offset }
    return timeZone.secondsFromGMT(for: date)
  }
}

/// Seconds since 1970 (UTC) `from ≤ t < until` during which a zone's offset from UTC is `offset`. Plain scalars,
/// copied by value: reading them takes no lock and no reference count.
struct SteadyOffset: Sendable, Hashable {
  let from: Double
  let until: Double
  let offset: Int

  /// The empty interval: nothing lies inside (a NaN instant neither), and it equals itself.
  static let empty = SteadyOffset(from: .infinity, until: -.infinity, offset: 0)

  static let reach: Double = 30 * 366 * 86_400
  /// Kept clear of each end, so that rounding `t` through `Date` can never carry it across a transition.
  static let margin: Double = 1
  /// The instants `TimeZone` answers for without clamping (Foundation clamps to 1901-01-01 ..< 2101-01-01).
  static let answered: Range<Double> = -2_177_452_800..<4_133_980_800

  /// The interval between the zone's transitions (as ICU reports them) that contains `t`, cut to `reach` either
  /// side and to `answered`, less `margin` at each end; `.empty` when `t` is outside `answered`, the transitions do
  /// not advance, or the offsets at the ends and in the middle differ.
  static func around(_ t: Double, in zone: TimeZone) -> SteadyOffset {
    let low = max(t - reach, answered.lowerBound)
    let high = min(t + reach, answered.upperBound - 1)
    guard t.isFinite, low < t, t < high else { return .empty }
    var start = low
    var next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: low))?.timeIntervalSince1970
    var steps = 0
    while let n = next, n <= t {
      guard n > start, steps < 1_000 else { return .empty }
      start = n
      steps += 1
      next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: n))?.timeIntervalSince1970
    }
    let from = start + margin
    let until = min(next ?? high, high) - margin
    guard from < until else { return .empty }
    let offset = zone.utcOffset(at: from)
    guard zone.utcOffset(at: until - 0.001) == offset, zone.utcOffset(at: (from + until) / 2) == offset else {
      return .empty
    }
    return SteadyOffset(from: from, until: until, offset: offset)
  }
}

// MARK: - Days and instants in a CivilZone (the same answers as with its `timeZone`)

extension LocalDate {
  /// The calendar day of `date` as seen in `zone`.
  public init(_ date: Date, in zone: CivilZone) {
    if let fast = CivilTime.localDay(date, in: zone) {
      self = fast
      return
    }
    self.init(date, in: zone.timeZone)
  }

  /// 00:00 of this day in `zone` (the first instant of the day when a DST change skips midnight).
  public func startOfDay(in zone: CivilZone) -> Date {
    if let fast = CivilTime.startOfDay(self, in: zone) { return fast }
    return startOfDay(in: zone.timeZone)
  }

  /// The end of this day in `zone` (00:00 of the next day).
  public func endOfDay(in zone: CivilZone) -> Date { adding(days: 1).startOfDay(in: zone) }
}

extension Date {
  /// `n` calendar days later in `zone` (same wall-clock time).
  func adding(days n: Int, in zone: CivilZone) -> Date {
    if let fast = CivilTime.adding(days: n, to: self, in: zone) { return fast }
    return adding(days: n, in: zone.timeZone)
  }
}
