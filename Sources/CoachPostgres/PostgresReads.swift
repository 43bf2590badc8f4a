import CoachCore
import CoachStoreAPI
import Foundation
import PostgresNIO

extension Array: PGArg where Element == Int64 {
  func bind(into b: inout PostgresBindings) throws { try b.append(self) }
}

/// The lead query's condition on `lead l` with its arguments, as `LeadFilter.condition` says on SQLite.
enum PGFilter {
  /// The scope's condition on the consultant column `column` (the lead's, or a stored follow-up's copy of it).
  static func scope(_ scope: Scope, on column: String = "l.consultantId") -> (String, [any PGArg]) {
    switch scope {
    case .all: return ("TRUE", [])
    case .own(let id): return ("\(column) = ?", [id])
    case .store(let store):
      return ("\(column) IN (SELECT id FROM \"user\" WHERE storeId = ?)", [store])
    case .team(let team, let id, let store):
      guard let team else { return ("\(column) = ?", [id]) }
      if let store {
        return (
          "\(column) IN (SELECT ?::bigint UNION SELECT id FROM \"user\" WHERE team = ? AND storeId = ?)",
          [id, team, store]
        )
      }
      return ("\(column) IN (SELECT ?::bigint UNION SELECT id FROM \"user\" WHERE team = ?)", [id, team])
    }
  }

  static func condition(_ f: LeadFilter) -> (String, [any PGArg]) {
    var (sql, args) = scope(f.scope)
    if let consultantID = f.consultantID {
      sql += " AND l.consultantId = ?"
      args.append(consultantID)
    }
    if !f.handedOverBy.isEmpty {
      if let range = f.idRange {
        sql += " AND l.id BETWEEN ? AND ?"
        args += [range.lowerBound, range.upperBound]
      }
      sql = """
        ((\(sql)) OR l.id IN (SELECT leadId FROM leadEdit WHERE field = 'consultant' \
        AND oldValue IN (SELECT jsonb_array_elements_text(?::jsonb))))
        """
      args.append(f.handedOverJSON)
    }
    if let stage = f.stage {
      sql += " AND l.stage = ?"
      args.append(stage.rawValue)
    }
    if let ids = f.leadIDs {
      sql += " AND l.id = ANY(?)"
      args.append(ids.map(\.rawValue))
    }
    if let range = f.idRange {
      sql += " AND l.id BETWEEN ? AND ?"
      args += [range.lowerBound, range.upperBound]
    }
    return (sql, args)
  }
}

extension PostgresStore {
  public func snapshots(_ filter: LeadFilter) throws -> [LeadSnapshot] {
    try read { c in try PGLeadLoader.load(c, filter) }
  }

  public func snapshot(id: LeadID, scope: Scope) throws -> LeadSnapshot {
    try read { c in try PGLeadLoader.one(c, id: id, scope: scope) }
  }

  public func leadIDs(_ filter: LeadFilter) throws -> [Int64] {
    let (cond, args) = PGFilter.condition(filter)
    // One array value read in place, not a row per lead (a million of them for a group's admin).
    return try read { c in
      guard var cells = try c.record("SELECT ROW(array_agg(l.id ORDER BY l.id)) FROM lead l WHERE \(cond)", args) else {
        return []
      }
      return try cells.ints()
    }
  }

  public func leadIDRanges(_ filter: LeadFilter, size: Int) throws -> [ClosedRange<Int64>] {
    Chunks.idRanges(try leadIDs(filter), size: size)
  }

  /// Two parts per core: while one part waits for the server's rows, another is counted. A 30-day audit of the
  /// mature data (100k leads, 40 parts, server and coach on the same two cores) took 1.62–1.71 s with two at once,
  /// 1.52–1.54 s with three, 1.42–1.47 s with four and no less with six.
  public var loadsAtOnce: Int { 2 * ProcessInfo.processInfo.activeProcessorCount }

