import Foundation

/// Times in scenarios: relative to the scenario's `now` (`-3d`, `-2h`, `+1d12h`, `-30m`, `now`) or absolute
/// (ISO 8601, or `YYYY-MM-DD` for 00:00 in the zone). Days are calendar days in the zone.
public enum RelativeTime {
  /// What a trainer may write, for error messages.
  public static let instantForms =
    "a time relative to now such as -3d, -2h, +1d12h, -30m or now, or ISO 8601 (2026-11-20T15:00:00+08:00) or YYYY-MM-DD"
  public static let dayForms = "a day relative to today such as -3d, +10d or today, or YYYY-MM-DD"

  /// The instant `text` names, seen from `now` in `zone`; nil when it is not a time.
  public static func instant(_ text: String, now: Date, zone: TimeZone) -> Date? {
    let s = text.trimmingCharacters(in: .whitespaces)
    if s == "now" { return now }
    if let offset = offset(s) {
      let days = Calendar.gregorian(zone).date(byAdding: .day, value: offset.days, to: now) ?? now
      return days.addingTimeInterval(Double(offset.minutes) * 60)
    }
    return TimeParsing.instant(s, zone: zone)
  }

  /// The calendar day `text` names, seen from `now` in `zone` (`-3d`, `today`, `YYYY-MM-DD`); hours are not allowed.
  public static func day(_ text: String, now: Date, zone: TimeZone) -> LocalDate? {
    let s = text.trimmingCharacters(in: .whitespaces)
    let today = LocalDate(now, in: zone)
    if s == "today" { return today }
    if let offset = offset(s) {
      guard offset.minutes == 0 else { return nil }
      return today.adding(days: offset.days)
    }
    return LocalDate(s)
  }

  /// `-1d12h30m` → (days: -1, minutes: -750); nil unless the text is a sign followed by number+unit parts.
  static func offset(_ s: String) -> (days: Int, minutes: Int)? {
    guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
    let factor = sign == "-" ? -1 : 1
    var days = 0
    var minutes = 0
    var number = ""
    var units: [Character] = []
    for ch in s.dropFirst() {
      if ch.isASCII && ch.isNumber {
        number.append(ch)
        continue
      }
      guard let n = Int(number), let unit = (["d", "h", "m"] as [Character]).first(where: { $0 == ch }),
        !units.contains(unit)
      else {
        return nil
      }
      units.append(unit)
      switch unit {
      case "d": days += n
      case "h": minutes += n * 60
      default: minutes += n
      }
      number = ""
    }
    guard number.isEmpty, !units.isEmpty else { return nil }
    return (days * factor, minutes * factor)
  }
}
