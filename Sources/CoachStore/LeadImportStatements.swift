import CoachCore
import Foundation
import GRDB

/// The rows one imported lead writes, through statements prepared once per import. Writes exactly what
/// `LeadWriter.insert` writes for the same lead (customer reuse by name and phone, tags, profile facts, one
/// stage event); `LeadImportEquivalenceTests` holds them together.
final class LeadImportStatements {
  private let leadByExternalID: ImportStatement
  private let customerByPhone: ImportStatement
  private let customerFill: ImportStatement
  private let customerInsert: ImportStatement
  private let leadInsert: ImportStatement
  private let tagInsert: ImportStatement
  private let factDelete: ImportStatement
  private let factInsert: ImportStatement
  private let eventInsert: ImportStatement
  /// The note of the import's stage event, by stage (`imported at <stage>`; none for a prospect).
  /// Customers this import created, when the database had none before it (else nil: every row is looked up).
  private var created: CreatedCustomers?
  private static let stages = Stage.allCases
  private let notes: [String?] = stages.map { $0 == .prospect ? nil : "imported at \($0.rawValue)" }

  init(_ db: Database) throws {
    leadByExternalID = try ImportStatement(db, "SELECT 1 FROM lead WHERE externalId = ?")
    customerByPhone = try ImportStatement(db, "SELECT id FROM customer WHERE phone = ? AND name = ? ORDER BY id LIMIT 1")
    customerFill = try ImportStatement(
      db,
      """
      UPDATE customer SET wechat = COALESCE(wechat, ?), email = COALESCE(email, ?), gender = COALESCE(gender, ?),
        birthday = COALESCE(birthday, ?), city = COALESCE(city, ?) WHERE id = ?
      """)
    customerInsert = try ImportStatement(
      db, "INSERT INTO customer (name, phone, wechat, email, gender, birthday, city, createdAt) VALUES (?,?,?,?,?,?,?,?)")
    leadInsert = try ImportStatement(
      db,
      """
      INSERT INTO lead (customerId, externalId, consultantId, source, model, grade, tier, stage, createdAt, updatedAt)
      VALUES (?,?,?,?,?,?,?,?,?,?)
      """)
    tagInsert = try ImportStatement(db, "INSERT INTO leadTag (leadId, tag) VALUES (?, ?)")
    factDelete = try ImportStatement(db, "DELETE FROM profileFact WHERE customerId = ? AND key = ?")
    factInsert = try ImportStatement(db, "INSERT INTO profileFact (customerId, key, value, createdAt) VALUES (?,?,?,?)")
    // OR FAIL: an insert that fires a trigger (`delivery_on_event`) and may abort gets a statement journal (each
    // page it changes copied first, in every row); FAIL needs none. No constraint can fail here (a new lead's id,
    // a stage, a time), and if one did, the error would roll the whole import back just as ABORT's does.
    eventInsert = try ImportStatement(
      db,
      """
      INSERT OR FAIL INTO stageEvent (leadId, fromStage, toStage, at, actor, reason, note, amount, model, eta, date)
      VALUES (?,NULL,?,?,?,NULL,?,NULL,NULL,NULL,NULL)
      """)
    created = try Bool.fetchOne(db, sql: "SELECT 1 FROM customer LIMIT 1") == nil ? CreatedCustomers() : nil
  }

  /// Whether a lead with this external id is in the database.
  func leadExists(externalID: String) throws -> Bool {
    try leadByExternalID.bind(1, externalID)
    return try leadByExternalID.exists()
  }

  /// Writes the lead of `row` (created at `createdAt`, assigned to `consultantID`) and returns its id.
  func insert(_ row: ImportedLead, consultantID: Int64?, createdAt: Date, actor: String?) throws -> Int64 {
    let customerID = try customer(row, at: createdAt)
    let s = leadInsert
    try s.bind(1, customerID)
    try s.bind(2, row.externalID)
    try s.bind(3, consultantID)
    try s.bind(4, row.source)
    try s.bind(5, row.model)
    try s.bind(6, row.grade?.rawValue)
    try s.bind(7, row.tier?.rawValue)
    try s.bind(8, row.stage.rawValue)
    try s.bind(9, date: createdAt)
    try s.bind(10, date: createdAt)
    try s.execute()
    let leadID = s.lastInsertedRowID
    for (i, tag) in row.tags.enumerated() where !row.tags[..<i].contains(tag) {
      try tagInsert.bind(1, leadID)
      try tagInsert.bind(2, tag)
      try tagInsert.execute()
    }
    var keys: [String] = []
    for fact in row.profile.reversed() where !keys.contains(fact.key) {
      keys.append(fact.key)
      try factDelete.bind(1, customerID)
      try factDelete.bind(2, fact.key)
      try factDelete.execute()
      try factInsert.bind(1, customerID)
      try factInsert.bind(2, fact.key)
      try factInsert.bind(3, fact.value)
      try factInsert.bind(4, date: createdAt)
      try factInsert.execute()
    }
    try eventInsert.bind(1, leadID)
    try eventInsert.bind(2, row.stage.rawValue)
    try eventInsert.bind(3, date: createdAt)
    try eventInsert.bind(4, actor)
    try eventInsert.bind(5, Self.stages.firstIndex(of: row.stage).flatMap { notes[$0] })
    try eventInsert.execute()
    return leadID
  }

  /// The customer with the row's name and phone (blanks filled from the row), or a new one.
  private func customer(_ row: ImportedLead, at: Date) throws -> Int64 {
    let birthday = row.birthday.map(DayText.iso)
    try customerByPhone.bind(1, row.phone)
    try customerByPhone.bind(2, row.name)
    // Without customers before the import, only one this import created can match: when none did, skip the query.
    if created?.mayHave(phone: row.phone, name: row.name) ?? true, let id = try customerByPhone.fetchInt64() {
      let s = customerFill
      try s.bind(1, row.wechat)
      try s.bind(2, row.email)
      try s.bind(3, row.gender)
      try s.bind(4, birthday)
      try s.bind(5, row.city)
      try s.bind(6, id)
      try s.execute()
      return id
    }
    let s = customerInsert
    try s.bind(1, row.name)
    try s.bind(2, row.phone)
    try s.bind(3, row.wechat)
    try s.bind(4, row.email)
    try s.bind(5, row.gender)
    try s.bind(6, birthday)
    try s.bind(7, row.city)
    try s.bind(8, date: at)
    try s.execute()
    created?.insert(phone: row.phone, name: row.name)
    if created?.isFull == true { created = nil }
    return s.lastInsertedRowID
  }
}
