import CoachCore
import CoachStoreAPI
import Foundation

// The stored follow-ups (`followUp`, kept by the v12-pg-followup triggers) on PostgreSQL: the same reads and writes
// as `AppDatabase`'s in CoachStore/Reads/FollowUps.swift, in PostgreSQL's dialect.

extension PostgresStore {
  /// Whether the row `f` holds at `now` for the fingerprint (`AppDatabase.holdsSQL` in PostgreSQL's dialect); true or
  /// false, never NULL. Its arguments: the fingerprint, then `now` twice.
  static let holdsSQL = """
    (f.asOf IS NOT NULL AND f.playbook IS NOT DISTINCT FROM ?::text AND f.asOf <= ?::double precision
      AND (f.wakeAt IS NULL OR f.wakeAt > ?::double precision)
      AND (f.code IS NULL OR (f.dueAt IS NOT NULL AND f.deadline IS NOT NULL AND f.base IS NOT NULL
        AND f.code IN (\(codeList)))))
    """
  private static let codeList = ActionCode.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

  /// The condition on `followUp f` alone that selects the rows of `filter`'s leads, by the consultant each row
  /// carries (`AppDatabase.ownerCondition`): for a filter of a scope only, when the scope has as many rows as leads
  /// (always, unless a write went around the triggers: then the lead table is asked). The queue's reads then run on
  /// the follow-up indexes alone: `coach next` at 100k leads spent 27 and 10 ms of the server's time joining a
  /// consultant's 2,500 leads to a scan of every stored follow-up.
  /// `filter.followUpsByOwner` when a reader asked it already (the count costs a few milliseconds here); otherwise
  /// asked here.
  static func ownerCondition(_ filter: LeadFilter, _ c: PGConnection) throws -> (String, [any PGArg])? {
    guard filter.isScopeOnly, try filter.followUpsByOwner ?? byOwner(filter, c) else { return nil }
    return PGFilter.scope(filter.scope, on: "f.consultantId")
  }

  static func byOwner(_ filter: LeadFilter, _ c: PGConnection) throws -> Bool {
    guard filter.isScopeOnly else { return false }
    let (owner, ownerArgs) = PGFilter.scope(filter.scope, on: "f.consultantId")
    let (condition, args) = PGFilter.condition(filter)
    let counts = try c.rows(
      "SELECT (SELECT count(*) FROM lead l WHERE \(condition)), (SELECT count(*) FROM followUp f WHERE \(owner))",
      args + ownerArgs
    ).first
    guard let counts else { return false }
    return try counts.get(0, Int64.self) == counts.get(1, Int64.self)
  }

  public func followUpsByOwner(_ filter: LeadFilter) throws -> Bool {
    guard filter.isScopeOnly else { return false }  // no round trip to say so
    return try read { c in try Self.byOwner(filter, c) }
  }

