import Foundation

/// How a sheet's cells become the text an import reads: column letters, numbers without exponents, date serials
/// as `YYYY-MM-DD[ HH:MM:SS]` (Excel's 1900 date system, or 1904 when the workbook says so), and which number
/// formats are dates.
public enum XLSXCells {
  /// `A` → 0, `Z` → 25, `AA` → 26 (the letters of a cell reference like `AB12`); nil without letters.
  public static func column(_ reference: String) -> Int? {
    var n = 0
    var any = false
    for u in reference.utf8 {
      let upper = u & ~0x20
      guard upper >= 0x41, upper <= 0x5A else { break }
      n = n * 26 + Int(upper - 0x40)
      any = true
      guard n <= 16_384 else { return nil }
    }
    return any ? n - 1 : nil
  }

  /// A number cell as text: whole numbers in plain digits (a phone stored as a number stays `13812345678`, never
  /// `1.38e10`), others in their shortest form.
  public static func number(_ raw: String) -> String {
    guard let d = Double(raw), d.isFinite else { return raw }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }

  /// A date serial as `YYYY-MM-DD` (whole days) or `YYYY-MM-DD HH:MM:SS`; nil when it is not a plausible date.
  /// 1900 system: serial 1 is 1900-01-01 and Excel's phantom 1900-02-29 (serial 60) is skipped; 1904 system:
  /// serial 0 is 1904-01-01.
  public static func date(_ raw: String, date1904: Bool = false) -> String? {
    guard let serial = Double(raw), serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var seconds = (serial * 86_400).rounded()
    var days = Int((seconds / 86_400).rounded(.down))
    seconds -= Double(days) * 86_400
    if date1904 {
      days += CivilTime.days(year: 1904, month: 1, day: 1)
    } else {
      guard days >= 1 else { return nil }
      // Day 1 is 1900-01-01; from day 61 on, one less for the 29th of February 1900 that never was.
      days += CivilTime.days(year: 1899, month: 12, day: days >= 61 ? 30 : 31)
    }
    let day = CivilTime.civil(days)
    let text = pad(day.year, 4) + "-" + pad(day.month, 2) + "-" + pad(day.day, 2)
    let s = Int(seconds)
    guard s > 0 else { return text }
    return text + " " + pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2) + ":" + pad(s % 60, 2)
  }

  /// `n` in at least `width` digits (`String(format:)` costs a formatter per call: a sheet has a date per row).
  private static func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the CJK date formats).
  static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

  /// Whether a custom format code shows a date or time: a `y`, `m`, `d`, `h` or `s` outside quotes, brackets
  /// (colours, locales) and escapes. `General` and number formats are not dates.
  public static func isDateFormat(_ code: String) -> Bool {
    var inQuote = false
    var inBracket = false
    var escaped = false
    for c in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch c {
      case "\\": escaped = true
      case "\"": inQuote.toggle()
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      case "y", "m", "d", "h", "s": if !inQuote && !inBracket { return true }
      default: continue
      }
    }
    return false
  }
}
