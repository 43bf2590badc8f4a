import CoachCore
import CoachStoreAPI
import GRDB

extension Migrations {
  /// Schema versions this binary knows, oldest first.
  static var knownVersions: [String] { migrator.migrations }

  /// Migrates `writer` to the current schema, safely when several processes open the same file at once.
  ///
  /// Each migration runs in its own IMMEDIATE transaction; a process that loses the race to apply one
  /// fails on an object that now exists, sees the winner's work, and carries on. A database whose
  /// schema is newer than this binary is refused (exit 65) rather than written to.
  static func migrate(_ writer: any DatabaseWriter) throws {
    let m = migrator
    var attempt = 0
    while true {
      // One read on every open: refuse a newer schema, and stop when nothing is left to apply.
      let done = try writer.read { db in
        try refuseNewer(db)
        try refuseForeign(db, path: writer.path)
        return try m.hasCompletedMigrations(db)
      }
      if done { return }
      do {
        try m.migrate(writer)
        return
      } catch let error as DatabaseError {
        attempt += 1
        if try writer.read({ try m.hasCompletedMigrations($0) }) { return }
        if attempt >= 5 { throw error }
      }
    }
  }

  /// The applied schema versions of the database, including ones this binary does not know.
  static func appliedVersions(_ db: Database) throws -> Set<String> {
    try migrator.appliedIdentifiers(db)
  }

  /// Throws when the database holds tables but no coach schema: another program's file, which a migration would fill
  /// with coach's tables (a `doctor` or a `lead list` given the wrong path).
  static func refuseForeign(_ db: Database, path: String) throws {
    guard try appliedVersions(db).isEmpty else { return }
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    if !tables.isEmpty { throw CoachError.refused(.foreignDatabase(path: path, tables: tables)) }
  }

  /// Throws when the database carries schema versions this binary does not know.
  static func refuseNewer(_ db: Database, path: String? = nil) throws {
    let unknown = try appliedVersions(db).subtracting(knownVersions)
    guard unknown.isEmpty else {
      throw CoachError.refused(.schemaTooNew(database: path, versions: unknown.sorted(), newest: knownVersions.last))
    }
  }
}

extension AppDatabase {
  /// The newest schema version this coach knows (the last migration's name).
  public static var currentSchemaVersion: String { Migrations.knownVersions.last ?? "none" }

  /// Every schema version (migration name) this coach knows, oldest first: what another engine's schema list
  /// must match (`PostgresMigrations`).
  public static var schemaVersions: [String] { Migrations.knownVersions }
}
