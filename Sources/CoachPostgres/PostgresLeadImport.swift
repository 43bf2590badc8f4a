import CoachCore
import CoachStoreAPI
import Foundation

/// Writes imported lead rows on PostgreSQL inside the import's transaction, a batch at a time with `COPY`: the same
/// rows `LeadImportWriter` writes on SQLite, with the same ids (customer reuse by name and phone, blanks filled,
/// tags once each, profile facts replacing the customer's of the same key, one stage event per lead). A row's only
/// late refusal (its external id already in the database) is known when it is read; the batch is written later.
final class PGLeadImport {
  static let batchSize = 5_000
  static let tables = ["\"user\"", "customer", "lead", "leadTag", "profileFact", "stageEvent"]

  private let c: PGConnection
  /// The rows' `COPY` statements, sent without waiting: every other statement waits for them first.
  private let sender: PGCopySender
  private let now: Date
  private let actor: String?
  private var consultants: [String: Int64]
  /// Consultants created, in the order their first row came.
  private(set) var created: [String] = []
  private let existingExternalIDs: Set<String>
  private var users: PGImportIDs
  private var customers: PGImportIDs
  private var leads: PGImportIDs
  private var facts: PGImportIDs
  private var events: PGImportIDs
  private var pending: [(row: ImportedLead, consultantID: Int64?, createdAt: Date)] = []
  /// The importing user's store, if any, and the names of the users of other stores (or of none).
  private let store: Int64?
  private let elsewhere: Set<String>
  /// The note of the import's stage event (`imported at <stage>`; none for a prospect), as on SQLite.
  private static func note(_ stage: Stage) -> String? { StageEvent.importedNote(stage) }

  /// Locks the tables a lead import writes (`PGImportLock`: the transaction's first statement) and reads what the
  /// rows are checked against: the external ids and the users in the database.
  init(_ c: PGConnection, now: Date, actor: String?) throws {
    try PGImportLock.take(c, Self.tables)
    self.c = c
    sender = PGCopySender(c)
    self.now = now
    self.actor = actor
    existingExternalIDs = try Self.externalIDs(c)
    consultants = try Dictionary(
      c.rows("SELECT name, id FROM \"user\"").map { (try $0.get(0, String.self), try $0.get(1, Int64.self)) },
      uniquingKeysWith: { a, _ in a })
    // A store's user imports into their store, as on SQLite (`LeadImportWriter`).
    store = try actor.flatMap {
      try c.scalar("SELECT storeId FROM \"user\" WHERE name = ? AND role <> 'group_admin'", [$0], as: Int64.self)
    }
    if let store {
      elsewhere = Set(
        try c.rows("SELECT name FROM \"user\" WHERE storeId IS DISTINCT FROM ?", [store]).map {
          try $0.get(0, String.self)
        })
    } else {
      elsewhere = []
    }
    users = try PGImportIDs(c, table: "\"user\"")
    customers = try PGImportIDs(c, table: "customer")
    leads = try PGImportIDs(c, table: "lead")
    facts = try PGImportIDs(c, table: "profileFact")
    events = try PGImportIDs(c, table: "stageEvent")
    firstLead = leads.next
    firstEvent = events.next
    try PGImportTriggers.setAside(c, Self.triggersSetAside)
    firstLoad = try PGBulkLoad.ifFirstLoad(c, Self.firstLoadTables, keep: ["\"user\""])
    if try c.scalar("SELECT NOT EXISTS (SELECT 1 FROM customer)", as: Bool.self) == true { ownCustomers = [:] }
  }

  /// When the database held no customer before the import, every customer is one of its own: they are found here,
  /// by name and phone, instead of by a statement per batch (`knownCustomers`).
  private var ownCustomers: [CustomerKey: Int64]?

  /// The tables a first load (no lead yet) writes without their keys and secondary indexes (`PGBulkLoad`), the
  /// first naming the table that must be empty; the key to `user`, which every command reads, stays.
  static let firstLoadTables = ["lead", "stageEvent", "leadTag", "followUp", "delivery"]
  private let firstLoad: PGBulkLoad?