  public func leadCount() throws -> Int {
    try read { c in Int(try c.scalar("SELECT COUNT(*) FROM lead", as: Int64.self) ?? 0) }
  }

  public func salesStats(now: Date) throws -> SalesStats {
    let day: TimeInterval = 86_400
    let sql = "SELECT model, COUNT(*) FROM delivery WHERE at >= ? AND at < ? AND model IS NOT NULL GROUP BY 1"
    return try read { c in
      func counts(_ from: Date, _ to: Date) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try c.rows(sql, [from, to]) { out[try row.get(0, String.self)] = Int(try row.get(1, Int64.self)) }
        return out
      }
      return SalesStats(
        recent: try counts(now.addingTimeInterval(-90 * day), now),
        previous: try counts(now.addingTimeInterval(-180 * day), now.addingTimeInterval(-90 * day)))
    }
  }
}

/// Reads leads and their children in a handful of set-based queries (`LeadLoader` on SQLite).
enum PGLeadLoader {
  static func one(_ c: PGConnection, id: LeadID, scope: Scope) throws -> LeadSnapshot {
    let n = id.rawValue
    if let lead = try load(c, LeadFilter(scope: scope, leadIDs: [id])).first { return lead }
    // As on SQLite: a lead of another store of the group is unknown to a store's user.
    let (store, args): (String, [any PGArg]) =
      switch scope {
      case .all: ("u.storeId", [n])
      case .store(let s): ("?::bigint", [n, s])
      case .team(_, _, let s): ("?::bigint", [n, s])
      case .own(let user): ("(SELECT storeId FROM \"user\" WHERE id = ?)", [n, user])
      }
    let sql = """
      SELECT 1 FROM lead l LEFT JOIN "user" u ON u.id = l.consultantId
      WHERE l.id = ? AND u.storeId IS NOT DISTINCT FROM \(store)
      """
    if try c.scalar(sql, args, as: Int32.self) != nil {
      let ofTeam = if case .team = scope { true } else { false }
      throw CoachError.refused(.notYourLead(id: id.description, ofTeam: ofTeam))
    }
    throw CoachError.refused(.unknownLead(id: id.description))
  }

