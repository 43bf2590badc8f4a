import Foundation

/// Reads the typed cells of one record, collecting one reason per bad cell.
struct RowReader {
  let line: Int
  let header: ImportHeader
  let fields: [String]
  let zone: TimeZone
  private(set) var reasons: [String] = []

  init(line: Int, header: ImportHeader, fields: [String], zone: TimeZone) {
    self.line = line
    self.header = header
    self.fields = fields
    self.zone = zone
  }

  mutating func fail(_ reason: String) { reasons.append(reason) }

  /// The trimmed text of `column`, nil when empty or absent.
  func text(_ column: String) -> String? { header.value(column, in: fields) }

  /// The text of a column every row must fill; `why` completes "<column> is empty: ".
  mutating func required(_ column: String, _ why: String) -> String? {
    guard let v = text(column) else {
      fail("\(column) is empty: \(why)")
      return nil
    }
    return v
  }

  /// A code of `T`, matched ignoring case, with `-` or a space accepted for `_`.
  mutating func code<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, value: String? = nil)
    -> T? where T.RawValue == String
  {
    guard let v = value ?? text(column) else { return nil }
    if let exact = T(rawValue: v) {
      // v is the raw value: lower-case ASCII, digits and `_` only means it is the canonical spelling.
      if v.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) { return exact }
      if exact.rawValue == exact.rawValue.lowercased(), !v.contains(where: { $0 == "-" || $0 == " " }) { return exact }
    }
    let key = v.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    if let match = T.allCases.first(where: { $0.rawValue.lowercased() == key }) { return match }
    fail("\(column) \"\(v)\": expected \(Self.oneOf(T.allCases.map(\.rawValue)))")
    return nil
  }

  /// A `YYYY-MM-DD` day.
  mutating func day(_ column: String) -> LocalDate? {
    guard let v = text(column) else { return nil }
    if let d = TimeParsing.day(v) { return d }
    fail("\(column) \"\(v)\": expected a real day as YYYY-MM-DD, like 1990-05-03")
    return nil
  }

  /// An ISO 8601 time; without an offset it is in the import's zone.
  mutating func instant(_ column: String, value: String? = nil) -> Date? {
    guard let v = value ?? text(column) else { return nil }
    if let d = FastInstant.parse(v) ?? TimeParsing.instant(v, zone: zone) { return d }
    fail(
      "\(column) \"\(v)\": expected ISO 8601 like 2025-07-10T10:00:00+08:00 or 2025-07-10 10:00 "
        + "(without an offset: \(zone.identifier))")
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
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }
}
