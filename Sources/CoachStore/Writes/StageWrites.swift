import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Validates and records a stage change in one transaction; an illegal change writes nothing.
  public func changeStage(
    leadID: LeadID, _ change: StageChange, now: Date, today: LocalDate, actor: String?, scope: Scope
  ) throws -> StageEvent {
    try writer.write { db in
      let lead = try LeadLoader.one(db, id: leadID, scope: scope)
      let event = try StageMachine.apply(change, from: lead.stage, at: now, today: today, actor: actor)
      let id = lead.id.rawValue
      try LeadWriter.insertEvent(db, leadID: id, event)
      try db.execute(
        sql: "UPDATE lead SET stage = ?, model = COALESCE(?, model), updatedAt = ? WHERE id = ?",
        arguments: [event.to.rawValue, change.model, now, id])
      return event
    }
  }
}
