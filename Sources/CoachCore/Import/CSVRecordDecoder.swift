import Foundation

/// Whole-file counts behind the encoding decision, kept while streaming (the rules of `CSVReader.read`).
struct EncodingTally {
  var hadBOM = false
  /// Records with a byte outside ASCII.
  var nonASCII = 0
  /// Of those, valid UTF-8.
  var utf8Good = 0
  /// Invalid UTF-8 but valid GB18030.
  var gbOnly = 0
  /// Valid GB18030 (counted only while reading as GB18030).
  var gbGood = 0
  /// First line invalid in both encodings (GB18030 not tried with a BOM).
  var firstNeither: Int?

  /// UTF-8 unless more records read as GB18030 only than as UTF-8; a BOM means UTF-8.
  var decision: CSVEncoding { hadBOM || utf8Good >= gbOnly ? .utf8 : .gb18030 }

  /// `bad_csv_encoding` when the records with non-ASCII text are mostly invalid in `encoding`.
  func rejection(_ encoding: CSVEncoding, fileName: String?) -> CoachError? {
    let good = encoding == .utf8 ? utf8Good : gbGood
    let bad = nonASCII - good
    guard bad > 0 && (good == 0 || bad > good) else { return nil }
    return .refused(.badCSVEncoding(file: fileName, bad: bad, nonASCII: nonASCII, firstLine: firstNeither))
  }
}

/// Decodes byte records into text in one encoding, chosen up front or at the first non-ASCII record, and
/// tallies what the whole-file decision needs. The caller compares `tally.decision` with `mode` at the end.
struct CSVRecordDecoder {
  /// The encoding records are decoded in; nil until a non-ASCII record decides it (ASCII reads the same in both).
  private(set) var mode: CSVEncoding?
  var tally = EncodingTally()
  private var gb: GB18030Decoder?
  /// The decoded record handed to the caller (its storage reused).
  private var record = CSVRecord(line: 0, fields: [])

  init(mode: CSVEncoding?) { self.mode = mode }

  /// The index of the first field holding a NUL byte (0 in UTF-8 and GB18030 alike), nil when there is none.
  static func fieldWithNUL(_ raw: ByteRecord) -> Int? {
    guard let at = raw.bytes.firstIndex(of: 0) else { return nil }
    return raw.ends.firstIndex { at < $0 } ?? raw.ends.count - 1
  }

  /// Decodes `raw` and calls `body` with the record (fields, or an `issue` when it cannot be used).
  mutating func decode(_ raw: ByteRecord, _ body: (CSVRecord) throws -> Void) throws {
    record.line = raw.line
    record.issue = nil
    record.fields.removeAll(keepingCapacity: true)
    try raw.bytes.withUnsafeBufferPointer { all in
      if raw.isASCII {
        for i in raw.ends.indices {
          record.fields.append(String(decoding: all.extracting(raw.range(i)), as: UTF8.self))
        }
      } else {
        try decodeNonASCII(raw, all)
      }
    }
    if let q = raw.unclosedQuoteLine {
      record.issue = .unclosedQuote(line: q)
    } else if let field = Self.fieldWithNUL(raw) {
      // SQLite and C strings end text at NUL: what follows would be lost without a word.
      record.issue = .nulCharacter(field: field + 1)
    }
    try body(record)
  }

  private mutating func decodeNonASCII(_ raw: ByteRecord, _ all: UnsafeBufferPointer<UInt8>) throws {
    tally.nonASCII += 1
    let utf8OK = allFields(raw, all) { Self.validUTF8($0) }
    if utf8OK { tally.utf8Good += 1 }
    if mode == nil { mode = tally.hadBOM || utf8OK ? .utf8 : (try gbValid(raw, all) ? .gb18030 : .utf8) }
    if mode == .utf8 {
      if utf8OK { return }
      let gbOK = tally.hadBOM ? false : try gbValid(raw, all)
      if gbOK { tally.gbOnly += 1 } else if tally.firstNeither == nil { tally.firstNeither = raw.line }
      record.issue = .invalidUTF8
      return
    }
    let decoder = try gbDecoder()
    let gbOK = allFields(raw, all) { decoder.decode($0) }
    if gbOK {
      tally.gbGood += 1
      if !utf8OK { tally.gbOnly += 1 }
    } else {
      if !utf8OK && tally.firstNeither == nil { tally.firstNeither = raw.line }
      record.issue = .invalidGB18030
    }
  }

  /// Decodes every field into `record.fields`; false (fields incomplete) at the first that does not decode.
  private mutating func allFields(
    _ raw: ByteRecord, _ all: UnsafeBufferPointer<UInt8>, _ decode: (UnsafeBufferPointer<UInt8>) -> String?
  ) -> Bool {
    record.fields.removeAll(keepingCapacity: true)
    for i in raw.ends.indices {
      guard let s = decode(all.extracting(raw.range(i))) else { return false }
      record.fields.append(s)
    }
    return true
  }

  /// `String(validating: bytes, as: UTF8.self)` without its generic path: decoding repairs ill-formed bytes
  /// (always changing them, since what it gives is well-formed), so the bytes were valid exactly when they come
  /// back unchanged.
  static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var text = String(decoding: bytes, as: UTF8.self)
    let same = text.withUTF8 { out in
      guard out.count == bytes.count else { return false }
      guard let a = out.baseAddress, let b = bytes.baseAddress else { return true }
      return memcmp(a, b, bytes.count) == 0
    }
    return same ? text : nil
  }

  private mutating func gbValid(_ raw: ByteRecord, _ all: UnsafeBufferPointer<UInt8>) throws -> Bool {
    let decoder = try gbDecoder()
    for i in raw.ends.indices where decoder.decode(all.extracting(raw.range(i))) == nil { return false }
    return true
  }

  private mutating func gbDecoder() throws -> GB18030Decoder {
    if let gb { return gb }
    guard let made = GB18030Decoder() else {
      throw CoachError.internalError("GB18030 conversion is unavailable (the C library lacks its iconv module)")
    }
    gb = made
    return made
  }
}
