import CoachCore
import CoachStoreAPI
import Foundation
import PostgresNIO

/// The coach database on PostgreSQL (`--db postgres://…`): the same promises as `AppDatabase` on SQLite (one
/// transaction per write, scopes, UTC times, numeric ids), over a few pooled connections. Writes run SERIALIZABLE
/// and are retried on serialization failures; every value is a bound parameter.
///
/// The protocol is synchronous: each statement is sent on the client's own event loop and waited for on the calling
/// thread (a command's, or one of `coach serve`'s request tasks), never on one of the client's loops.
public final class PostgresStore: Sendable {
  let pool: PGPool
  public let url: PostgresURL

  init(pool: PGPool) {
    self.pool = pool
    self.url = pool.url
  }

  /// Connects to the database of `url` and migrates it to the current schema.
  public static func open(_ url: PostgresURL) throws -> PostgresStore {
    let store = PostgresStore(pool: try PGPool(url: url))
    try store.migrate()
    return store
  }

  /// Closes the pooled connections (the store is not used afterwards).
  public func close() { pool.close() }

  func write<T>(_ body: (PGConnection) throws -> T) throws -> T { try pool.transaction(body) }
  /// Reads see one snapshot of the database, as SQLite's read transactions do.
  func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
    try pool.transaction(isolation: "REPEATABLE READ", readOnly: true, body)
  }

  /// After a bulk write has committed: `VACUUM (ANALYZE)` of the tables it filled, so that the planner has their
  /// statistics and index-only scans their visibility map at once, rather than after autovacuum's next round (a
  /// group database just moved in answered the team's `alerts` in 220 ms before, 128 ms after). Best effort: the
  /// rows are committed already, and a user who may not vacuum them leaves it to autovacuum.
  func tidyAfterBulkWrite(_ tables: [String]) {
    guard !tables.isEmpty else { return }
    _ = try? pool.withConnection { c in try c.script("VACUUM (ANALYZE) \(tables.joined(separator: ", "))") }
  }

  /// A protocol method this store does not run yet: refused, naming it (never a made-up answer).
  func notYet(_ what: String, instead: String? = nil) -> CoachError {
    CoachError.refused(.notYetOnPostgres(what: what, instead: instead))
  }
}

// MARK: - Schema

extension PostgresStore {
  /// The advisory lock every migrating process takes: one applies the migrations, the others wait and then see them.
  static let migrationLock: Int64 = 0x636F_6163_6800

  /// Applies the migrations this database lacks, in order, in one transaction under an advisory lock; a database
  /// carrying versions this coach does not know is refused (`schema_too_new`), as on SQLite.
  func migrate() throws {
    let known = PostgresMigrations.names
    let applied = try read { c in try Self.appliedVersions(c) }
    try Self.refuseNewer(applied, known: known)
    if known.allSatisfy(applied.contains) { return }
    // READ COMMITTED: each statement after the lock sees what a process that held it before committed.
    try pool.transaction(isolation: "READ COMMITTED") { c in
      try c.execute("SELECT pg_advisory_xact_lock(?)", [Self.migrationLock])
      let applied = try Self.appliedVersions(c)
      if applied.isEmpty { try refuseForeign(c) }
      try c.script("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier text NOT NULL PRIMARY KEY)")
      try Self.refuseNewer(applied, known: known)
      for (name, sql) in PostgresMigrations.all where !applied.contains(name) {
        try c.script(sql)
        try c.execute("INSERT INTO grdb_migrations (identifier) VALUES (?)", [name])
      }
    }
  }

  /// A database without coach's schema that holds other tables (of its schema on the search path) is another
  /// program's: refused before anything is written, as a SQLite file of another program is. A command had created
  /// coach's 21 tables beside an application's own, or stopped half-way on a table name both use.
  func refuseForeign(_ c: PGConnection) throws {
    let tables = try c.rows(
      """
      SELECT table_name::text FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'VIEW') ORDER BY 1 LIMIT 6
      """
    ).map { try $0.get(0, String.self) }
    if !tables.isEmpty { throw CoachError.refused(.foreignPostgresDatabase(url: url.redacted, tables: tables)) }
  }

  static func appliedVersions(_ c: PGConnection) throws -> Set<String> {
    guard try c.scalar("SELECT to_regclass('grdb_migrations')::text", as: String.self) != nil else { return [] }
    return Set(try c.rows("SELECT identifier FROM grdb_migrations").map { try $0.get(0, String.self) })
  }

  static func refuseNewer(_ applied: Set<String>, known: [String]) throws {
    let unknown = applied.subtracting(known)
    guard unknown.isEmpty else {
      throw CoachError.refused(.schemaTooNew(database: nil, versions: unknown.sorted(), newest: known.last))
    }
  }
}

// MARK: - Scratch databases (tests)

extension PostgresStore {
  /// Creates a new, empty database on the server of `admin` (a URL whose user may create databases) and returns
  /// its URL: what the tests run each case in. Its name is `prefix` and a random suffix.
  package static func createScratchDatabase(admin: PostgresURL, prefix: String = "coach_test") throws -> PostgresURL {
    let name = "\(prefix)_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))"
    let pool = try PGPool(url: admin)
    defer { pool.close() }
    // CREATE DATABASE takes no parameters and runs outside a transaction; the name is made here of [a-z0-9_].
    precondition(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
    try pool.withConnection { c in try c.script("CREATE DATABASE \(name)") }
    var url = admin
    url.database = name
    return url
  }

  /// Runs a test's fixed statements (`;`-separated, no values bound) on the database of `url`, and returns the tables
  /// of its schema on the search path then: how a test puts another program's table in a scratch database and sees
  /// that coach wrote none of its own beside it.
  package static func scratchScript(_ url: PostgresURL, _ sql: String) throws -> [String] {
    let pool = try PGPool(url: url)
    defer { pool.close() }
    return try pool.withConnection { c in
      if !sql.isEmpty { try c.script(sql) }
      return try c.rows(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1"
      ).map { try $0.get(0, String.self) }
    }
  }

  /// The first column of a test's fixed query on the database of `url`, as text.
  package static func scratchQuery(_ url: PostgresURL, _ sql: String) throws -> [String] {
    let pool = try PGPool(url: url)
    defer { pool.close() }
    return try pool.withConnection { c in try c.rows(sql).map { try $0.text(0) ?? "" } }
  }

  /// Drops a database made by `createScratchDatabase` (its connections are ended first).
  package static func dropScratchDatabase(_ url: PostgresURL, admin: PostgresURL) throws {
    let name = url.database
    precondition(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
    let pool = try PGPool(url: admin)
    defer { pool.close() }
    try pool.withConnection { c in try c.script("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
  }
}

extension PostgresStore {
  /// Every schema version (migration name) of the PostgreSQL schema, oldest first: `AppDatabase.schemaVersions`.
  public static var schemaVersions: [String] { PostgresMigrations.names }
}
