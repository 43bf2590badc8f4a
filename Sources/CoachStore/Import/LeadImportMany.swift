import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

/// A lead row whose customer is new, waiting to be written with the next ones (a class: the rows are handed
/// around by reference, not copied field by field).
final class PendingLead {
  let row: ImportedLead
  let consultantID: Int64?
  /// The creation time as stored, bound to the customer, the lead (twice) and the stage event.
  let createdAt: StoredDateText

  init(row: ImportedLead, consultantID: Int64?, createdAt: Date) {
    self.row = row
    self.consultantID = consultantID
    self.createdAt = StoredDateText(createdAt)
  }
}

/// The customer, lead and stage-event inserts of `size` rows in one statement each (`INSERT … VALUES (…), (…)`):
/// SQLite's cost per statement run (starting, halting, resetting the program) is paid once per `size` rows, not
/// per row (100k leads: 0.78 → 0.63 s in C). Each table's rows go in in row order, so every id is the one a
/// row-at-a-time import gives: an AUTOINCREMENT table gives each inserted row max(largest id ever, largest id
/// now) + 1, so the rows of one statement get consecutive ids ending at the last inserted one.
final class LeadImportMany {
  let size: Int
  private let customers: ImportStatement
  private let leads: ImportStatement
  private let events: ImportStatement

  init(_ db: Database, size: Int) throws {
    self.size = size
    func values(_ tuple: String) -> String { Array(repeating: tuple, count: size).joined(separator: ",") }
    // OR FAIL, as the stage event's insert in `LeadImportStatements`: a statement writing many rows that may abort
    // (a NOT NULL or UNIQUE column) gets a statement journal, every page it changes copied first (100k leads: about
    // a quarter of a second of CPU); FAIL needs none. No constraint can fail here (the rows' external ids are
    // distinct and new, names are given), and if one did, the error would roll the whole import back as ABORT's does.
    // (Neither table has an insert trigger while the import runs, whose statements the FAIL would govern too: the
    // stored follow-ups' are set aside.)
    customers = try ImportStatement(
      db,
      "INSERT OR FAIL INTO customer (name, phone, wechat, email, gender, birthday, city, createdAt) VALUES "
        + values("(?,?,?,?,?,?,?,?)"))
    leads = try ImportStatement(
      db,
      "INSERT OR FAIL INTO lead (customerId, externalId, consultantId, source, model, grade, tier, stage, createdAt, "
        + "updatedAt) VALUES " + values("(?,?,?,?,?,?,?,?,?,?)"))
    events = try ImportStatement(
      db,
      "INSERT OR FAIL INTO stageEvent (leadId, fromStage, toStage, at, actor, reason, note, amount, model, eta, date) "
        + "VALUES " + values("(?,NULL,?,?,?,NULL,?,NULL,NULL,NULL,NULL)"))
  }

  /// Inserts the customers of `rows` (exactly `size`) and returns the first one's id (the others follow).
  func insertCustomers(_ rows: [PendingLead]) throws -> Int64 {
    let s = customers
    for (i, p) in rows.enumerated() {
      let o = Int32(i * 8)
      let row = p.row
      try s.bind(o + 1, row.name)
      try s.bind(o + 2, row.phone)
      try s.bind(o + 3, row.wechat)
      try s.bind(o + 4, row.email)
      try s.bind(o + 5, row.gender)
      try s.bind(o + 6, row.birthday.map(DayText.iso))
      try s.bind(o + 7, row.city)
      try s.bind(o + 8, p.createdAt)
    }
    try s.execute()
    return s.lastInsertedRowID - Int64(rows.count - 1)
  }

  /// Inserts the leads of `rows`, the i-th with customer `firstCustomer + i`; returns the first lead's id.
  func insertLeads(_ rows: [PendingLead], firstCustomer: Int64) throws -> Int64 {
    let s = leads
    for (i, p) in rows.enumerated() {
      let o = Int32(i * 10)
      let row = p.row
      try s.bind(o + 1, firstCustomer + Int64(i))
      try s.bind(o + 2, row.externalID)
      try s.bind(o + 3, p.consultantID)
      try s.bind(o + 4, row.source)
      try s.bind(o + 5, row.model)
      try s.bind(o + 6, row.grade?.rawValue)
      try s.bind(o + 7, row.tier?.rawValue)
      try s.bind(o + 8, row.stage.rawValue)
      try s.bind(o + 9, p.createdAt)
      try s.bind(o + 10, p.createdAt)
    }
    try s.execute()
    return s.lastInsertedRowID - Int64(rows.count - 1)
  }

  /// Inserts the stage events of `rows`, the i-th for lead `firstLead + i`, with `note(stage)`.
  func insertEvents(_ rows: [PendingLead], firstLead: Int64, actor: String?, note: (Stage) -> String?) throws {
    let s = events
    for (i, p) in rows.enumerated() {
      let o = Int32(i * 5)
      try s.bind(o + 1, firstLead + Int64(i))
      try s.bind(o + 2, p.row.stage.rawValue)
      try s.bind(o + 3, p.createdAt)
      try s.bind(o + 4, actor)
      try s.bind(o + 5, note(p.row.stage))
    }
    try s.execute()
  }
}
