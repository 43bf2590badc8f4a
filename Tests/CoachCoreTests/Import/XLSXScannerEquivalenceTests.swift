import Foundation
import Testing

@testable import CoachCore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The byte scanner (`XLSXSheetScanner`) gives the sheet reader exactly what Foundation's `XMLParser` gives it:
/// the same records for real and odd sheets, in chunks of any size, and no records it would not give.
@Suite struct XLSXScannerEquivalenceTests {
  struct Refused: Error, Equatable {}
  typealias Outcome = Result<[CSVRecord], Refused>

  static func reader(_ out: @escaping (CSVRecord) -> Void) -> XLSXSheetReader {
    XLSXSheetReader(strings: ["共享", "a&b", " two words "], dateStyles: [false, true, true], date1904: false) { out($0) }
  }

  /// The records by `XMLParser` (the plain version).
  static func plain(_ xml: Data) -> Outcome {
    var records: [CSVRecord] = []
    let r = reader { records.append($0) }
    let parser = XMLParser(data: xml)
    parser.delegate = r
    guard parser.parse(), r.stop == nil else { return .failure(Refused()) }
    return .success(records)
  }

  /// The records by the scanner, fed `chunk` bytes at a time.
  static func fast(_ xml: Data, chunk: Int) -> Outcome {
    var records: [CSVRecord] = []
    var scanner = XLSXSheetScanner(sheet: reader { records.append($0) }, part: "sheet")
    do {
      var i = 0
      while i < xml.count {
        try scanner.feed(xml.subdata(in: i..<min(xml.count, i + chunk)))
        i += chunk
      }
      try scanner.finish()
    } catch {
      return .failure(Refused())
    }
    return .success(records)
  }

  static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

  /// Sheets as different programs write them.
  static let sheets: [String] = [
    head
      + "<worksheet xmlns=\"m\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
      + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" s=\"1\"><v>46329</v></c><c r=\"C3\" s=\"2\"><v>46330.4375</v></c></row></sheetData></worksheet>",
    head
      + "<x:worksheet xmlns:x=\"m\"><x:sheetData><x:row><x:c t='inlineStr'><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t xml:space='preserve'> 文本 </x:t></x:r>"
      + "<x:rPh><x:t>ふ</x:t></x:rPh></x:is></x:c><x:c><x:v>13812345678</x:v></x:c></x:row><x:row><x:c/><x:c t=\"b\"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>",
    head
      + "<!-- a comment with <tags> --><worksheet><sheetData>\n  <row r=\"2\" spans=\"1:3\">\n    <c r=\"A2\" t=\"str\"><v>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20320;&#x597D;</v></c>\n"
      + "    <c r=\"B2\" t=\"inlineStr\"><is><t><![CDATA[<raw> & text]]></t></is></c><c r=\"C2\" t=\"s\"><v>2</v></c>\n  </row>\n"
      + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>line\r\nbreak\rand</t></is></c><c r=\"D4\" t=\"e\"><v>#N/A</v></c></row><?pi x?></sheetData></worksheet>\n",
    head
      + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row><row r=\"2\"/><row r=\"3\"><c r=\"A3\" t=\"d\"><v>2026-11-03T10:00:00</v></c>"
      + "<c r=\"B3\"><v>1.5E3</v></c><c r=\"XFD3\" t=\"inlineStr\"><is><t>far</t></is></c></row></sheetData></worksheet>",
  ]

  @Test("the same records as XMLParser for sheets of several writers, in chunks of any size")
  func handWritten() {
    for (i, sheet) in Self.sheets.enumerated() {
      let xml = Data(sheet.utf8)
      let expected = Self.plain(xml)
      guard case .success(let records) = expected else {
        Issue.record("sheet \(i) is meant to be well-formed")
        continue
      }
      #expect(!records.isEmpty)
      for chunk in [1, 2, 3, 5, 7, 16, 64, 1 << 16] {
        #expect(Self.fast(xml, chunk: chunk) == expected, "sheet \(i), chunks of \(chunk)")
      }
    }
  }

