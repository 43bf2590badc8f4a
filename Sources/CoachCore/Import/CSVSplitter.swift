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
  private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

  /// Splits into records. Quoted fields may hold commas, doubled quotes and newlines (CRLF, LF or CR);
  /// empty physical lines are skipped but still counted.
  static func split(_ bytes: ArraySlice<UInt8>) -> [RawRecord] {
    var records: [RawRecord] = []
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var line = 1
    var start = 1
    var started = false
    var atFieldStart = true
    var inQuotes = false
    var quoteLine = 0
    var ascii = true
    var i = bytes.startIndex
    let end = bytes.endIndex

    func finish(unclosed: Int? = nil) {
      fields.append(field)
      records.append(RawRecord(line: start, fields: fields, unclosedQuoteLine: unclosed, isASCII: ascii))
      fields = []
      field = []
      started = false
      atFieldStart = true
      ascii = true
    }

    while i < end {
      let b = bytes[i]
      if b >= 0x80 { ascii = false }
      if inQuotes {
        if b == quote {
          if i + 1 < end, bytes[i + 1] == quote {
            field.append(quote)
            i += 2
            continue
          }
          inQuotes = false
        } else {
          if b == lf || (b == cr && !(i + 1 < end && bytes[i + 1] == lf)) { line += 1 }
          field.append(b)
        }
        i += 1
        continue
      }
      switch b {
      case cr, lf:
        if b == cr, i + 1 < end, bytes[i + 1] == lf { i += 1 }
        if started { finish() }
        line += 1
        start = line
      case comma:
        started = true
        fields.append(field)
        field = []
        atFieldStart = true
      case quote where atFieldStart:
        started = true
        inQuotes = true
        quoteLine = line
        atFieldStart = false
      default:
        started = true
        atFieldStart = false
        field.append(b)
      }
      i += 1
    }
    if inQuotes {
      finish(unclosed: quoteLine)
    } else if started {
      finish()
    }
    return records
  }
}