  /// The leads of `filter` with their stored follow-ups: `.stale` those whose row does not hold at `now` (the rest
  /// are either quiet or found by `heldDueFollowUps`), `.all` every lead. Unordered.
  public func followUps(_ filter: LeadFilter, need: FollowUpNeed, now: Date, fingerprint: String) throws
    -> [FollowUpRow]
  {
    let (condition, args) = PGFilter.condition(filter)
    let t = now.timeIntervalSince1970
    let fields = "f.rev, f.playbook, f.asOf, f.wakeAt, f.code, f.dueAt, f.deadline, f.detail, f.bound, f.base"
    return try read { c in
      let sql: String
      let arguments: [any PGArg]
      if need == .all {
        sql = "SELECT ROW(l.id, \(fields)) FROM lead l LEFT JOIN followUp f ON f.leadId = l.id WHERE \(condition)"
        arguments = args
      } else if let (owner, ownerArgs) = try Self.ownerCondition(filter, c) {
        sql = "SELECT ROW(f.leadId, \(fields)) FROM followUp f WHERE \(owner) AND NOT \(Self.holdsSQL)"
        arguments = ownerArgs + [fingerprint, t, t]
      } else {
        sql = """
          SELECT ROW(l.id, \(fields)) FROM lead l LEFT JOIN followUp f ON f.leadId = l.id
          WHERE \(condition) AND NOT \(Self.holdsSQL)
          """
        arguments = args + [fingerprint, t, t]
      }
      // One record per lead, read in place (`PGCursor`): every lead of a scope, a million for a group's admin.
      return try c.rawRows(sql, arguments).map { row -> FollowUpRow in
        var cells = try PGCursor(record: row)
        let id = LeadID(try cells.int())
        let rev = try cells.optionalInt() ?? 0
        let (playbook, asOf, wakeAt) = (
          try cells.optionalText(), try cells.optionalDouble(), try cells.optionalDouble()
        )
        let (code, dueAt, deadline) = (try cells.optionalText(), try cells.optionalDouble(), try cells.optionalDouble())
        let (detail, bound, base) = (try cells.optionalText(), try cells.optionalDouble(), try cells.optionalDouble())
        guard playbook == fingerprint, let asOf else { return FollowUpRow(leadID: id, rev: rev, stored: nil) }
        var held: StoredFollowUp.Held?
        if let code {
          guard let action = ActionCode(rawValue: code), let dueAt, let deadline, let base
          else { return FollowUpRow(leadID: id, rev: rev, stored: nil) }
          held = StoredFollowUp.Held(
            code: action, dueAt: Date(timeIntervalSince1970: dueAt), deadline: Date(timeIntervalSince1970: deadline),
            detail: detail, base: base)
        }
        let stored = StoredFollowUp(
          asOf: Date(timeIntervalSince1970: asOf),
          wakeAt: wakeAt.map(Date.init(timeIntervalSince1970:)) ?? .distantFuture, due: held, bound: bound ?? 0)
        return FollowUpRow(leadID: id, rev: rev, stored: stored)
      }
    }
  }

  /// The leads of `filter` whose stored follow-up holds at `now` and is due, highest bound first (then by id),
  /// `limit` of them after the first `offset`.
  public func heldDueFollowUps(_ filter: LeadFilter, now: Date, fingerprint: String, offset: Int, limit: Int) throws
    -> [HeldDue]
  {
    let t = now.timeIntervalSince1970
    return try read { c in
      var (condition, args) = PGFilter.condition(filter)
      var from = "lead l JOIN followUp f ON f.leadId = l.id"
      if let (owner, ownerArgs) = try Self.ownerCondition(filter, c) {
        (condition, args, from) = (owner, ownerArgs, "followUp f")
      }
      let sql = """
        SELECT f.leadId, f.bound, f.code, f.dueAt, f.deadline, f.detail, f.base FROM \(from)
        WHERE \(condition) AND f.code IS NOT NULL AND \(Self.holdsSQL)
        ORDER BY f.bound DESC, f.leadId LIMIT ? OFFSET ?
        """
      return try c.rows(sql, args + [fingerprint, t, t, Int64(limit), Int64(offset)]).compactMap { row in
        // `holdsSQL` admits only known codes with both times.
        guard let code = ActionCode(rawValue: try row.get(2, String.self)), let dueAt = try row.double(3),
          let deadline = try row.double(4)
        else { return nil }
        return HeldDue(
          leadID: LeadID(try row.get(0, Int64.self)), bound: try row.double(1) ?? 0,
          due: StoredFollowUp.Held(
            code: code, dueAt: Date(timeIntervalSince1970: dueAt), deadline: Date(timeIntervalSince1970: deadline),
            detail: try row.text(5), base: try row.double(6)))
      }
    }
  }

  /// The leads of `filter` whose stored follow-up holds at `now` and is past its deadline, by lead id.
  public func overdueFollowUps(_ filter: LeadFilter, now: Date, fingerprint: String) throws -> [HeldOverdue] {
    let t = now.timeIntervalSince1970
    return try read { c in
      var (condition, args) = PGFilter.condition(filter)
      var (from, consultant) = ("lead l JOIN followUp f ON f.leadId = l.id", "l.consultantId")
      if let (owner, ownerArgs) = try Self.ownerCondition(filter, c) {
        (condition, args, from, consultant) = (owner, ownerArgs, "followUp f", "f.consultantId")
      }
      // One record per row, read in place (`PGCursor`): a group's admin may have a hundred thousand overdue.
      let sql = """
        SELECT ROW(f.leadId, \(consultant), f.code, f.dueAt, f.deadline) FROM \(from)
        WHERE \(condition) AND f.code IS NOT NULL AND \(Self.holdsSQL) AND f.deadline < ?::double precision
        ORDER BY f.leadId
        """
      return try c.rawRows(sql, args + [fingerprint, t, t, t]).compactMap { row -> HeldOverdue? in
        var cells = try PGCursor(record: row)
        let (lead, consultantID, code) = (try cells.int(), try cells.optionalInt(), try cells.optionalText())
        guard let code = code.flatMap(ActionCode.init(rawValue:)), let dueAt = try cells.optionalDouble(),
          let deadline = try cells.optionalDouble()
        else { return nil }
        return HeldOverdue(
          leadID: LeadID(lead), consultantID: consultantID, code: code, dueAt: Date(timeIntervalSince1970: dueAt),
          deadline: Date(timeIntervalSince1970: deadline))
      }
    }
  }

