import Foundation

/// An `.xlsx` workbook's sheet as an import source: the first sheet not hidden, or the one named. Records are the sheet's
/// rows at their row numbers (`XLSXSheetReader`), cells as text: a date cell as `YYYY-MM-DD[ HH:MM:SS]`, a number
/// cell in plain digits. Parsed on the import's second thread like a CSV file; streamed, so memory is bounded by
/// the shared-string table (at most 64 MB) and one row.
public struct XLSXSource: ImportSource {
  public let path: String
  public let sheet: String?
  /// The sheet's and shared strings' XML read by `XLSXSheetScanner` (the fast path); false: by Foundation's
  /// `XMLParser`.
  public var scanner = true

  /// Opens nothing yet; `check()` tells early whether the file can be read.
  public init(path: String, sheet: String? = nil, scanner: Bool = true) {
    self.path = path
    self.sheet = sheet
    self.scanner = scanner
  }

  /// Whether `path` looks like a workbook: its name ends in `.xlsx` (or `.xlsm`), or it starts with a zip or OLE
  /// signature (a CSV file never does).
  public static func isWorkbook(path: String) -> Bool {
    let lower = path.lowercased()
    if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return true }
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
    return head == [0x50, 0x4B, 0x03, 0x04] || head == [0xD0, 0xCF, 0x11, 0xE0]
  }

  /// Opens the workbook and finds the sheet: `bad_xlsx` or `no_such_sheet` before any transaction starts.
  public func check() throws {
    let package = try XLSXPackage(path: path)
    _ = try locate(package)
  }

  /// The sheet an import reads without `--sheet` (the first shown) and the other sheets shown, in order.
  public func defaultSheet() throws -> (read: String, others: [String]) {
    let package = try XLSXPackage(path: path)
    let workbook = XLSXWorkbookReader()
    try package.parse("xl/workbook.xml", workbook)
    let read = workbook.defaultSheet?.name ?? ""
    return (read, workbook.sheets.map(\.name).filter { $0 != read && !workbook.hidden.contains($0) })
  }

  /// The sheet names, in order.
  public func sheetNames() throws -> [String] {
    let package = try XLSXPackage(path: path)
    let workbook = XLSXWorkbookReader()
    try package.parse("xl/workbook.xml", workbook)
    return workbook.sheets.map(\.name)
  }

  public func records(mode: CSVEncoding?, _ body: (CSVRecord) throws -> Void) throws -> ImportRecordsEnd {
    let package = try XLSXPackage(path: path)
    let (part, date1904) = try locate(package)
    let styles = XLSXStylesReader()
    try package.parse("xl/styles.xml", styles)
    let strings = XLSXSharedStringsReader(path: path)
    if scanner {
      _ = try package.scan("xl/sharedStrings.xml", strings)
    } else {
      try package.parse("xl/sharedStrings.xml", strings)
    }
    let merges = try XLSXMerges.scan { try package.stream(part, $0) }
    try withoutActuallyEscaping(body) { emit in
      let reader = XLSXSheetReader(
        strings: strings.strings, dateStyles: styles.dateStyles, date1904: date1904, merges: merges, emit: emit)
      let found = try scanner ? package.scan(part, reader) : package.parse(part, reader)
      guard found else { throw XLSXPackage.damaged(path, "the sheet's part \(part) is missing") }
    }
    return .unicode
  }

  /// The chosen sheet's part and the workbook's date system.
  private func locate(_ package: XLSXPackage) throws -> (part: String, date1904: Bool) {
    let workbook = XLSXWorkbookReader()
    guard try package.parse("xl/workbook.xml", workbook) else {
      throw XLSXPackage.damaged(path, "it has no xl/workbook.xml (is it an .xlsx workbook?)")
    }
    let rels = XLSXRelationshipsReader()
    try package.parse("xl/_rels/workbook.xml.rels", rels)
    let names = workbook.sheets.map(\.name)
    let chosen: (name: String, id: String)?
    if let sheet {
      chosen =
        workbook.sheets.first { $0.name == sheet }
        ?? workbook.sheets.first { ImportVocabulary.key($0.name) == ImportVocabulary.key(sheet) }
      guard chosen != nil else {
        throw CoachError.refused(.noSuchSheet(path: path, sheet: sheet, sheets: names))
      }
    } else {
      chosen = workbook.defaultSheet
    }
    guard let chosen else { throw XLSXPackage.damaged(path, "the workbook lists no sheet") }
    guard let part = rels.targets[chosen.id] else {
      throw XLSXPackage.damaged(path, "sheet \"\(chosen.name)\" has no part")
    }
    return (part, workbook.date1904)
  }
}
