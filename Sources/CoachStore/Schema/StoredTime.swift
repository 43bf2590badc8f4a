import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import GRDBSQLite

/// A stored date read straight from SQLite's text: `yyyy-MM-dd HH:mm:ss` with no fraction or `.000` (what coach
/// writes: whole seconds, UTC) becomes a `Date` by integer arithmetic; any other text or type is decoded by GRDB's
/// own `Date`, so the result is always exactly GRDB's. GRDB's path builds `DateComponents` and asks a `Calendar`
/// for every value, which was a fifth of loading one consultant's leads.
struct StoredTime: DatabaseValueConvertible, StatementColumnConvertible {
  let date: Date

  init(date: Date) { self.date = date }

  init?(sqliteStatement: SQLiteStatement, index: CInt) {
    if sqlite3_column_type(sqliteStatement, index) == SQLITE_TEXT,
      let text = sqlite3_column_text(sqliteStatement, index)
    {
      let length = Int(sqlite3_column_bytes(sqliteStatement, index))
      if let seconds = StoredTime.wholeSeconds(UnsafeBufferPointer(start: text, count: length)) {
        date = Date(timeIntervalSince1970: Double(seconds))
        return
      }
    }
    guard let slow = Date(sqliteStatement: sqliteStatement, index: index) else { return nil }
    date = slow
  }

  var databaseValue: DatabaseValue { date.databaseValue }

  static func fromDatabaseValue(_ value: DatabaseValue) -> StoredTime? {
    Date.fromDatabaseValue(value).map(StoredTime.init(date:))
  }

  /// Seconds since 1970 of `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-dd HH:mm:ss.000` with fields in range, else nil.
  static func wholeSeconds(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
    guard s.count == 19 || (s.count == 23 && s[19] == 0x2E && s[20] == 0x30 && s[21] == 0x30 && s[22] == 0x30),
      s[4] == 0x2D, s[7] == 0x2D, s[10] == 0x20, s[13] == 0x3A, s[16] == 0x3A
    else { return nil }
    func number(_ at: Int, _ width: Int) -> Int? {
      var n = 0
      for i in at..<(at + width) {
        let d = Int(s[i]) - 0x30
        guard d >= 0 && d <= 9 else { return nil }
        n = n * 10 + d
      }
      return n
    }
    guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2), let hh = number(11, 2),
      let mm = number(14, 2), let ss = number(17, 2), y >= 1, (1...12).contains(m), d >= 1,
      d <= LocalDate.daysIn(month: m, year: y), hh < 24, mm < 60, ss < 60
    else { return nil }
    return ((LocalDate(year: y, month: m, day: d).daysSinceEpoch * 24 + hh) * 60 + mm) * 60 + ss
  }
}

/// A date as GRDB stores it (`yyyy-MM-dd HH:mm:ss.SSS`, UTC) without its `DateFormatter` for whole seconds in
/// 1601…9999 (what imports and the CLI write); anything else is left to GRDB, so the text is always GRDB's.
enum StoredDate {
  /// Length of the text `write` puts down.
  static let length = 23

  static func value(_ date: Date) -> any DatabaseValueConvertible {
    var out = [UInt8](repeating: 0, count: length)
    let written = out.withUnsafeMutableBytes { write(date, into: $0) }
    return written ? String(decoding: out, as: UTF8.self) : date
  }

  /// Writes the text `value(date)` stores into the first `length` bytes of `out`, or returns false (and writes
  /// nothing) when the date is left to GRDB's formatter.
  static func write(_ date: Date, into out: UnsafeMutableRawBufferPointer) -> Bool {
    let t = date.timeIntervalSince1970
    guard out.count >= length, t.rounded(.down) == t, t >= -11_644_473_600, t < 253_402_300_800 else { return false }
    let seconds = Int(t)
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let s = seconds - days * 86_400
    let day = LocalDate(daysSinceEpoch: days)
    let (y, m, d) = (day.year, day.month, day.day)
    func put(_ v: Int, at i: Int, width: Int) {
      var v = v
      for k in stride(from: i + width - 1, through: i, by: -1) {
        out[k] = UInt8(0x30 + v % 10)
        v /= 10
      }
    }
    put(y, at: 0, width: 4)
    out[4] = 0x2D
    put(m, at: 5, width: 2)
    out[7] = 0x2D
    put(d, at: 8, width: 2)
    out[10] = 0x20
    put(s / 3600, at: 11, width: 2)
    out[13] = 0x3A
    put(s / 60 % 60, at: 14, width: 2)
    out[16] = 0x3A
    put(s % 60, at: 17, width: 2)
    out[19] = 0x2E
    put(0, at: 20, width: 3)
    return true
  }
}
