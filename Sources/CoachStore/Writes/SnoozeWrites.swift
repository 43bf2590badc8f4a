import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Holds the sales follow-ups of a lead the scope may change until `until` (`coach snooze`), recorded with who,
  /// when and why. A snooze already holding is lifted at `now` by the new one (one hold at a time, both kept).
  public func snooze(
    leadID: LeadID, until: LocalDate, reason: String, actor: String?, now: Date, zone: TimeZone, scope: Scope
  )
    throws -> Snooze
  {
    try writer.write { db in
      let lead = try LeadLoader.one(db, id: leadID, scope: scope)
      let id = lead.id.rawValue
      if let holding = lead.snooze(at: now, in: zone) {
        try db.execute(
          sql: "UPDATE snooze SET clearedAt = ?, clearedBy = ? WHERE id = ?", arguments: [now, actor, holding.id])
      }
      try db.execute(
        sql: "INSERT INTO snooze (leadId, untilDay, reason, actor, at) VALUES (?,?,?,?,?)",
        arguments: [id, until.description, reason, actor, now])
      return Snooze(id: db.lastInsertedRowID, until: until, reason: reason, actor: actor, at: now)
    }
  }

  /// Lifts the snooze holding a lead at `now` (`coach snooze ID --clear`): the row stays, with who lifted it and when.
  public func clearSnooze(leadID: LeadID, actor: String?, now: Date, zone: TimeZone, scope: Scope) throws -> Snooze {
    try writer.write { db in
      let lead = try LeadLoader.one(db, id: leadID, scope: scope)
      guard var holding = lead.snooze(at: now, in: zone) else { throw CoachError.refused(.notSnoozed(leadID: lead.id)) }
      try db.execute(
        sql: "UPDATE snooze SET clearedAt = ?, clearedBy = ? WHERE id = ?", arguments: [now, actor, holding.id])
      holding.clearedAt = now
      holding.clearedBy = actor
      return holding
    }
  }
}

extension LeadLoader {
  /// Each loaded lead's snoozes, oldest first (`sub` selects the loaded ids).
  static func loadSnoozes(
    _ db: Database, _ sub: ChildCondition, into leads: inout [LeadSnapshot],
    _ index: LeadPositions
  ) throws {
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT leadId, id, untilDay, reason, actor, at, clearedAt, clearedBy
          FROM snooze WHERE \(sub.sql) ORDER BY leadId, at, id
          """), arguments: sub.args)
    var at = index
    while let row = try rows.next() {
      guard let i = at(row[0]), let until = LocalDate(row[2] as String) else { continue }
      leads[i].snoozes.append(
        Snooze(
          id: row[1], until: until, reason: row[3], actor: row[4], at: (row[5] as StoredTime).date,
          clearedAt: (row[6] as StoredTime?)?.date, clearedBy: row[7]))
    }
  }
}