  /// One stored follow-up as `json_to_recordset` reads it (keys as PostgreSQL's catalog spells the columns).
  private struct StoredRow: Encodable {
    let leadid: Int64
    let rev: Int64
    let asof: Double
    let wakeat: Double?
    let code: String?
    let dueat: Double?
    let deadline: Double?
    let detail: String?
    let bound: Double?
    let base: Double?
  }

  /// Stores follow-ups worked out from leads read at `rev`, each only where the row is still at that `rev` (a write
  /// since then cleared it and stays cleared) and the lead still exists. One transaction, a statement per 5,000 rows
  /// (their values as one JSON parameter); returns the rows stored. READ COMMITTED: the `rev` check is made on each
  /// row as it is locked, which is all this needs, and readers storing what they worked out never roll back writers.
  @discardableResult
  public func storeFollowUps(_ rows: [FollowUpRow], fingerprint: String) throws -> Int {
    let stored: [StoredRow] = rows.compactMap { row in
      guard let s = row.stored else { return nil }
      return StoredRow(
        leadid: row.leadID.rawValue, rev: row.rev, asof: s.asOf.timeIntervalSince1970,
        wakeat: s.wakeAt == .distantFuture ? nil : s.wakeAt.timeIntervalSince1970, code: s.due?.code.rawValue,
        dueat: s.due?.dueAt.timeIntervalSince1970, deadline: s.due?.deadline.timeIntervalSince1970,
        detail: s.due?.detail, bound: s.due == nil ? nil : s.bound, base: s.due?.base)
    }
    guard !stored.isEmpty else { return 0 }
    let encoder = JSONEncoder()
    return try pool.transaction(isolation: "READ COMMITTED") { c in
      var written = 0
      var start = 0
      while start < stored.count {
        let part = Array(stored[start..<min(start + 5_000, stored.count)])
        start += part.count
        let json = String(decoding: try encoder.encode(part), as: UTF8.self)
        written += try c.execute(
          """
          INSERT INTO followUp (
              leadId, rev, playbook, asOf, wakeAt, code, dueAt, deadline, detail, bound, base, consultantId)
            SELECT r.leadid, r.rev, ?, r.asof, r.wakeat, r.code, r.dueat, r.deadline, r.detail, r.bound, r.base,
              l.consultantId
            FROM json_to_recordset(?::json) AS r (leadid bigint, rev bigint, asof double precision,
              wakeat double precision, code text, dueat double precision, deadline double precision, detail text,
              bound double precision, base double precision)
            JOIN lead l ON l.id = r.leadid
          ON CONFLICT (leadId) DO UPDATE SET
            playbook = excluded.playbook, asOf = excluded.asOf, wakeAt = excluded.wakeAt, code = excluded.code,
            dueAt = excluded.dueAt, deadline = excluded.deadline, detail = excluded.detail, bound = excluded.bound,
            base = excluded.base
          WHERE followUp.rev = excluded.rev
          """, [fingerprint, json])
      }
      return written
    }
  }

  /// Clears every stored follow-up (`coach doctor --rebuild-derived`): the next readers work them all out again.
  public func clearFollowUps() throws {
    try write { c in
      try c.execute("UPDATE followUp SET asOf = NULL, rev = rev + 1")
      try c.execute(
        "INSERT INTO followUp (leadId, consultantId) SELECT id, consultantId FROM lead ON CONFLICT DO NOTHING")
      try c.execute(
        """
        UPDATE followUp f SET consultantId = l.consultantId FROM lead l
          WHERE l.id = f.leadId AND f.consultantId IS DISTINCT FROM l.consultantId
        """)
    }
  }
}
