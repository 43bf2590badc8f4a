import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

/// Writes imported lead rows one at a time inside the import's transaction; remembers only the consultants.
struct LeadImportWriter {
  let db: Database
  let now: Date
  let actor: String?
  private let statements: LeadImportStatements
  private var consultants: [String: Int64]
  /// Consultants created, in the order their first row came.
  private(set) var created: [String] = []
  /// No lead had an external id before this import, and the rows' external ids are distinct (a parsed file's
  /// repeats are bad rows): none of them can be in the database, so none is looked up.
  private let externalIDsAreNew: Bool

  /// `distinctExternalIDs`: the caller guarantees that no two rows given share an external id (a streamed file).
  init(_ db: Database, now: Date, actor: String?, distinctExternalIDs: Bool = false, setAsideAtLeast: Int = 10_000)
    throws
  {
    self.db = db
    self.now = now
    self.actor = actor
    statements = try LeadImportStatements(db, actor: actor, batched: distinctExternalIDs)
    let anyExternalID = try Bool.fetchOne(db, sql: "SELECT 1 FROM lead WHERE externalId IS NOT NULL LIMIT 1") != nil
    externalIDsAreNew = distinctExternalIDs && !anyExternalID
    consultants = try Dictionary(
      Row.fetchAll(db, sql: "SELECT id, name FROM user").map { ($0["name"] as String, $0["id"] as Int64) },
      uniquingKeysWith: { a, _ in a })
    // A store's user imports into their store: the consultants made go there, those of other stores are bad rows.
    store = try actor.flatMap {
      try Int64.fetchOne(
        db, sql: "SELECT storeId FROM user WHERE name = ? AND role <> 'group_admin'", arguments: [$0])
    }
    if let store {
      elsewhere = try Set(
        String.fetchAll(db, sql: "SELECT name FROM user WHERE storeId IS NOT ?", arguments: [store]))
    }
    lastLeadBefore = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM lead") ?? 0
    setAsideAfter = max(setAsideAtLeast, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead") ?? 0)
    followUpTriggers = try SetAsideTriggers.setAside(db, like: "followUp\\_on\\_%")
    deliveryDayTriggers = try SetAsideTriggers.setAside(db, like: "deliveryDay\\_on\\_insert")
    deliveryTriggers = try SetAsideTriggers.setAside(db, like: "delivery\\_on\\_event")
  }

  /// The importing user's store, if any, and the names of the users of other stores (or of none).
  private let store: Int64?
  private var elsewhere: Set<String> = []

  /// The largest lead id before this import: the leads after it are the import's.
  private let lastLeadBefore: Int64
  /// The rows' phones, for the report's shared phones.
  private var phones = SharedPhoneFinder()
  /// Rows written, and the count at which the indexes of `lead` and `followUp` that the import does not search are
  /// set aside (`SetAsideIndexes`) until `finish`: as many as `lead` held, and at least `setAsideAtLeast` (10,000).
  /// The consultant-first ones take each row at one of as many places as there are consultants, about a microsecond a
  /// row and index; built once at the end they cost about half (100k leads over 40 consultants: 0.40 s of the writer's
  /// time against 0.23 s). `lead_on_customerId` stays: a row's customer is searched through it.
  private var written = 0
  private let setAsideAfter: Int
  private var setAsideIndexes: [String] = []
  /// The stored follow-ups' triggers (v9), set aside for this transaction like the touch import's: run per row they
  /// cost a lead import about a third more (a row made per lead, a row cleared per tag and stage event).
  private let followUpTriggers: [String]
  /// The per-day delivery counts' insert trigger (v14), set aside too: `finish` counts the new leads' deliveries
  /// at once (an upsert per delivered lead cost a mature import of 100k leads 14 %).
  private let deliveryDayTriggers: [String]
  /// The delivery row's trigger of a `delivered` stage event (v4), set aside too: `finish` writes the new delivered
  /// leads' rows in one statement (run per event, it was a third of the stage events' inserts on the mature data).
  private let deliveryTriggers: [String]

  /// Writes `row` (when `insert`) and returns nil, or returns why it is a bad row (its external id is in the
  /// database; repeats within the file are found by the parser before they get here). A row without an external id
  /// whose name and phone a lead from before this import has is that lead imported again (a file run twice): rows
  /// of this file alone may share a customer, as rows with external ids may.
  mutating func write(_ row: ImportedLead, insert: Bool) throws -> ImportProblem? {
    if !externalIDsAreNew, let ext = row.externalID, try statements.leadExists(externalID: ext) {
      return .existingID(id: ext)
    }
    if row.externalID == nil, lastLeadBefore > 0,
      let lead = try statements.earlierLead(phone: row.phone, name: row.name, upTo: lastLeadBefore)
    {
      return .sameCustomer(name: row.name, phone: row.phone, lead: lead)
    }
    if let name = row.consultant, elsewhere.contains(name) { return .otherStore(consultant: name) }
    guard insert else { return nil }
    var consultantID: Int64?
    if let name = row.consultant {
      if let id = consultants[name] {
        consultantID = id
      } else {
        try statements.flush()
        try db.execute(
          sql: "INSERT INTO user (name, role, createdAt, storeId) VALUES (?, 'consultant', ?, ?)",
          arguments: [name, now, store])
        consultants[name] = db.lastInsertedRowID
        consultantID = db.lastInsertedRowID
        created.append(name)
      }
    }
    try statements.insert(row, consultantID: consultantID, createdAt: row.createdAt ?? now)
    phones.see(row)
    written += 1
    if written == setAsideAfter {
      setAsideIndexes = try SetAsideIndexes.setAside(db, on: ["lead", "followUp"], keeping: ["lead_on_customerId"])
    }
    return nil
  }

  /// Writes the rows that wait (call after the last row, before the transaction ends), makes the new leads' stored
  /// follow-up rows and clears those of other leads of the customers they share, writes the new deliveries and their
  /// per-day counts, and puts the triggers back.
  mutating func finish() throws {
    try statements.flush()
    try db.execute(
      sql: "INSERT OR IGNORE INTO followUp (leadId, consultantId) SELECT id, consultantId FROM lead WHERE id > ?",
      arguments: [lastLeadBefore])
    try db.execute(
      sql: """
        UPDATE followUp SET asOf = NULL, rev = rev + 1 WHERE leadId IN (
          SELECT o.id FROM lead n JOIN lead o ON o.customerId = n.customerId WHERE n.id > ?1 AND o.id <= ?1)
        """, arguments: [lastLeadBefore])
    if !deliveryTriggers.isEmpty {
      try db.execute(
        sql: "INSERT INTO delivery (eventId, at, model) \(Migrations.deliveries) AND e.leadId > ?",
        arguments: [lastLeadBefore])
    }
    if !deliveryDayTriggers.isEmpty {
      // Only the new leads have new deliveries: an import adds leads and never changes one it finds.
      let newDeliveries =
        "(SELECT d.at, d.model FROM delivery d JOIN stageEvent e ON e.id = d.eventId WHERE e.leadId > ?)"
      try db.execute(
        sql: """
          INSERT INTO deliveryDay (day, model, n)
            SELECT * FROM (\(Migrations.dayCounts(of: newDeliveries))) WHERE true
          ON CONFLICT (day, model) DO UPDATE SET n = n + excluded.n
          """, arguments: [lastLeadBefore])
    }
    try SetAsideTriggers.restore(setAsideIndexes, db)
    setAsideIndexes = []
    try SetAsideTriggers.restore(followUpTriggers + deliveryDayTriggers + deliveryTriggers, db)
  }

  /// The rows written whose phone an earlier row of the file or a lead from before the import has: after `finish`,
  /// in the transaction.
  func sharedPhones() throws -> [SharedPhone] {
    var before: [String: Int64] = [:]
    if lastLeadBefore > 0 {
      for row in try Row.fetchAll(
        db, sql: SharedPhoneFinder.beforeQuery, arguments: [lastLeadBefore + 1, lastLeadBefore + 1])
      {
        before[row[0]] = row[1]
      }
    }
    return phones.all(before: before)
  }
}

/// Setting triggers aside inside one transaction (those whose names are `LIKE` the pattern, `\` escaping), for a
/// bulk write that does their work itself at its end (the stored follow-ups' of v9, the day counts' of v14); never
/// missing outside it (a failed import rolls back to them).
enum SetAsideTriggers {
  static func setAside(_ db: Database, like pattern: String) throws -> [String] {
    let triggers = try Row.fetchAll(
      db,
      sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\\'",
      arguments: [pattern])
    for trigger in triggers {
      let name: String = trigger["name"]
      try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
    }
    return triggers.map { $0["sql"] }
  }

