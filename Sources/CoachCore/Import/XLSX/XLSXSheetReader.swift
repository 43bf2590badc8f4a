import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Streams one worksheet's rows as import records: each `<row>` becomes a record at its sheet row number, its
/// cells as text (`XLSXCells`) at their columns, a cell merged down read in every row it covers (`XLSXMerges`). Rows before the first with two or more cells are skipped (that
/// one is the header); each later row is cut or padded to the header's width, so that trailing empty cells (which sheets
/// leave out) do not count, while a value right of the header makes the row bad.
final class XLSXSheetReader: XLSXDelegate, XLSXEvents {
  /// The longest text a cell may hold (Excel's own limit is 32,767 characters).
  static let maxCellBytes = 1 << 20

  private let strings: [String]
  private let dateStyles: [Bool]
  private let date1904: Bool
  private let emit: (CSVRecord) throws -> Void
  /// The values of cells merged down, filled into the rows below their top one.
  private var merged: XLSXMergeFill

  private var width: Int?
  private var rowNumber = 0
  private var fields: [String] = []
  private var problem: ImportProblem?
  // The cell being read.
  private var column = 0
  private var type = ""
  private var style = 0
  private var text = ""
  private var collecting = false
  private var inInline = false
  private var phonetic = 0

  init(
    strings: [String], dateStyles: [Bool], date1904: Bool, merges: XLSXMerges = XLSXMerges(),
    emit: @escaping (CSVRecord) throws -> Void
  ) {
    self.strings = strings
    self.dateStyles = dateStyles
    self.date1904 = date1904
    self.merged = XLSXMergeFill(merges)
    self.emit = emit
  }

  override func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    start(XLSXElement(Self.local(name))) { attributes[$0] }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) { characters(string) }

  override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    do { try end(XLSXElement(Self.local(name))) } catch { fail(parser, error) }
  }

  // MARK: - The rows, whichever parser reads the XML (`XMLParser` above, `XLSXSheetScanner`)

  /// An element starts: `attribute` gives its attributes by name (`r`, `t`, `s`).
  func start(_ element: XLSXElement, attribute: (String) -> String?) {
    switch element {
    case .row:
      rowNumber = attribute("r").flatMap(Int.init) ?? rowNumber + 1
      fields.removeAll(keepingCapacity: true)
      problem = nil
      column = 0
    case .c:
      column = attribute("r").flatMap(XLSXCells.column) ?? column
      type = attribute("t") ?? "n"
      style = attribute("s").flatMap(Int.init) ?? 0
      text = ""
    case .v:
      collecting = true
    case .is: inInline = true
    case .rPh: phonetic += 1
    case .t where inInline && phonetic == 0: collecting = true
    default: break
    }
  }

  /// Text inside the current element.
  func characters(_ string: String) {
    guard collecting else { return }
    text += string
    if text.utf8.count > Self.maxCellBytes {
      problem = .cellTooLong(column: column + 1)
      text = ""
    }
  }

  /// An element ends; a row's end hands the record on (what `emit` throws comes back).
  func end(_ element: XLSXElement) throws {
    switch element {
    case .v, .t: collecting = false
    case .is: inInline = false
    case .rPh: phonetic -= 1
    case .c:
      let value = self.value()
      if !value.isEmpty {
        while fields.count < column { fields.append("") }
        if fields.count == column { fields.append(value) } else if column < fields.count { fields[column] = value }
      }
      column += 1
    case .row: try finishRow()
    default: break
    }
  }

  /// The text of the cell just read.
  private func value() -> String {
    switch type {
    case "s":
      guard let i = Int(text) else { return text }
      guard i >= 0, i < strings.count else {
        problem = .missingSharedString(column: column + 1, index: i)
        return ""
      }
      return strings[i]
    case "inlineStr", "str", "e", "d": return text
    case "b": return text == "1" ? "TRUE" : text == "0" ? "FALSE" : text
    default:
      guard !text.isEmpty else { return "" }
      if style >= 0, style < dateStyles.count, dateStyles[style], let date = XLSXCells.date(text, date1904: date1904) {
        return date
      }
      return XLSXCells.number(text)
    }
  }

  private func finishRow() throws {
    merged.fill(&fields, row: rowNumber)
    guard let width else {
      // The first row with two cells or more is the header; rows above it (blank, or a title merged across the
      // top of the sheet, like "2026年11月客户登记表") are not records.
      guard fields.lazy.filter({ !$0.isEmpty }).count >= 2, let last = fields.lastIndex(where: { !$0.isEmpty }) else {
        return
      }
      width = last + 1
      try emit(CSVRecord(line: rowNumber, fields: Array(fields[...last]), issue: problem))
      return
    }
    if fields.count > width, let last = fields.lastIndex(where: { !$0.isEmpty }) {
      fields.removeSubrange(max(last + 1, width)...)
    }
    while fields.count < width { fields.append("") }
    try emit(CSVRecord(line: rowNumber, fields: fields, issue: problem))
  }
}
