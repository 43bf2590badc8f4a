import CoachCore
import Foundation

// MARK: - Helpers of `coach audit --json`: nulls kept, decimals written alike, the headline figures of --compare

/// A value written as JSON `null` when absent (a synthesized `Encodable` leaves an optional's key out instead).
package struct NullableJSON<Value: Encodable>: Encodable {
  package let value: Value?

  package init(_ value: Value?) { self.value = value }

  package func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    if let value { try c.encode(value) } else { try c.encodeNil() }
  }
}

/// Rates and medians written alike: `1.0` and `0.0`, not `1` and `0` as JSONEncoder writes a whole Double.
package enum JSONDecimals {
  /// `data` (pretty-printed JSON, one key per line) with `.0` added to the whole numbers of measure keys: those
  /// ending in `_rate` or `_minutes`, or starting with `median_`. A string value never holds a raw line break or an
  /// unescaped quote, so a line `"key" : 12,` is a key and its value. One pass over the bytes (a regular expression
  /// over the half-megabyte of a large team's audit cost a tenth of the run).
  package static func pointed(_ data: Data) -> Data {
    let bytes = [UInt8](data)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count + 4_096)
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      out.append(contentsOf: bytes[start..<end])
      if let at = wholeMeasureEnd(bytes[start..<end]) {
        out.insert(contentsOf: Array(".0".utf8), at: out.count - (end - at))
      }
      if end < bytes.count { out.append(UInt8(ascii: "\n")) }
      start = end + 1
    }
    return Data(out)
  }

  /// Where the digits end in a line `"measure_key" : 123` or `… : 123,` (the index after the last digit), else nil.
  package static func wholeMeasureEnd(_ line: ArraySlice<UInt8>) -> Int? {
    guard let open = line.firstIndex(where: { $0 != UInt8(ascii: " ") }), line[open] == UInt8(ascii: "\""),
      let close = line[(open + 1)...].firstIndex(of: UInt8(ascii: "\""))
    else { return nil }
    let key = line[(open + 1)..<close]
    let measure = key.ends(with: "_rate") || key.ends(with: "_minutes") || key.starts(with: Array("median_".utf8))
    guard measure else { return nil }
    var i = close + 1
    while i < line.endIndex && (line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: ":")) { i += 1 }
    if i < line.endIndex && line[i] == UInt8(ascii: "-") { i += 1 }
    let digits = i
    while i < line.endIndex && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[i]) { i += 1 }
    guard i > digits else { return nil }
    let rest = line[i...]
    return rest.isEmpty || (rest.count == 1 && rest.first == UInt8(ascii: ",")) ? i : nil
  }
}

extension ArraySlice<UInt8> {
  package func ends(with suffix: String) -> Bool {
    let s = Array(suffix.utf8)
    return count >= s.count && self.suffix(s.count).elementsEqual(s)
  }
}

/// The headline figures of a period, for `previous` (their values then) and `change` (now minus then; rates and
/// medians null when either side is).
package struct HeadlineJSON: Encodable {
  package let due, on_time, late, missed, touches, new_leads, prospects, deposits, delivered, churned: Int
  package let on_time_rate, callback_3day_rate, first_response_minutes, first_response_within_limit_rate: NumberJSON

  package init(_ f: AuditFigures) {
    (due, on_time, late, missed, touches) = (f.due, f.onTime, f.late, f.missed, f.touches)
    (new_leads, prospects, deposits, delivered, churned) =
      (f.firstResponse.leads, f.prospects, f.deposits, f.delivered, f.churned)
    on_time_rate = NumberJSON(f.onTimeRate)
    callback_3day_rate = NumberJSON(f.callback3day.rate)
    first_response_minutes = NumberJSON(f.firstResponse.medianMinutes)
    first_response_within_limit_rate = NumberJSON(f.firstResponse.withinLimitRate)
  }

  /// `now − then`, field by field.
  package init(change now: AuditFigures, since then: AuditFigures) {
    let a = HeadlineJSON(now), b = HeadlineJSON(then)
    (due, on_time, late, missed, touches) = (
      a.due - b.due, a.on_time - b.on_time, a.late - b.late, a.missed - b.missed, a.touches - b.touches
    )
    (new_leads, prospects, deposits, delivered, churned) =
      (
        a.new_leads - b.new_leads, a.prospects - b.prospects, a.deposits - b.deposits, a.delivered - b.delivered,
        a.churned - b.churned
      )
    on_time_rate = a.on_time_rate - b.on_time_rate
    callback_3day_rate = a.callback_3day_rate - b.callback_3day_rate
    first_response_minutes = a.first_response_minutes - b.first_response_minutes
    first_response_within_limit_rate = a.first_response_within_limit_rate - b.first_response_within_limit_rate
  }
}

extension NumberJSON {
  /// The difference, nil when either side is nil.
  package static func - (l: NumberJSON, r: NumberJSON) -> NumberJSON {
    guard let a = l.value, let b = r.value else { return NumberJSON(nil) }
    return NumberJSON(a - b)
  }
}
