import CoachCore
import CoachStoreAPI
import Foundation

/// `coach migrate --from FILE.sqlite --to postgres://… --store S`: one showroom's SQLite database copied into a store
/// of a group's PostgreSQL database in one transaction (all of it or none of it).
///
/// Every row gets a new id here; `movedRow` keeps each (table, id there) → id here for the store, so that a second
/// run copies only what the showroom added since (a touch on a lead already moved goes to that lead) and never a row
/// twice. A second run also brings the rows it moved before up to the showroom's present state: a lead's stage,
/// consultant, grade or tags, a customer's details, a user's role, team or password, a topic resolved or a snooze
/// lifted since, and a profile fact replaced (its old row removed here). The store keeps one showroom: a file whose
/// users or leads are not the ones moved before (another showroom, or a database started anew) is refused. Rows
/// without an id of their own (a lead's tags, a touch's levers) come with their lead or touch. The derived tables (`delivery`, `lastTouch`, stored follow-ups) are written once for the rows copied, as an import
/// writes them (`PGStoreMover.triggers`); browser sessions are not copied (users log in again). After the copy, each
/// table's rows of the store are counted against the source's.
public struct StoreMove: Sendable {
  /// How one table went: rows copied now, rows already copied by an earlier run, and of those the ones brought up to
  /// the showroom's present state (`updated`) or removed because the showroom no longer has them (`removed`).
  public struct Table: Sendable, Hashable {
    public let table: String
    public let copied: Int
    public let before: Int
    public var updated = 0
    public var removed = 0
  }

  public let store: String
  public let tables: [Table]
}

/// A column of a copied table, and how its value is carried over.
enum MovedColumn {
  case id
  /// An id of another copied table, mapped to its id here.
  case ref(String)
  case text, int, double, bool, time
  /// `user.storeId`: the store moved into.
  case store
}

struct MovedTable {
  let table: String
  let columns: [(name: String, kind: MovedColumn)]
  /// For a table without ids: the column naming its parent row, copied only with a parent copied in this run.
  let parent: (column: String, table: String)?

  var hasID: Bool { columns.first?.name == "id" }
  /// The order rows are read in: by id, or by the table's key (tables without ids have no rowid either).
  var order: String { hasID ? "id" : "\"\(columns[0].name)\", \"\(columns[1].name)\"" }
  var pgName: String { table == "user" ? "\"user\"" : table }
  /// Rows a showroom changes after writing them (the others are only ever added): a second run brings the rows it
  /// moved before up to date.
  var changes: Bool { ["user", "customer", "lead", "profileFact", "topic", "snooze"].contains(table) }

