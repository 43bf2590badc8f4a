import Foundation

/// Fills `{placeholder}` slots in playbook text.
enum Template {
  /// Replaces every `{key}` of `values` in `text`; unknown placeholders stay as written.
  /// One pass over the text (the engine fills a reason for every lead of a queue); a value is never re-scanned.
  static func fill(_ text: String, _ values: [String: String]) -> String { fill(text) { values[$0] } }

  /// `fill` with the value of each slot's key from `value`; nil leaves that slot as written.
  /// Braces are found in the text's UTF-8 bytes (an ASCII byte is never part of another character's bytes): the
  /// reasons of a 50-lead queue page fill hundreds of slots, and walking them by `Character` was a tenth of the page.
  /// A count of one before an English unit takes the singular: `{days} days` with 1 is `1 day` (`singularUnit`).
  static func fill(_ text: String, _ value: (String) -> String?) -> String {
    let bytes = text.utf8
    let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
    guard bytes.contains(open) else { return text }
    var out = ""
    var rest = bytes[...]
    while let start = rest.firstIndex(of: open) {
      out += Substring(rest[..<start])
      let after = bytes.index(after: start)
      if let end = rest[after...].firstIndex(where: { $0 == close || $0 == open }), bytes[end] == close {
        let filled = value(String(Substring(bytes[after..<end])))
        out += filled ?? String(Substring(bytes[start...end]))
        rest = rest[bytes.index(after: end)...]
        if filled == "1", let unit = singularUnit(after: rest) {
          out += " " + unit.word
          rest = rest[unit.end...]
        }
      } else {
        out += "{"  // no closing brace before the next opening one: a literal brace
        rest = rest[after...]
      }
    }
    return out + Substring(rest)
  }

  /// English units a count is written before, in the plural.
  private static let pluralUnits = ["days", "weeks", "months", "years", "hours", "minutes"]

  /// When `rest` starts with a space and a plural unit as a whole word (` days`, not ` daystar` or ` days2`), that
  /// unit in the singular and where the plural ends in `rest`. Only an English text has one: a Chinese one writes
  /// `1 天`.
  private static func singularUnit(after rest: Substring.UTF8View) -> (word: String, end: String.Index)? {
    guard rest.first == UInt8(ascii: " ") else { return nil }
    let word = rest.dropFirst()
    for unit in pluralUnits where word.starts(with: unit.utf8) {
      let end = word.index(word.startIndex, offsetBy: unit.utf8.count)
      if let next = word[end...].first,
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next | 0x20)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next)
      {
        continue  // a longer word
      }
      return (String(unit.dropLast()), end)
    }
    return nil
  }

  /// The keys of `text`'s `{slots}` in order, exactly as `fill` reads them.
  static func slots(in text: String) -> [String] {
    var keys: [String] = []
    _ = fill(text) { key in
      keys.append(key)
      return nil
    }
    return keys
  }

  /// `text` without the words just before `{key}` that `value` itself starts with (`养了{value}` with `养了一只柯基`,
  /// `关注{value}` with `关注基金`), so a profile fact written as a phrase is not said twice.
  static func withoutEcho(_ text: String, of key: String, in value: String) -> String {
    guard let slot = text.range(of: "{\(key)}") else { return text }
    let before = text[..<slot.lowerBound]
    for n in stride(from: min(4, before.count, value.count), through: 1, by: -1) {
      let tail = before.suffix(n)
      guard tail.allSatisfy({ $0.isLetter }), value.hasPrefix(tail) else { continue }
      // A single CJK character may be a verb the value repeats on purpose only when it is one word with the rest.
      guard n >= 2 || tail.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) else { continue }
      return String(before.dropLast(n)) + text[slot.lowerBound...]
    }
    return text
  }

  /// Joins reason fragments the way the language writes lists.
  static func join(_ parts: [String], chinese: Bool) -> String {
    parts.filter { !$0.isEmpty }.joined(separator: chinese ? "，" : ", ")
  }
}

/// Numbers as the playbook's language writes them.
public enum NumberText {
  /// Whole numbers: `12,000` in English; `3200` or `1.2万` in Chinese.
  static func integer(_ n: Int, chinese: Bool) -> String {
    if chinese {
      guard abs(n) >= 10_000 else { return String(n) }
      let wan = Double(n) / 10_000
      return withoutZeroTenth(Digits.fixed(wan, places: 1)) + "万"
    }
    let digits = String(abs(n))
    var grouped = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
      grouped.append(ch)
    }
    return (n < 0 ? "-" : "") + grouped
  }

  /// A decimal with at most one fractional digit (`48`, `5.5`).
  public static func decimal(_ x: Double) -> String { withoutZeroTenth(Digits.fixed(x, places: 1)) }

  /// Days in tenths as reasons, briefs and pages say them alike (`7.9`, `20`, not `20.0`).
  public static func days(_ days: Double) -> String { withoutZeroTenth(UILanguage.oneDecimal(days)) }

  /// A multiplier as a trainer writes it: up to two places, no trailing zeros (`0.8`, `1.25`, `2`).
  static func factor(_ x: Double) -> String {
    var text = Digits.fixed(x, places: 2)
    while text.hasSuffix("0") { text.removeLast() }
    return text.hasSuffix(".") ? String(text.dropLast()) : text
  }

  /// A number written with one fractional digit, without it when it is 0 (`7.0` → `7`, `7.9` stays).
  static func withoutZeroTenth(_ text: String) -> String {
    text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
