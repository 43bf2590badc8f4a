import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

/// The rows one imported lead writes, through statements prepared once per import. Writes exactly what
/// `LeadWriter.insert` writes for the same lead (customer reuse by name and phone, tags, profile facts, one
/// stage event); `LeadImportEquivalenceTests` holds them together.
final class LeadImportStatements {
  private let leadByExternalID: ImportStatement
  private let leadByCustomer: ImportStatement
  private let customerByPhone: ImportStatement
  private let customerFill: ImportStatement
  private let customerInsert: ImportStatement
  private let leadInsert: ImportStatement
  private let tagInsert: ImportStatement
  private let factDelete: ImportStatement
  private let factInsert: ImportStatement
  private let eventInsert: ImportStatement
  /// Customers this import created, when the database had none before it (else nil: every row is looked up).
  private var created: CreatedCustomers?
  /// Statements for many rows at once, when rows may wait (`batched`), and the rows waiting: each has a customer
  /// no earlier row has (so no look-up to wait for), and the order of each table's inserts is the rows' order.
  private let many: LeadImportMany?
  private var pending: [PendingLead] = []
  private let actor: String?
  private static let stages = Stage.allCases
  /// The note of the import's stage event, by stage (`imported at <stage>`; none for a prospect).
  private let notes: [String?] = stages.map(StageEvent.importedNote)

