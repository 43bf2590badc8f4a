import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Moves every lead of user `from` to user `to` and records who did it, when and how many, in one transaction.
  ///
  /// Allowed to admins (and everyone on a database without users) and to the team lead of both users' team.
  public func reassignLeads(from: String, to: String, acting: User?, now: Date) throws -> Reassignment {
    try writer.write { db in
      let source = try Self.existingUser(db, named: from)
      let target = try Self.existingUser(db, named: to)
      guard let sourceID = source.id, let targetID = target.id else {
        throw CoachError.internalError("user without id")
      }
      guard sourceID != targetID else {
        throw CoachError.refused(.sameUser(name: from))
      }
      try Reassignment.authorize(acting: acting, from: source, to: target)
      // Each lead's own edit history says who had it until now (`lead show`; the audit counts by it).
      try db.execute(
        sql: """
          INSERT INTO leadEdit (leadId, at, actor, field, oldValue, newValue)
          SELECT id, ?, ?, 'consultant', ?, ? FROM lead WHERE consultantId = ?
          """,
        arguments: [now, acting?.name, source.name, target.name, sourceID])
      try db.execute(
        sql: "UPDATE lead SET consultantId = ?, updatedAt = ? WHERE consultantId = ?",
        arguments: [targetID, now, sourceID])
      let moved = db.changesCount
      let entry = Reassignment(at: now, actor: acting?.name, from: source.name, to: target.name, leads: moved)
      // Nothing moved, nothing to record (an audit listed "A → B 0").
      guard moved > 0 else { return entry }
      try db.execute(
        sql: "INSERT INTO reassignLog (at, actor, fromUser, toUser, leads) VALUES (?,?,?,?,?)",
        arguments: [entry.at, entry.actor, entry.from, entry.to, entry.leads])
      return entry
    }
  }

  /// The reassignment log, oldest first.
  public func reassignments() throws -> [Reassignment] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM reassignLog ORDER BY at, id").map {
        Reassignment(at: $0["at"], actor: $0["actor"], from: $0["fromUser"], to: $0["toUser"], leads: $0["leads"])
      }
    }
  }

  static func existingUser(_ db: Database, named name: String) throws -> User {
    if let user = try User.named(name, in: db) { return user }
    throw CoachError.refused(
      .unknownConsultant(name: name, known: try String.fetchAll(db, sql: "SELECT name FROM user ORDER BY name")))
  }

}
