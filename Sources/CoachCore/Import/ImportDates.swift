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
    TimeParsing.day(text) ?? canonical(text).flatMap { c in TimeParsing.day(String(c.prefix(10))) }
  }

  /// A time in any accepted form (a bare day is 00:00 in `zone`).
  public static func instant(_ text: String, zone: TimeZone) -> Date? {
    TimeParsing.instant(text, zone: zone) ?? canonical(text).flatMap { TimeParsing.instant($0, zone: zone) }
  }

  private static func pad2(_ s: String) -> String { s.count == 1 ? "0" + s : s }
}