  /// `batched`: rows whose customer is new may wait to be written with the next ones (`flush` writes them): only
  /// when nothing read before the next `flush` depends on them (no two rows share an external id).
  init(_ db: Database, actor: String?, batched: Bool) throws {
    self.actor = actor
    many = batched ? try LeadImportMany(db, size: 64) : nil
    leadByExternalID = try ImportStatement(db, "SELECT 1 FROM lead WHERE externalId = ?")
    // A search of `customer_on_phone`, then of each such customer's leads by `lead`'s customer index.
    leadByCustomer = try ImportStatement(
      db,
      """
      SELECT min(lead.id) FROM customer JOIN lead ON lead.customerId = customer.id
      WHERE customer.phone = ? AND customer.name = ? AND lead.id <= ?
      """)
    customerByPhone = try ImportStatement(
      db, "SELECT id FROM customer WHERE phone = ? AND name = ? ORDER BY id LIMIT 1")
    customerFill = try ImportStatement(
      db,
      """
      UPDATE customer SET wechat = COALESCE(wechat, ?), email = COALESCE(email, ?), gender = COALESCE(gender, ?),
        birthday = COALESCE(birthday, ?), city = COALESCE(city, ?) WHERE id = ?
      """)
    customerInsert = try ImportStatement(
      db,
      "INSERT INTO customer (name, phone, wechat, email, gender, birthday, city, createdAt) VALUES (?,?,?,?,?,?,?,?)")
    leadInsert = try ImportStatement(
      db,
      """
      INSERT INTO lead (customerId, externalId, consultantId, source, model, grade, tier, stage, createdAt, updatedAt)
      VALUES (?,?,?,?,?,?,?,?,?,?)
      """)
    tagInsert = try ImportStatement(db, "INSERT INTO leadTag (leadId, tag) VALUES (?, ?)")
    factDelete = try ImportStatement(db, "DELETE FROM profileFact WHERE customerId = ? AND key = ?")
    factInsert = try ImportStatement(db, "INSERT INTO profileFact (customerId, key, value, createdAt) VALUES (?,?,?,?)")
    // OR FAIL: an insert that may abort gets a statement journal (each page it changes copied first, in every row)
    // when it fires a trigger or writes several rows; FAIL needs none. No constraint can fail here (a new lead's id,
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

  /// The first lead, of id `upTo` or less, whose customer has this phone and name.
  func earlierLead(phone: String, name: String, upTo last: Int64) throws -> Int64? {
    try leadByCustomer.bind(1, phone)
    try leadByCustomer.bind(2, name)
    try leadByCustomer.bind(3, last)
    return try leadByCustomer.fetchInt64()
  }

  /// Writes the lead of `row` (created at `createdAt`, assigned to `consultantID`), now or at a later `flush`.
  func insert(_ row: ImportedLead, consultantID: Int64?, createdAt: Date) throws {
    let lead = PendingLead(row: row, consultantID: consultantID, createdAt: createdAt)
    // Without customers before the import, only one this import created can match: when none did, the customer
    // is new (no query), and the row may wait. Not one with profile facts: a waiting row's facts would go in before
    // the stage events of the rows before it, and the first insert into each table adds its `sqlite_sequence` row,
    // whose order `.dump` shows.
    if created?.mayHave(phone: row.phone, name: row.name) == false {
      created?.insert(phone: row.phone, name: row.name)
      if created?.isFull == true { created = nil }
      if let many, row.profile.isEmpty {
        pending.append(lead)
        if pending.count == many.size { try flush() }
        return
      }
      try flush()
      return try write(lead, customerID: try insertCustomer(row, at: lead.createdAt))
    }
    try flush()
    try write(lead, customerID: try customer(row, at: lead.createdAt))
  }

  /// Writes the rows that wait (before anything else is written: every table's inserts stay in row order).
  func flush() throws {
    guard !pending.isEmpty else { return }
    defer { pending.removeAll(keepingCapacity: true) }
    guard let many, pending.count == many.size else {
      for p in pending { try write(p, customerID: try insertCustomer(p.row, at: p.createdAt)) }
      return
    }
    let firstCustomer = try many.insertCustomers(pending)
    let firstLead = try many.insertLeads(pending, firstCustomer: firstCustomer)
    for (i, p) in pending.enumerated() {
      try insertTags(p.row, leadID: firstLead + Int64(i))
      try insertFacts(p.row, customerID: firstCustomer + Int64(i), at: p.createdAt)
    }
    try many.insertEvents(pending, firstLead: firstLead, actor: actor, note: note)
  }

  private func note(_ stage: Stage) -> String? { Self.stages.firstIndex(of: stage).flatMap { notes[$0] } }

  /// The lead row, its tags and facts, and its stage event, for the customer `customerID`.
  private func write(_ p: PendingLead, customerID: Int64) throws {
    let row = p.row
    let s = leadInsert
    try s.bind(1, customerID)
    try s.bind(2, row.externalID)
    try s.bind(3, p.consultantID)
    try s.bind(4, row.source)
    try s.bind(5, row.model)
    try s.bind(6, row.grade?.rawValue)
    try s.bind(7, row.tier?.rawValue)
    try s.bind(8, row.stage.rawValue)
    try s.bind(9, p.createdAt)
    try s.bind(10, p.createdAt)
    try s.execute()
    let leadID = s.lastInsertedRowID
    try insertTags(row, leadID: leadID)
    try insertFacts(row, customerID: customerID, at: p.createdAt)
    try eventInsert.bind(1, leadID)
    try eventInsert.bind(2, row.stage.rawValue)
    try eventInsert.bind(3, p.createdAt)
    try eventInsert.bind(4, actor)
    try eventInsert.bind(5, note(row.stage))
    try eventInsert.execute()
  }

  /// The row's tags, each once, in order.
  private func insertTags(_ row: ImportedLead, leadID: Int64) throws {
    for (i, tag) in row.tags.enumerated() where !row.tags[..<i].contains(tag) {
      try tagInsert.bind(1, leadID)
      try tagInsert.bind(2, tag)
      try tagInsert.execute()
    }
  }

  /// The row's profile facts (the last of each key), each replacing the customer's fact of that key.
  private func insertFacts(_ row: ImportedLead, customerID: Int64, at: StoredDateText) throws {
    var keys: [String] = []
    for fact in row.profile.reversed() where !keys.contains(fact.key) {
      keys.append(fact.key)
      try factDelete.bind(1, customerID)
      try factDelete.bind(2, fact.key)
      try factDelete.execute()
      try factInsert.bind(1, customerID)
      try factInsert.bind(2, fact.key)
      try factInsert.bind(3, fact.value)
      try factInsert.bind(4, at)
      try factInsert.execute()
    }
  }

  /// The customer with the row's name and phone (blanks filled from the row), or a new one.
  private func customer(_ row: ImportedLead, at: StoredDateText) throws -> Int64 {
    try customerByPhone.bind(1, row.phone)
    try customerByPhone.bind(2, row.name)
    if let id = try customerByPhone.fetchInt64() {
      let s = customerFill
      try s.bind(1, row.wechat)
      try s.bind(2, row.email)
      try s.bind(3, row.gender)
      try s.bind(4, row.birthday.map(DayText.iso))
      try s.bind(5, row.city)
      try s.bind(6, id)
      try s.execute()
      return id
    }
    created?.insert(phone: row.phone, name: row.name)
    if created?.isFull == true { created = nil }
    return try insertCustomer(row, at: at)
  }

  /// A new customer from the row; its id.
  private func insertCustomer(_ row: ImportedLead, at: StoredDateText) throws -> Int64 {
    let s = customerInsert
    try s.bind(1, row.name)
    try s.bind(2, row.phone)
    try s.bind(3, row.wechat)
    try s.bind(4, row.email)
    try s.bind(5, row.gender)
    try s.bind(6, row.birthday.map(DayText.iso))
    try s.bind(7, row.city)
    try s.bind(8, at)
    try s.execute()
    return s.lastInsertedRowID
  }
}
