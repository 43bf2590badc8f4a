import Foundation

/// The text encoding a CSV file was found to be in.
public enum CSVEncoding: String, Sendable, Hashable, Codable {
  case utf8 = "UTF-8"
  /// GB18030, which also reads GBK and GB2312 files.
  case gb18030 = "GB18030"
}

/// One CSV record, decoded.
public struct CSVRecord: Sendable, Hashable {
  /// Physical line where the record starts (the header is line 1).
  public var line: Int
  /// Decoded fields; when `issue` is set they may be lossy and must not be imported.
  public var fields: [String]
  /// Why the record cannot be used (invalid bytes, unclosed quote), or nil.
  public var issue: ImportProblem?

  public init(line: Int, fields: [String], issue: ImportProblem? = nil) {
    self.line = line
    self.fields = fields
    self.issue = issue
  }

  /// `issue` in English.
  public var problem: String? { issue?.text(.en) }
}

/// A decoded CSV file: its encoding and records (the first is the header when the file has one).
public struct CSVFile: Sendable, Hashable {
  public var encoding: CSVEncoding
  /// The file started with a UTF-8 byte-order mark (removed).
  public var hadBOM: Bool
  public var records: [CSVRecord]
}

/// Reads RFC 4180 CSV bytes, detecting UTF-8 or GBK/GB18030 for the whole file: the whole-file reference that
/// tests hold the streamed reader (`CSVImportStream`) to.
public enum CSVReader {
  /// Bad-row reason for a record that is not valid UTF-8 in a UTF-8 file.
  public static let invalidUTF8 = ImportProblem.invalidUTF8.text(.en)
  /// Bad-row reason for a record that is not valid GB18030 in a GBK/GB18030 file.
  public static let invalidGB18030 = ImportProblem.invalidGB18030.text(.en)

  /// Decodes `data`; see `read(_:fileName:)` for the rules.
  package static func read(_ data: Data, fileName: String? = nil) throws -> CSVFile {
    try read([UInt8](data), fileName: fileName)
  }

  /// Decodes `bytes`. A UTF-8 BOM is removed and means UTF-8. Otherwise the file is UTF-8 unless more lines
  /// read as GB18030 than as UTF-8; records invalid in the chosen encoding get a `problem`. A file whose
  /// non-ASCII records are mostly invalid in both is rejected (`bad_csv_encoding`).
  package static func read(_ bytes: [UInt8], fileName: String? = nil) throws -> CSVFile {
    let hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let raw = CSVSplitter.split(bytes[(hadBOM ? 3 : 0)...])
    let utf8: [[String]?] = raw.map { r in
      if r.isASCII { return r.fields.map { String(decoding: $0, as: UTF8.self) } }
      return decodeAll(r.fields) { String(validating: $0, as: UTF8.self) }
    }
    let nonASCII = raw.indices.filter { !raw[$0].isASCII }
    let utf8Good = nonASCII.filter { utf8[$0] != nil }.count
    var gb: [Int: [String]] = [:]
    if !hadBOM && utf8Good < nonASCII.count {
      guard let decoder = GB18030Decoder() else {
        throw CoachError.internalError("GB18030 conversion is unavailable (the C library lacks its iconv module)")
      }
      for i in nonASCII { gb[i] = decodeAll(raw[i].fields) { decoder.decode($0) } }
    }
    let gbOnly = nonASCII.filter { utf8[$0] == nil && gb[$0] != nil }.count
    let encoding: CSVEncoding = hadBOM || utf8Good >= gbOnly ? .utf8 : .gb18030
    let good = encoding == .utf8 ? utf8Good : nonASCII.filter { gb[$0] != nil }.count
    let bad = nonASCII.count - good
    if bad > 0 && (good == 0 || bad > good) {
      let first = nonASCII.first { utf8[$0] == nil && gb[$0] == nil }.map { raw[$0].line }
      throw CoachError.refused(
        .badCSVEncoding(file: fileName, bad: bad, nonASCII: nonASCII.count, firstLine: first))
    }
    let records = raw.indices.map { i in
      let r = raw[i]
      let decoded = r.isASCII ? utf8[i] : (encoding == .utf8 ? utf8[i] : gb[i])
      var issue: ImportProblem? = decoded == nil ? (encoding == .utf8 ? .invalidUTF8 : .invalidGB18030) : nil
      if let q = r.unclosedQuoteLine { issue = .unclosedQuote(line: q) }
      return CSVRecord(
        line: r.line, fields: decoded ?? r.fields.map { String(decoding: $0, as: UTF8.self) }, issue: issue)
    }
    return CSVFile(encoding: encoding, hadBOM: hadBOM, records: records)
  }

  private static func decodeAll(_ fields: [[UInt8]], _ decode: ([UInt8]) -> String?) -> [String]? {
    var out: [String] = []
    out.reserveCapacity(fields.count)
    for f in fields {
      guard let s = decode(f) else { return nil }
      out.append(s)
    }
    return out
  }
}
