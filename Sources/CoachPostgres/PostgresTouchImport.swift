import CoachCore
import CoachStoreAPI
import Foundation

/// Writes imported touch rows on PostgreSQL inside the import's transaction, a batch at a time with `COPY`, as
/// `TouchImportWriter` does on SQLite: the same touch rows and ids, the levers argued, and each touched lead's
/// `lastTouch` rows. The `lastTouch` insert trigger is set aside for the transaction (it would upsert a row per
/// touch); `finish` writes those rows from the imported touches, the way the trigger would have, and puts it back.
final class PGTouchImport {
  static let batchSize = 20_000
  static let tables = ["touch", "touchLever", "lastTouch"]
  /// The touch insert triggers set aside for the import's transaction: `lastTouch`'s (v6) and the stored
  /// follow-ups' (v12-pg-followup); `finish` does their work once.
  static let triggers = [("touch", "lastTouch_on_insert"), ("touch", "followUp_on_touch_insert")]

  private let c: PGConnection
  private let sender: PGCopySender
  private let actor: String?
  /// External id → lead id, for the leads the scope may see.
  private let leads: [String: Int64]
  private var touches: PGImportIDs
  /// The first id this import gives a touch: one more than the largest before it (about how many there were).
  private let firstTouch: Int64

  /// Whether the tables this import filled are vacuumed and analyzed once it commits (`PostgresStore.tidies`).
  var tidiesAfter: Bool { PostgresStore.tidies(imported: Int(touches.next - firstTouch), before: firstTouch - 1) }
  private var touchRows = PGCopyRows(
    "touch", ["id", "leadid", "at", "channel", "outcome", "note", "nextat", "actor"])
  private var leverRows = PGCopyRows("touchlever", ["touchid", "position", "leadid", "lever"])

  /// Locks the tables a touch import writes (the transaction's first statement), reads the leads the scope may see,
  /// and sets the `lastTouch` insert trigger aside. Altering a trigger takes the same lock mode as the import's
  /// (SHARE ROW EXCLUSIVE), so readers go on, and no other transaction ever sees it missing: it is back before the
  /// commit, and a rollback puts it back too.
  init(_ c: PGConnection, actor: String?, scope: Scope, zone: TimeZone = .gmt) throws {
    try PGImportLock.take(c, Self.tables)
    self.c = c
    sender = PGCopySender(c)
    self.actor = actor
    self.zone = zone
    let (condition, args) = PGFilter.scope(scope)
    // The scope's leads by external id, in two array values read in place: a row per lead took 2.7 s of coach's and
    // the server's time for the million leads of a group, this a tenth of it.
    var leads: [String: Int64] = [:]
    if var cells = try c.record(
      "SELECT ROW(array_agg(l.externalId), array_agg(l.id)) FROM lead l WHERE \(condition) AND l.externalId IS NOT NULL",
      args)
    {
      let (ids, keys) = (try cells.texts(), try cells.ints())
      leads.reserveCapacity(keys.count)
      for (external, id) in zip(ids, keys) {
        if let external, leads[external] == nil { leads[external] = id }
      }
    }
    self.leads = leads
    touches = try PGImportIDs(c, table: "touch")
    firstTouch = touches.next
    hadTouches = try c.scalar("SELECT EXISTS (SELECT 1 FROM touch)", as: Bool.self) == true
    try PGImportTriggers.setAside(c, Self.triggers)
    firstLoad = try PGBulkLoad.ifFirstLoad(c, ["touch"])
    keepsLatest =
      try firstLoad != nil && c.scalar("SELECT NOT EXISTS (SELECT 1 FROM lastTouch)", as: Bool.self) == true
  }

  /// Set when the touch table had no row (a first load): its key and secondary index are put back by `finish`.
  private let firstLoad: PGBulkLoad?

