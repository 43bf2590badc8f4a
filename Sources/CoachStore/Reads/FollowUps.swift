import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Whether the row `f` holds at `?2` for fingerprint `?1` (`StoredFollowUp.holds(at:)`, and a due answer that
  /// can be read back); true or false, never NULL. Its arguments: the fingerprint, then `now` twice.
  static let holdsSQL = """
    (f.asOf IS NOT NULL AND f.playbook IS ? AND f.asOf <= ? AND (f.wakeAt IS NULL OR f.wakeAt > ?)
      AND (f.code IS NULL OR (f.dueAt IS NOT NULL AND f.deadline IS NOT NULL AND f.base IS NOT NULL
        AND f.code IN (\(codeList)))))
    """
  private static let codeList = quoted(ActionCode.allCases.map(\.rawValue))

  /// Codes as an SQL list of string literals (`'a', 'b'`).
  static func quoted(_ codes: [String]) -> String { codes.map { "'\($0)'" }.joined(separator: ", ") }

  /// The condition on `followUp f` alone that selects the rows of `filter`'s leads, by the consultant each row carries
  /// (v11): for a filter of a scope only, when the scope has as many rows as leads (always, unless a write went
  /// around the triggers: then the lead table is asked, as before v11).
  /// `filter.followUpsByOwner` when a reader asked it already; otherwise asked here.
  static func ownerCondition(_ filter: LeadFilter, _ db: Database) throws -> (String, StatementArguments)? {
    guard filter.isScopeOnly, try filter.followUpsByOwner ?? byOwner(filter, db) else { return nil }
    return filter.scope.condition(on: "f.consultantId")
  }

  static func byOwner(_ filter: LeadFilter, _ db: Database) throws -> Bool {
    guard filter.isScopeOnly else { return false }
    let (owner, ownerArgs) = filter.scope.condition(on: "f.consultantId")
    let (cond, args) = filter.condition
    let counts = try Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT (SELECT count(*) FROM lead l WHERE \(cond)), (SELECT count(*) FROM followUp f WHERE \(owner))"),
      arguments: args + ownerArgs)
    guard let counts else { return false }
    return (counts[0] as Int64) == (counts[1] as Int64)
  }

  public func followUpsByOwner(_ filter: LeadFilter) throws -> Bool {
    guard filter.isScopeOnly else { return false }  // no transaction to say so
    return try writer.read { db in try Self.byOwner(filter, db) }
  }

  /// The rows of the consultants `owner` selects that do not hold at `now` (`NOT holdsSQL`), as index ranges of
  /// `followUp_on_owner`, `followUp_wake_on_owner` and `followUp_unreadable` (v15), one per way a row stops holding:
  /// made with no, an earlier or a later fingerprint; cleared by a write; made after `now` (a clock set back); woken;
  /// a due answer that cannot be read back. The ways exclude each other, so each row comes once. Reading every row
  /// of the consultant and testing it was a quarter of the server's CPU per `/api/v1/next` (2,500 rows per request).
  static func staleByOwner(
    _ owner: String, _ ownerArgs: StatementArguments, fields: String, fingerprint: String, now t: Double
  ) -> (String, StatementArguments) {
    let ways: [(index: String, condition: String, arguments: StatementArguments)] = [
      ("", "f.playbook IS NULL", []),
      ("", "f.playbook < ?", [fingerprint]),
      ("", "f.playbook > ?", [fingerprint]),
      ("", "f.playbook = ? AND f.asOf IS NULL", [fingerprint]),
      ("", "f.playbook = ? AND f.asOf > ?", [fingerprint, t]),
      ("", "f.playbook = ? AND f.wakeAt <= ? AND f.asOf <= ?", [fingerprint, t, t]),
      // By the partial index, or SQLite searches every row made before `now` by `followUp_on_owner`.
      (
        " INDEXED BY followUp_unreadable",
        "\(unreadableSQL) AND f.playbook = ? AND f.asOf <= ? AND (f.wakeAt IS NULL OR f.wakeAt > ?)",
        [fingerprint, t, t]
      ),
    ]
    var arguments: StatementArguments = []
    let sql: String = ways.map { way -> String in
      arguments += ownerArgs + way.arguments
      return "SELECT f.leadId, \(fields) FROM followUp f\(way.index) WHERE \(owner) AND \(way.condition)"
    }.joined(separator: "\nUNION ALL\n")
    return (sql, arguments)
  }

  /// A due answer that cannot be read back: a code without both times or the lead's part of the priority (a row
  /// made before v15), or not one of `codes` (the binary's in
  /// `holdsSQL`'s terms; v15's in `followUp_unreadable`'s condition, written with `column: ""`). SQLite may search
  /// the index only while the two lists are the same (the query's condition must imply the index's): with other
  /// codes the stale read fails to prepare, which `QueryPlanTests` says before any user could see it.
  static func unreadable(column prefix: String = "f.", codes: [String] = ActionCode.allCases.map(\.rawValue))
    -> String
  {
    let list = quoted(codes)
    let p = prefix
    return
      "\(p)code IS NOT NULL AND (\(p)dueAt IS NULL OR \(p)deadline IS NULL OR \(p)base IS NULL OR \(p)code NOT IN (\(list)))"
  }
  static let unreadableSQL = unreadable()

  /// The leads of `filter` with their stored follow-ups: `.stale` those whose row does not hold at `now` (the rest
  /// are either quiet or found by `heldDueFollowUps`), `.all` every lead. Unordered.
  public func followUps(_ filter: LeadFilter, need: FollowUpNeed, now: Date, fingerprint: String) throws
    -> [FollowUpRow]
  {
    let (cond, args) = filter.condition
    let t = now.timeIntervalSince1970
    let fields = "f.rev, f.playbook, f.asOf, f.wakeAt, f.code, f.dueAt, f.deadline, f.detail, f.bound, f.base"
    return try writer.read { db in
      let sql: String
      var arguments: StatementArguments
      if need == .all {
        (sql, arguments) = (
          "SELECT l.id, \(fields) FROM lead l LEFT JOIN followUp f ON f.leadId = l.id WHERE \(cond)", args
        )
      } else if let (owner, ownerArgs) = try Self.ownerCondition(filter, db) {
        if filter.scope == .all {
          sql = "SELECT f.leadId, \(fields) FROM followUp f WHERE \(owner) AND NOT \(Self.holdsSQL)"
          arguments = ownerArgs + [fingerprint, t, t]
        } else {
          (sql, arguments) = Self.staleByOwner(owner, ownerArgs, fields: fields, fingerprint: fingerprint, now: t)
        }
      } else {
        sql = """
          SELECT l.id, \(fields) FROM lead l LEFT JOIN followUp f ON f.leadId = l.id
          WHERE \(cond) AND NOT \(Self.holdsSQL)
          """
        arguments = args + [fingerprint, t, t]
      }
      return try Array(
        Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map { row -> FollowUpRow in
          let id = LeadID(row[0] as Int64)
          let rev: Int64 = row[1] ?? 0
          guard let playbook: String = row[2], playbook == fingerprint, let asOf: Double = row[3] else {
            return FollowUpRow(leadID: id, rev: rev, stored: nil)
          }
          let wake: Double? = row[4]
          var held: StoredFollowUp.Held?
          if let code: String = row[5] {
            guard let action = ActionCode(rawValue: code), let dueAt: Double = row[6], let deadline: Double = row[7],
              let base: Double = row[10]
            else { return FollowUpRow(leadID: id, rev: rev, stored: nil) }
            held = StoredFollowUp.Held(
              code: action, dueAt: Date(timeIntervalSince1970: dueAt), deadline: Date(timeIntervalSince1970: deadline),
              detail: row[8], base: base)
          }
          let stored = StoredFollowUp(
            asOf: Date(timeIntervalSince1970: asOf),
            wakeAt: wake.map(Date.init(timeIntervalSince1970:)) ?? .distantFuture,
            due: held, bound: row[9] ?? 0)
          return FollowUpRow(leadID: id, rev: rev, stored: stored)
        })
    }
  }

  /// The leads of `filter` whose stored follow-up holds at `now` and is due, highest bound first (then by id),
  /// `limit` of them after the first `offset`: the queue reads the few it needs, and SQLite sorts the rest unread.
  public func heldDueFollowUps(_ filter: LeadFilter, now: Date, fingerprint: String, offset: Int, limit: Int) throws
    -> [HeldDue]
  {
    let (cond, args) = filter.condition
    let t = now.timeIntervalSince1970
    let dueFields = "f.code, f.dueAt, f.deadline, f.detail, f.base"
    return try writer.read { db in
      let (sql, arguments): (String, StatementArguments)
      if let (owner, ownerArgs) = try Self.ownerCondition(filter, db) {
        sql = """
          SELECT f.leadId, f.bound, \(dueFields) FROM followUp f
          WHERE \(owner) AND f.code IS NOT NULL AND \(Self.holdsSQL)
          ORDER BY f.bound DESC, f.leadId LIMIT ? OFFSET ?
          """
        arguments = ownerArgs + [fingerprint, t, t, limit, offset]
      } else {
        sql = """
          SELECT f.leadId, f.bound, \(dueFields) FROM lead l JOIN followUp f ON f.leadId = l.id
          WHERE \(cond) AND f.code IS NOT NULL AND \(Self.holdsSQL)
          ORDER BY f.bound DESC, f.leadId LIMIT ? OFFSET ?
          """
        arguments = args + [fingerprint, t, t, limit, offset]
      }
      return try Array(
        Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).compactMap { row -> HeldDue? in
          // `holdsSQL` admits only known codes with both times.
          guard let code = ActionCode(rawValue: row[2]) else { return nil }
          return HeldDue(
            leadID: LeadID(row[0] as Int64), bound: row[1] ?? 0,
            due: StoredFollowUp.Held(
              code: code, dueAt: Date(timeIntervalSince1970: row[3]), deadline: Date(timeIntervalSince1970: row[4]),
              detail: row[5], base: row[6]))
        })
    }
  }

  /// The leads of `filter` whose stored follow-up holds at `now` and is past its deadline, by lead id: read from the
  /// follow-up index alone (both of its indexes cover these columns).
  public func overdueFollowUps(_ filter: LeadFilter, now: Date, fingerprint: String) throws -> [HeldOverdue] {
    let t = now.timeIntervalSince1970
    return try writer.read { db in
      var (condition, args) = filter.condition
      var (from, consultant) = ("lead l JOIN followUp f ON f.leadId = l.id", "l.consultantId")
      if let (owner, ownerArgs) = try Self.ownerCondition(filter, db) {
        (condition, args, from, consultant) = (owner, ownerArgs, "followUp f", "f.consultantId")
      }
      let sql = """
        SELECT f.leadId, \(consultant), f.code, f.dueAt, f.deadline FROM \(from)
        WHERE \(condition) AND f.code IS NOT NULL AND \(Self.holdsSQL) AND f.deadline < ? ORDER BY f.leadId
        """
      var found: [HeldOverdue] = []
      let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: args + [fingerprint, t, t, t])
      while let row = try rows.next() {
        // `holdsSQL` admits only known codes with both times.
        guard let code = ActionCode(rawValue: row[2]) else { continue }
        found.append(
          HeldOverdue(
            leadID: LeadID(row[0] as Int64), consultantID: row[1], code: code,
            dueAt: Date(timeIntervalSince1970: row[3]), deadline: Date(timeIntervalSince1970: row[4])))
      }
      return found
    }
  }

  /// Stores follow-ups worked out from leads read at `rev`, each only where the row is still at that `rev` (a write
  /// since then cleared it and stays cleared) and the lead still exists. One transaction; returns the rows stored.
  @discardableResult
  public func storeFollowUps(_ rows: [FollowUpRow], fingerprint: String) throws -> Int {
    let stored = rows.filter { $0.stored != nil }
    guard !stored.isEmpty else { return 0 }
    return try writer.write { db in
      let statement = try db.makeStatement(
        sql: """
          INSERT INTO followUp (
              leadId, rev, playbook, asOf, wakeAt, code, dueAt, deadline, detail, bound, base, consultantId)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, consultantId FROM lead WHERE id = ?1
          ON CONFLICT (leadId) DO UPDATE SET
            playbook = excluded.playbook, asOf = excluded.asOf, wakeAt = excluded.wakeAt, code = excluded.code,
            dueAt = excluded.dueAt, deadline = excluded.deadline, detail = excluded.detail, bound = excluded.bound,
            base = excluded.base
          WHERE followUp.rev = excluded.rev
          """)
      var written = 0
      for row in stored {
        guard let s = row.stored else { continue }
        let wake: Double? = s.wakeAt == .distantFuture ? nil : s.wakeAt.timeIntervalSince1970
        try statement.execute(arguments: [
          row.leadID, row.rev, fingerprint, s.asOf.timeIntervalSince1970, wake, s.due?.code.rawValue,
          s.due?.dueAt.timeIntervalSince1970, s.due?.deadline.timeIntervalSince1970, s.due?.detail,
          s.due == nil ? nil : s.bound, s.due?.base,
        ])
        written += db.changesCount
      }
      return written
    }
  }

  /// Clears every stored follow-up (`coach doctor --repair` rebuilds them from the replay).
  public func clearFollowUps() throws {
    try writer.write { db in
      try db.execute(sql: "UPDATE followUp SET asOf = NULL, rev = rev + 1")
      try db.execute(sql: "INSERT OR IGNORE INTO followUp (leadId, consultantId) SELECT id, consultantId FROM lead")
      try db.execute(
        sql: """
          UPDATE followUp SET consultantId = (SELECT consultantId FROM lead WHERE lead.id = followUp.leadId)
          WHERE consultantId IS NOT (SELECT consultantId FROM lead WHERE lead.id = followUp.leadId)
          """)
    }
  }
}
