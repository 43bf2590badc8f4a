import Foundation
import Testing

@testable import CoachCore

/// The xlsx reader's pieces, and the writer read back by the reader.
@Suite struct XLSXTests {
  @Test("column letters")
  func columns() {
    #expect(XLSXCells.column("A1") == 0)
    #expect(XLSXCells.column("Z9") == 25)
    #expect(XLSXCells.column("AA10") == 26)
    #expect(XLSXCells.column("ab3") == 27)
    #expect(XLSXCells.column("12") == nil)
    for i in [0, 1, 25, 26, 51, 52, 701, 702, 16_383] { #expect(XLSXCells.column(XLSXWriter.column(i) + "1") == i) }
  }

  @Test("a phone stored as a number keeps its digits")
  func numbers() {
    #expect(XLSXCells.number("13812345678") == "13812345678")
    #expect(XLSXCells.number("1.3812345678E10") == "13812345678")
    #expect(XLSXCells.number("5000") == "5000")
    #expect(XLSXCells.number("12.5") == "12.5")
    #expect(XLSXCells.number("abc") == "abc")
  }

  @Test("date serials in the 1900 system (with its phantom 29 February) and 1904")
  func dates() {
    #expect(XLSXCells.date("1") == "1900-01-01")
    #expect(XLSXCells.date("59") == "1900-02-28")
    #expect(XLSXCells.date("61") == "1900-03-01")
    #expect(XLSXCells.date("45000") == "2023-03-15")
    #expect(XLSXCells.date("46329") == "2026-11-03")
    #expect(XLSXCells.date("46330.4375") == "2026-11-04 10:30:00")
    #expect(XLSXCells.date("0", date1904: true) == "1904-01-01")
    #expect(XLSXCells.date("-1") == nil)
    let day = LocalDate(year: 2026, month: 11, day: 3)
    #expect(XLSXCells.date(String(XLSXWriter.serial(day, secondsOfDay: 9 * 3600 + 5 * 60))) == "2026-11-03 09:05:00")
  }

  @Test("which number formats are dates")
  func dateFormats() {
    for code in [
      "yyyy-mm-dd", "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"", "[$-F800]dddd, mmmm dd, yyyy", "h:mm AM/PM", "m/d/yy h:mm",
    ] {
      #expect(XLSXCells.isDateFormat(code), "\(code)")
    }
    for code in ["General", "0.00", "#,##0", "0.00E+00", "\"day\"0", "[Red]0", "@"] {
      #expect(!XLSXCells.isDateFormat(code), "\(code)")
    }
  }

  @Test("the writer's workbook reads back cell for cell: text, numbers, days and times, escapes")
  func roundTrip() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coach-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let day = LocalDate(year: 1990, month: 5, day: 3)
    let rows: [[XLSXWriter.Cell]] = [
      [.text("姓名"), .text("电话"), .text("生日"), .text("建档时间"), .text("备注")],
      [.text("王芳"), .number(13_812_345_678), .day(day), .dateTime(day, secondsOfDay: 3723), .text("a<b & \"c\"\n第二行")],
      [.text(" 空格 "), .empty, .empty, .empty, .text("x")],
    ]
    let url = dir.appendingPathComponent("t.xlsx")
    try XLSXWriter.workbook(sheetName: "客户", rows: rows).write(to: url)
    var records: [CSVRecord] = []
    _ = try XLSXSource(path: url.path).records(mode: nil) { records.append($0) }
    #expect(records.map(\.line) == [1, 2, 3])
    #expect(records[0].fields == ["姓名", "电话", "生日", "建档时间", "备注"])
    #expect(records[1].fields == ["王芳", "13812345678", "1990-05-03", "1990-05-03 01:02:03", "a<b & \"c\"\n第二行"])
    #expect(records[2].fields == [" 空格 ", "", "", "", "x"])
    #expect(try XLSXSource(path: url.path).sheetNames() == ["客户"])
    #expect(throws: CoachError.self) { try XLSXSource(path: url.path, sheet: "nope").check() }
  }

  @Test("the zip checksum: the standard check value, and any chunking gives what one bit at a time gives")
  func crc32() {
    func crc(_ bytes: [UInt8], chunk: Int) -> UInt32 {
      var c = ZipCRC32()
      var i = 0
      while i < bytes.count {
        bytes[i..<min(bytes.count, i + chunk)].withUnsafeBytes { c.update($0) }
        i += chunk
      }
      return c.value
    }
    #expect(crc(Array("123456789".utf8), chunk: 9) == 0xCBF4_3926)
    #expect(crc([], chunk: 1) == 0)
    var rng = SplitMix64(seed: 32)
    for n in [1, 7, 8, 9, 63, 64, 1000, 4099] {
      let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      var slow: UInt32 = 0xFFFF_FFFF
      for b in bytes {
        slow ^= UInt32(b)
        for _ in 0..<8 { slow = slow & 1 == 1 ? 0xEDB8_8320 ^ (slow >> 1) : slow >> 1 }
      }
      for chunk in [1, 3, 8, 13, n] { #expect(crc(bytes, chunk: chunk) == ~slow, "\(n) bytes in chunks of \(chunk)") }
    }
  }

  @Test("a part whose bytes do not match the zip's checksum is refused")
  func checksumMismatch() throws {
    let good = try XLSXWriter.workbook(
      sheetName: "s",
      sheetXML: Data(
        "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>name</t></is></c></row></sheetData></worksheet>".utf8))
    // Stored parts would be easier to alter; instead the central directory's CRC of the sheet is changed.
    var bytes = [UInt8](good)
    let name = Array("xl/worksheets/sheet1.xml".utf8)
    let central: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
    var at: Int?
    for i in 0..<(bytes.count - 46 - name.count) where Array(bytes[i..<i + 4]) == central {
      if Array(bytes[(i + 46)..<(i + 46 + name.count)]) == name { at = i }
    }
    let entry = try #require(at)
    bytes[entry + 16] ^= 0xFF  // the CRC-32 field of the central directory record
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coach-crc-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(bytes).write(to: url)
    #expect(throws: CoachError.self) { _ = try XLSXSource(path: url.path).records(mode: nil) { _ in } }
    let fine = FileManager.default.temporaryDirectory.appendingPathComponent("coach-crc-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: fine) }
    try good.write(to: fine)
    #expect(throws: Never.self) { _ = try XLSXSource(path: fine.path).records(mode: nil) { _ in } }
  }

  @Test("damaged files are a bad_xlsx rejection, never a crash")
  func damaged() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coach-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = try XLSXWriter.workbook(
      sheetName: "s", rows: [[.text("name"), .text("phone")], [.text("a"), .text("13812345678")]])
    var samples: [Data] = [
      Data(), Data("name,phone\n".utf8),
      Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)),
      good.prefix(good.count / 2), good.prefix(40), good.suffix(good.count - 10),
    ]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<40 {
      var bytes = [UInt8](good)
      for _ in 0..<Int.random(in: 1...8, using: &rng) {
        bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
      }
      samples.append(Data(bytes))
    }
    for (i, data) in samples.enumerated() {
      let url = dir.appendingPathComponent("d\(i).xlsx")
      try data.write(to: url)
      do {
        _ = try XLSXSource(path: url.path).records(mode: nil) { _ in }
      } catch let e as CoachError {
        guard e.exitCode == 65 else {
          Issue.record("sample \(i): \(e)")
          continue
        }
        #expect(["bad_xlsx", "unreadable_file"].contains(e.code), "\(e.message)")
        #expect(e.message.contains(url.path) && e.message(in: .zh).contains(url.path))
      }
    }
  }
}