  static func load(_ c: PGConnection, _ filter: LeadFilter) throws -> [LeadSnapshot] {
    var (cond, args) = PGFilter.condition(filter)
    let contacts = filter.withContacts
    // A few leads (a part of an id range, or given ids) take their customers by key: left to itself, the planner
    // joined a part of 833 leads to a scan of every customer (30 ms a part, against 2.5 ms), costing 833 key
    // look-ups above one pass over 100k rows. `OFFSET 0` keeps the subquery apart, so it is run per lead.
    let customer =
      filter.idRange != nil || filter.leadIDs != nil
      ? "CROSS JOIN LATERAL (SELECT * FROM customer WHERE id = l.customerId OFFSET 0) c"
      : "JOIN customer c ON c.id = l.customerId"
    // Each lead's last touch and last contact (`lastTouch`), when the touches since a time are asked for without
    // notes, come in the lead's own row: two rows per lead fewer to receive and decode (an audit of 100k leads read
    // 193,000 of them). The part's ids bound both joins, so the server reads only the part's rows of `lastTouch`.
    //
    // Only a part (an id range or given ids) is joined: joined to a whole scope (a consultant's few hundred leads, read
    // in one go), the planner scanned every row of `lastTouch`, 2,000,000 of them in a group of 1M leads. Without a
    // bound, `loadTouches` reads the loaded leads' rows of `lastTouch` by their ids.
    var bound: (String, [any PGArg])?
    if let range = filter.idRange {
      bound = ("AND @.leadId BETWEEN ? AND ?", [range.lowerBound, range.upperBound])
    } else if let ids = filter.leadIDs {
      bound = ("AND @.leadId = ANY(?)", [ids.map(\.rawValue)])
    }
    let lastTouches = filter.withActivity && filter.touchesSince != nil && !filter.withNotes && bound != nil
    var joins = ""
    var joinArgs: [any PGArg] = []
    if lastTouches, let bound {
      for (alias, kind) in [("a", 0), ("b", 1)] {
        joins += " LEFT JOIN lastTouch \(alias) ON \(alias).leadId = l.id AND \(alias).kind = \(kind) "
        joins += bound.0.replacingOccurrences(of: "@", with: alias)
        joinArgs += bound.1
      }
    }
    let touchColumns = ["a", "b"].flatMap { t in lastTouchFields.map { "\(t).\($0)" } }.joined(separator: ", ")
    // Without contacts their columns are left out rather than sent as NULLs: 600,000 cells fewer in an audit.
    // One record per lead (`PGCursor(record:)`).
    var sql = """
      SELECT ROW(l.id, l.source, l.model, l.grade, l.tier, l.stage, l.createdAt, l.customerId, c.name, c.birthday, u.name
        \(contacts ? ", l.externalId, c.phone, c.wechat, c.email, c.gender, c.city" : "")
        \(lastTouches ? ", " + touchColumns : ""))
      FROM lead l \(customer) LEFT JOIN "user" u ON u.id = l.consultantId\(joins)
      WHERE \(cond) ORDER BY l.id
      """
    args = joinArgs + args
    if let limit = filter.limit {
      sql += " LIMIT ?"
      args.append(Int64(max(0, limit)))
    }
    var leads: [LeadSnapshot] = []
    var ids: [Int64] = []
    var customerOf: [Int64: [Int]] = [:]
    var kept: [PGLastTouches] = []
    for row in try c.rawRows(sql, args) {
      var cells = try PGCursor(record: row)
      let id = try cells.int()
      let (source, model, grade, tier) = (
        try cells.optionalText(), try cells.optionalText(), try cells.optionalText(), try cells.optionalText()
      )
      let (stage, createdAt, customer) = (try cells.text(), try cells.date(), try cells.int())
      var lead = LeadSnapshot(
        id: LeadID(id), name: try cells.text(), birthday: try cells.optionalText().flatMap(LocalDate.init),
        source: source, consultant: try cells.optionalText(), model: model, grade: grade.flatMap(Grade.init(rawValue:)),
        tier: tier.flatMap(Tier.init(rawValue:)), stage: Stage(rawValue: stage) ?? .prospect, createdAt: createdAt)
      if contacts {
        lead.fields.externalID = try cells.optionalText()
        lead.fields.phone = try cells.optionalText()
        lead.fields.wechat = try cells.optionalText()
        lead.fields.email = try cells.optionalText()
        lead.fields.gender = try cells.optionalText()
        lead.fields.city = try cells.optionalText()
      }
      if lastTouches {
        kept.append(
          PGLastTouches(last: try touch(&cells, withNote: false), contact: try touch(&cells, withNote: false)))
      }
      ids.append(id)
      if filter.withProfile { customerOf[customer, default: []].append(leads.count) }
      leads.append(lead)
    }
    if leads.isEmpty { return [] }
    var position: [Int64: Int] = [:]
    for (i, id) in ids.enumerated() { position[id] = i }
    let sub = PGChildCondition(ids)
    for row in try c.rawRows(
      "SELECT ROW(leadId, tag) FROM leadTag WHERE \(sub.sql) ORDER BY leadId, tag COLLATE \"C\"", sub.args)
    {
      var cells = try PGCursor(record: row)
      if let i = position[try cells.int()] { leads[i].tags.append(try cells.text()) }
    }
    if filter.withProfile {
      let customers = customerOf.keys.sorted()
      for row in try c.rows(
        "SELECT customerId, key, value FROM profileFact WHERE customerId = ANY(?) ORDER BY id", [customers])
      {
        for i in customerOf[try row.get(0, Int64.self)] ?? [] {
          leads[i].profile.append(ProfileFact(key: try row.get(1, String.self), value: try row.get(2, String.self)))
        }
      }
    }
    for row in try c.rawRows(
      """
      SELECT ROW(leadId, fromStage, toStage, at, actor, reason, note, amount, model, eta, date)
      FROM stageEvent WHERE \(sub.sql) ORDER BY leadId, at, id
      """, sub.args)
    {
      var cells = try PGCursor(record: row)
      guard let i = position[try cells.int()] else { continue }
      leads[i].events.append(
        StageEvent(
          from: try cells.optionalText().flatMap(Stage.init(rawValue:)),
          to: Stage(rawValue: try cells.text()) ?? .prospect, at: try cells.date(), actor: try cells.optionalText(),
          reason: try cells.optionalText().flatMap(ChurnReason.init(rawValue:)), note: try cells.optionalText(),
          amount: try cells.optionalDouble(), model: try cells.optionalText(),
          eta: try cells.optionalText().flatMap(LocalDate.init), date: try cells.optionalText().flatMap(LocalDate.init)
        ))
    }
    if filter.withOwnerChanges {
      for row in try c.rows(
        "SELECT leadId, at, oldValue, newValue FROM leadEdit WHERE field = 'consultant' AND \(sub.sql) ORDER BY leadId, at, id",
        sub.args)
      {
        guard let i = position[try row.get(0, Int64.self)] else { continue }
        leads[i].ownerChanges.append(
          OwnerChange(at: try row.get(1, Date.self), from: try row.text(2), to: try row.text(3)))
      }
    }
    guard filter.withActivity else { return leads }
    try loadTouches(c, filter, sub, position, kept: lastTouches ? kept : nil, into: &leads)
    for row in try c.rawRows(
      """
      SELECT ROW(leadId, id, category, text, kind, buriedAt, buriedBy, resolvedAt, resolvedByTouch)
      FROM topic WHERE \(sub.sql) ORDER BY leadId, buriedAt, id
      """, sub.args)
    {
      var cells = try PGCursor(record: row)
      guard let i = position[try cells.int()] else { continue }
      leads[i].topics.append(
        Topic(
          id: try cells.int(), category: Topic.Category(rawValue: try cells.text()) ?? .buried,
          text: try cells.text(), kind: TopicKind(rawValue: try cells.text()) ?? .other,
          buriedAt: try cells.date(), buriedBy: try cells.optionalText(), resolvedAt: try cells.optionalDate(),
          resolvedByTouch: try cells.optionalInt()))
    }
    for row in try c.rows(
      """
      SELECT leadId, id, untilDay, reason, actor, at, clearedAt, clearedBy
      FROM snooze WHERE \(sub.sql) ORDER BY leadId, at, id
      """, sub.args)
    {
      guard let i = position[try row.get(0, Int64.self)], let until = LocalDate(try row.get(2, String.self)) else {
        continue
      }
      leads[i].snoozes.append(
        Snooze(
          id: try row.get(1, Int64.self), until: until, reason: try row.get(3, String.self), actor: try row.text(4),
          at: try row.get(5, Date.self), clearedAt: try row.date(6), clearedBy: try row.text(7)))
    }
    return leads
  }