  @Test("the same records for the writer's sheets of random cells")
  func randomCells() {
    var rng = SplitMix64(seed: 31)
    let pieces = [
      "王", "芳", "a", "&", "<", ">", "\"", "'", " ", "\n", "\r\n", "\t", "1", "é", "🚗", "&amp;", "]]>", "<!--",
    ]
    for _ in 0..<60 {
      var rows: [[XLSXWriter.Cell]] = []
      for _ in 0..<Int(rng.next() % 6 + 1) {
        rows.append(
          (0..<Int(rng.next() % 5 + 1)).map { _ in
            switch rng.next() % 5 {
            case 0: return .empty
            case 1: return .number(Double(rng.next() % 100_000_000_000))
            case 2:
              return .day(
                LocalDate(
                  year: 1990 + Int(rng.next() % 40), month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28)))
            default:
              return .text(
                (0..<Int(rng.next() % 6 + 1)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
            }
          })
      }
      let xml = XLSXWriter.sheet(rows)
      let expected = Self.plain(xml)
      #expect(Self.fast(xml, chunk: Int(rng.next() % 40 + 1)) == expected)
      #expect(Self.fast(xml, chunk: 1 << 16) == expected)
    }
  }

  @Test("damaged XML: whenever both read it, the records are the same; what XMLParser refuses, the scanner refuses")
  func mutations() {
    var rng = SplitMix64(seed: 77)
    var bothRead = 0
    var bothRefused = 0
    for n in 0..<1500 {
      var bytes = [UInt8](Self.sheets[n % Self.sheets.count].utf8)
      for _ in 0..<Int(rng.next() % 3 + 1) where !bytes.isEmpty {
        let at = Int(rng.next() % UInt64(bytes.count))
        switch rng.next() % 3 {
        case 0: bytes[at] = [0x3C, 0x3E, 0x2F, 0x26, 0x22, 0x27, 0x3D, 0x20, 0x61, 0x3B][Int(rng.next() % 10)]
        case 1: bytes.remove(at: at)
        default: bytes = Array(bytes.prefix(at))
        }
      }
      // Invalid UTF-8 never reaches either parser (`UTF8Check` refuses the part first; XMLParser would trap).
      guard String(validating: bytes, as: UTF8.self) != nil else { continue }
      let xml = Data(bytes)
      let expected = Self.plain(xml)
      let fast = Self.fast(xml, chunk: Int(rng.next() % 50 + 1))
      switch (expected, fast) {
      case (.success, .success):
        bothRead += 1
        #expect(fast == expected, "mutation \(n): \(String(decoding: bytes, as: UTF8.self))")
      case (.failure, .success):
        Issue.record(
          "mutation \(n): the scanner read what XMLParser refuses: \(String(decoding: bytes, as: UTF8.self))")
      case (.failure, .failure): bothRefused += 1
      case (.success, .failure): break  // stricter (a DOCTYPE, a second root): refused with a message, never wrong rows
      }
    }
    #expect(bothRead > 20 && bothRefused > 100)
  }

  @Test("the LibreOffice fixtures read the same by both through the whole source")
  func fixtures() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("CoachCLITests/Fixtures")
    for name in ["dealership.xlsx", "dealership-from-csv.xlsx"] {
      for sheet in [nil, "跟进"] where name == "dealership.xlsx" || sheet == nil {
        let path = dir.appendingPathComponent(name).path
        var fast: [CSVRecord] = []
        var plain: [CSVRecord] = []
        _ = try XLSXSource(path: path, sheet: sheet, scanner: true).records(mode: nil) { fast.append($0) }
        _ = try XLSXSource(path: path, sheet: sheet, scanner: false).records(mode: nil) { plain.append($0) }
        #expect(fast == plain, "\(name) \(sheet ?? "")")
        #expect(fast.count >= 4)
      }
    }
  }

  @Test("a part that is not UTF-8 is refused before any parser sees it, on both paths (XMLParser traps on some)")
  func invalidUTF8() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coach-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var xml = [UInt8](Self.sheets[2].utf8)
    xml[xml.firstIndex(of: 0x77) ?? 60] = 0xFF  // the "w" of "with" in the comment
    let url = dir.appendingPathComponent("bad.xlsx")
    try XLSXWriter.workbook(sheetName: "s", sheetXML: Data(xml)).write(to: url)
    for scanner in [true, false] {
      #expect(throws: CoachError.self) {
        _ = try XLSXSource(path: url.path, scanner: scanner).records(mode: nil) { _ in }
      }
    }
    var check = UTF8Check()
    let text = [UInt8]("你好 🚗".utf8)
    for split in 0...text.count {
      check = UTF8Check()
      try check.check(Data(text[..<split]))
      try check.check(Data(text[split...]))
      #expect(check.isComplete)
    }
  }
}
