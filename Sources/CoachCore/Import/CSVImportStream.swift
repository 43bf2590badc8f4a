import Foundation

/// Where the records of an import come from: a CSV file's bytes (`CSVByteSource`) or a spreadsheet's sheet
/// (`XLSXSource`). Sendable: a streamed import reads it on a thread of its own (`CSVParseAhead`).
public protocol ImportSource: Sendable {
  /// Calls `body` with each record in order (the header first); returns what the whole-file encoding decision
  /// needs (a spreadsheet is always UTF-8 text: `ImportRecordsEnd.unicode`).
  func records(mode: CSVEncoding?, _ body: (CSVRecord) throws -> Void) throws -> ImportRecordsEnd
}

/// The encoding a pass read records in, and the tally that decides whether it was right.
public struct ImportRecordsEnd: Sendable {
  var mode: CSVEncoding?
  var tally: EncodingTally
  /// Records that are text already (a spreadsheet): UTF-8, nothing to decide.
  public static let unicode = ImportRecordsEnd(mode: .utf8, tally: EncodingTally())
}

/// The bytes of an import file, read front to back in chunks; reading again starts from the first byte.
public protocol CSVByteSource: ImportSource {
  /// Calls `body` with each chunk of the file in order.
  func read(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws
}

extension CSVByteSource {
  /// The CSV records of the bytes, split and decoded (`CSVRecordPipeline`).
  public func records(mode: CSVEncoding?, _ body: (CSVRecord) throws -> Void) throws -> ImportRecordsEnd {
    let decoder = try CSVRecordPipeline.run(self, mode: mode, body)
    return ImportRecordsEnd(mode: decoder.mode, tally: decoder.tally)
  }
}

/// Bytes in memory, handed out in chunks of `chunkSize` (tests; the CLI reads the file itself).
public struct CSVBytes: CSVByteSource {
  public var bytes: [UInt8]
  public var chunkSize: Int

  public init(_ bytes: [UInt8], chunkSize: Int = 1 << 20) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  /// Calls `body` with each chunk of the bytes in order.
  public func read(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    try bytes.withUnsafeBufferPointer { all in
      var start = 0
      while start < all.count {
        let end = min(start + chunkSize, all.count)
        try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        start = end
      }
    }
  }
}

/// A streamed pass read the file in one encoding and found, at its end, that the file is in the other:
/// undo what the pass wrote and stream again with `encoding` (the decision is the same on every pass).
public struct CSVEncodingRetry: Error, Sendable {
  public let encoding: CSVEncoding
}

/// What a streamed import found: the encoding, header warnings, bad rows in line order and rows written.
public struct ImportSummary: Sendable {
  public var encoding: CSVEncoding
  public var warnings: [String]
  /// The header as bound (columns recognised and ignored).
  public var header: ImportHeader?
  public var errors: [RowError]
  public var imported: Int
  /// Rows imported that record a delivery without its date (`ImportedRow.assumesDeliveryDate`).
  public var deliveredWithoutDate = 0
}

/// Feeds a byte source through the BOM check, the splitter and the decoder, one record at a time.
enum CSVRecordPipeline {
  private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Reads all of `source` in `mode` (nil: decided by the first non-ASCII record), calling `body` with each
  /// decoded record; returns the decoder with its mode and whole-file tally.
  static func run(
    _ source: some CSVByteSource, mode: CSVEncoding?, _ body: (CSVRecord) throws -> Void
  ) throws -> CSVRecordDecoder {
    var splitter = CSVStreamSplitter()
    var decoder = CSVRecordDecoder(mode: mode)
    var head: [UInt8] = []
    var headDone = false
    func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
      guard !bytes.isEmpty else { return }
      try splitter.feed(bytes) { raw in try decoder.decode(raw, body) }
    }
    // The first three bytes decide the BOM (dropped, and the file is UTF-8); anything else is data.
    func endHead() throws {
      headDone = true
      if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
        throw CoachError.refused(.utf16Text(file: nil))
      }
      decoder.tally.hadBOM = head == bom
      if !decoder.tally.hadBOM { try head.withUnsafeBufferPointer { try feed($0) } }
    }
    try source.read { chunk in
      var rest = chunk
      if !headDone {
        let take = min(3 - head.count, rest.count)
        head.append(contentsOf: rest.prefix(take))
        rest = UnsafeBufferPointer(rebasing: rest.dropFirst(take))
        if head.count == 3 { try endHead() }
      }
      try feed(rest)
    }
    if !headDone { try endHead() }
    try splitter.finish { raw in try decoder.decode(raw, body) }
    return decoder
  }
}
