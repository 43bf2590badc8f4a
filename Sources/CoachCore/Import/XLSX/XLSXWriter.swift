import Foundation
import ZIPFoundation

/// Writes a one-sheet `.xlsx` workbook: text as inline strings (a phone stays text), dates and times as date
/// cells (Excel's 1900 system, shown `yyyy-mm-dd` or `yyyy-mm-dd hh:mm:ss`), numbers as numbers. What
/// `XLSXSource` reads back as the same text.
public enum XLSXWriter {
  /// A cell to write.
  public enum Cell: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    /// A calendar day, shown `yyyy-mm-dd`.
    case day(LocalDate)
    /// A wall-clock time (in the zone the caller chose), shown `yyyy-mm-dd hh:mm:ss`.
    case dateTime(LocalDate, secondsOfDay: Int)
  }

  /// The workbook's bytes: one sheet called `sheetName`, `rows` from row 1.
  public static func workbook(sheetName: String, rows: [[Cell]]) throws -> Data {
    try workbook(sheetName: sheetName, sheetXML: sheet(rows))
  }

  /// A workbook around a worksheet part given as XML (tests write sheets as other programs do), with `extraParts`
  /// (path, bytes) besides, like a shared-string table.
  static func workbook(sheetName: String, sheetXML: Data, extraParts: [(String, Data)] = []) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    let parts: [(String, Data)] =
      [
        ("[Content_Types].xml", Data(contentTypes.utf8)),
        ("_rels/.rels", Data(rootRels.utf8)),
        ("xl/workbook.xml", Data(workbook(sheetName).utf8)),
        ("xl/_rels/workbook.xml.rels", Data(workbookRels.utf8)),
        ("xl/styles.xml", Data(styles.utf8)),
        ("xl/worksheets/sheet1.xml", sheetXML),
      ] + extraParts
    // A fixed time: the same leads give the same bytes.
    let stamp = Date(timeIntervalSince1970: 1_577_836_800)
    for (path, data) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw CoachError.internalError("the xlsx archive has no data") }
    return data
  }

  /// The 1900-system serial of a day (and seconds into it).
  public static func serial(_ day: LocalDate, secondsOfDay: Int = 0) -> Double {
    let days =
      CivilTime.days(year: day.year, month: day.month, day: day.day) - CivilTime.days(year: 1899, month: 12, day: 30)
    return Double(days) + Double(secondsOfDay) / 86_400
  }

  // MARK: - Parts

  static func sheet(_ rows: [[Cell]]) -> Data {
    var xml = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      """
    for (r, row) in rows.enumerated() {
      xml += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() {
        let ref = column(c) + String(r + 1)
        switch cell {
        case .empty: continue
        case .text(let s):
          xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
        case .number(let d): xml += "<c r=\"\(ref)\"><v>\(XLSXCells.number(String(d)))</v></c>"
        case .day(let d): xml += "<c r=\"\(ref)\" s=\"1\"><v>\(Int(serial(d)))</v></c>"
        case .dateTime(let d, let s):
          xml += "<c r=\"\(ref)\" s=\"2\"><v>\(serial(d, secondsOfDay: s))</v></c>"
        }
      }
      xml += "</row>"
    }
    xml += "</sheetData></worksheet>"
    return Data(xml.utf8)
  }

  /// 0 → `A`, 26 → `AA`.
  static func column(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  /// Text for XML: `& < > "` escaped, and control characters XML cannot hold dropped.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(u)
      default:
        if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    </Types>
    """

  static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

  static func workbook(_ name: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="\(escape(name))" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
  }

  static let workbookRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    </Relationships>
    """

  /// Style 0 general, 1 a day, 2 a day and time.
  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>\
    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border/></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
    </styleSheet>
    """
}
