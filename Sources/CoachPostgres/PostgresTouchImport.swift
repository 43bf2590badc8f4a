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
  private let firstTouch: Int64
  private var touchRows = PGCopyRows(
    "touch", ["id", "leadid", "at", "channel", "outcome", "note", "nextat", "actor"])
  private var leverRows = PGCopyRows("touchlever", ["touchid", "position", "leadid", "lever"])

  /// Locks the tables a touch import writes (the transaction's first statement), reads the leads the scope may see,
  /// and sets the `lastTouch` insert trigger aside. Altering a trigger takes the same lock mode as the import's
  /// (SHARE ROW EXCLUSIVE), so readers go on, and no other transaction ever sees it missing: it is back before the
  /// commit, and a rollback puts it back too.
  init(_ c: PGConnection, actor: String?, scope: Scope) throws {
    try PGImportLock.take(c, Self.tables)
    self.c = c
    sender = PGCopySender(c)
    self.actor = actor
    let (condition, args) = PGFilter.scope(scope)
    leads = try Dictionary(
      c.rows("SELECT l.externalId, l.id FROM lead l WHERE \(condition) AND l.externalId IS NOT NULL", args).map {
        (try $0.get(0, String.self), try $0.get(1, Int64.self))
      }, uniquingKeysWith: { a, _ in a })
    touches = try PGImportIDs(c, table: "touch")
    firstTouch = touches.next
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

  /// Takes `row` (written when `insert`, with the next batch) and returns nil, or returns why it is a bad row (no
  /// lead the scope may see).
  func write(_ row: ImportedTouch, insert: Bool) throws -> ImportProblem? {
    guard let leadID = leads[row.leadExternalID] else { return .unknownLead(id: row.leadExternalID) }
    guard insert else { return nil }
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
    if touchRows.count >= Self.batchSize { try flush() }
    return nil
  }

  /// Sends the rows that wait (touches, then their levers) without waiting for the server (`PGCopySender`): the next
  /// rows are read and formatted meanwhile. `finish` waits for the last.
  func flush() throws {
    try sender.send([touchRows.take(), leverRows.take()])
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
