import Foundation

/// Writes RFC 4180 CSV: fields quoted only when needed, LF or CRLF line ends, optional UTF-8 BOM.
public struct CSVWriter: Sendable {
  /// Line ending written after each record.
  public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
  }

  public var lineEnding: LineEnding
  /// Start with a UTF-8 byte-order mark (helps spreadsheet programs recognise UTF-8).
  public var bom: Bool
  /// The CSV text written so far.
  public private(set) var text: String

  public init(lineEnding: LineEnding = .lf, bom: Bool = false) {
    self.lineEnding = lineEnding
    self.bom = bom
    self.text = bom ? "\u{FEFF}" : ""
  }

  /// Appends one record.
  public mutating func append(_ fields: [String]) {
    text += Self.line(fields) + lineEnding.rawValue
  }

  /// The text as UTF-8 bytes (with the BOM when asked for).
  public var data: Data { Data(text.utf8) }

  /// A whole document in one call: `records` (header first) joined with `lineEnding`; with `defusing`, every cell
  /// that starts like a formula gets a `'` in front (`defused`): for documents holding what staff typed (names,
  /// reasons) that a manager opens in a spreadsheet program.
  public static func render(
    _ records: [[String]], lineEnding: LineEnding = .lf, bom: Bool = false, defusing: Bool = false
  ) -> String {
    var writer = CSVWriter(lineEnding: lineEnding, bom: bom)
    for r in records { writer.append(defusing ? r.map(defused) : r) }
    return writer.text
  }

  /// One record without its line ending.
  public static func line(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",")
  }

  /// Characters a spreadsheet program reads, at the start of a cell, as the start of a formula (OWASP's list).
  public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// `value` with a `'` in front when it starts like a formula (`=HYPERLINK(…)`, `+1`, `@SUM(…)`), so that Excel
  /// shows it as text instead of running it; `ImportHeader` takes the `'` off again when the file is imported.
  public static func defused(_ value: String) -> String {
    guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
    return "'" + value
  }

  /// `value` quoted (with inner quotes doubled) when it holds a comma, quote, CR or LF, or starts or ends with
  /// white space; otherwise as is.
  public static func field(_ value: String) -> String {
    let needsQuotes =
      value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
      || value.first?.isWhitespace == true || value.last?.isWhitespace == true
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
