import Foundation
import GRDB
import GRDBSQLite

/// A statement an import prepares once and runs for every row through SQLite's C API: building GRDB's
/// `StatementArguments` (an array of existentials, converted value by value) cost more than SQLite's own work.
/// Values are bound with GRDB's own `StatementBinding`, so what is stored is exactly what GRDB would store.
/// Every parameter must be bound before each run (bindings outlive `reset`).
final class ImportStatement {
  private let handle: OpaquePointer
  private let connection: OpaquePointer
  /// The bytes of each text parameter (index - 1), bound without a copy (SQLITE_STATIC): SQLite reads them
  /// only while stepping, and each is rewritten only when its parameter is bound again. A constant pointer to
  /// one slot per parameter: no exclusivity checks on the way, as a stored array would have.
  private let texts: UnsafeMutableBufferPointer<UnsafeMutableRawBufferPointer>

  init(_ db: Database, _ sql: String) throws {
    guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, sql: sql) }
    var made: OpaquePointer?
    let code = sqlite3_prepare_v2(connection, sql, -1, &made, nil)
    guard code == SQLITE_OK, let made else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
    self.connection = connection
    handle = made
    texts = .allocate(capacity: Int(sqlite3_bind_parameter_count(made)))
    texts.initialize(repeating: UnsafeMutableRawBufferPointer(start: nil, count: 0))
  }

  deinit {
    sqlite3_finalize(handle)
    for t in texts { t.deallocate() }
    texts.deallocate()
  }

  /// Binds text as GRDB binds a `String` (its UTF-8 up to the first NUL: GRDB passes a C string), or NULL.
  func bind(_ index: Int32, _ value: String?) throws {
    guard var value else { return try check(sqlite3_bind_null(handle, index)) }
    try value.withUTF8 { utf8 in
      let count = utf8.firstIndex(of: 0) ?? utf8.count
      let text = try buffer(index, count)
      if count > 0, let from = utf8.baseAddress { text.baseAddress?.copyMemory(from: from, byteCount: count) }
      try bindText(index, text, count)
    }
  }

  /// Binds a date as `StoredDate.value` stores it, or NULL.
  func bind(_ index: Int32, date: Date?) throws {
    guard let date else { return try check(sqlite3_bind_null(handle, index)) }
    let text = try buffer(index, StoredDate.length)
    if StoredDate.write(date, into: text) { return try bindText(index, text, StoredDate.length) }
    try check(StoredDate.value(date).databaseValue.bind(to: handle, at: index))
  }

  /// Binds the text `date` was written as, or the date as `bind(_:date:)` does when it was not.
  func bind(_ index: Int32, _ date: StoredDateText) throws {
    guard date.isWritten else { return try bind(index, date: date.date) }
    let text = try buffer(index, StoredDate.length)
    date.copy(into: text)
    try bindText(index, text, StoredDate.length)
  }

  /// The bytes kept for parameter `index`, at least `count` long, and never without an address (SQLite binds a
  /// null pointer as NULL, not as empty text).
  private func buffer(_ index: Int32, _ count: Int) throws -> UnsafeMutableRawBufferPointer {
    let slot = Int(index) - 1
    guard slot >= 0, slot < texts.count else { throw failure(SQLITE_RANGE) }
    if texts[slot].count < count || texts[slot].baseAddress == nil {
      let grown = max(count, 64, 2 * texts[slot].count)
      texts[slot].deallocate()
      texts[slot] = .allocate(byteCount: grown, alignment: 1)
    }
    return texts[slot]
  }

  /// Binds `count` bytes of `text` where they are (a nil destructor is SQLITE_STATIC).
  private func bindText(_ index: Int32, _ text: UnsafeMutableRawBufferPointer, _ count: Int) throws {
    try check(
      sqlite3_bind_text(handle, index, text.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count), nil))
  }

  /// Binds an integer, or NULL.
  func bind(_ index: Int32, _ value: Int64?) throws {
    try check(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
  }

  /// Runs the statement to its end.
  func execute() throws {
    defer { sqlite3_reset(handle) }
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else { throw failure(code) }
    }
  }

  /// The first column of the first row as an integer; nil when there is no row (or the value is NULL).
  func fetchInt64() throws -> Int64? {
    defer { sqlite3_reset(handle) }
    let code = sqlite3_step(handle)
    if code == SQLITE_DONE { return nil }
    guard code == SQLITE_ROW else { throw failure(code) }
    return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
  }

  /// Whether the statement yields a row.
  func exists() throws -> Bool {
    defer { sqlite3_reset(handle) }
    let code = sqlite3_step(handle)
    if code == SQLITE_DONE { return false }
    guard code == SQLITE_ROW else { throw failure(code) }
    return true
  }

  /// The rowid of the last row inserted on the connection.
  var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(connection) }

  private func check(_ code: Int32) throws {
    if code != SQLITE_OK { throw failure(code) }
  }

  private func failure(_ code: Int32) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
      message: String(cString: sqlite3_errmsg(connection)), sql: String(cString: sqlite3_sql(handle)))
  }
}