  static let all: [MovedTable] = [
    MovedTable(
      table: "user",
      columns: [
        ("id", .id), ("name", .text), ("role", .text), ("team", .text), ("createdAt", .time),
        ("passwordHash", .text), ("passwordChangedAt", .time), ("icsTokenHash", .text), ("storeId", .store),
        ("deactivatedAt", .time),
      ], parent: nil),
    MovedTable(
      table: "customer",
      columns: [
        ("id", .id), ("name", .text), ("phone", .text), ("wechat", .text), ("email", .text), ("gender", .text),
        ("birthday", .text), ("city", .text), ("createdAt", .time),
      ], parent: nil),
    MovedTable(
      table: "lead",
      columns: [
        ("id", .id), ("customerId", .ref("customer")), ("externalId", .text), ("consultantId", .ref("user")),
        ("source", .text), ("model", .text), ("grade", .text), ("tier", .text), ("stage", .text),
        ("createdAt", .time), ("updatedAt", .time),
      ], parent: nil),
    MovedTable(table: "leadTag", columns: [("leadId", .ref("lead")), ("tag", .text)], parent: ("leadId", "lead")),
    MovedTable(
      table: "profileFact",
      columns: [
        ("id", .id), ("customerId", .ref("customer")), ("key", .text), ("value", .text), ("createdAt", .time),
      ], parent: nil),
    MovedTable(
      table: "stageEvent",
      columns: [
        ("id", .id), ("leadId", .ref("lead")), ("fromStage", .text), ("toStage", .text), ("at", .time),
        ("actor", .text), ("reason", .text), ("note", .text), ("amount", .double), ("model", .text), ("eta", .text),
        ("date", .text),
      ], parent: nil),
    MovedTable(
      table: "touch",
      columns: [
        ("id", .id), ("leadId", .ref("lead")), ("at", .time), ("channel", .text), ("outcome", .text),
        ("note", .text), ("objections", .text), ("nextAt", .time), ("actor", .text),
      ], parent: nil),
    MovedTable(
      table: "objectionSaid",
      columns: [("id", .id), ("touchId", .ref("touch")), ("code", .text), ("text", .text), ("at", .time)],
      parent: nil),
    MovedTable(
      table: "touchLever",
      columns: [("touchId", .ref("touch")), ("position", .int), ("leadId", .ref("lead")), ("lever", .text)],
      parent: ("touchId", "touch")),
    MovedTable(
      table: "topic",
      columns: [
        ("id", .id), ("leadId", .ref("lead")), ("category", .text), ("text", .text), ("kind", .text),
        ("buriedAt", .time), ("buriedBy", .text), ("resolvedAt", .time), ("resolvedByTouch", .ref("touch")),
      ], parent: nil),
    MovedTable(
      table: "snooze",
      columns: [
        ("id", .id), ("leadId", .ref("lead")), ("untilDay", .text), ("reason", .text), ("actor", .text),
        ("at", .time), ("clearedAt", .time), ("clearedBy", .text),
      ], parent: nil),
    MovedTable(
      table: "exportLog",
      columns: [
        ("id", .id), ("at", .time), ("actor", .text), ("what", .text), ("format", .text), ("rows", .int),
        ("masked", .bool), ("target", .text),
      ], parent: nil),
    MovedTable(
      table: "leadEdit",
      columns: [
        ("id", .id), ("leadId", .ref("lead")), ("at", .time), ("actor", .text), ("field", .text), ("oldValue", .text),
        ("newValue", .text),
      ], parent: nil),
    MovedTable(
      table: "reassignLog",
      columns: [
        ("id", .id), ("at", .time), ("actor", .text), ("fromUser", .text), ("toUser", .text), ("leads", .int),
      ], parent: nil),
  ]
}

extension PostgresStore {
  /// Copies `source` into the store of code `store` (see `StoreMove`); refused, with nothing written, when a user
  /// name or a lead's external id of the showroom is already taken here by another store's row.
  public func move(from source: some TableRowSource, into store: String) throws -> StoreMove {
    let moved = try write { c in
      try PGImportLock.take(c, MovedTable.all.map(\.pgName) + ["movedRow"])
      let known = try c.rows("SELECT id, code FROM store ORDER BY code COLLATE \"C\"").map {
        (try $0.get(0, Int64.self), try $0.get(1, String.self))
      }
      guard let storeID = known.first(where: { $0.1 == store })?.0 else {
        throw CoachError.refused(.unknownStore(code: store, known: known.map(\.1)))
      }
      var mover = try PGStoreMover(c, storeID: storeID, storeCode: store)
      try mover.matchUsers(source)
      try mover.checkLeads(source)
      try PGImportTriggers.setAside(c, PGStoreMover.triggers)
      var tables: [StoreMove.Table] = []
      for spec in MovedTable.all {
        tables.append(try mover.copy(spec, from: source))
      }
      let tags = try mover.syncTags(source)
      if let i = tables.firstIndex(where: { $0.table == "leadTag" }) {
        tables[i] = StoreMove.Table(
          table: "leadTag", copied: tables[i].copied + tags.added, before: tables[i].before - tags.added,
          updated: 0, removed: tags.removed)
      }
      try mover.writeDerived()
      try PGImportTriggers.restore(c, PGStoreMover.triggers)
      return StoreMove(store: store, tables: tables)
    }
    tidyAfterBulkWrite(MovedTable.all.map(\.pgName) + ["movedRow", "delivery", "lastTouch", "followUp"])
    return moved
  }
}

