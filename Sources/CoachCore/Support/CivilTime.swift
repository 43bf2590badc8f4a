import Foundation

/// Calendar arithmetic without `Calendar`: days since 1970-01-01 <-> year/month/day (proleptic Gregorian,
/// H. Hinnant's algorithms) and a zone's UTC offset. Each function returns nil when a UTC-offset change
/// lies within a day of the answer, or the year is outside 1601...9999, so the caller falls back to
/// `Calendar` and the result is always the one `Calendar` gives (the engine calls these ~100 times per lead).
/// The zone is a `TimeZone`, or a `CivilZone` that answers offsets near the run's `now` without asking ICU.
enum CivilTime {
  static let day: Double = 86_400
  static let years = 1601...9999

  /// Days from 1970-01-01 to `y-m-d`.
  static func days(year y: Int, month m: Int, day d: Int) -> Int {
    let y = m <= 2 ? y - 1 : y
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil day `n` days after 1970-01-01.
  static func civil(_ n: Int) -> LocalDate {
    let z = n + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return LocalDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  /// The zone's offset at `t`, if it is the same a day before and a day after (no transition near).
  static func steadyOffset<Z: UTCOffsets>(_ zone: Z, at t: Double) -> Int? {
    let o = zone.utcOffset(for: Date(timeIntervalSince1970: t))
    guard zone.utcOffset(for: Date(timeIntervalSince1970: t - day)) == o,
      zone.utcOffset(for: Date(timeIntervalSince1970: t + day)) == o
    else { return nil }
    return o
  }

  /// 00:00 of `date` in `zone`.
  static func startOfDay<Z: UTCOffsets>(_ date: LocalDate, in zone: Z) -> Date? { instant(date, seconds: 0, in: zone) }

  /// `seconds` (0..<86400) after 00:00 of `date`, on the clock of `zone`.
  static func instant<Z: UTCOffsets>(_ date: LocalDate, seconds: Int, in zone: Z) -> Date? {
    guard let n = date.validDays, (0..<86_400).contains(seconds) else { return nil }
    let local = Double(n) * day + Double(seconds)
    let guess = local - Double(zone.utcOffset(for: Date(timeIntervalSince1970: local)))
    guard let o = steadyOffset(zone, at: guess) else { return nil }
    return Date(timeIntervalSince1970: local - Double(o))
  }

  /// The calendar day of `t` in `zone`.
  static func localDay<Z: UTCOffsets>(_ t: Date, in zone: Z) -> LocalDate? {
    let s = t.timeIntervalSince1970
    guard s.isFinite, abs(s) < 1e11 else { return nil }
    let local = s + Double(zone.utcOffset(for: t))
    let result = civil(Int((local / day).rounded(.down)))
    return years.contains(result.year) ? result : nil
  }

  /// `n` days after `t` at the same wall-clock time in `zone`.
  static func adding<Z: UTCOffsets>(days n: Int, to t: Date, in zone: Z) -> Date? {
    let s = t.timeIntervalSince1970
    guard s.isFinite, abs(s) < 1e11, abs(n) < 1_000_000 else { return nil }
    let result = t.addingTimeInterval(Double(n) * day)
    // Both days in `years` (`localDay` not nil), told from the local seconds without working out either day.
    guard let o = steadyOffset(zone, at: result.timeIntervalSince1970), zone.utcOffset(for: t) == o,
      inYears(local: s + Double(o)), inYears(local: result.timeIntervalSince1970 + Double(o))
    else { return nil }
    return result
  }

  /// Local seconds since 1970 of 00:00 on 1601-01-01 and on 10000-01-01: a local time between them has its day in
  /// `years`.
  private static let yearsStart = Double(days(year: years.lowerBound, month: 1, day: 1)) * day
  private static let yearsEnd = Double(days(year: years.upperBound + 1, month: 1, day: 1)) * day

  /// Whether `local` (seconds since 1970 on the zone's clock) falls on a day in `years`.
  static func inYears(local: Double) -> Bool { local >= yearsStart && local < yearsEnd }
}
