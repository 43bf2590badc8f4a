import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import GRDBSQLite

/// A touch's channel or outcome read straight from SQLite's text: ASCII text (no NUL) is matched byte for byte against the
/// codes' raw values, without making a `String` first (a touch load reads two of them per row); anything else
/// (other bytes, another type) is read as GRDB's `String` and looked up by raw value, so the result is always
/// `Code(rawValue: row[i] as String)`.
struct StoredCode<Code: StoredCodes>: DatabaseValueConvertible, StatementColumnConvertible {
  /// The code, nil when the text is none of the raw values.
  let code: Code?

  init(code: Code?) { self.code = code }

  init?(sqliteStatement: SQLiteStatement, index: CInt) {
    if sqlite3_column_type(sqliteStatement, index) == SQLITE_TEXT,
      let text = sqlite3_column_text(sqliteStatement, index)
    {
      let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqliteStatement, index)))
      if bytes.allSatisfy({ $0 != 0 && $0 < 0x80 }) {
        code = Code.byBytes.first { $0.bytes.elementsEqual(bytes) }?.code
        return
      }
    }
    code = Code(rawValue: String(sqliteStatement: sqliteStatement, index: index))
  }

  var databaseValue: DatabaseValue { code?.rawValue.databaseValue ?? .null }

  static func fromDatabaseValue(_ value: DatabaseValue) -> StoredCode? {
    String.fromDatabaseValue(value).map { StoredCode(code: Code(rawValue: $0)) }
  }
}

/// Codes stored as their raw text, with the raw values' bytes listed once.
protocol StoredCodes: RawRepresentable<String>, CaseIterable {
  static var byBytes: [(bytes: [UInt8], code: Self)] { get }
}

extension Channel: StoredCodes {
  static let byBytes = allCases.map { (bytes: Array($0.rawValue.utf8), code: $0) }
}

extension Outcome: StoredCodes {
  static let byBytes = allCases.map { (bytes: Array($0.rawValue.utf8), code: $0) }
}
