/// RFC 4180 splitting at the byte level, before any decoding.
///
/// Safe for UTF-8 and GBK/GB18030 alike: `"`, `,`, CR and LF never occur inside a multi-byte character of either.
struct RawRecord {
  /// Physical line where the record starts (1-based).
  var line: Int
  var fields: [[UInt8]]
  /// Line of an opening quote that was never closed (the record then runs to the end of the file).
  var unclosedQuoteLine: Int?
  /// Any byte of the record is outside ASCII.
  var isASCII: Bool
}

enum CSVSplitter {
  /// Splits a whole file into records: the streaming splitter fed once, so both paths share one state machine.
  /// Quoted fields may hold commas, doubled quotes and newlines (CRLF, LF or CR); empty physical lines are
  /// skipped but still counted.
  static func split(_ bytes: ArraySlice<UInt8>) -> [RawRecord] {
    var records: [RawRecord] = []
    var splitter = CSVStreamSplitter()
    let keep = { (r: ByteRecord) in
      let fields = r.ends.indices.map { Array(r.bytes[r.range($0)]) }
      records.append(
        RawRecord(line: r.line, fields: fields, unclosedQuoteLine: r.unclosedQuoteLine, isASCII: r.isASCII))
    }
    bytes.withUnsafeBufferPointer { splitter.feed($0, keep) }
    splitter.finish(keep)
    return records
  }
}