  /// The triggers a lead import fires row by row, set aside for its transaction as SQLite's import sets them aside;
  /// `finishDerivedRows` does their work once, set-wise:
  /// - the stored follow-ups' (v12-pg-followup): run per row, they would make a row per lead and clear it again per
  ///   tag and stage event;
  /// - the delivery row of a `delivered` stage event (v4): a PL/pgSQL call per delivered lead, half of the stage
  ///   events' `COPY` on data where half the leads are owners.
  static let triggersSetAside = [
    ("lead", "followUp_on_lead_insert"), ("leadTag", "followUp_on_leadTag_insert"),
    ("stageEvent", "followUp_on_stageEvent_insert"), ("customer", "followUp_on_customer_update"),
    ("stageEvent", "delivery_on_event"),
  ]
  /// The first id this import gives a lead: one more than the largest before it (about how many leads there were).
  private let firstLead: Int64

  /// Whether the tables this import filled are vacuumed and analyzed once it commits (`PostgresStore.tidies`): if
  /// so, a first load does not also analyze them inside its transaction.
  var tidiesAfter: Bool { PostgresStore.tidies(imported: Int(leads.next - firstLead), before: firstLead - 1) }
  /// The rows' phones, for the report's shared phones.
  private var phones = SharedPhoneFinder()
  private let firstEvent: Int64

  /// Makes the new delivered leads' delivery rows (as `delivery_on_event` would have: the event's time, the lead's
  /// model), the new leads' stored follow-up rows, clears those of the other leads of the customers they share (as the
  /// triggers would have), puts back the keys and indexes a first load set aside, and puts the triggers back: after
  /// the last `flush`, inside the transaction.
  func finishDerivedRows() throws {
    try sender.wait()
    try c.execute(
      "INSERT INTO delivery (eventId, at, model) \(PostgresMigrations.deliveries) AND e.id >= ?", [firstEvent])
    // The new leads have no row yet (their triggers are set aside, and no other writer adds leads meanwhile): a plain
    // insert, a third of the time `ON CONFLICT DO NOTHING` took (0.22 s for 100,000 leads).
    try c.execute(
      "INSERT INTO followUp (leadId, consultantId) SELECT id, consultantId FROM lead WHERE id >= ?", [firstLead])
    try c.execute(
      """
      UPDATE followUp SET asOf = NULL, rev = rev + 1 WHERE leadId IN (
        SELECT o.id FROM lead n JOIN lead o ON o.customerId = n.customerId WHERE n.id >= ? AND o.id < ?)
      """, [firstLead, firstLead])
    // Nothing reads the tables after this; an import of many rows is analyzed after its commit (`importLeads`).
    try firstLoad?.finish(c, analyzing: !tidiesAfter)
    try PGImportTriggers.restore(c, Self.triggersSetAside)
  }

  /// The rows taken whose phone an earlier row of the file or a lead from before the import has: after
  /// `finishDerivedRows`.
  func sharedPhones() throws -> [SharedPhone] {
    var before: [String: Int64] = [:]
    if firstLead > 1 {
      for row in try c.rows(SharedPhoneFinder.beforeQuery, [firstLead, firstLead]) {
        before[try row.get(0, String.self)] = try row.get(1, Int64.self)
      }
    }
    return phones.all(before: before)
  }

  /// Takes `row` (written when `insert`, with the next batch) and returns nil, or returns why it is a bad row (its
  /// external id is in the database; repeats within the file are found by the parser before they get here; without
  /// an external id, its name and phone are those of a lead from before the import, as on SQLite).
  func write(_ row: ImportedLead, insert: Bool) throws -> ImportProblem? {
    if let ext = row.externalID, existingExternalIDs.contains(ext) { return .existingID(id: ext) }
    if row.externalID == nil, firstLead > 1,
      let lead = try earlierLeads()[CustomerKey(phone: row.phone, name: row.name)]
    {
      return .sameCustomer(name: row.name, phone: row.phone, lead: lead)
    }
    if let name = row.consultant, elsewhere.contains(name) { return .otherStore(consultant: name) }
    guard insert else { return nil }
    var consultantID: Int64?
    if let name = row.consultant {
      if let id = consultants[name] {
        consultantID = id
      } else {
        let id = users.take()
        try sender.wait()
        try c.execute(
          "INSERT INTO \"user\" (id, name, role, createdAt, storeId) VALUES (?, ?, 'consultant', ?, ?)",
          [id, name, now, store])
        consultants[name] = id
        consultantID = id
        created.append(name)
      }
    }
    pending.append((row, consultantID, row.createdAt ?? now))
    phones.see(row)
    if pending.count >= Self.batchSize { try flush() }
    return nil
  }

