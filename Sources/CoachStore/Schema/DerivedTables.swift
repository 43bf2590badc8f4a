import CoachCore
import CoachStoreAPI
import GRDB

/// The tables kept by triggers from other tables (`delivery`, v4, with its day counts `deliveryDay`, v14; `lastTouch`,
/// v6): which leads' rows differ from what their sources give, and the repair that rewrites those rows. What a row
/// should be is said once, in `Migrations` (`deliveries`, `deliveryDays`, `latestTouch`); this file only compares
/// and copies.
enum DerivedTables {
  // MARK: - lastTouch (v6)

  /// Whether lead `l`'s stored row of `kind` differs from its latest touch of that kind (a missing row on either
  /// side is a row of NULLs: two missing rows agree).
  static func lastTouchDiffers(_ kind: Int) -> String {
    """
    (SELECT \(Migrations.lastTouchColumns) FROM lastTouch WHERE leadId = l.id AND kind = \(kind))
      IS NOT (\(Migrations.latestTouch(kind, of: "l.id")))
    """
  }

  /// The lead ids whose `lastTouch` rows are wrong: missing, changed or extra (rows of a kind other than 0 and 1,
  /// or of a lead that does not exist, count by their lead id). One search of each index per lead and kind.
  static let lastTouchWrongLeads = """
    SELECT l.id FROM lead l WHERE \(lastTouchDiffers(0)) OR \(lastTouchDiffers(1))
    UNION
    SELECT leadId FROM lastTouch WHERE kind NOT IN (0, 1) OR leadId NOT IN (SELECT id FROM lead)
    """

  // MARK: - delivery (v4)

  /// Event ids of `delivery` rows that should not be there as they are (stray or changed).
  static let staleDeliveries =
    "SELECT eventId FROM (SELECT eventId, at, model FROM delivery EXCEPT \(Migrations.deliveries))"
  /// Event ids of deliveries missing from `delivery`, or there with other values.
  static let missingDeliveries =
    "SELECT id FROM (\(Migrations.deliveries) EXCEPT SELECT eventId, at, model FROM delivery)"
  /// Leads with a wrong `delivery` row, plus wrong rows whose event does not exist (each counts as one).
  static let deliveryWrongLeads = """
    SELECT COUNT(DISTINCT e.leadId) + COALESCE(SUM(e.id IS NULL), 0)
    FROM (\(staleDeliveries) UNION \(missingDeliveries)) k LEFT JOIN stageEvent e ON e.id = k.eventId
    """

  // MARK: - deliveryDay (v14), checked and rebuilt with `delivery`

  /// Days and models whose `deliveryDay` count differs from `delivery`'s (missing, extra or another count).
  static let wrongDeliveryDays = """
    SELECT COUNT(*) FROM (
      SELECT day, model FROM (SELECT day, model, n FROM deliveryDay EXCEPT \(Migrations.deliveryDays))
      UNION SELECT day, model FROM (\(Migrations.deliveryDays) EXCEPT SELECT day, model, n FROM deliveryDay))
    """

  // MARK: - Check and repair

  /// Leads whose derived rows differ from their sources, by table key (every table that exists, 0 when right).
  static func mismatches(_ db: Database) throws -> [String: Int] {
    var out: [String: Int] = [:]
    if try db.tableExists("delivery") {
      out["delivery"] = try Int.fetchOne(db, sql: deliveryWrongLeads) ?? 0
      // A wrong day's count is one more thing to repair (it names no lead).
      if try db.tableExists("deliveryDay") { out["delivery"]! += try Int.fetchOne(db, sql: wrongDeliveryDays) ?? 0 }
    }
    if try db.tableExists("lastTouch") {
      out["last_touch"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(lastTouchWrongLeads))") ?? 0
    }
    return out
  }

  /// Rewrites the wrong rows of both tables from their sources, and says what changed. Every lead is compared, so
  /// afterwards each table equals one computed afresh; nothing is written when nothing differs.
  static func repair(_ db: Database) throws -> [String: DerivedRepair.Change] {
    var out: [String: DerivedRepair.Change] = [:]
    if try db.tableExists("delivery") {
      let leads = try Int.fetchOne(db, sql: deliveryWrongLeads) ?? 0
      try db.execute(sql: "DELETE FROM delivery WHERE eventId IN (\(staleDeliveries))")
      let removed = db.changesCount
      try db.execute(
        sql: """
          INSERT INTO delivery (eventId, at, model)
            SELECT * FROM (\(Migrations.deliveries)) WHERE id IN (\(missingDeliveries))
          """)
      var change = DerivedRepair.Change(wrongLeads: leads, rowsRemoved: removed, rowsWritten: db.changesCount)
      // The day counts follow the repaired rows by trigger; counts written around the triggers are rewritten whole.
      if try db.tableExists("deliveryDay"), let days = try Int.fetchOne(db, sql: wrongDeliveryDays), days > 0 {
        change.wrongLeads += days
        try db.execute(sql: "DELETE FROM deliveryDay")
        change.rowsRemoved += db.changesCount
        try db.execute(sql: "INSERT INTO deliveryDay (day, model, n) \(Migrations.deliveryDays)")
        change.rowsWritten += db.changesCount
      }
      out["delivery"] = change
    }
    if try db.tableExists("lastTouch") {
      let wrong = try Int64.fetchAll(db, sql: lastTouchWrongLeads)
      let remove = try db.makeStatement(sql: "DELETE FROM lastTouch WHERE leadId = ?")
      // A lead that does not exist keeps no rows, whatever touches point at it (as v6 filled the table).
      let write = try [0, 1].map { kind in
        try db.makeStatement(
          sql: """
            INSERT INTO lastTouch (\(Migrations.lastTouchColumns))
              SELECT * FROM (\(Migrations.latestTouch(kind, of: "?1"))) WHERE EXISTS (SELECT 1 FROM lead WHERE id = ?1)
            """)
      }
      var change = DerivedRepair.Change(wrongLeads: wrong.count, rowsRemoved: 0, rowsWritten: 0)
      for lead in wrong {
        try remove.execute(arguments: [lead])
        change.rowsRemoved += db.changesCount
        for statement in write {
          try statement.execute(arguments: [lead])
          change.rowsWritten += db.changesCount
        }
      }
      out["last_touch"] = change
    }
    let left = try mismatches(db).filter { $0.value > 0 }
    guard left.isEmpty else {
      throw CoachError.internalError(
        "rebuilding the derived tables left rows that differ (\(left)); nothing was written")
    }
    return out
  }
}

extension AppDatabase {
  /// Leads whose rows in the trigger-kept tables (`delivery`, `last_touch`) differ from their sources, by table;
  /// reads only.
  public func derivedMismatches() throws -> [String: Int] {
    try writer.read { db in try DerivedTables.mismatches(db) }
  }

  /// Rewrites, in one write transaction, every row of `delivery` and `lastTouch` that differs from its sources,
  /// and says what changed: safe at any time, and a second run changes nothing. Throws (writing nothing) if the
  /// tables still differ afterwards.
  public func rebuildDerived() throws -> DerivedRepair {
    try writer.write { db in DerivedRepair(tables: try DerivedTables.repair(db)) }
  }
}