/// The copy's state inside its transaction: the id maps by table, and the ids taken.
struct PGStoreMover {
  let c: PGConnection
  let storeID: Int64
  let storeCode: String
  /// id there → id here, by table: from earlier runs and this one.
  var maps: [String: [Int64: Int64]] = [:]
  /// The ids (there) of the rows copied in this run, by table.
  var fresh: [String: Set<Int64>] = [:]
  /// The first id (here) this run gave each table's rows: the rows copied now are those from it on.
  var firstID: [String: Int64] = [:]
  var newMappings = PGCopyRows("movedrow", ["storeid", "tbl", "sourceid", "targetid"])

  init(_ c: PGConnection, storeID: Int64, storeCode: String) throws {
    self.c = c
    self.storeID = storeID
    self.storeCode = storeCode
    for row in try c.rows("SELECT tbl, sourceId, targetId FROM movedRow WHERE storeId = ?", [storeID]) {
      maps[try row.get(0, String.self), default: [:]][try row.get(1, Int64.self)] = try row.get(2, Int64.self)
    }
  }

  /// A showroom user whose name a user here already has: the same person when that user is of this store (mapped,
  /// not copied); refused when of another store or of none.
  mutating func matchUsers(_ source: some TableRowSource) throws {
    var clashes: [String] = []
    try source.eachRow(of: "user", columns: ["id", "name"], orderBy: "id") { row in
      guard case .int(let id) = row[0], case .text(let name) = row[1] else { return }
      if let mapped = maps["user"]?[id] {
        // Moved before: the same user (a name is never changed), or this file is not the showroom moved before.
        let was = try c.scalar("SELECT name FROM \"user\" WHERE id = ?", [mapped], as: String.self)
        if let was, was != name {
          throw CoachError.refused(
            .movedFromAnotherShowroom(store: storeCode, detail: .user(id: id, there: name, here: was)))
        }
        return
      }
      guard let here = try c.rows("SELECT id, storeId FROM \"user\" WHERE name = ?", [name]).first else { return }
      if try here.int(1) == storeID {
        record("user", id, try here.get(0, Int64.self))
      } else {
        clashes.append(name)
      }
    }
    if !clashes.isEmpty { throw CoachError.refused(.movedNameTaken(names: clashes, store: storeCode)) }
  }

  /// The tags of the leads moved before, made the showroom's: tags added there since are added, tags removed there
  /// are removed (a new lead's tags come with it in `copy`). Leads whose tags changed have their stored follow-up
  /// worked out again. Returns the tags added and removed.
  mutating func syncTags(_ source: some TableRowSource) throws -> (added: Int, removed: Int) {
    guard let moved = maps["lead"] else { return (0, 0) }
    let firstNew = firstID["lead"] ?? Int64.max
    var rows = PGCopyRows("moved_leadtag", ["leadid", "tag"])
    try c.script("CREATE TEMP TABLE moved_leadtag (leadId bigint NOT NULL, tag text NOT NULL) ON COMMIT DROP")
    try source.eachRow(of: "leadTag", columns: ["leadId", "tag"], orderBy: "\"leadId\", \"tag\"") { row in
      guard case .int(let id) = row[0], let here = moved[id], here < firstNew, case .text(let tag) = row[1] else {
        return
      }
      rows.int(here)
      rows.text(tag)
      rows.endRow()
      if rows.count >= 5_000 { try rows.send(c) }
    }
    try rows.send(c)
    let changed = try c.rows(
      """
      WITH old AS (SELECT targetId AS id FROM movedRow WHERE storeId = ? AND tbl = 'lead' AND targetId < ?),
      gone AS (
        DELETE FROM leadTag t USING old WHERE t.leadId = old.id
        AND NOT EXISTS (SELECT 1 FROM moved_leadtag u WHERE u.leadId = t.leadId AND u.tag = t.tag) RETURNING t.leadId),
      added AS (
        INSERT INTO leadTag (leadId, tag) SELECT leadId, tag FROM moved_leadtag ON CONFLICT DO NOTHING RETURNING leadId)
      SELECT leadId, TRUE FROM added UNION ALL SELECT leadId, FALSE FROM gone
      """, [storeID, firstNew]
    ).map { (try $0.get(0, Int64.self), try $0.get(1, Bool.self)) }
    if !changed.isEmpty {
      try c.execute(
        "UPDATE followUp SET asOf = NULL, rev = rev + 1 WHERE leadId = ANY(?)", [Array(Set(changed.map(\.0)))])
    }
    let added = changed.filter(\.1).count
    return (added, changed.count - added)
  }