  /// Touches in (at, id) order: all of them, or with `touchesSince` those from then on, preceded by each lead's last
  /// contact and last touch before then (what `LeadLoader.loadTouches` gives on SQLite). `kept`: each lead's row of
  /// `lastTouch` (by position in `leads`), read with the leads when notes are not asked for.
  static func loadTouches(
    _ c: PGConnection, _ filter: LeadFilter, _ sub: PGChildCondition, _ position: [Int64: Int],
    kept: [PGLastTouches]?, into leads: inout [LeadSnapshot]
  ) throws {
    let columns =
      "leadId, id, at, channel, outcome, \(filter.withNotes ? "note" : "NULL::text"), objections, nextAt, actor"
    guard let since = filter.touchesSince else {
      for row in try c.rawRows("SELECT ROW(\(columns)) FROM touch WHERE \(sub.sql) ORDER BY leadId, at, id", sub.args) {
        var cells = try PGCursor(record: row)
        guard let i = position[try cells.int()], let t = try touch(&cells) else { continue }
        leads[i].touches.append(t)
      }
      try loadLevers(c, sub, position, into: &leads)
      return
    }
    for i in leads.indices { leads[i].touchesSince = since }
    var searched = sub.ids
    var kept = kept
    if kept == nil, !filter.withNotes {
      var rows = [PGLastTouches](repeating: PGLastTouches(), count: leads.count)
      for row in try c.rawRows(
        """
        SELECT ROW(leadId, kind, \(lastTouchFields.joined(separator: ", "))) FROM lastTouch WHERE \(sub.sql)
        """, sub.args)
      {
        var cells = try PGCursor(record: row)
        guard let i = position[try cells.int()] else { continue }
        let kind = try cells.int()
        let t = try touch(&cells, withNote: false)
        if kind == 0 { rows[i].last = t } else { rows[i].contact = t }
      }
      kept = rows
    }
    if let kept {
      // Leads whose last touch lies before `since` (nearly all when it is now) take their last touch and last
      // contact from `lastTouch`, as on SQLite; only the others are searched for below. Searching every lead's
      // touches backwards cost `alerts --team` at 100k leads about 60 ms of the server's time per 2,500 leads.
      searched = []
      for (i, touches) in kept.enumerated() {
        guard let last = touches.last else { continue }
        guard last.at < since else {
          searched.append(leads[i].id.rawValue)
          continue
        }
        if let contact = touches.contact { leads[i].touches.append(contact) }
        if last.id != touches.contact?.id { leads[i].touches.append(last) }
      }
    }
    if !searched.isEmpty {
      // Each searched lead's last touch before `since` and, when that one is no contact, its last contact before
      // then, in one row (the contact's columns NULL when there is none to add).
      for row in try c.rawRows(
        """
        SELECT ROW(t.*, c.*) FROM unnest(?::bigint[]) AS ids(id)
        CROSS JOIN LATERAL (
          SELECT \(columns) FROM touch WHERE leadId = ids.id AND at < ? ORDER BY at DESC, id DESC LIMIT 1) t
        LEFT JOIN LATERAL (
          SELECT \(columns) FROM touch WHERE leadId = ids.id AND at < ? AND NOT t.\(PostgresMigrations.contact)
          AND \(PostgresMigrations.contact) ORDER BY at DESC, id DESC LIMIT 1) c ON TRUE
        """, [searched, since, since])
      {
        var cells = try PGCursor(record: row)
        guard let i = position[try cells.int()] else { continue }
        if let last = try touch(&cells) { leads[i].touches.append(last) }
        _ = try cells.optionalInt()
        if let contact = try touch(&cells) { leads[i].touches.append(contact) }
      }
      // Their touches from `since` on, one row per lead.
      let notes = filter.withNotes ? ", array_agg(note)" : ""
      for row in try c.rawRows(
        """
        SELECT ROW(leadId, array_agg(id), array_agg(at), array_agg(channel), array_agg(outcome), array_agg(objections),
          array_agg(nextAt), array_agg(actor)\(notes))
        FROM touch WHERE leadId = ANY(?) AND at >= ? GROUP BY leadId
        """, [searched, since])
      {
        var cells = try PGCursor(record: row)
        guard let i = position[try cells.int()] else { continue }
        let ids = try cells.ints()
        let at = try cells.dates()
        let channel = try cells.texts()
        let outcome = try cells.texts()
        let objections = try cells.texts()
        let nextAt = try cells.dates()
        let actor = try cells.texts()
        let note = filter.withNotes ? try cells.texts() : []
        let counts = [at.count, channel.count, outcome.count, objections.count, nextAt.count, actor.count]
        guard counts.allSatisfy({ $0 == ids.count }), note.isEmpty || note.count == ids.count else {
          throw PGCellError.badValue
        }
        for k in ids.indices {
          guard let when = at[k] else { throw PGCellError.unexpectedNull }
          leads[i].touches.append(
            touch(
              id: ids[k], at: when, channel: channel[k], outcome: outcome[k], note: note.isEmpty ? nil : note[k],
              objections: objections[k], nextAt: nextAt[k], actor: actor[k]))
        }
      }
    }
    for i in leads.indices { leads[i].touches.sort { ($0.at, $0.id) < ($1.at, $1.id) } }
    try loadLevers(c, sub, position, into: &leads)
  }

