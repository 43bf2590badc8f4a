import Foundation
import Testing

@testable import CoachCore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Cells merged down several rows (one 销售顾问 over all of a consultant's rows) are read in every row they cover;
/// merges across one row (a title, a two-column header) are left as they are.
@Suite struct XLSXMergesTests {
  static let sheet =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet><sheetData>"
    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>东店客户登记表</t></is></c></row>"
    + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>销售顾问</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>客户姓名</t></is></c>"
    + "<c r=\"C2\" t=\"inlineStr\"><is><t>手机号</t></is></c></row>"
    + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>李娜</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>一</t></is></c>"
    + "<c r=\"C3\"><v>13800017001</v></c></row>"
    + "<row r=\"4\"><c r=\"A4\" s=\"0\"/><c r=\"B4\" t=\"inlineStr\"><is><t>二</t></is></c><c r=\"C4\"><v>13800017002</v></c></row>"
    + "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>三</t></is></c><c r=\"C5\"><v>13800017003</v></c></row>"
    + "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>王新人</t></is></c><c r=\"B6\" t=\"inlineStr\"><is><t>四</t></is></c>"
    + "<c r=\"C6\"><v>13800017004</v></c></row>"
    + "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>五</t></is></c><c r=\"C7\"><v>13800017005</v></c></row>"
    + "<row r=\"8\"><c r=\"B8\" t=\"inlineStr\"><is><t>六</t></is></c><c r=\"C8\"><v>13800017006</v></c></row>"
    + "</sheetData><mergeCells count=\"3\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A3:A5\"/>"
    + "<mergeCell ref=\"A6:A7\"/></mergeCells></worksheet>"

  /// The sheet's records, its merges read from `chunk` bytes at a time.
  static func records(chunk: Int) throws -> [CSVRecord] {
    let xml = Data(sheet.utf8)
    let merges = try XLSXMerges.scan { body in
      var i = 0
      while i < xml.count {
        try body(xml.subdata(in: i..<min(xml.count, i + chunk)))
        i += chunk
      }
      return true
    }
    var out: [CSVRecord] = []
    var scanner = XLSXSheetScanner(
      sheet: XLSXSheetReader(strings: [], dateStyles: [false], date1904: false, merges: merges) { out.append($0) },
      part: "sheet")
    try scanner.feed(xml)
    try scanner.finish()
    return out
  }

  @Test("a cell merged down is read in each row it covers, in chunks of any size", arguments: [7, 64, 100_000])
  func mergedDown(_ chunk: Int) throws {
    let rows = try Self.records(chunk: chunk)
    #expect(rows.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
    #expect(rows.map { $0.fields.first ?? "" } == ["销售顾问", "李娜", "李娜", "李娜", "王新人", "王新人", ""])
    // The title merged across is not copied into B1 and C1 (it stays a one-cell row above the header).
    #expect(rows.first?.fields == ["销售顾问", "客户姓名", "手机号"])
  }

  @Test func rangesAcrossOneRowAreLeftAlone() {
    #expect(XLSXMerges.down("A1:D1") == XLSXMerges.Down(column: 0, top: 1, bottom: 1))
    #expect(XLSXMerges([XLSXMerges.down("A1:D1")!]).isEmpty)
    #expect(XLSXMerges.down("$B$3:$C$9") == XLSXMerges.Down(column: 1, top: 3, bottom: 9))
    #expect(XLSXMerges.down("B3") == nil)
  }
}

/// Which sheet an import reads when none is named.
@Suite struct XLSXSheetChoiceTests {
  @Test("a hidden sheet (a lookup list) is not the one read by default")
  func hiddenSheets() throws {
    let xml =
      "<workbook xmlns:r=\"rel\"><sheets><sheet name=\"字典\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
      + "<sheet name=\"客户\" sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"旧\" sheetId=\"3\" state=\"veryHidden\" r:id=\"rId3\"/>"
      + "</sheets></workbook>"
    let reader = XLSXWorkbookReader()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = reader
    #expect(parser.parse())
    #expect(reader.sheets.map(\.name) == ["字典", "客户", "旧"])
    #expect(reader.hidden == ["字典", "旧"])
  }
}
