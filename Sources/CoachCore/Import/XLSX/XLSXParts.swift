import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `xl/workbook.xml`: the sheets in order (name and relationship id) and the date system.
final class XLSXWorkbookReader: XLSXDelegate {
  var sheets: [(name: String, id: String)] = []
  /// The sheets hidden from the workbook's reader (`state="hidden"` or `"veryHidden"`: a lookup list, say), by name.
  var hidden: Set<String> = []
  var date1904 = false

  /// The sheet read without `--sheet`: the first the workbook shows (a hidden one is a list other sheets look values
  /// up in), else the first.
  var defaultSheet: (name: String, id: String)? { sheets.first { !hidden.contains($0.name) } ?? sheets.first }

  override func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch Self.local(name) {
    case "sheet":
      let id = attributes.first { Self.local($0.key) == "id" }?.value ?? ""
      sheets.append((attributes["name"] ?? "", id))
      if let state = attributes["state"], state != "visible" { hidden.insert(attributes["name"] ?? "") }
    case "workbookPr":
      if let v = attributes["date1904"] { date1904 = v == "1" || v.lowercased() == "true" }
    default: break
    }
  }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part path inside the archive.
final class XLSXRelationshipsReader: XLSXDelegate {
  var targets: [String: String] = [:]

  override func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard Self.local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else {
      return
    }
    // Targets are relative to `xl/` unless absolute (`/xl/worksheets/sheet1.xml`).
    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
  }
}

/// `xl/styles.xml`: for each cell style (`s` attribute), whether its number format shows a date.
final class XLSXStylesReader: XLSXDelegate {
  private var customFormats: [Int: String] = [:]
  private var formatIDs: [Int] = []
  private var inCellXfs = false

  /// Style index → the cell shows a date or time.
  var dateStyles: [Bool] {
    formatIDs.map { id in
      XLSXCells.builtInDateFormats.contains(id) || (customFormats[id].map(XLSXCells.isDateFormat) ?? false)
    }
  }

  override func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch Self.local(name) {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
        customFormats[id] = code
      }
    case "cellXfs": inCellXfs = true
    case "xf" where inCellXfs: formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
    default: break
    }
  }

  override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if Self.local(name) == "cellXfs" { inCellXfs = false }
  }
}

/// `xl/sharedStrings.xml`: the table of strings that `t="s"` cells point into, bounded in size. Read by
/// `XLSXSheetScanner` (the fast path, `XLSXSource`) or by `XMLParser` through the delegate methods.
final class XLSXSharedStringsReader: XLSXDelegate, XLSXEvents {
  let path: String
  var strings: [String] = []
  private var total = 0
  private var current = ""
  private var inItem = false
  private var inText = false
  /// Depth inside `<rPh>` (phonetic runs: not part of the text).
  private var phonetic = 0
  /// Past the bound: nothing more is kept, and the parse stops at the next element's end.
  private var tooLarge = false

  init(path: String) { self.path = path }

  override func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    start(XLSXElement(Self.local(name))) { attributes[$0] }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    characters(string)
    if tooLarge { fail(parser, tooLargeError) }
  }

  override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    do { try end(XLSXElement(Self.local(name))) } catch { fail(parser, error) }
  }

  // MARK: - The table, whichever parser reads the XML

  func start(_ element: XLSXElement, attribute: (String) -> String?) {
    switch element {
    case .si:
      inItem = true
      current = ""
    case .rPh: phonetic += 1
    case .t where inItem && phonetic == 0: inText = true
    default: break
    }
  }

  func characters(_ string: String) {
    guard inText, !tooLarge else { return }
    current += string
    total += string.utf8.count
    if total > XLSXPackage.maxSharedStringBytes { tooLarge = true }
  }

  func end(_ element: XLSXElement) throws {
    if tooLarge { throw tooLargeError }
    switch element {
    case .t: inText = false
    case .rPh: phonetic -= 1
    case .si:
      strings.append(current)
      inItem = false
      // Each string costs its struct as well as its text: a table of millions of empty strings is bounded too.
      total += 16
      if total > XLSXPackage.maxSharedStringBytes { throw tooLargeError }
    default: break
    }
  }

  private var tooLargeError: CoachError {
    XLSXPackage.damaged(path, "its shared-string table holds more than 64 MB of text")
  }
}
