import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Adds one lead (and its customer) and returns its id. A phone number an existing lead already has is refused,
  /// naming that lead, unless `allowDuplicatePhone` (the same customer back for another car, a shared family phone).
  public func addLead(_ lead: NewLead, actor: String?, allowDuplicatePhone: Bool = true) throws -> LeadID {
    try writer.write { db in
      if !allowDuplicatePhone, let phone = lead.phone, let existing = try LeadWriter.leadID(db, withPhone: phone) {
        throw CoachError.refused(.duplicatePhone(phone: phone, leadID: LeadID(existing)))
      }
      return LeadID(try LeadWriter.insert(db, lead, actor: actor))
    }
  }
}

/// Row-level writes shared by `lead add`, import and demo.
enum LeadWriter {
  static func insert(_ db: Database, _ lead: NewLead, actor: String?, events: [StageEvent]? = nil) throws -> Int64 {
    // Cached statements: an import runs these for every row.
    let customerID = try customer(db, for: lead)
    try db.cachedStatement(
      sql: """
        INSERT INTO lead (customerId, externalId, consultantId, source, model, grade, tier, stage, createdAt, updatedAt)
        VALUES (?,?,?,?,?,?,?,?,?,?)
        """
    ).execute(
      arguments: [
        customerID, lead.externalID, lead.consultantID, lead.source, lead.model, lead.grade?.rawValue,
        lead.tier?.rawValue,
        lead.stage.rawValue, StoredDate.value(lead.createdAt), StoredDate.value(lead.createdAt),
      ])
    let leadID = db.lastInsertedRowID
    var tagsSeen = Set<String>()
    for tag in lead.tags where tagsSeen.insert(tag).inserted {
      try db.cachedStatement(sql: "INSERT INTO leadTag (leadId, tag) VALUES (?, ?)").execute(arguments: [leadID, tag])
    }
    var seen = Set<String>()
    for fact in lead.profile.reversed() where seen.insert(fact.key).inserted {
      try db.cachedStatement(sql: "DELETE FROM profileFact WHERE customerId = ? AND key = ?").execute(
        arguments: [customerID, fact.key])
      try db.cachedStatement(sql: "INSERT INTO profileFact (customerId, key, value, createdAt) VALUES (?,?,?,?)")
        .execute(
          arguments: [customerID, fact.key, fact.value, StoredDate.value(lead.createdAt)])
    }
    let history = events ?? [StageEvent(from: nil, to: lead.stage, at: lead.createdAt, actor: actor, note: nil)]
    for event in history { try insertEvent(db, leadID: leadID, event) }
    return leadID
  }

  /// The customer of a new lead: a person who comes back for another car (same name and phone) keeps one customer
  /// record (and profile) across leads; blanks of the record are filled from the new lead.
  static func customer(_ db: Database, for lead: NewLead) throws -> Int64 {
    if let phone = lead.phone,
      let id = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT id FROM customer WHERE phone = ? AND name = ? ORDER BY id LIMIT 1"),
        arguments: [phone, lead.name])
    {
      try db.execute(
        sql: """
          UPDATE customer SET wechat = COALESCE(wechat, ?), email = COALESCE(email, ?), gender = COALESCE(gender, ?),
            birthday = COALESCE(birthday, ?), city = COALESCE(city, ?) WHERE id = ?
          """,
        arguments: [lead.wechat, lead.email, lead.gender, lead.birthday?.description, lead.city, id])
      return id
    }
    try db.cachedStatement(
      sql:
        "INSERT INTO customer (name, phone, wechat, email, gender, birthday, city, createdAt) VALUES (?,?,?,?,?,?,?,?)"
    ).execute(
      arguments: [
        lead.name, lead.phone, lead.wechat, lead.email, lead.gender, lead.birthday?.description, lead.city,
        StoredDate.value(lead.createdAt),
      ])
    return db.lastInsertedRowID
  }

  /// The first lead whose customer has `phone` (stored normalised, `Phone.normalize`): one search of
  /// `customer_on_phone`, then of the lead's customer index, whatever the number of leads.
  static func leadID(_ db: Database, withPhone phone: String) throws -> Int64? {
    try Int64.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT lead.id FROM customer JOIN lead ON lead.customerId = customer.id
          WHERE customer.phone = ? ORDER BY lead.id LIMIT 1
          """),
      arguments: [phone])
  }

  /// The first lead with `phone` whose customer is not lead `leadID`'s (leads of one customer share its phone).
  static func leadID(_ db: Database, withPhone phone: String, otherThanCustomerOf leadID: Int64) throws -> Int64? {
    try Int64.fetchOne(
      db,
      sql: """
        SELECT lead.id FROM customer JOIN lead ON lead.customerId = customer.id
        WHERE customer.phone = ? AND customer.id <> (SELECT customerId FROM lead WHERE id = ?) ORDER BY lead.id LIMIT 1
        """,
      arguments: [phone, leadID])
  }

  static func insertEvent(_ db: Database, leadID: Int64, _ e: StageEvent) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO stageEvent (leadId, fromStage, toStage, at, actor, reason, note, amount, model, eta, date)
        VALUES (?,?,?,?,?,?,?,?,?,?,?)
        """
    ).execute(
      arguments: [
        leadID, e.from?.rawValue, e.to.rawValue, StoredDate.value(e.at), e.actor, e.reason?.rawValue, e.note, e.amount,
        e.model,
        e.eta?.description, e.date?.description,
      ])
  }
}