  /// The showroom's leads, read once: those moved before must be this file's leads of the same ids, each created at
  /// the same instant (a lead's creation time never changes), else the file is another showroom's or its database was
  /// started anew, and copying it would take its leads for the ones moved before and write over them; those not yet
  /// copied must not have an external id a lead here already has (ids stay unique).
  func checkLeads(_ source: some TableRowSource) throws {
    let moved = maps["lead"] ?? [:]
    var (ids, times, external): ([Int64], [String], [String]) = ([], [], [])
    try source.eachRow(of: "lead", columns: ["id", "createdAt", "externalId"], orderBy: "id") { row in
      guard case .int(let id) = row[0] else { return }
      if let here = moved[id] {
        guard case .text(let at) = row[1] else { return }
        ids.append(here)
        times.append(at + "+00")
      } else if case .text(let ext) = row[2] {
        external.append(ext)
      }
    }
    if !ids.isEmpty,
      let differs = try c.rows(
        """
        SELECT m.sourceId FROM unnest(?::bigint[], ?::text[]) AS s(id, at)
        JOIN lead l ON l.id = s.id JOIN movedRow m ON m.storeId = ? AND m.tbl = 'lead' AND m.targetId = l.id
        WHERE l.createdAt <> s.at::timestamptz ORDER BY m.sourceId LIMIT 1
        """, [ids, PGTextArray(times), storeID]
      ).first
    {
      throw CoachError.refused(
        .movedFromAnotherShowroom(store: storeCode, detail: .lead(id: try differs.get(0, Int64.self))))
    }
    guard !external.isEmpty else { return }
    let taken = try c.rows(
      "SELECT externalId FROM lead WHERE externalId = ANY(?) ORDER BY externalId LIMIT 5", [PGTextArray(external)]
    ).map { try $0.get(0, String.self) }
    if !taken.isEmpty { throw CoachError.refused(.movedExternalIDsTaken(ids: taken)) }
  }

  /// The row triggers the copied tables fire on insert, set aside for the move's transaction: run per row, they
  /// upserted a `lastTouch` row and cleared a stored follow-up per touch (the 100k showroom took 437 s).
  /// `writeDerived` does their work once, before they are put back.
  static let triggers = [
    ("lead", "followUp_on_lead_insert"), ("leadTag", "followUp_on_leadTag_insert"),
    ("stageEvent", "followUp_on_stageEvent_insert"), ("stageEvent", "delivery_on_event"),
    ("touch", "lastTouch_on_insert"), ("touch", "followUp_on_touch_insert"), ("topic", "followUp_on_topic_insert"),
    ("snooze", "followUp_on_snooze_insert"),
  ]

