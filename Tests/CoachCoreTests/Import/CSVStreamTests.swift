import CoachCore
import Foundation
import Testing

/// The streamed import gives what the whole-file reader gives, whatever the chunk boundaries and encodings.
@Suite struct CSVStreamTests {
  static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  static let options = ImportOptions(zone: zone, fileName: "s.csv", knownModels: ["X40", "E50"])
  static let zhangWeiGBK: [UInt8] = [0xD5, 0xC5, 0xCE, 0xB0]  // 张伟

  /// Pieces random files are made of: separators, quotes, line ends, codes, UTF-8 and GBK text, invalid bytes.
  static let pieces: [[UInt8]] = [
    Array(",".utf8), Array(",".utf8), Array("\"".utf8), Array("\"\"".utf8), Array("\n".utf8), Array("\r\n".utf8),
    Array("\r".utf8), Array(" ".utf8), Array("E1".utf8), Array("E2".utf8), Array("13812345678".utf8),
    Array("2025-07-01T09:30:00+08:00".utf8), Array("call".utf8), Array("reached".utf8), Array("张伟".utf8),
    Array("北京".utf8), zhangWeiGBK, [0xFF], [0xE5], [0x80], Array("x40".utf8), Array("H".utf8), Array("\u{3000}".utf8),
  ]

  enum Outcome<Row: ImportedRow>: Equatable {
    case batch(ImportBatch<Row>)
    case rejected(String, String)
  }

  static func outcome<Row: ImportedRow>(_ parse: () throws -> ImportBatch<Row>) -> Outcome<Row> {
    do { return .batch(try parse()) } catch let e as CoachError { return .rejected(e.code, e.message) } catch {
      return .rejected("other", "\(error)")
    }
  }

  /// The same file streamed in chunks of `chunk` bytes, a wrong-encoding pass retried as the CLI's store does.
  static func streamed<Row: ImportedRow>(
    _ bytes: [UInt8], chunk: Int,
    _ pass: (CSVBytes, CSVEncoding?, (Row, Bool) throws -> ImportProblem?) throws -> ImportSummary
  ) -> Outcome<Row> {
    outcome {
      var rows: [Row] = []
      let keep: (Row, Bool) throws -> ImportProblem? = { row, _ in
        rows.append(row)
        return nil
      }
      let summary: ImportSummary
      do {
        summary = try pass(CSVBytes(bytes, chunkSize: chunk), nil, keep)
      } catch let retry as CSVEncodingRetry {
        rows = []
        summary = try pass(CSVBytes(bytes, chunkSize: chunk), retry.encoding, keep)
      }
      #expect(summary.imported == rows.count)
      return ImportBatch(encoding: summary.encoding, warnings: summary.warnings, rows: rows, errors: summary.errors)
    }
  }

  static func randomFile(_ header: String, _ rng: inout SplitMix64) -> [UInt8] {
    var bytes: [UInt8] = rng.next() % 5 == 0 ? [0xEF, 0xBB, 0xBF] : []
    bytes += Array((header + "\n").utf8)
    for _ in 0..<Int(rng.next() % 40) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
    return bytes
  }

  @Test("random leads files: streamed in any chunk size equals the whole-file reader")
  func leadsEquivalence() {
    var rng = SplitMix64(seed: 7)
    for i in 0..<400 {
      let bytes = Self.randomFile(i % 2 == 0 ? "external_id,name,phone" : "name,phone,grade,model", &rng)
      let whole = Self.outcome {
        try CSVImport.leads(try CSVReader.read(bytes, fileName: "s.csv"), options: Self.options)
      }
      for chunk in [1, 2, 3, 5, 64] {
        let s: Outcome<ImportedLead> = Self.streamed(bytes, chunk: chunk) { source, encoding, write in
          try CSVImport.streamLeads(source, options: Self.options, encoding: encoding, write: write)
        }
        #expect(s == whole, "case \(i), chunk \(chunk): \(bytes)")
      }
    }
  }

  @Test("random touches files: streamed in any chunk size equals the whole-file reader")
  func touchesEquivalence() {
    var rng = SplitMix64(seed: 11)
    for i in 0..<400 {
      let bytes = Self.randomFile("lead_external_id,at,channel,outcome", &rng)
      let whole = Self.outcome {
        try CSVImport.touches(try CSVReader.read(bytes, fileName: "s.csv"), options: Self.options)
      }
      for chunk in [1, 4, 1 << 20] {
        let s: Outcome<ImportedTouch> = Self.streamed(bytes, chunk: chunk) { source, encoding, write in
          try CSVImport.streamTouches(source, options: Self.options, encoding: encoding, write: write)
        }
        #expect(s == whole, "case \(i), chunk \(chunk): \(bytes)")
      }
    }
  }

  @Test("a file whose first non-ASCII row reads as GBK but which is mostly UTF-8 needs a second pass, and gets it")
  func retry() throws {
    let bytes =
      Array("name,phone\n".utf8) + Self.zhangWeiGBK + Array(",13812345678\n张伟,13912345678\n李娜,13712345678\n".utf8)
    #expect(throws: CSVEncodingRetry.self) {
      _ = try CSVImport.streamLeads(CSVBytes(bytes), options: Self.options) { _, _ in nil }
    }
    let batch = try CSVImport.leads(bytes, options: Self.options)
    #expect(batch.encoding == .utf8)
    #expect(batch.rows.map(\.line) == [3, 4])
    #expect(batch.errors == [RowError(line: 2, reason: CSVReader.invalidUTF8)])
  }

  @Test("the writer's verdict makes a bad row at the row's line; anyBadRow tells what came before")
  func writerVerdict() throws {
    let text = "external_id,name,phone\nE1,张伟,13812345678\nE1,李娜,13912345678\nE2,王芳,13712345678\nE3,陈静,1\n"
    var seen: [(String?, Bool)] = []
    let summary = try CSVImport.streamLeads(CSVBytes(Array(text.utf8), chunkSize: 7), options: Self.options) {
      row, bad in
      seen.append((row.externalID, bad))
      return row.externalID == "E2" ? .existingID(id: "E2") : nil
    }
    #expect(seen.map(\.0) == ["E1", "E2"])
    #expect(seen.map(\.1) == [false, true])
    #expect(summary.imported == 1)
    #expect(summary.errors.map(\.line) == [3, 4, 5])
    #expect(summary.errors[1].reason == "external_id \"E2\" is already in the database")
  }
}