  /// On a first load (no touch and no `lastTouch` row yet), each touched lead's latest imported touch (kind 0 of
  /// `lastTouch`) and latest contact (kind 1), kept as the rows are written: `finish` writes `lastTouch` from them
  /// with one `COPY` instead of sorting every touch on the server (3.7 s of the 2,000,000 touches' 15 s). Later is
  /// what `keepLastTouches` says: a later time to the millisecond, as stored, then a larger id.
  private let keepsLatest: Bool
  private var latestTouch: [Int64: Latest] = [:]
  private var latestContact: [Int64: Latest] = [:]

  private struct Latest {
    let touchID: Int64
    let milliseconds: Int64
    let at: Date
    let channel: Channel
    let outcome: Outcome
    let nextAt: Date?

    func isLater(than other: Latest?) -> Bool {
      guard let other else { return true }
      return (milliseconds, touchID) > (other.milliseconds, other.touchID)
    }
  }

  /// The zone times are named in (the import's `--tz`).
  private let zone: TimeZone
  /// The table held touches before the import: a row identical to one of them is a bad row (checked by `flush`, a
  /// batch at a time, before anything of the batch is written).
  private let hadTouches: Bool
  /// Rows waiting for that check: the rows to write (`insert`), and those only checked (after a bad row, `--strict`).
  private var pending: [(row: ImportedTouch, leadID: Int64, insert: Bool)] = []
  /// Rows found bad by that check, after `write` took them: `ImportResult` moves them to the skipped rows.
  private(set) var late: [(line: Int, problem: ImportProblem)] = []

  /// Takes `row` (written when `insert`, with the next batch) and returns nil, or returns why it is a bad row (no
  /// lead the scope may see); a touch the database held before the import is found later (`late`).
  func write(_ row: ImportedTouch, insert: Bool) throws -> ImportProblem? {
    guard let leadID = leads[row.leadExternalID] else { return .unknownLead(id: row.leadExternalID) }
    if hadTouches {
      pending.append((row, leadID, insert))
      if pending.count >= Self.batchSize { try flush() }
      return nil
    }
    guard insert else { return nil }
    try add(row, leadID: leadID)
    if touchRows.count >= Self.batchSize { try flush() }
    return nil
  }

  /// The rows of `row` (a touch and its levers) for the next `COPY`, with the next touch id.
  private func add(_ row: ImportedTouch, leadID: Int64) throws {
    let id = touches.take()
    touchRows.int(id)
    touchRows.int(leadID)
    touchRows.date(row.at)
    touchRows.text(row.channel.rawValue)
    touchRows.text(row.outcome.rawValue)
    touchRows.text(row.note)
    touchRows.date(row.nextAt)
    touchRows.text(actor)
    touchRows.endRow()
    for (position, lever) in row.levers.enumerated() {
      leverRows.int(id)
      leverRows.int(Int64(position))
      leverRows.int(leadID)
      leverRows.text(lever.rawValue)
      leverRows.endRow()
    }
    if keepsLatest {
      let mine = Latest(
        touchID: id, milliseconds: PGTimeText.milliseconds(row.at), at: row.at, channel: row.channel,
        outcome: row.outcome, nextAt: row.nextAt)
      if mine.isLater(than: latestTouch[leadID]) { latestTouch[leadID] = mine }
      if row.outcome.isContact, mine.isLater(than: latestContact[leadID]) { latestContact[leadID] = mine }
    }
  }

  /// Sends the rows that wait (touches, then their levers) without waiting for the server (`PGCopySender`): the next
  /// rows are read and formatted meanwhile. `finish` waits for the last. Rows waiting for the check against the
  /// touches from before the import are checked first, in one statement, and only the others written.
  func flush() throws {
    if !pending.isEmpty {
      defer { pending.removeAll(keepingCapacity: true) }
      try sender.wait()
      let old = try oldTouches()
      for (i, p) in pending.enumerated() {
        if old.contains(i) {
          let at = TimeParsing.iso(p.row.at, zone: zone)
          late.append(
            (
              p.row.line,
              .sameTouch(
                lead: p.row.leadExternalID, at: at, channel: p.row.channel.rawValue, outcome: p.row.outcome.rawValue)
            ))
        } else if p.insert {
          try add(p.row, leadID: p.leadID)
        }
      }
    }
    try sender.send([touchRows.take(), leverRows.take()])
  }

