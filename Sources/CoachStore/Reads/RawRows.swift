import CoachCore
import Foundation
import GRDB
import GRDBSQLite

/// Rows read straight from a prepared statement, without GRDB's `Row`: each `Row` cursor first builds a table of its
/// statement's column names (nine strings lowercased, a dictionary), which a statement run once per lead, as the
/// backward search for each lead's last touch is, paid every time.
enum RawRows {
  /// Runs `statement` with `arguments` (bound unchecked: the caller passes as many as it has placeholders), calling
  /// `body` at each row until it returns false or the rows end; the statement is reset after.
  static func each(
    _ statement: Statement, _ arguments: StatementArguments, _ body: (SQLiteStatement) throws -> Bool
  ) throws {
    statement.setUncheckedArguments(arguments)
    let s = statement.sqliteStatement
    defer { sqlite3_reset(s) }
    while true {
      let code = sqlite3_step(s)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(s))),
          sql: statement.sql)
      }
      if try !body(s) { return }
    }
  }

  static func int64(_ s: SQLiteStatement, _ i: CInt) -> Int64 { sqlite3_column_int64(s, i) }

  static func isNull(_ s: SQLiteStatement, _ i: CInt) -> Bool { sqlite3_column_type(s, i) == SQLITE_NULL }

  static func text(_ s: SQLiteStatement, _ i: CInt) -> String? {
    isNull(s, i) ? nil : String(sqliteStatement: s, index: i)
  }

  /// A stored time; a NULL or unreadable one is an error naming the column, not a crash.
  static func time(_ s: SQLiteStatement, _ i: CInt) throws -> Date {
    guard !isNull(s, i), let time = StoredTime(sqliteStatement: s, index: i) else {
      let column = String(cString: sqlite3_column_name(s, i))
      throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "\(column): not a stored time")
    }
    return time.date
  }

  /// A touch from a row of `leadId, id, at, channel, outcome, note, objections, nextAt, actor`.
  static func touch(_ s: SQLiteStatement) throws -> Touch {
    Touch(
      id: int64(s, 1), at: try time(s, 2),
      channel: (isNull(s, 3) ? nil : StoredCode<Channel>(sqliteStatement: s, index: 3)?.code) ?? .call,
      outcome: (isNull(s, 4) ? nil : StoredCode<Outcome>(sqliteStatement: s, index: 4)?.code) ?? .reached,
      note: text(s, 5), objections: text(s, 6)?.split(separator: ";").map(String.init) ?? [],
      nextAt: isNull(s, 7) ? nil : try time(s, 7), actor: text(s, 8))
  }
}