  /// Every external id in the database, in one value (an array, read in place): one row per id took 1.2 s of a
  /// 10,000-row import into a group of 1,000,000 leads, this 0.2 s.
  private static func externalIDs(_ c: PGConnection) throws -> Set<String> {
    guard var cells = try c.record("SELECT ROW(array_agg(externalId)) FROM lead WHERE externalId IS NOT NULL") else {
      return []
    }
    return Set(try cells.texts().compactMap { $0 })
  }

  /// The first lead from before the import of each customer's name and phone, read once, when the first row without
  /// an external id comes (a file of rows with external ids never reads it): one statement instead of one per row.
  private var earlier: [CustomerKey: Int64]?

  private func earlierLeads() throws -> [CustomerKey: Int64] {
    if let earlier { return earlier }
    var found: [CustomerKey: Int64] = [:]
    let rows = try c.rows(
      """
      SELECT c.phone, c.name, min(l.id) FROM customer c JOIN lead l ON l.customerId = c.id
      WHERE c.phone IS NOT NULL AND l.id < ? GROUP BY c.phone, c.name
      """, [firstLead])
    for r in rows {
      found[CustomerKey(phone: try r.get(0, String.self), name: try r.get(1, String.self))] = try r.get(2, Int64.self)
    }
    earlier = found
    return found
  }

  /// Moves the tables' sequences past the ids this import gave: call it after the last `flush`, before the commit
  /// (never for a transaction that rolls back).
  func finishIDs() throws {
    for ids in [users, customers, leads, facts, events] { try ids.finish(c) }
  }

  // MARK: - A batch

  private struct CustomerKey: Hashable {
    let phone: String
    let name: String
  }

  /// The contact details a returning customer's row fills in where the customer has none.
  private struct Fill {
    var wechat, email, gender, birthday, city: String?

    mutating func add(_ row: ImportedLead) {
      wechat = wechat ?? row.wechat
      email = email ?? row.email
      gender = gender ?? row.gender
      birthday = birthday ?? row.birthday?.description
      city = city ?? row.city
    }

    var isEmpty: Bool { wechat == nil && email == nil && gender == nil && birthday == nil && city == nil }
  }

  private struct NewCustomer {
    let id: Int64
    let name: String
    let phone: String
    var fill: Fill
    let createdAt: Date
  }

  private struct NewFact {
    let id: Int64
    let customer: Int64
    let key: String
    let value: String
    let at: Date
    var replaced = false
  }

  private struct FactKey: Hashable {
    let customer: Int64
    let key: String
  }