  /// What the set-aside triggers would have written for the rows copied in this run: the deliveries of the stage
  /// events, each touched lead's last touch and last contact where a copied touch is later than the one kept, a
  /// stored follow-up row for each new lead, and the rows of leads moved before that got new history cleared.
  func writeDerived() throws {
    let first = { (table: String) in firstID[table] ?? Int64.max }
    try c.execute(
      "INSERT INTO delivery (eventId, at, model) SELECT * FROM (\(PostgresMigrations.deliveries) AND e.id >= ?) d",
      [first("stageEvent")])
    try PGTouchImport.keepLastTouches(c, from: first("touch"))
    try c.execute(
      "INSERT INTO followUp (leadId, consultantId) SELECT id, consultantId FROM lead WHERE id >= ? ON CONFLICT DO NOTHING",
      [first("lead")])
    try c.execute(
      """
      UPDATE followUp SET asOf = NULL, rev = rev + 1 WHERE leadId < ? AND leadId IN (
        SELECT leadId FROM touch WHERE id >= ? UNION SELECT leadId FROM stageEvent WHERE id >= ?
        UNION SELECT leadId FROM topic WHERE id >= ? UNION SELECT leadId FROM snooze WHERE id >= ?)
      """, [first("lead"), first("touch"), first("stageEvent"), first("topic"), first("snooze")])
  }

  mutating func record(_ table: String, _ there: Int64, _ here: Int64) {
    maps[table, default: [:]][there] = here
    newMappings.int(storeID)
    newMappings.text(table)
    newMappings.int(there)
    newMappings.int(here)
    newMappings.endRow()
  }

  /// Copies the rows of `spec` not copied before, with their references mapped, by COPY in batches; with a second
  /// run, brings the rows of a table the showroom changes (`MovedTable.changes`) that were moved before up to date,
  /// and removes here the rows moved before that the showroom no longer has.
  mutating func copy(_ spec: MovedTable, from source: some TableRowSource) throws -> StoreMove.Table {
    let before = maps[spec.table]?.count ?? 0
    var ids = spec.hasID ? try PGImportIDs(c, table: spec.pgName) : nil
    firstID[spec.table] = ids?.next
    let names = spec.columns.map { $0.name.lowercased() }
    var rows = PGCopyRows(spec.table.lowercased(), names)
    let updating = spec.changes && before > 0
    let scratch = "moved_" + spec.table.lowercased()
    if updating {
      try c.script("CREATE TEMP TABLE \(scratch) (LIKE \(spec.pgName)) ON COMMIT DROP")
    }
    var current = PGCopyRows(scratch, names)
    var copied = 0
    var sourceRows = 0
    var seen = Set<Int64>()
    var failure: CoachError?
    try source.eachRow(of: spec.table, columns: spec.columns.map(\.name), orderBy: spec.order) {
      values in
      sourceRows += 1
      if spec.hasID {
        guard let there = values[0].int else { return }
        seen.insert(there)
        if let here = maps[spec.table]?[there] {
          guard updating else { return }
          failure = encode(values, spec, id: here, into: &current) ?? failure
          if current.count >= 5_000 { try current.send(c) }
          return
        }
      } else if let parent = spec.parent {
        let index = spec.columns.firstIndex { $0.name == parent.column }!
        guard let there = values[index].int, fresh[parent.table]?.contains(there) == true else { return }
      }
      var here: Int64?
      if spec.hasID, let there = values[0].int {
        here = ids!.take()
        record(spec.table, there, here!)
        fresh[spec.table, default: []].insert(there)
      }
      failure = encode(values, spec, id: here, into: &rows) ?? failure
      copied += 1
      if rows.count >= 5_000 { try rows.send(c) }
    }
    if let failure { throw failure }
    try rows.send(c)
    try ids?.finish(c)
    var table = StoreMove.Table(table: spec.table, copied: copied, before: spec.hasID ? before : sourceRows - copied)
    if spec.hasID {
      table.removed = try removeGone(spec, seen: seen)
    }
    if updating {
      try current.send(c)
      // Every column but the id, as the table's (`t.`) and the showroom's (`u.`).
      let columns = { (prefix: String) in
        names.dropFirst().map { "\(prefix)\"\($0)\"" }.joined(separator: ", ")
      }
      table.updated = try c.execute(
        """
        UPDATE \(spec.pgName) t SET (\(columns(""))) = ROW(\(columns("u."))) FROM \(scratch) u
        WHERE t.id = u.id AND (\(columns("t."))) IS DISTINCT FROM (\(columns("u.")))
        """)
    }
    try newMappings.send(c)
    // Every row there is here: the store's mapped rows of an id table, or the children of the rows copied now.
    if spec.hasID {
      let here =
        try c.scalar(
          """
          SELECT COUNT(*) FROM movedRow m JOIN \(spec.pgName) t ON t.id = m.targetId
          WHERE m.storeId = ? AND m.tbl = ?
          """, [storeID, spec.table], as: Int64.self) ?? 0
      guard Int(here) == sourceRows else {
        throw CoachError.refused(.movedCountDiffers(table: spec.table, source: sourceRows, target: Int(here)))
      }
    }
    // A table without ids: its rows of rows copied before are there already.
    return table
  }