  /// The positions in `pending` of the rows whose lead, time (to the millisecond, as stored), channel and outcome a
  /// touch from before the import has: one search of `touch_by_lead` per row, on the server.
  private func oldTouches() throws -> Set<Int> {
    let rows = try c.rows(
      """
      SELECT k.i - 1 FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) WITH ORDINALITY
        AS k (leadId, ms, channel, outcome, i)
      WHERE EXISTS (SELECT 1 FROM touch t WHERE t.leadId = k.leadId
        AND t.at = timestamptz 'epoch' + k.ms * interval '1 millisecond'
        AND t.channel = k.channel AND t.outcome = k.outcome AND t.id < ?)
      """,
      [
        pending.map(\.leadID), pending.map { PGTimeText.milliseconds($0.row.at) },
        PGTextArray(pending.map(\.row.channel.rawValue)), PGTextArray(pending.map(\.row.outcome.rawValue)), firstTouch,
      ])
    return Set(try rows.map { Int(try $0.get(0, Int64.self)) })
  }

  /// Writes the rows that wait, then each touched lead's `lastTouch` rows (its last touch, its last contact) where an
  /// imported touch is later than the one kept (the insert trigger's own rule), clears the touched leads' stored
  /// follow-ups, and puts the triggers back; a first load's key and index go back first.
  func finish() throws {
    try flush()
    try sender.wait()
    try firstLoad?.finish(c)
    if keepsLatest {
      try writeLastTouches()
    } else {
      try Self.keepLastTouches(c, from: firstTouch)
    }
    try c.execute(
      """
      UPDATE followUp SET asOf = NULL, rev = rev + 1
        WHERE leadId IN (SELECT DISTINCT leadId FROM touch WHERE id >= ?)
      """, [firstTouch])
    try PGImportTriggers.restore(c, Self.triggers)
  }

  /// A first load's `lastTouch` rows, from the latest touches kept as they were written, in lead order.
  private func writeLastTouches() throws {
    var rows = PGCopyRows(
      "lasttouch", PostgresMigrations.lastTouchColumns.lowercased().split(separator: ", ").map(String.init))
    for (kind, leads) in [latestTouch, latestContact].enumerated() {
      for (lead, t) in leads.sorted(by: { $0.key < $1.key }) {
        rows.int(lead)
        rows.int(Int64(kind))
        rows.int(t.touchID)
        rows.date(t.at)
        rows.text(t.channel.rawValue)
        rows.text(t.outcome.rawValue)
        rows.date(t.nextAt)
        rows.null()
        rows.text(actor)
        rows.endRow()
      }
    }
    try rows.send(c)
  }

  /// Each lead's `lastTouch` rows (its last touch, its last contact) for the touches of ids from `first` on (written
  /// with the triggers set aside, by an import or a move), where such a touch is later than the one kept: the
  /// insert trigger's own rule, once for all.
  static func keepLastTouches(_ c: PGConnection, from first: Int64) throws {
    let columns = PostgresMigrations.lastTouchColumns
    for kind in [0, 1] {
      try c.execute(
        """
        INSERT INTO lastTouch AS kept (\(columns))
          SELECT DISTINCT ON (leadId) leadId, \(kind), id, at, channel, outcome, nextAt, objections, actor FROM touch
          WHERE id >= ?\(kind == 1 ? " AND " + PostgresMigrations.contact : "")
          ORDER BY leadId, at DESC, id DESC
        ON CONFLICT (leadId, kind) DO UPDATE SET
          touchId = excluded.touchId, at = excluded.at, channel = excluded.channel, outcome = excluded.outcome,
          nextAt = excluded.nextAt, objections = excluded.objections, actor = excluded.actor
        WHERE excluded.at > kept.at OR (excluded.at = kept.at AND excluded.touchId > kept.touchId)
        """, [first])
    }
  }

  /// Moves the touch sequence past the ids this import gave (before the commit, never for a rollback).
  func finishIDs() throws { try touches.finish(c) }
}
