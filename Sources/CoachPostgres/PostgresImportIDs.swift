import PostgresNIO

/// Ids an import gives its rows, in row order, as SQLite gives them (an AUTOINCREMENT table's next id is one past the
/// largest it ever gave or holds), so that the same file gives the same ids on both engines. A sequence's numbers
/// are not given back when a transaction rolls back (a dry run, a strict refusal, an interrupted import), SQLite's
/// are: so the import takes its ids itself, under a lock that keeps every other writer out of the table until it
/// commits, and moves the table's sequence past them just before (`finish`), so that later writers go on from there.
struct PGImportIDs {
  let table: String
  private(set) var next: Int64
  private let first: Int64

  /// The ids of `table` (its name as SQL writes it, e.g. `"user"`); the caller holds a lock that keeps other writers
  /// out of it (`PGImportLock`).
  init(_ c: PGConnection, table: String) throws {
    self.table = table
    let largest = try c.scalar(
      """
      SELECT COALESCE(GREATEST(pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass),
        (SELECT max(id) FROM \(table))), 0)
      """, [table], as: Int64.self)
    first = (largest ?? 0) + 1
    next = first
  }

  mutating func take() -> Int64 {
    defer { next += 1 }
    return next
  }

  /// Moves the table's sequence to the last id taken (nothing when none was): call it last, before the commit.
  func finish(_ c: PGConnection) throws {
    guard next > first else { return }
    try c.execute("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, true)", [table, next - 1])
  }
}

/// The tables an import writes, locked for its transaction in SHARE ROW EXCLUSIVE mode: other writers of them wait
/// until it ends (SQLite's single writer does the same for the whole file), readers go on reading. Taken as the
/// transaction's first statement, so its snapshot sees every write committed before it (PostgreSQL takes a
/// SERIALIZABLE snapshot at the first query, and LOCK is not one).
enum PGImportLock {
  static func take(_ c: PGConnection, _ tables: [String]) throws {
    try c.script("LOCK TABLE \(tables.joined(separator: ", ")) IN SHARE ROW EXCLUSIVE MODE")
  }
}

/// Text values bound as one `text[]` parameter (a look-up of many keys in one statement).
struct PGTextArray: PGArg {
  let values: [String]
  init(_ values: [String]) { self.values = values }
  func bind(into b: inout PostgresBindings) throws { try b.append(values) }
}

/// Row triggers set aside for an import's transaction (`ALTER TABLE … DISABLE TRIGGER`, which takes the lock mode the
/// import already holds: readers go on) and put back before it commits; a rollback puts them back too, so no other
/// transaction ever runs without them. Names are fixed words of this module.
enum PGImportTriggers {
  static func setAside(_ c: PGConnection, _ triggers: [(table: String, name: String)]) throws {
    for t in triggers { try c.script("ALTER TABLE \(t.table) DISABLE TRIGGER \(t.name)") }
  }

  static func restore(_ c: PGConnection, _ triggers: [(table: String, name: String)]) throws {
    for t in triggers { try c.script("ALTER TABLE \(t.table) ENABLE TRIGGER \(t.name)") }
  }
}
