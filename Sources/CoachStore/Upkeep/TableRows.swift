import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase: TableRowSource {
  /// Hands every row of `table` to `body`, `columns` in order, by ascending `orderBy`, in one read transaction.
  /// `table` and `columns` are fixed names of the schema, never user input.
  public func eachRow(
    of table: String, columns: [String], orderBy: String, _ body: ([CellValue]) throws -> Void
  ) throws {
    try writer.read { db in
      let sql = "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \"\(table)\" ORDER BY \(orderBy)"
      let cursor = try Row.fetchCursor(db, sql: sql)
      while let row = try cursor.next() {
        try body(
          (0..<columns.count).map { i in
            switch row[i] as DatabaseValue {
            case let v where v.isNull: return .null
            case let v:
              switch v.storage {
              case .int64(let n): return .int(n)
              case .double(let d): return .double(d)
              case .string(let s): return .text(s)
              case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
              case .null: return .null
              }
            }
          })
      }
    }
  }

  /// How many rows `table` holds (a fixed name of the schema).
  public func rowCount(of table: String) throws -> Int {
    try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
  }
}
