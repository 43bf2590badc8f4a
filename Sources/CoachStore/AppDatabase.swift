import CoachCore
import Foundation
import GRDB

/// The coach database: one writer, migrated on open. Each write is one method, one transaction.
public final class AppDatabase: Sendable {
  /// The underlying connection (a pool on disk, a queue in memory).
  public let writer: any DatabaseWriter

  /// Wraps `writer` and migrates it to the current schema.
  public init(_ writer: any DatabaseWriter) throws {
    self.writer = writer
    try Migrations.migrate(writer)
  }

  /// Opens (creating with mode 0600 if needed) the database file at `path`.
  public static func open(path: String) throws -> AppDatabase {
    let url = URL(fileURLWithPath: path)
    let fm = FileManager.default
    try? fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    if !fm.fileExists(atPath: path) {
      guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
        throw CoachError.rejected(code: "db_unwritable", message: "cannot create the database at \(path): check the folder exists and is writable")
      }
    }
    try checkIsCoachDatabase(path: path)
    var config = Configuration()
    config.busyMode = .timeout(15)
    config.foreignKeysEnabled = true
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    do {
      return try AppDatabase(DatabasePool(path: path, configuration: config))
    } catch let error as DatabaseError {
      throw CoachError.rejected(code: "db_unreadable", message: "cannot open \(path) as a coach database: \(error.message ?? "\(error)")")
    }
  }

  /// An empty in-memory database, for tests and `playbook test`.
  public static func inMemory() throws -> AppDatabase {
    var config = Configuration()
    config.foreignKeysEnabled = true
    return try AppDatabase(DatabaseQueue(configuration: config))
  }

  /// Refuses a file that is neither empty nor SQLite, before SQLite touches it.
  static func checkIsCoachDatabase(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CoachError.rejected(code: "db_unreadable", message: "cannot read the database at \(path)")
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 16)) ?? Data()
    if !head.isEmpty && head != Data("SQLite format 3\0".utf8) {
      throw CoachError.rejected(code: "not_a_database", message: "\(path) is not a SQLite database; give --db a coach database file or a new path")
    }
  }
}