  /// The rows moved before that the showroom no longer has (a profile fact replaced there), removed here with their
  /// mapping; returns how many.
  mutating func removeGone(_ spec: MovedTable, seen: Set<Int64>) throws -> Int {
    guard let map = maps[spec.table] else { return 0 }
    let gone = map.keys.filter { !seen.contains($0) }.sorted()
    guard !gone.isEmpty else { return 0 }
    let targets = gone.compactMap { map[$0] }
    try c.execute("DELETE FROM \(spec.pgName) WHERE id = ANY(?)", [targets])
    try c.execute(
      "DELETE FROM movedRow WHERE storeId = ? AND tbl = ? AND sourceId = ANY(?)", [storeID, spec.table, gone])
    for id in gone { maps[spec.table]?[id] = nil }
    return gone.count
  }

  /// One source row written into `rows` in the copy's form: `id` (here) for the id column, references mapped to
  /// their ids here, times as UTC. Returns the failure of a reference to a row not moved, if any.
  func encode(_ values: [CellValue], _ spec: MovedTable, id: Int64?, into rows: inout PGCopyRows) -> CoachError? {
    var failure: CoachError?
    for (i, column) in spec.columns.enumerated() {
      let value = values[i]
      switch column.kind {
      case .id:
        if let id { rows.int(id) } else { rows.null() }
      case .ref(let table):
        guard let there = value.int else {
          rows.null()
          continue
        }
        guard let here = maps[table]?[there] else {
          failure = .refused(.movedRowDangling(table: spec.table, column: column.name, id: there))
          rows.null()
          continue
        }
        rows.int(here)
      case .store: rows.int(storeID)
      case .text:
        switch value {
        case .null: rows.null()
        case .text(let s): rows.text(s)
        case .int(let n): rows.text(String(n))
        case .double(let d): rows.text(String(d))
        }
      case .int:
        switch value {
        case .int(let n): rows.int(n)
        case .double(let d): rows.int(Int64(d))
        case .text(let s): rows.int(Int64(s))
        case .null: rows.null()
        }
      case .double:
        switch value {
        case .int(let n): rows.text(String(n))
        case .double(let d): rows.text(String(d))
        case .text(let s): rows.text(s)
        case .null: rows.null()
        }
      case .bool:
        switch value {
        case .int(let n): rows.text(n != 0 ? "t" : "f")
        case .null: rows.null()
        default: rows.text("t")
        }
      case .time:
        // SQLite keeps times as UTC text (`2026-11-20 01:00:00.000`); PostgreSQL reads it with its zone.
        switch value {
        case .text(let s): rows.text(s + "+00")
        case .null: rows.null()
        case .int(let n): rows.date(Date(timeIntervalSince1970: TimeInterval(n)))
        case .double(let d): rows.date(Date(timeIntervalSince1970: d))
        }
      }
    }
    rows.endRow()
    return failure
  }
}
