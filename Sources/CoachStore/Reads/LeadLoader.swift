import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Loads every lead matching `filter`, with history, ordered by id.
  public func snapshots(_ filter: LeadFilter) throws -> [LeadSnapshot] {
    try writer.read { db in try LeadLoader.load(db, filter) }
  }

  /// Loads one lead the scope may see, or throws "unknown lead" (exit 65).
  public func snapshot(id: LeadID, scope: Scope) throws -> LeadSnapshot {
    try writer.read { db in try LeadLoader.one(db, id: id, scope: scope) }
  }
}

/// Reads leads and their children in a handful of set-based queries.
enum LeadLoader {
  static func one(_ db: Database, id: LeadID, scope: Scope) throws -> LeadSnapshot {
    let n = id.rawValue
    if let lead = try load(db, LeadFilter(scope: scope, leadIDs: [id])).first { return lead }
    // A lead of the acting user's store that is not theirs to see is refused as such; one of another store of a
    // group is unknown to them, as to the web (that it exists is the other store's business).
    let (store, args): (String, StatementArguments) =
      switch scope {
      case .all: ("u.storeId", [n])
      case .store(let s): ("?", [n, s])
      case .team(_, _, let s): ("?", [n, s])
      case .own(let user): ("(SELECT storeId FROM user WHERE id = ?)", [n, user])
      }
    let sql = "SELECT 1 FROM lead l LEFT JOIN user u ON u.id = l.consultantId WHERE l.id = ? AND u.storeId IS \(store)"
    if try Int.fetchOne(db, sql: sql, arguments: args) != nil {
      let ofTeam = if case .team = scope { true } else { false }
      throw CoachError.refused(.notYourLead(id: id.description, ofTeam: ofTeam))
    }
    throw CoachError.refused(.unknownLead(id: id.description))
  }

