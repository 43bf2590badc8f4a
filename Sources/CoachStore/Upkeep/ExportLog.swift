import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Records who exported (or viewed unmasked) what, when, and how many rows.
  public func record(_ entry: ExportEntry) throws {
    try writer.write { db in
      try db.execute(
        sql: "INSERT INTO exportLog (at, actor, what, format, rows, masked, target) VALUES (?,?,?,?,?,?,?)",
        arguments: [entry.at, entry.actor, entry.what, entry.format, entry.rows, entry.masked, entry.target])
    }
  }

  /// The export log between two instants, oldest first.
  public func exports(from: Date, to: Date) throws -> [ExportEntry] {
    try writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM exportLog WHERE at >= ? AND at < ? ORDER BY at, id", arguments: [from, to]
      ).map {
        ExportEntry(
          at: $0["at"], actor: $0["actor"], what: $0["what"], format: $0["format"], rows: $0["rows"],
          masked: $0["masked"],
          target: $0["target"])
      }
    }
  }
}