  static func restore(_ triggers: [String], _ db: Database) throws {
    for sql in triggers { try db.execute(sql: sql) }
  }
}

/// Setting a bulk write's indexes aside inside its transaction, to build them once at its end (`SetAsideTriggers
/// .restore` runs their stored SQL again): a B-tree built from the sorted table costs about half of keeping it row by
/// row. Only indexes with stored SQL that enforce nothing (a unique index is a constraint and stays), of `tables`,
/// except those named in `keeping` (what the write itself searches). Never missing outside the transaction: a failed
/// write rolls back to them.
enum SetAsideIndexes {
  static func setAside(_ db: Database, on tables: [String], keeping: Set<String> = []) throws -> [String] {
    let indexes = try Row.fetchAll(
      db,
      sql: """
        SELECT m.name, m.sql FROM sqlite_master m
        WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.tbl_name IN (\(tables.map { _ in "?" }.joined(separator: ",")))
          AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.tbl_name) p WHERE p.name = m.name AND p."unique")
        ORDER BY m.rowid
        """, arguments: StatementArguments(tables))
    var kept: [String] = []
    for index in indexes {
      let name: String = index["name"]
      guard !keeping.contains(name) else { continue }
      try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
      kept.append(index["sql"])
    }
    return kept
  }
}

/// Writes imported touch rows one at a time; remembers lead ids by external id in a bounded cache.
struct TouchImportWriter {
  private static let cacheLimit = 100_000
  let db: Database
  let actor: String?
  private let leadSQL: String
  private let scopeArguments: StatementArguments
  /// External id → lead id (nil: no lead the scope may see).
  private var cache: [String: Int64?] = [:]
  /// The touch row `TouchWriter.insert` writes for an import row (no objections), prepared once.
  private let touchInsert: ImportStatement
  /// Leads given touches: their `lastTouch` rows are written by `finish`, the insert trigger being set aside.
  private var touched = LeadIDSet()
  /// The `lastTouch` insert trigger (v6) as stored, dropped for this transaction and put back by `finish`.
  private var insertTrigger: String?
  /// The stored follow-ups' touch trigger (v9), set aside the same way: `finish` clears the touched leads' rows.
  private var followUpTrigger: String?
  /// The touch table's indexes as stored, once set aside for a large import (`setAsideAfter`); `finish` builds
  /// them again before anything reads them.
  private var setAsideIndexes: [String] = []
  /// Rows written, and the count at which the indexes are set aside: as many as the table held before (its
  /// largest id), and at least `setAsideAtLeast` (100,000). Building an index once costs about half of keeping it
  /// row by row at that size (the rows land at random places of an index much larger than the page cache), so an
  /// import gains once it has written as many rows as the table holds, and a small one never pays for a rebuild.
  private var written = 0
  private let setAsideAfter: Int
  /// The largest touch id before this import (0: none): a row identical to one of those touches is a bad row.
  private let lastTouchBefore: Int64
  /// Finds such a touch: through `touch_by_lead`, or once it is set aside, through a copy of the keys of the touches
  /// from before the import (`keepOldTouchKeys`).
  private var sameTouch: ImportStatement?
  private var oldKeysCopied = false
  /// The zone times are named in (the import's `--tz`).
  private let zone: TimeZone