  /// The switch levers of the loaded touches, in the order given (`LeadLoader.loadLevers` on SQLite).
  static func loadLevers(
    _ c: PGConnection, _ sub: PGChildCondition, _ position: [Int64: Int], into leads: inout [LeadSnapshot]
  ) throws {
    var current: (lead: Int, touches: [Int64: Int])?
    for row in try c.rows(
      "SELECT leadId, touchId, lever FROM touchLever WHERE \(sub.sql) ORDER BY leadId, touchId, position", sub.args)
    {
      guard let i = position[try row.get(0, Int64.self)], let lever = Lever(rawValue: try row.get(2, String.self))
      else { continue }
      if current?.lead != i {
        current = (i, Dictionary(leads[i].touches.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }))
      }
      guard let t = current?.touches[try row.get(1, Int64.self)] else { continue }
      leads[i].touches[t].levers.append(lever)
    }
  }

  /// The columns of a touch in `lastTouch`, in the order `touch(_:withNote: false)` reads them.
  static let lastTouchFields = ["touchId", "at", "channel", "outcome", "objections", "nextAt", "actor"]

  /// A touch from the cursor's next `id, at, channel, outcome, note, objections, nextAt, actor` (the columns after
  /// `leadId`; without `note` when `withNote` is false), or nil when they are NULL (a join found none).
  static func touch(_ cells: inout PGCursor, withNote: Bool = true) throws -> Touch? {
    guard let id = try cells.optionalInt() else {
      for _ in 0..<(withNote ? 7 : 6) { try cells.skip() }
      return nil
    }
    return touch(
      id: id, at: try cells.date(), channel: try cells.text(), outcome: try cells.text(),
      note: withNote ? try cells.optionalText() : nil, objections: try cells.optionalText(),
      nextAt: try cells.optionalDate(), actor: try cells.optionalText())
  }

  /// A touch from its columns as stored (`channel` and `outcome` as text, `objections` `;`-separated).
  static func touch(
    id: Int64, at: Date, channel: String?, outcome: String?, note: String?, objections: String?, nextAt: Date?,
    actor: String?
  ) -> Touch {
    Touch(
      id: id, at: at, channel: channel.flatMap(Channel.init(rawValue:)) ?? .call,
      outcome: outcome.flatMap(Outcome.init(rawValue:)) ?? .reached, note: note,
      objections: objections?.split(separator: ";").map(String.init) ?? [], nextAt: nextAt, actor: actor)
  }
}

/// A lead's last touch and last contact, as `lastTouch` keeps them (kinds 0 and 1).
struct PGLastTouches {
  var last: Touch?
  var contact: Touch?
}

/// Which child rows belong to the leads just read (ids ascending, each once), as `ChildCondition` on SQLite:
/// `leadId BETWEEN first AND last` when they are every id in that range (a part of an admin's audit), one index
/// range per table; else `leadId = ANY(ids)`, which the server searches for id by id. A 30-day audit of 100k leads
/// spent about half of the server's time on those searches.
struct PGChildCondition {
  let ids: [Int64]
  let sql: String
  let args: [any PGArg]

  init(_ ids: [Int64]) {
    self.ids = ids
    if ids.isConsecutiveRun {
      (sql, args) = ("leadId BETWEEN ? AND ?", [ids[0], ids[ids.count - 1]])
    } else {
      (sql, args) = ("leadId = ANY(?)", [ids])
    }
  }
}
