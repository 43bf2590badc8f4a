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

  /// `YYYY-MM-DD HH:mm`: `date` in `zone`, as people read a time (the command line's tables and the server's pages);
  /// one offset look-up, no calendar.
  public static func minute(_ date: Date, in zone: TimeZone) -> String {
    let local = Int((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))).rounded(.down))
    let seconds = ((local % 86_400) + 86_400) % 86_400
    return LocalDate(date, in: zone).description + " " + padded(seconds / 3600, 2) + ":"
      + padded(seconds % 3600 / 60, 2)
  }

  /// `YYYY-MM-DD HH:mm` from its parts (`%04d-%02d-%02d %02d:%02d`).
  public static func minute(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> String {
    "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2)) \(padded(hour, 2)):\(padded(minute, 2))"
  }
}