  init(_ db: Database, actor: String?, scope: Scope, zone: TimeZone = .gmt, setAsideAtLeast: Int = 100_000) throws {
    self.db = db
    self.actor = actor
    self.zone = zone
    let (cond, args) = scope.condition
    leadSQL = "SELECT l.id FROM lead l WHERE \(cond) AND l.externalId = ?"
    scopeArguments = args
    // Dropped inside the import's transaction, so no other writer ever runs without it: a failed import rolls back
    // to the trigger, a finished one puts it back (`finish`) before the commit.
    insertTrigger = try String.fetchOne(
      db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'lastTouch_on_insert'")
    if insertTrigger != nil { try db.execute(sql: "DROP TRIGGER lastTouch_on_insert") }
    followUpTrigger = try String.fetchOne(
      db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
      arguments: [Migrations.followUpTouchInsertTrigger])
    if followUpTrigger != nil { try db.execute(sql: "DROP TRIGGER \(Migrations.followUpTouchInsertTrigger)") }
    touchInsert = try ImportStatement(
      db,
      "INSERT INTO touch (leadId, at, channel, outcome, note, objections, nextAt, actor) VALUES (?,?,?,?,?,NULL,?,?)")
    lastTouchBefore = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM touch") ?? 0
    setAsideAfter = max(setAsideAtLeast, Int(lastTouchBefore))
    if lastTouchBefore > 0 {
      sameTouch = try ImportStatement(
        db, "SELECT 1 FROM touch WHERE leadId = ? AND at = ? AND channel = ? AND outcome = ? AND id <= ?")
    }
  }

  /// Whether a touch from before the import has the row's lead, time, channel and outcome.
  private func isOld(_ row: ImportedTouch, leadID: Int64) throws -> Bool {
    guard let s = sameTouch else { return false }
    try s.bind(1, leadID)
    try s.bind(2, date: row.at)
    try s.bind(3, row.channel.rawValue)
    try s.bind(4, row.outcome.rawValue)
    if !oldKeysCopied { try s.bind(5, lastTouchBefore) }
    return try s.exists()
  }

  /// Before the touch indexes are set aside: the keys of the touches from before the import, copied to a temporary
  /// table with an index of its own, for `isOld`. They are fewer than the rows already written (the indexes are set
  /// aside once as many rows are written as the table held), so the copy costs less than what the import saves.
  private mutating func keepOldTouchKeys() throws {
    guard lastTouchBefore > 0 else { return }
    try db.execute(
      sql: """
        CREATE TEMP TABLE importOldTouch AS SELECT leadId, at, channel, outcome FROM main.touch WHERE id <= ?;
        CREATE INDEX temp.importOldTouch_key ON importOldTouch (leadId, at, channel, outcome);
        """, arguments: [lastTouchBefore])
    sameTouch = try ImportStatement(
      db, "SELECT 1 FROM temp.importOldTouch WHERE leadId = ? AND at = ? AND channel = ? AND outcome = ?")
    oldKeysCopied = true
  }

  /// Drops the touch table's indexes for the rest of this transaction, keeping their stored SQL for `finish`. Like
  /// the trigger, they are never missing outside it: a failed import rolls back to them.
  private mutating func setIndexesAside() throws {
    try keepOldTouchKeys()
    setAsideIndexes = try SetAsideIndexes.setAside(db, on: ["touch"])
    // The import's large page cache (`useImportCache`) served inserts at random places of the touch index; rows
    // appended to the table alone need few pages, and so does the index's rebuild, which sorts in temporary files
    // past the cache's size (a small cache took 2M touches' index from 2.9 s and 71 MB to 2.1 s and 21 MB). Kept
    // small to the commit: 2M touches' peak 120 → 107 MB, no slower.
    try db.execute(sql: "PRAGMA cache_size = -\(Self.setAsideCacheKiB)")
  }

  /// The page cache, in KiB, once the touch indexes are set aside.
  static let setAsideCacheKiB = 8_192

  /// Builds the indexes set aside again, writes the `lastTouch` rows (v6) of every lead given touches, from its
  /// touches, and puts the insert trigger back: call it once, after the last row, inside the same transaction.
  mutating func finish() throws {
    if oldKeysCopied {
      sameTouch = nil
      oldKeysCopied = false
      try db.execute(sql: "DROP TABLE temp.importOldTouch")
    }
    if !setAsideIndexes.isEmpty {
      // Built with the small cache set when they were set aside.
      try SetAsideTriggers.restore(setAsideIndexes, db)
      setAsideIndexes = []
    }
    // The touched leads' rows, set-wise: one statement per kind over the list of leads (a JSON array), and one
    // clearing their stored follow-ups, instead of three statements per lead (100k leads: 1.7 s of the writer's
    // time). The rows are the ones the per-lead statements wrote (`Migrations.latestTouch`).
    let leads = touched.json
    for kind in [0, 1] {
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO lastTouch (\(Migrations.lastTouchColumns))
            SELECT t.leadId, \(kind), t.id, t.at, t.channel, t.outcome, t.nextAt, t.objections, t.actor
            FROM json_each(?) j CROSS JOIN touch t
            WHERE t.id = (\(Migrations.latestTouchID(kind, of: "j.value")))
          """, arguments: [leads])
    }
    if followUpTrigger != nil {
      try db.execute(sql: Migrations.clearFollowUps(in: "SELECT value FROM json_each(?)"), arguments: [leads])
    }
    touched = LeadIDSet()
    if let insertTrigger { try db.execute(sql: insertTrigger) }
    insertTrigger = nil
    if let followUpTrigger { try db.execute(sql: followUpTrigger) }
    followUpTrigger = nil
  }

  /// Writes `row` (when `insert`) and returns nil, or returns why it is a bad row (no lead the scope may see, or a
  /// touch the database held before the import: a file run twice; a row repeating an earlier one of the same file is
  /// found by the parse, `RowProcessor`). A touch older than its lead is kept: a lead imported without `created_at`
  /// is created at the import, after the history its sheet's touches carry.
  mutating func write(_ row: ImportedTouch, insert: Bool) throws -> ImportProblem? {
    guard let leadID = try lead(row.leadExternalID) else {
      return .unknownLead(id: row.leadExternalID)
    }
    if try isOld(row, leadID: leadID) {
      return .sameTouch(
        lead: row.leadExternalID, at: TimeParsing.iso(row.at, zone: zone), channel: row.channel.rawValue,
        outcome: row.outcome.rawValue)
    }
    guard insert else { return nil }
    let s = touchInsert
    try s.bind(1, leadID)
    try s.bind(2, date: row.at)
    try s.bind(3, row.channel.rawValue)
    try s.bind(4, row.outcome.rawValue)
    try s.bind(5, row.note)
    try s.bind(6, date: row.nextAt)
    try s.bind(7, actor)
    try s.execute()
    if !row.levers.isEmpty {
      let touchID = db.lastInsertedRowID
      for (position, lever) in row.levers.enumerated() {
        try db.cachedStatement(sql: "INSERT INTO touchLever (touchId, position, leadId, lever) VALUES (?,?,?,?)")
          .execute(arguments: [touchID, position, leadID, lever.rawValue])
      }
    }
    touched.insert(leadID)
    written += 1
    if written == setAsideAfter { try setIndexesAside() }
    return nil
  }

  private mutating func lead(_ externalID: String) throws -> Int64? {
    if let known = cache[externalID] { return known }
    let id = try Int64.fetchOne(
      db.cachedStatement(sql: leadSQL), arguments: scopeArguments + [externalID])
    if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
    cache[externalID] = .some(id)
    return id
  }
}

/// Lead ids, kept as a bitmap (rowids are small and dense): inserting one costs a shift and an or, where a hashed
/// set cost a touch import a third of a second per 2M rows. Ids outside the bitmap's range go to a plain set.
struct LeadIDSet {
  private var words: [UInt64] = []
  private var others = Set<Int64>()

  mutating func insert(_ id: Int64) {
    guard id >= 0, id < 1 << 26 else {
      others.insert(id)
      return
    }
    let word = Int(id >> 6)
    if word >= words.count { words += repeatElement(0, count: max(word + 1 - words.count, words.count)) }
    words[word] |= 1 << UInt64(id & 63)
  }

  /// Every id, ascending.
  var sorted: [Int64] {
    var ids = others.sorted()
    for (w, word) in words.enumerated() where word != 0 {
      var bits = word
      while bits != 0 {
        ids.append(Int64(w << 6 + bits.trailingZeroBitCount))
        bits &= bits - 1
      }
    }
    return ids.sorted()
  }

  /// The ids as a JSON array, for `json_each`.
  var json: String {
    "[" + sorted.map(String.init).joined(separator: ",") + "]"
  }
}
