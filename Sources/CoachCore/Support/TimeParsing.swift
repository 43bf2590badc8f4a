import Foundation

/// Parsing and printing of instants as the contract writes them (ISO 8601 with an offset).
public enum TimeParsing {
  /// Parses `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM|±HH]`; without an offset the time is in `zone`,
  /// and a bare day means 00:00 in `zone`. `/` is accepted in place of `-` in the day (spreadsheet exports).
  public static func instant(_ text: String, zone: TimeZone) -> Date? {
    let s = text.trimmedFast(.whitespaces)
    let split = s.firstIndex { $0 == "T" || $0 == "t" || $0 == " " }
    let dayText = split.map { String(s[..<$0]) } ?? s
    guard let day = self.day(dayText) else { return nil }
    guard let split else { return day.startOfDay(in: zone) }
    var rest = Substring(s[s.index(after: split)...]).trimmedFast(.whitespaces)[...]
    var offset: Int?
    if rest.hasSuffix("Z") || rest.hasSuffix("z") {
      offset = 0
      rest = rest.dropLast()
    } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
      guard let seconds = offsetSeconds(rest[sign...]) else { return nil }
      offset = seconds
      rest = rest[..<sign]
    }
    guard let clock = clock(rest) else { return nil }
    var c = DateComponents()
    c.year = day.year
    c.month = day.month
    c.day = day.day
    c.hour = clock.hour
    c.minute = clock.minute
    c.second = clock.second
    var inZone = zone
    if let offset {
      guard let fixed = TimeZone(secondsFromGMT: offset) else { return nil }
      inZone = fixed
    }
    let seconds = clock.hour * 3600 + clock.minute * 60 + clock.second
    if let fast = CivilTime.instant(day, seconds: seconds, in: inZone) {
      return fast.addingTimeInterval(clock.fraction)
    }
    guard let base = Calendar.gregorian(inZone).date(from: c) else { return nil }
    return base.addingTimeInterval(clock.fraction)
  }

  /// A calendar day written `YYYY-MM-DD` (or `YYYY/M/D` as spreadsheets save it), checked to exist.
  public static func day(_ text: String) -> LocalDate? {
    let s = text.trimmedFast(.whitespaces)
    if let strict = LocalDate(s) { return strict }
    let parts = s.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
    else { return nil }
    let padded = [String(parts[0]), pad2(parts[1]), pad2(parts[2])].joined(separator: "-")
    return LocalDate(padded)
  }

  /// `2025-07-10T10:00:00+08:00`: whole seconds, always the numeric offset of `zone` at that instant.
  public static func iso(_ date: Date, zone: TimeZone) -> String {
    let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    let offset = zone.secondsFromGMT(for: whole)
    let fixed = TimeZone(secondsFromGMT: offset) ?? zone
    let c = Calendar.gregorian(fixed).dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset) / 60
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
      c.minute ?? 0, c.second ?? 0, sign, magnitude / 60, magnitude % 60)
  }

  // MARK: - Pieces

  private static func pad2(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }

  /// `HH:MM[:SS[.fff]]` → hour, minute, second and the fraction of a second.
  private static func clock(_ text: Substring) -> (hour: Int, minute: Int, second: Int, fraction: Double)? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts[0].count == 2, parts[1].count == 2,
      let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m),
      parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit)
    else { return nil }
    guard parts.count == 3 else { return (h, m, 0, 0) }
    let secondParts = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = secondParts[0]
    guard whole.count == 2, whole.allSatisfy(\.isASCIIDigit), let sec = Int(whole), (0...60).contains(sec) else {
      return nil
    }
    var fraction = 0.0
    if secondParts.count == 2 {
      let digits = secondParts[1]
      guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCIIDigit), let f = Double("0." + digits)
      else { return nil }
      fraction = f
    }
    return (h, m, min(sec, 59), fraction + (sec == 60 ? 1 : 0))
  }

  /// `+08:00`, `+0800` or `+08` (or `-`) → seconds east of UTC.
  private static func offsetSeconds(_ text: Substring) -> Int? {
    let body = Array(text.dropFirst())
    let digits: [Character]
    switch body.count {
    case 2, 4: digits = body
    case 5 where body[2] == ":": digits = Array(body[0..<2] + body[3..<5])
    default: return nil
    }
    guard digits.allSatisfy(\.isASCIIDigit), let h = Int(String(digits.prefix(2))),
      let m = Int(digits.count == 4 ? String(digits.suffix(2)) : "0"), h <= 18, m <= 59
    else { return nil }
    return (text.first == "-" ? -1 : 1) * (h * 3600 + m * 60)
  }
}

extension Character {
  /// `0`…`9` only (not other Unicode digits).
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