  /// Writes the rows that wait: customers looked up in one statement, then each table's rows in one `COPY`, sent
  /// without waiting (the next batch's rows are read meanwhile).
  func flush() throws {
    guard !pending.isEmpty else { return }
    defer { pending.removeAll(keepingCapacity: true) }
    try sender.wait()
    let known = try ownCustomers ?? knownCustomers()
    var newCustomers: [NewCustomer] = []
    var newCustomerIndex: [Int64: Int] = [:]
    var batchCustomers: [CustomerKey: Int64] = [:]
    var fills: [(Int64, Fill)] = []
    var newFacts: [NewFact] = []
    var factIndex: [FactKey: Int] = [:]
    var oldFacts: (customers: [Int64], keys: [String]) = ([], [])
    var leadRows = PGCopyRows(
      "lead",
      ["id", "customerid", "externalid", "consultantid", "source", "model", "grade", "tier", "stage", "createdat"]
        + ["updatedat"])
    var tagRows = PGCopyRows("leadtag", ["leadid", "tag"])
    var eventRows = PGCopyRows("stageevent", ["id", "leadid", "tostage", "at", "actor", "note"])
    for p in pending {
      let row = p.row
      let key = CustomerKey(phone: row.phone, name: row.name)
      let customerID: Int64
      if let id = known[key] ?? batchCustomers[key] {
        customerID = id
        if let i = newCustomerIndex[id] {
          newCustomers[i].fill.add(row)
        } else {
          var fill = Fill()
          fill.add(row)
          if !fill.isEmpty { fills.append((id, fill)) }
        }
      } else {
        customerID = customers.take()
        batchCustomers[key] = customerID
        newCustomerIndex[customerID] = newCustomers.count
        var fill = Fill()
        fill.add(row)
        newCustomers.append(
          NewCustomer(id: customerID, name: row.name, phone: row.phone, fill: fill, createdAt: p.createdAt))
      }
      let leadID = leads.take()
      leadRows.int(leadID)
      leadRows.int(customerID)
      leadRows.text(row.externalID)
      leadRows.int(p.consultantID)
      leadRows.text(row.source)
      leadRows.text(row.model)
      leadRows.text(row.grade?.rawValue)
      leadRows.text(row.tier?.rawValue)
      leadRows.text(row.stage.rawValue)
      leadRows.date(p.createdAt)
      leadRows.date(p.createdAt)
      leadRows.endRow()
      for (i, tag) in row.tags.enumerated() where !row.tags[..<i].contains(tag) {
        tagRows.int(leadID)
        tagRows.text(tag)
        tagRows.endRow()
      }
      // The last fact of each key, each replacing the customer's fact of that key (in the database, or written by an
      // earlier row of this batch), in the order SQLite writes them.
      var keys: [String] = []
      for fact in row.profile.reversed() where !keys.contains(fact.key) {
        keys.append(fact.key)
        let factKey = FactKey(customer: customerID, key: fact.key)
        if let i = factIndex[factKey] { newFacts[i].replaced = true }
        if newCustomerIndex[customerID] == nil {
          oldFacts.customers.append(customerID)
          oldFacts.keys.append(fact.key)
        }
        factIndex[factKey] = newFacts.count
        newFacts.append(
          NewFact(id: facts.take(), customer: customerID, key: fact.key, value: fact.value, at: p.createdAt))
      }
      eventRows.int(events.take())
      eventRows.int(leadID)
      eventRows.text(row.stage.rawValue)
      eventRows.date(p.createdAt)
      eventRows.text(actor)
      eventRows.text(Self.note(row.stage))
      eventRows.endRow()
    }
    ownCustomers?.merge(batchCustomers) { first, _ in first }
    for (id, fill) in fills {
      try c.execute(
        """
        UPDATE customer SET wechat = COALESCE(wechat, ?), email = COALESCE(email, ?), gender = COALESCE(gender, ?),
          birthday = COALESCE(birthday, ?), city = COALESCE(city, ?) WHERE id = ?
        """, [fill.wechat, fill.email, fill.gender, fill.birthday, fill.city, id])
    }
    if !oldFacts.customers.isEmpty {
      try c.execute(
        """
        DELETE FROM profileFact f USING unnest(?::bigint[], ?::text[]) d (customerId, key)
        WHERE f.customerId = d.customerId AND f.key = d.key
        """, [oldFacts.customers, PGTextArray(oldFacts.keys)])
    }
    var customerRows = PGCopyRows(
      "customer", ["id", "name", "phone", "wechat", "email", "gender", "birthday", "city", "createdat"])
    for n in newCustomers {
      customerRows.int(n.id)
      customerRows.text(n.name)
      customerRows.text(n.phone)
      customerRows.text(n.fill.wechat)
      customerRows.text(n.fill.email)
      customerRows.text(n.fill.gender)
      customerRows.text(n.fill.birthday)
      customerRows.text(n.fill.city)
      customerRows.date(n.createdAt)
      customerRows.endRow()
    }
    var factRows = PGCopyRows("profilefact", ["id", "customerid", "key", "value", "createdat"])
    for f in newFacts where !f.replaced {
      factRows.int(f.id)
      factRows.int(f.customer)
      factRows.text(f.key)
      factRows.text(f.value)
      factRows.date(f.at)
      factRows.endRow()
    }
    try sender.send([customerRows.take(), leadRows.take(), tagRows.take(), factRows.take(), eventRows.take()])
  }

  /// The customers in the database with a waiting row's phone and name: the first (smallest id) of each.
  private func knownCustomers() throws -> [CustomerKey: Int64] {
    var known: [CustomerKey: Int64] = [:]
    let rows = try c.rows(
      """
      SELECT c.phone, c.name, min(c.id) FROM customer c
        JOIN (SELECT DISTINCT * FROM unnest(?::text[], ?::text[])) k (phone, name) ON c.phone = k.phone AND c.name = k.name
      GROUP BY c.phone, c.name
      """, [PGTextArray(pending.map(\.row.phone)), PGTextArray(pending.map(\.row.name))])
    for r in rows {
      known[CustomerKey(phone: try r.get(0, String.self), name: try r.get(1, String.self))] = try r.get(2, Int64.self)
    }
    return known
  }
}
