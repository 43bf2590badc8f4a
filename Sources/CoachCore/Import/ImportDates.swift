import Foundation

/// Days and times as people type them in a sheet (`ImportVocabularyTable.daySeparators`), rewritten to the
/// contract's `YYYY-MM-DD[ HH:MM[:SS]]` for `TimeParsing`. Asked only after the contract's forms fail.
public enum ImportDates {
  /// What the import accepts, for messages.
  public static let accepted = "YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日, like 2026-11-03 or 2026年11月3日"

  /// `2026/11/3`, `2026.11.3`, `2026年11月3日` (a time `H:MM[:SS]` may follow, after a space or not, and an
  /// ISO offset after it) → `2026-11-03[ HH:MM[:SS][offset]]`; nil when the text is not such a day.
  public static func canonical(_ text: String) -> String? {
    let s = text.trimmedFast(.whitespaces)
    var parts: [String] = [""]
    var rest = Substring("")
    var index = s.startIndex
    scan: while index < s.endIndex {
      let c = s[index]
      if c.isASCII, c.isNumber {
        parts[parts.count - 1].append(c)
      } else if ImportVocabularyTable.daySeparators.contains(c) || c == "-" {
        guard parts.count < 3 else { break scan }
        parts.append("")
      } else if ImportVocabularyTable.dayEnds.contains(c) {
        guard parts.count == 3 else { return nil }
        index = s.index(after: index)
        break scan
      } else if parts.count == 3 {
        break scan
      } else {
        return nil
      }
      index = s.index(after: index)
    }
    rest = s[index...]
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count)
    else { return nil }
    let day = parts[0] + "-" + pad2(parts[1]) + "-" + pad2(parts[2])
    let time = rest.trimmedFast(.whitespaces)
    if time.isEmpty { return day }
    if time.first == "T" || time.first == "t" { return day + String(time) }
    // `9:05` → `09:05` (Excel writes hours without a leading zero).
    let hourEnd = time.firstIndex(of: ":") ?? time.endIndex
    let hour = time[..<hourEnd]
    guard (1...2).contains(hour.count), hour.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return day + " " + pad2(String(hour)) + String(time[hourEnd...])
  }

  /// A day in any accepted form, checked to exist.
  public static func day(_ text: String) -> LocalDate? {
    // A day with a time after it (a date-and-time cell) is that day.
    TimeParsing.day(text) ?? canonical(text).flatMap { c in TimeParsing.day(String(c.prefix(10))) } ?? compact(text)
  }

  /// `YYYYMMDD` (a birthday typed without separators, `19900101`), when it is a real day.
  static func compact(_ text: String) -> LocalDate? {
    let digits = Array(text.utf8)
    guard digits.count == 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return TimeParsing.day("\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
  }

  /// A time in any accepted form (a bare day is 00:00 in `zone`).
  public static func instant(_ text: String, zone: TimeZone) -> Date? {
    TimeParsing.instant(text, zone: zone) ?? canonical(text).flatMap { TimeParsing.instant($0, zone: zone) }
  }

  private static func pad2(_ s: String) -> String { s.count == 1 ? "0" + s : s }

  // MARK: - The sheet's forms, from the bytes

  /// `instant(text, zone:)` for the forms a sheet holds, read straight from the bytes: `YYYY`, a separator
  /// (`-` `/` `.` `年` `月`), `M`, a separator, `D`, then `日` or `号` or nothing, then nothing or a time
  /// `H:MM[:SS]` (after one space, or right after `日`/`号`). Nil for any other text: the caller asks `instant`,
  /// which gives the same answer wherever this one gives one (`ImportDatesFastPathTests`).
  static func sheetInstant(_ text: String, zone: TimeZone) -> Date? {
    var text = text
    guard let (day, seconds) = text.withUTF8({ sheetDayAndTime($0) }) else { return nil }
    return CivilTime.instant(day, seconds: seconds, in: zone)
  }

  /// The day and seconds after midnight of a sheet's day-and-time (see `sheetInstant`), checked to exist.
  static func sheetDayAndTime(_ b: UnsafeBufferPointer<UInt8>) -> (LocalDate, Int)? {
    var i = 0
    /// Between `least` and `most` ASCII digits, no more.
    func number(_ least: Int, _ most: Int) -> Int? {
      var v = 0
      var k = 0
      while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
        guard k < most else { return nil }
        v = v * 10 + Int(b[i] - 0x30)
        i += 1
        k += 1
      }
      return k >= least ? v : nil
    }
    /// The three bytes of a CJK character at `i`.
    func cjk(_ c0: UInt8, _ c1: UInt8, _ c2: UInt8) -> Bool {
      i + 2 < b.count && b[i] == c0 && b[i + 1] == c1 && b[i + 2] == c2
    }
    /// `-` `/` `.` `年` `月`.
    func separator() -> Bool {
      guard i < b.count else { return false }
      if b[i] == 0x2D || b[i] == 0x2F || b[i] == 0x2E {
        i += 1
        return true
      }
      if cjk(0xE5, 0xB9, 0xB4) || cjk(0xE6, 0x9C, 0x88) {
        i += 3
        return true
      }
      return false
    }
    guard let year = number(4, 4), separator(), let month = number(1, 2), separator(), let day = number(1, 2),
      (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year)
    else { return nil }
    let date = LocalDate(year: year, month: month, day: day)
    var closed = false
    if cjk(0xE6, 0x97, 0xA5) || cjk(0xE5, 0x8F, 0xB7) {  // 日 号
      i += 3
      closed = true
    }
    if i == b.count { return (date, 0) }
    if b[i] == 0x20 {
      i += 1
    } else if !closed {
      return nil
    }
    guard let hour = number(1, 2), hour <= 23, i < b.count, b[i] == 0x3A else { return nil }
    i += 1
    guard let minute = number(2, 2), minute <= 59 else { return nil }
    var second = 0
    if i < b.count {
      guard b[i] == 0x3A else { return nil }
      i += 1
      guard let s = number(2, 2), s <= 59 else { return nil }
      second = s
    }
    guard i == b.count else { return nil }
    return (date, hour * 3600 + minute * 60 + second)
  }
}
