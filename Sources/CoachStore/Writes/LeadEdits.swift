import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Applies `edit` to a lead the scope may change, in one transaction.
  public func editLead(id leadID: LeadID, _ edit: LeadEdit, now: Date, actor: String?, scope: Scope) throws {
    try writer.write { db in
      let lead = try LeadLoader.one(db, id: leadID, scope: scope)
      let id = lead.id.rawValue
      if let eta = edit.eta {
        guard lead.stage == .deposit || lead.stage == .waitingForDelivery else {
          throw CoachError.refused(.etaNotApplicable(leadID: leadID, stage: lead.stage))
        }
        try LeadWriter.insertEvent(
          db, leadID: id,
          StageEvent(from: lead.stage, to: lead.stage, at: now, actor: actor, note: StageEvent.etaChangedNote, eta: eta)
        )
      }
      let after = edit.applied(to: lead.fields)
      if !edit.allowDuplicatePhone, let phone = after.phone, phone != lead.phone,
        let existing = try LeadWriter.leadID(db, withPhone: phone, otherThanCustomerOf: id)
      {
        throw CoachError.refused(.duplicatePhone(phone: phone, leadID: LeadID(existing)))
      }
      let customer = after.customerColumns
      if customer != lead.fields.customerColumns {
        try db.execute(
          sql: """
            UPDATE customer SET name = ?, phone = ?, wechat = ?, email = ?, gender = ?, birthday = ?, city = ?
            WHERE id = (SELECT customerId FROM lead WHERE id = ?)
            """,
          arguments: StatementArguments(customer.map { $0 as (any DatabaseValueConvertible)? } + [id]))
      }
      // The lead's history of edits: each field changed, before and after (the owner by name, below).
      var changes = lead.fields.changes(to: after)
      if let newOwner = edit.consultantID {
        // A single-lead move is recorded like a bulk reassignment (who, when, from whom, to whom).
        let to = try String.fetchOne(db, sql: "SELECT name FROM user WHERE id = ?", arguments: [newOwner])
        if to != lead.consultant {
          try db.execute(
            sql: "INSERT INTO reassignLog (at, actor, fromUser, toUser, leads) VALUES (?,?,?,?,1)",
            arguments: [now, actor, lead.consultant ?? "-", to ?? "-"])
          changes.append((field: "consultant", before: lead.consultant, after: to))
        }
      }
      try db.execute(
        sql: """
          UPDATE lead SET source = ?, model = ?, grade = ?, tier = ?, consultantId = COALESCE(?, consultantId),
            updatedAt = ?
          WHERE id = ?
          """,
        arguments: [
          after.source, after.model, after.grade?.rawValue, after.tier?.rawValue, edit.consultantID, now, id,
        ])
      for tag in after.tags where !lead.tags.contains(tag) {
        try db.execute(sql: "INSERT OR IGNORE INTO leadTag (leadId, tag) VALUES (?, ?)", arguments: [id, tag])
      }
      for tag in lead.tags where !after.tags.contains(tag) {
        try db.execute(sql: "DELETE FROM leadTag WHERE leadId = ? AND tag = ?", arguments: [id, tag])
      }
      for fact in edit.profile {
        try db.execute(
          sql: "DELETE FROM profileFact WHERE key = ? AND customerId = (SELECT customerId FROM lead WHERE id = ?)",
          arguments: [fact.key, id])
        try db.execute(
          sql:
            "INSERT INTO profileFact (customerId, key, value, createdAt) SELECT customerId, ?, ?, ? FROM lead WHERE id = ?",
          arguments: [fact.key, fact.value, now, id])
      }
      for change in changes {
        try db.execute(
          sql: "INSERT INTO leadEdit (leadId, at, actor, field, oldValue, newValue) VALUES (?, ?, ?, ?, ?, ?)",
          arguments: [id, now, actor, change.field, change.before, change.after])
      }
    }
  }

  public func leadEdits(id leadID: LeadID) throws -> [FieldChange] {
    try writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT at, actor, field, oldValue, newValue FROM leadEdit WHERE leadId = ? ORDER BY at, id",
        arguments: [leadID.rawValue]
      ).map {
        FieldChange(at: $0["at"], actor: $0["actor"], field: $0["field"], before: $0["oldValue"], after: $0["newValue"])
      }
    }
  }
}
