import CoachCore
import Foundation

/// One stored value as SQLite holds it, for copying a database's rows elsewhere (`coach migrate`).
public enum CellValue: Sendable, Hashable {
  case null
  case int(Int64)
  case double(Double)
  case text(String)

  public var int: Int64? {
    if case .int(let v) = self { return v }
    return nil
  }
}

/// A database whose tables can be read row by row as stored values: what `coach migrate` copies a showroom's
/// SQLite file from (`AppDatabase`), without the PostgreSQL store knowing SQLite.
public protocol TableRowSource {
  /// Hands every row of `table` to `body`, `columns` in order, by ascending `orderBy`, in one read transaction.
  /// `table` and `columns` are fixed names of the schema, never user input.
  func eachRow(of table: String, columns: [String], orderBy: String, _ body: ([CellValue]) throws -> Void) throws
}
