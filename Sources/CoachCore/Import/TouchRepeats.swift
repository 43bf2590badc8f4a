import Foundation

/// The good touch rows of one file, to find a row identical to an earlier one: the same lead, time to the millisecond
/// (as both engines store it), channel and outcome. Exact, in about 12 bytes a row: each lead's rows are three
/// `UInt32`s in one array (the time and codes packed in 64 bits, then the line), searched from the lead's newest row
/// back. A dictionary of every row's key took 2M touches' import from 86 to 318 MB at its peak.
struct TouchRepeats {
  /// Each lead's rows, by external id: `[high, low, line, high, low, line, …]`.
  private var rows: [String: [UInt32]] = [:]
  /// The leads with more rows than `searchedAtMost`, by packed key: their first line (a lead with thousands of rows
  /// in one file is searched by hash, not row by row).
  private var many: [String: [UInt64: UInt32]] = [:]
  /// Rows of one lead searched one by one before it is kept by hash instead.
  static let searchedAtMost = 64

  /// The line of an earlier row identical to `touch`, or nil after keeping `touch` (at `line`) as the first of its kind.
  mutating func earlierLine(of touch: ImportedTouch, line: Int) -> Int? {
    let key = Self.key(touch)
    let lead = touch.leadExternalID
    let at = UInt32(clamping: line)
    if !many.isEmpty, many[lead] != nil {
      if let earlier = many[lead]?[key] { return Int(earlier) }
      many[lead]?[key] = at
      return nil
    }
    // One look-up of the lead: its array is searched and grown in place.
    let (found, full) = Self.search(&rows[lead, default: []], key: key, line: at)
    if let found { return Int(found) }
    if full {
      // Past the rows searched one by one: this lead's rows go by hash from now on.
      let kept = rows.removeValue(forKey: lead) ?? []
      var byKey: [UInt64: UInt32] = [:]
      byKey.reserveCapacity(kept.count)
      for i in stride(from: 0, to: kept.count, by: 3) {
        byKey[UInt64(kept[i]) << 32 | UInt64(kept[i + 1])] = kept[i + 2]
      }
      byKey[key] = at
      many[lead] = byKey
    }
    return nil
  }

  /// The line of the row of `r` with `key`; else `key` and `line` appended, or `full` when `r` holds as many rows as
  /// are searched one by one (nothing appended).
  private static func search(_ r: inout [UInt32], key: UInt64, line: UInt32) -> (found: UInt32?, full: Bool) {
    let (high, low) = (UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key))
    var i = r.count - 3
    while i >= 0 {
      if r[i + 1] == low, r[i] == high { return (r[i + 2], false) }
      i -= 3
    }
    if r.count >= 3 * searchedAtMost { return (nil, true) }
    r.append(high)
    r.append(low)
    r.append(line)
    return (nil, false)
  }

  /// The time in milliseconds (exact for any date a file can hold: years 1601…9999 are within ±2^48 ms of 1970),
  /// then the channel and outcome, in 64 bits.
  static func key(_ touch: ImportedTouch) -> UInt64 {
    let ms = Int64((touch.at.timeIntervalSince1970 * 1000).rounded(.down))
    let channel = UInt64(Channel.allCases.firstIndex(of: touch.channel) ?? 0)
    let outcome = UInt64(Outcome.allCases.firstIndex(of: touch.outcome) ?? 0)
    return UInt64(bitPattern: ms) << 8 | channel << 4 | outcome
  }
}
