import Foundation

/// The shape import files nearly always use, `YYYY-MM-DDTHH:MM:SS+HH:MM` (or `Z`), read from the bytes without
/// `Calendar`, `Substring` or `split`. Anything else (no offset, fractions, leap second, `/` days, spaces, years
/// outside 1601…9999, offsets beyond ±14:59) answers nil and goes to `TimeParsing.instant`, whose answer this equals where it answers.
enum FastInstant {
  static func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
    guard b.count == 25 || b.count == 20 else { return nil }
    func digit(_ i: Int) -> Int? {
      let v = Int(b[i]) &- 0x30
      return v >= 0 && v <= 9 ? v : nil
    }
    func two(_ i: Int) -> Int? {
      guard let a = digit(i), let c = digit(i + 1) else { return nil }
      return a * 10 + c
    }
    guard let y1 = two(0), let y2 = two(2), b[4] == 0x2D, let m = two(5), b[7] == 0x2D, let d = two(8),
      b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20, let h = two(11), b[13] == 0x3A, let mi = two(14),
      b[16] == 0x3A, let s = two(17)
    else { return nil }
    let y = y1 * 100 + y2
    guard CivilTime.years.contains(y), (1...12).contains(m), d >= 1, d <= LocalDate.daysIn(month: m, year: y),
      h <= 23, mi <= 59, s <= 59
    else { return nil }
    var offset = 0
    if b.count == 20 {
      guard b[19] == 0x5A || b[19] == 0x7A else { return nil }
    } else {
      guard b[19] == 0x2B || b[19] == 0x2D, let oh = two(20), b[22] == 0x3A, let om = two(23), oh <= 14, om <= 59
      else { return nil }
      offset = (b[19] == 0x2D ? -1 : 1) * (oh * 3600 + om * 60)
    }
    let days = CivilTime.days(year: y, month: m, day: d)
    return Date(timeIntervalSince1970: Double(days * 86_400 + h * 3600 + mi * 60 + s - offset))
  }
}
