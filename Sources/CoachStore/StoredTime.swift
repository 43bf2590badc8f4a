import CoachCore
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
    if sqlite3_column_type(sqliteStatement, index) == SQLITE_TEXT, let text = sqlite3_column_text(sqliteStatement, index) {
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
