import Foundation

/// Numbers as `String(format:)` writes them, without Foundation's formatter: a queue page or a brief writes dozens of
/// times and decimals, and `String(format:)` (a `CFString` built and parsed per call) was a tenth of a queue page's
/// CPU under load.
public enum Digits {
  /// `String(format: "%0*d", width, n)`: `n` with zeros in front up to `width` digits.
  public static func padded(_ n: Int, _ width: Int) -> String {
    guard n >= 0 else { return String(format: "%0*d", width, n) }
    let text = String(n)
    return text.utf8.count >= width ? text : String(repeating: "0", count: width - text.utf8.count) + text
  }

  /// `String(format: "%.*f", places, x)`: `x` rounded to `places` decimals as the C library's `printf` rounds (the
  /// exact binary value, ties to even), which is what `String(format:)` calls.
  public static func fixed(_ x: Double, places: Int) -> String {
    let size = 64
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
      let written = withVaList([Int32(places), x]) { vsnprintf(buffer.baseAddress, size, "%.*f", $0) }
      guard written >= 0, written < size else { return String(format: "%.*f", places, x) }
      return String(cString: buffer.baseAddress!)
    }
  }

  /// `YYYY-MM-DD HH:mm`: `date` in `zone`, as people read a time (the command line's tables, the server's pages).
  public static func minute(_ date: Date, in zone: TimeZone) -> String { minute(date, in: CivilZone(unspanned: zone)) }

  /// A time agreed with a customer as they agreed it: a day without a time (`--next 2026-11-26`, kept as its
  /// midnight) is the day alone, not a midnight appointment; any other as `minute` has it.
  public static func agreed(_ date: Date, in zone: TimeZone) -> String { agreed(date, in: CivilZone(unspanned: zone)) }

  static func agreed(_ date: Date, in zone: CivilZone) -> String {
    let text = minute(date, in: zone)
    return text.hasSuffix(" 00:00") ? String(text.dropLast(6)) : text
  }

  /// A deadline as people read it: one at midnight is the end of the day before (`2027-01-01 24:00`, not
  /// `2027-01-02 00:00`, which reads as a day later than the greeting it ends); any other as `minute` has it.
  public static func deadline(_ date: Date, in zone: TimeZone) -> String { deadline(date) { minute($0, in: zone) } }

  /// `deadline(_:in:)` with the times formatted by `time` (`YYYY-MM-DD HH:mm`, as a page or report formats them).
  public static func deadline(_ date: Date, _ time: (Date) -> String) -> String {
    let text = time(date)
    guard text.hasSuffix(" 00:00") else { return text }
    return String(time(date.addingTimeInterval(-60)).prefix(10)) + " 24:00"
  }

  /// `minute(_:in:)` with the zone's steady offset found once (a reason's `{time}`, for every lead of a queue): one
  /// offset look-up, no calendar, unless the day is outside the years worked out by hand.
  static func minute(_ date: Date, in zone: CivilZone) -> String {
    if let day = CivilTime.localDay(date, in: zone) {
      let local = date.timeIntervalSince1970 + Double(zone.utcOffset(for: date))
      let minutes = Int((local - (local / 86_400).rounded(.down) * 86_400) / 60)
      return minute(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60)
    }
    let c = Calendar.gregorian(zone.timeZone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return minute(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0, minute: c.minute ?? 0)
  }

  /// `YYYY-MM-DD HH:mm` from its parts (`%04d-%02d-%02d %02d:%02d`).
  public static func minute(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> String {
    "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2)) \(padded(hour, 2)):\(padded(minute, 2))"
  }
}
