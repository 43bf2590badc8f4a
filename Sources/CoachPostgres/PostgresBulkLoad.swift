/// A first load: an import into tables that hold no row yet (a dealership's history brought in once) writes them
/// without their foreign keys and secondary indexes, and adds them back before it commits, as `pg_restore` does. Per
/// row, a key costs a look-up in the parent table and an index a random insert; added back, a key is checked by one
/// join and an index built by one sort. On the mature data (this 2-core machine), the 2,000,000 touches' `COPY` took
/// 29 s with both, 17 s without the key, 5.5 s without either, and 3.6 s more to build the index and check the key.
///
/// The price is the lock: dropping a key takes an ACCESS EXCLUSIVE lock on its table and on the one it references,
/// so readers of those tables wait until the import commits. That is why only a first load does it; any later import
/// writes row by row with every key and index in place, and readers go on. Unique indexes and primary keys stay (they
/// are how a repeat is refused). Every step is inside the import's transaction: a rollback, an error or a killed
/// process leaves the keys and indexes as they were.
struct PGBulkLoad {
  /// The statements that put back what was set aside, in order: indexes first, then keys.
  private let restore: [String]
  /// The tables' `ANALYZE`s.
  private let statistics: [String]

  /// Sets aside the foreign keys and non-unique indexes of each of `tables` (names as SQL writes them) when the first
  /// of them holds no row, keeping a key whose parent table is in `keep` (e.g. `"user"`, which every command reads).
  /// Returns nil, setting nothing aside, when that table has rows.
  static func ifFirstLoad(_ c: PGConnection, _ tables: [String], keep: Set<String> = []) throws -> PGBulkLoad? {
    guard let first = tables.first,
      try c.scalar("SELECT NOT EXISTS (SELECT 1 FROM \(first))", as: Bool.self) == true
    else { return nil }
    var drops: [String] = []
    var indexes: [String] = []
    var keys: [String] = []
    for table in tables {
      for r in try c.rows(
        """
        SELECT quote_ident(n.nspname) || '.' || quote_ident(ci.relname), pg_get_indexdef(i.indexrelid)
        FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ci.relnamespace
        WHERE i.indrelid = ?::regclass AND NOT i.indisunique AND NOT i.indisprimary
        ORDER BY ci.relname
        """, [table])
      {
        drops.append("DROP INDEX \(try r.get(0, String.self))")
        indexes.append(try r.get(1, String.self))
      }
      for r in try c.rows(
        """
        SELECT quote_ident(conname), pg_get_constraintdef(oid), confrelid::regclass::text FROM pg_constraint
        WHERE conrelid = ?::regclass AND contype = 'f' ORDER BY conname
        """, [table])
      {
        let name = try r.get(0, String.self)
        guard !keep.contains(try r.get(2, String.self)) else { continue }
        drops.append("ALTER TABLE \(table) DROP CONSTRAINT \(name)")
        keys.append("ALTER TABLE \(table) ADD CONSTRAINT \(name) \(try r.get(1, String.self))")
      }
    }
    for statement in drops { try c.script(statement) }
    // The tables' statistics, for the import's own statements that read what it wrote (the touched leads' last
    // touches, their stored follow-ups): planned on an empty table's, those sorted all 2,000,000 touches.
    return PGBulkLoad(restore: indexes + keys, statistics: tables.map { "ANALYZE \($0)" })
  }

  /// Builds the indexes, checks and adds the keys set aside, and gathers the tables' statistics unless
  /// `analyzing` is false (an import that reads nothing more and is vacuumed and analyzed once it commits): after
  /// the last row is written, before the commit.
  func finish(_ c: PGConnection, analyzing: Bool = true) throws {
    for statement in restore + (analyzing ? statistics : []) { try c.script(statement) }
  }
}