  static func load(_ db: Database, _ filter: LeadFilter) throws -> [LeadSnapshot] {
    let (cond, args) = filter.condition
    var sql = """
      SELECT \(LeadColumn.selectList(withContacts: filter.withContacts))
      FROM lead l JOIN customer c ON c.id = l.customerId LEFT JOIN user u ON u.id = l.consultantId
      WHERE \(cond) ORDER BY l.id
      """
    if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
    var leads: [LeadSnapshot] = []
    var ids: [Int64] = []
    var customerOf: [Int64: [Int]] = [:]
    // By column position (`LeadColumn`, the SELECT's order): name lookups cost a tenth of a large load.
    typealias C = LeadColumn
    // Prepared once per connection and statement text (a `LIMIT` is written into the text: not kept).
    let statement = filter.limit == nil ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
    let rows = try Row.fetchCursor(statement, arguments: args)
    while let row = try rows.next() {
      let id: Int64 = row[C.id.at]
      ids.append(id)
      if filter.withProfile { customerOf[row[C.customerID.at], default: []].append(leads.count) }
      leads.append(
        LeadSnapshot(
          id: LeadID(id), externalID: row[C.externalID.at], name: row[C.name.at], phone: row[C.phone.at],
          wechat: row[C.wechat.at], email: row[C.email.at], gender: row[C.gender.at],
          birthday: (row[C.birthday.at] as String?).flatMap(LocalDate.init), city: row[C.city.at],
          source: row[C.source.at], consultant: row[C.consultant.at], model: row[C.model.at],
          grade: (row[C.grade.at] as String?).flatMap(Grade.init(rawValue:)),
          tier: (row[C.tier.at] as String?).flatMap(Tier.init(rawValue:)),
          stage: Stage(rawValue: row[C.stage.at]) ?? .prospect, createdAt: (row[C.createdAt.at] as StoredTime).date))
    }
    if leads.isEmpty { return [] }
    let index = LeadPositions(ids: ids)
    // Children by the ids just read, given as one JSON array: evaluating the condition again for each child table
    // read a team's whole consultant index once per table and per part (a third of `alerts --team`'s SQL time).
    // When the ids read are every id from the first to the last (a part of an id range where every lead matched,
    // as in an admin's audit), the children are read by that range instead: one index range per table rather than
    // one search per lead in a list SQLite first copies into a temporary table. The rows are the same.
    let sub = ChildCondition(ids)
    // Children are read by column position (by-name lookups were a tenth of `coach next`).
    var at = index
    let tags = try Row.fetchCursor(
      db.cachedStatement(sql: "SELECT leadId, tag FROM leadTag WHERE \(sub.sql) ORDER BY leadId, tag"),
      arguments: sub.args)
    while let row = try tags.next() {
      if let i = at(row[0]) { leads[i].tags.append(row[1]) }
    }
    if filter.withProfile {
      let customers = jsonArray(customerOf.keys.sorted().map(String.init))
      let facts = try Row.fetchCursor(
        db.cachedStatement(
          sql:
            "SELECT customerId, key, value FROM profileFact WHERE customerId IN (SELECT value FROM json_each(?)) ORDER BY id"
        ),
        arguments: [customers])
      while let row = try facts.next() {
        for i in customerOf[row[0]] ?? [] { leads[i].profile.append(ProfileFact(key: row[1], value: row[2])) }
      }
    }
    let events = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT leadId, fromStage, toStage, at, actor, reason, note, amount, model, eta, date
          FROM stageEvent WHERE \(sub.sql) ORDER BY leadId, at, id
          """), arguments: sub.args)
    at = index
    while let row = try events.next() {
      guard let i = at(row[0]) else { continue }
      leads[i].events.append(
        StageEvent(
          from: (row[1] as String?).flatMap(Stage.init(rawValue:)), to: Stage(rawValue: row[2]) ?? .prospect,
          at: (row[3] as StoredTime).date, actor: row[4],
          reason: (row[5] as String?).flatMap(ChurnReason.init(rawValue:)),
          note: row[6], amount: row[7], model: row[8], eta: (row[9] as String?).flatMap(LocalDate.init),
          date: (row[10] as String?).flatMap(LocalDate.init)))
    }
    if filter.withOwnerChanges {
      let changes = try Row.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT leadId, at, oldValue, newValue FROM leadEdit
            WHERE field = 'consultant' AND \(sub.sql) ORDER BY leadId, at, id
            """), arguments: sub.args)
      at = index
      while let row = try changes.next() {
        guard let i = at(row[0]) else { continue }
        leads[i].ownerChanges.append(OwnerChange(at: (row[1] as StoredTime).date, from: row[2], to: row[3]))
      }
    }
    guard filter.withActivity else { return leads }
    try loadTouches(db, filter, sub, into: &leads, index)
    try loadLevers(db, sub, into: &leads, index)
    let topics = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT leadId, id, category, text, kind, buriedAt, buriedBy, resolvedAt, resolvedByTouch
          FROM topic WHERE \(sub.sql) ORDER BY leadId, buriedAt, id
          """), arguments: sub.args)
    at = index
    while let row = try topics.next() {
      guard let i = at(row[0]) else { continue }
      leads[i].topics.append(
        Topic(
          id: row[1], category: Topic.Category(rawValue: row[2]) ?? .buried, text: row[3],
          kind: TopicKind(rawValue: row[4]) ?? .other, buriedAt: (row[5] as StoredTime).date, buriedBy: row[6],
          resolvedAt: (row[7] as StoredTime?)?.date, resolvedByTouch: row[8]))
    }
    try loadSnoozes(db, sub, into: &leads, index)
    return leads
  }

  /// Touches in time order: all of them, or with `touchesSince` those from then on, preceded by each lead's last
  /// contact and last touch before then (index searches backwards from that time, per lead).
  static func loadTouches(
    _ db: Database, _ filter: LeadFilter, _ sub: ChildCondition, into leads: inout [LeadSnapshot],
    _ index: LeadPositions
  ) throws {
    let columns = "leadId, id, at, channel, outcome, \(filter.withNotes ? "note" : "NULL"), objections, nextAt, actor"
    // Touches are read as raw rows (`RawRows`), by column position.
    func read(_ sql: String, _ args: StatementArguments) throws {
      var at = index
      try RawRows.each(db.cachedStatement(sql: sql), args) { s in
        if let i = at(RawRows.int64(s, 0)) { leads[i].touches.append(try RawRows.touch(s)) }
        return true
      }
    }
    guard let since = filter.touchesSince else {
      // Ordered by (leadId, at) alone: the covering index gives that order, while adding `id` made SQLite sort
      // every lead's touches again (3x slower on 400k touches). Touches sharing a time come in index order, id
      // order in practice; the rare lead where they do not is sorted here, so the order is (at, id) always.
      try read("SELECT \(columns) FROM touch WHERE \(sub.sql) ORDER BY leadId, at", sub.args)
      for i in leads.indices where !isInTimeOrder(leads[i].touches) {
        leads[i].touches.sort { ($0.at, $0.id) < ($1.at, $1.id) }
      }
      return
    }
    let from = StoredDate.value(since)
    for i in leads.indices { leads[i].touchesSince = since }
    var ids = sub.list
    var searched = Array(leads.indices)
    if !filter.withNotes {
      // Leads whose last touch lies before `since` (nearly all when it is now) take their last touch and last
      // contact from `lastTouch` (v6), read in key order; only the others are searched for below.
      var latest: (lead: Int, last: Touch?, contact: Touch?)?
      searched = []
      var at = index
      func keep(_ lead: (lead: Int, last: Touch?, contact: Touch?)?) {
        guard let lead, let last = lead.last else { return }
        guard last.at < since else { return searched.append(lead.lead) }
        if let contact = lead.contact { leads[lead.lead].touches.append(contact) }
        if last.id != lead.contact?.id { leads[lead.lead].touches.append(last) }
      }
      // A lead whose last touch is from `since` on is searched below: its rows here are not made into touches (about
      // half of an audit's leads, two touches each).
      var skipped: Int?
      try RawRows.each(
        db.cachedStatement(
          sql: """
            SELECT leadId, touchId, at, channel, outcome, NULL, objections, nextAt, actor, kind
            FROM lastTouch WHERE \(sub.sql) ORDER BY leadId, kind
            """), sub.args
      ) { s in
        guard let i = at(RawRows.int64(s, 0)), i != skipped else { return true }
        if latest?.lead != i {
          keep(latest)
          latest = (i, nil, nil)
        }
        if RawRows.int64(s, 9) == 0 {
          guard try RawRows.time(s, 2) < since else {
            searched.append(i)
            (latest, skipped) = (nil, i)
            return true
          }
          latest?.last = try RawRows.touch(s)
        } else {
          latest?.contact = try RawRows.touch(s)
        }
        return true
      }
      keep(latest)
      // Only leads touched since then are searched below; usually none, when `since` is now.
      if searched.isEmpty { return }
      ids = ("SELECT value FROM json_each(?)", [jsonArray(searched.map { leads[$0].id.description })])
    }
    // Touches from `since` on, in the covering index's order (leadId, at): no sort. Touches sharing a time come in
    // index order; the rare lead where that is not id order is sorted below, as for whole histories.
    var recentOf: [Int] = []
    var at = index
    try RawRows.each(
      db.cachedStatement(
        sql: "SELECT \(columns) FROM touch WHERE leadId IN (\(ids.sql)) AND at >= ? ORDER BY leadId, at"),
      ids.args + [from]
    ) { s in
      guard let i = at(RawRows.int64(s, 0)) else { return true }
      if recentOf.last != i { recentOf.append(i) }
      leads[i].touches.append(try RawRows.touch(s))
      return true
    }
    // Each searched lead's last touch and last contact before `since`: one backward search of the covering index,
    // stepped until a contact is found, after every touch sharing its time (of those, the one stored last is kept,
    // as the order (at, id) of a whole history would). One prepared statement, run once per lead.
    let before = try db.cachedStatement(
      sql: "SELECT \(columns) FROM touch WHERE leadId = ? AND at < ? ORDER BY at DESC")
    /// Whether `t` comes after `kept` in a history's order, among touches no later than `kept` (rows read backwards).
    func replaces(_ kept: Touch?, _ t: Touch) -> Bool { kept.map { t.at == $0.at && t.id > $0.id } ?? true }
    for i in searched {
      var last: Touch?
      var contact: Touch?
      try RawRows.each(before, [leads[i].id.rawValue, from]) { s in
        let t = try RawRows.touch(s)
        if let c = contact, t.at < c.at { return false }
        if replaces(last, t) { last = t }
        if t.outcome.isContact, replaces(contact, t) { contact = t }
        return true
      }
      leads[i].touches = [contact, last == contact ? nil : last].compactMap { $0 } + leads[i].touches
    }
    for i in recentOf where !isInTimeOrder(leads[i].touches) {
      leads[i].touches.sort { ($0.at, $0.id) < ($1.at, $1.id) }
    }
  }

  /// `[1,2,3]` from decimal ids (SQLite's `json_each` reads it as a table of integers).
  static func jsonArray(_ ids: [String]) -> String { "[" + ids.joined(separator: ",") + "]" }

  /// Whether `touches` are in (at, id) order.
  static func isInTimeOrder(_ touches: [Touch]) -> Bool {
    zip(touches, touches.dropFirst()).allSatisfy { ($0.at, $0.id) < ($1.at, $1.id) }
  }
}

/// Which child rows belong to the leads just read (ids ascending, each once): `leadId BETWEEN first AND last` when
/// they are every id in that range, else `leadId IN` the list of them.
struct ChildCondition {
  let ids: [Int64]
  /// Whether the ids are every integer from the first to the last.
  let isRange: Bool
  /// The condition on `leadId`, and its arguments: made once and used for every child table the load reads (the
  /// ids' JSON text was rebuilt for each: 6 % of the samples of a team's `alerts` on the mature data).
  let sql: String
  let args: StatementArguments

  init(_ ids: [Int64]) {
    self.ids = ids
    isRange = ids.isConsecutiveRun
    if isRange {
      (sql, args) = ("leadId BETWEEN ? AND ?", [ids[0], ids[ids.count - 1]])
    } else {
      (sql, args) = ("leadId IN (\(Self.listSQL))", [LeadLoader.jsonArray(ids.map(String.init))])
    }
  }

  private static let listSQL = "SELECT value FROM json_each(?)"

  /// The ids as a list to search each of: a subquery for `IN (…)`, and its argument.
  var list: (sql: String, args: StatementArguments) {
    (Self.listSQL, isRange ? [LeadLoader.jsonArray(ids.map(String.init))] : args)
  }
}

/// Positions of loaded leads by id (ascending), for child rows: rows read in lead order are found in constant
/// time each, without hashing, and rows in any other order still by search.
struct LeadPositions {
  let ids: [Int64]
  private var last = 0

  init(ids: [Int64]) { self.ids = ids }

  /// The position of lead `id`, or nil when it was not loaded.
  mutating func callAsFunction(_ id: Int64) -> Int? {
    if last < ids.count, ids[last] == id { return last }
    if last + 1 < ids.count, ids[last + 1] == id {
      last += 1
      return last
    }
    var (lo, hi) = (0, ids.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if ids[mid] < id { lo = mid + 1 } else { hi = mid }
    }
    guard lo < ids.count, ids[lo] == id else { return nil }
    last = lo
    return lo
  }
}

/// The lead query's columns, declared once: their order is the SELECT list's (`selectList`) and the positions the
/// loader reads rows by (`at`). Contact details are NULL unless the filter asks for them; the source is read always
/// (the audit's source report counts leads by it).
enum LeadColumn: Int, CaseIterable {
  case id, externalID, source, model, grade, tier, stage, createdAt, customerID
  case name, phone, wechat, email, gender, birthday, city, consultant

  /// The column's position in a row.
  var at: Int { rawValue }

  func sql(withContacts: Bool) -> String {
    switch self {
    case .id: return "l.id"
    case .externalID: return withContacts ? "l.externalId" : "NULL"
    case .source: return "l.source"
    case .model: return "l.model"
    case .grade: return "l.grade"
    case .tier: return "l.tier"
    case .stage: return "l.stage"
    case .createdAt: return "l.createdAt"
    case .customerID: return "l.customerId"
    case .name: return "c.name"
    case .phone: return withContacts ? "c.phone" : "NULL"
    case .wechat: return withContacts ? "c.wechat" : "NULL"
    case .email: return withContacts ? "c.email" : "NULL"
    case .gender: return withContacts ? "c.gender" : "NULL"
    case .birthday: return "c.birthday"
    case .city: return withContacts ? "c.city" : "NULL"
    case .consultant: return "u.name AS consultant"
    }
  }

  static func selectList(withContacts: Bool) -> String {
    allCases.map { $0.sql(withContacts: withContacts) }.joined(separator: ", ")
  }
}
