/// One record split at the byte level, before any decoding. Borrowed: valid until the splitter's next record.
struct ByteRecord {
  /// Physical line where the record starts (1-based).
  var line = 1
  /// The fields' bytes back to back (quotes removed, doubled quotes undoubled).
  var bytes: [UInt8] = []
  /// End offset in `bytes` of each field.
  var ends: [Int] = []
  /// Line of an opening quote that was never closed (the record then runs to the end of the file).
  var unclosedQuoteLine: Int?
  /// No byte of the record is outside ASCII.
  var isASCII = true

  /// The range in `bytes` of field `i`.
  func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }
}

/// RFC 4180 splitting fed chunk by chunk (`CSVSplitter.split` feeds it a whole file at once): the same records whatever
/// the chunk boundaries (a byte-at-a-time state machine: no look-ahead, so nothing is re-scanned).
///
/// Safe for UTF-8 and GBK/GB18030 alike: `"`, `,`, CR and LF never occur inside a multi-byte character of either.
struct CSVStreamSplitter {
  private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

  private var record = ByteRecord()
  private var line = 1
  private var started = false
  private var atFieldStart = true
  private var inQuotes = false
  /// A quote was seen inside quotes: the next byte says whether it was doubled or closed the field.
  private var quotePending = false
  private var quoteLine = 0
  /// The previous byte was a CR (a following LF belongs to the same line break).
  private var afterCR = false

  /// Splits `chunk`, calling `emit` with each record it completes.
  mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (ByteRecord) throws -> Void) rethrows {
    for b in chunk {
      if b >= 0x80 { record.isASCII = false }
      if quotePending {
        quotePending = false
        if b == Self.quote {
          record.bytes.append(b)
          afterCR = false
          continue
        }
        inQuotes = false
      }
      if inQuotes {
        if b == Self.quote {
          quotePending = true
        } else {
          if b == Self.cr || (b == Self.lf && !afterCR) { line += 1 }
          record.bytes.append(b)
        }
        afterCR = b == Self.cr
        continue
      }
      switch b {
      case Self.cr, Self.lf:
        if b == Self.lf && afterCR {
          afterCR = false
          continue
        }
        if started { try finish(nil, emit) }
        line += 1
        record.line = line
      case Self.comma:
        started = true
        record.ends.append(record.bytes.count)
        atFieldStart = true
      case Self.quote where atFieldStart:
        started = true
        inQuotes = true
        quoteLine = line
        atFieldStart = false
      default:
        started = true
        atFieldStart = false
        record.bytes.append(b)
      }
      afterCR = b == Self.cr
    }
  }

  /// Ends the input: emits the last record if one is open.
  mutating func finish(_ emit: (ByteRecord) throws -> Void) rethrows {
    if inQuotes && !quotePending {
      try finish(quoteLine, emit)
    } else if started {
      try finish(nil, emit)
    }
    inQuotes = false
    quotePending = false
  }

  private mutating func finish(_ unclosed: Int?, _ emit: (ByteRecord) throws -> Void) rethrows {
    record.ends.append(record.bytes.count)
    record.unclosedQuoteLine = unclosed
    try emit(record)
    record.bytes.removeAll(keepingCapacity: true)
    record.ends.removeAll(keepingCapacity: true)
    record.isASCII = true
    record.unclosedQuoteLine = nil
    started = false
    atFieldStart = true
  }
}
