import Foundation

/// Reads the typed cells of one record, collecting one reason per bad cell.
struct RowReader {
  let line: Int
  let header: ImportHeader
  let fields: [String]
  let zone: TimeZone
  /// Words and names besides the codes (asked only when a cell is not a code).
  let vocabulary: ImportVocabulary
  private(set) var reasons: [String] = []

  init(
    line: Int, header: ImportHeader, fields: [String], zone: TimeZone, vocabulary: ImportVocabulary = .builtIn
  ) {
    self.line = line
    self.header = header
    self.fields = fields
    self.zone = zone
    self.vocabulary = vocabulary
  }

  mutating func fail(_ reason: String) { reasons.append(reason) }

  /// The trimmed text of `column`, nil when empty or absent.
  func text(_ column: String) -> String? { header.value(column, in: fields) }

  /// The trimmed text of the schema's column at `ordinal` (`ImportSchema.ordinal`), nil when empty or absent.
  func text(at ordinal: Int) -> String? { header.value(ordinal: ordinal, in: fields) }

  /// The text of a column every row must fill; `why` completes "<column> is empty: ".
  mutating func required(_ column: String, _ why: @autoclosure () -> String) -> String? {
    required(column, text(column), why())
  }

  /// `value`, the text read from `column`, which every row must fill; `why` completes "<column> is empty: ".
  mutating func required(_ column: String, _ value: String?, _ why: @autoclosure () -> String) -> String? {
    guard let value else {
      fail("\(column) is empty: \(why())")
      return nil
    }
    return value
  }

  /// A code of `T`, matched ignoring case, with `-` or a space accepted for `_`.
  mutating func code<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, value: String? = nil)
    -> T? where T.RawValue == String
  {
    guard let v = value ?? text(column) else { return nil }
    if let exact = T(rawValue: v), Self.isCanonical(exact.rawValue), !v.utf8.contains(where: { $0 == 0x2D || $0 == 0x20 }) {
      return exact
    }
    if v.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: the rule below (lower-cased, `-` and space read as `_`) without building strings.
      if let match = T.allCases.first(where: { Self.sameCode($0.rawValue, v) }) { return match }
      return spoken(column, T.self, value: v)
    }
    let key = v.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    if let match = T.allCases.first(where: { $0.rawValue.lowercased() == key }) { return match }
    return spoken(column, T.self, value: v)
  }

  /// A value that is not a code: a word of the vocabulary (`战败`, `电话`, a playbook label) or a grade with its
  /// suffix (`H级`); else the row is bad, naming the codes.
  private mutating func spoken<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, value v: String)
    -> T? where T.RawValue == String
  {
    if let code = vocabulary.code(column, v), let match = T(rawValue: code) { return match }
    if let bare = ImportVocabulary.withoutGradeSuffix(v), !bare.isEmpty,
      let match = T.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(bare) == .orderedSame })
    {
      return match
    }
    fail("\(column) \"\(v)\": expected \(Self.oneOf(T.allCases.map(\.rawValue)))\(Self.spokenHint(column))")
    return nil
  }

  private static func spokenHint(_ column: String) -> String {
    switch column {
    case "stage", "channel", "outcome": " (or the playbook's label, like 战败 or 电话)"
    case "grade": " (a suffix 级 or 类 is allowed, like H级)"
    case "tier": " (a suffix 级 or 类 is allowed, like A级)"
    default: ""
    }
  }

  /// No upper-case ASCII (for ASCII text: equal to its `lowercased()`); other text is asked the slow way.
  private static func isCanonical(_ raw: String) -> Bool {
    for u in raw.utf8 {
      if u >= 0x80 { return raw == raw.lowercased() }
      if u >= 0x41 && u <= 0x5A { return false }
    }
    return true
  }

  /// `raw.lowercased() == key` where key is ASCII `v` lower-cased with `-` and space as `_`.
  private static func sameCode(_ raw: String, _ v: String) -> Bool {
    guard raw.utf8.allSatisfy({ $0 < 0x80 }) else {
      return raw.lowercased()
        == v.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    }
    guard raw.utf8.count == v.utf8.count else { return false }
    for (r, c) in zip(raw.utf8, v.utf8) {
      let lr = r >= 0x41 && r <= 0x5A ? r + 32 : r
      let lc = c == 0x2D || c == 0x20 ? 0x5F : (c >= 0x41 && c <= 0x5A ? c + 32 : c)
      if lr != lc { return false }
    }
    return true
  }

  /// `a.caseInsensitiveCompare(b) == .orderedSame`, byte by byte when both are ASCII.
  static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
    guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else {
      return a.caseInsensitiveCompare(b) == .orderedSame
    }
    guard a.utf8.count == b.utf8.count else { return false }
    return zip(a.utf8, b.utf8).allSatisfy { x, y in
      x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)
    }
  }

  /// A `YYYY-MM-DD` day: `value` (read from `column`), or else the text of `column`.
  mutating func day(_ column: String, value: String? = nil) -> LocalDate? {
    guard let v = value ?? text(column) else { return nil }
    if let d = ImportDates.day(v) { return d }
    fail("\(column) \"\(v)\": expected a real day as \(ImportDates.accepted)")
    return nil
  }

  /// An ISO 8601 time; without an offset it is in the import's zone.
  mutating func instant(_ column: String, value: String? = nil) -> Date? {
    guard let v = value ?? text(column) else { return nil }
    if let d = FastInstant.parse(v) ?? ImportDates.instant(v, zone: zone) { return d }
    fail(
      "\(column) \"\(v)\": expected ISO 8601 like 2025-07-10T10:00:00+08:00 or 2025-07-10 10:00, "
        + "or a day as \(ImportDates.accepted), a time may follow (without an offset: \(zone.identifier))")
    return nil
  }

  /// `a, b, c or d`.
  static func oneOf(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " or " + last
  }

  /// Items separated by `;` (ASCII or full-width), trimmed, empty ones dropped.
  static func list(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == ";" || $0 == "；" })
      .map { $0.trimmedFast(.whitespaces) }
      .filter { !$0.isEmpty }
  }
}
