import CoachCore
import CoachStoreAPI
import Foundation

// Each write is one transaction (`PGPool.transaction`). A write to one lead (edit, touch, stage, snooze) runs READ
// COMMITTED behind that lead's row lock (`writeLead`): it reads the lead, its topics and its snooze after the lock,
// so no other write to the lead comes between its reading and its writing, and writers on other leads never wait
// for it or make it start again. Other writes run SERIALIZABLE: they commit on what they read or run again.

extension PostgresStore {
  /// A write to one lead: READ COMMITTED, the lead's row locked (FOR NO KEY UPDATE) before anything is read, so
  /// writes to the same lead take turns and each reads what the one before it committed. 20 writers × 500 touches
  /// as SERIALIZABLE transactions spent most of their time rolling back: a lead's touches, read whole, soon made
  /// the server's predicate locks coarse (page, then table), and every writer conflicted with every other.
  func writeLead<T>(_ leadID: LeadID, _ body: (PGConnection) throws -> T) throws -> T {
    try pool.transaction(isolation: "READ COMMITTED") { c in
      try c.execute("SELECT 1 FROM lead WHERE id = ? FOR NO KEY UPDATE", [leadID.rawValue])
      return try body(c)
    }
  }

  public func addLead(_ lead: NewLead, actor: String?, allowDuplicatePhone: Bool) throws -> LeadID {
    try write { c in
      if !allowDuplicatePhone, let phone = lead.phone, let existing = try PGLeadWriter.leadID(c, withPhone: phone) {
        throw CoachError.refused(.duplicatePhone(phone: phone, leadID: LeadID(existing)))
      }
      return LeadID(try PGLeadWriter.insert(c, lead, actor: actor))
    }
  }

  public func editLead(id leadID: LeadID, _ edit: LeadEdit, now: Date, actor: String?, scope: Scope) throws {
    try writeLead(leadID) { c in
      let lead = try PGLeadLoader.one(c, id: leadID, scope: scope)
      let id = lead.id.rawValue
      if let eta = edit.eta {
        guard lead.stage == .deposit || lead.stage == .waitingForDelivery else {
          throw CoachError.refused(.etaNotApplicable(leadID: leadID, stage: lead.stage))
        }
        try PGLeadWriter.insertEvent(
          c, leadID: id,
          StageEvent(from: lead.stage, to: lead.stage, at: now, actor: actor, note: StageEvent.etaChangedNote, eta: eta)
        )
      }
      let after = edit.applied(to: lead.fields)
      if !edit.allowDuplicatePhone, let phone = after.phone, phone != lead.phone,
        let existing = try PGLeadWriter.leadID(c, withPhone: phone, otherThanCustomerOf: id)
      {
        throw CoachError.refused(.duplicatePhone(phone: phone, leadID: LeadID(existing)))
      }
      let customer = after.customerColumns
      if customer != lead.fields.customerColumns {
        try c.execute(
          """
          UPDATE customer SET name = ?, phone = ?, wechat = ?, email = ?, gender = ?, birthday = ?, city = ?
          WHERE id = (SELECT customerId FROM lead WHERE id = ?)
          """,
          customer.map { $0 as any PGArg } + [id])
      }
      // The lead's history of edits, as on SQLite (the owner by name, below).
      var changes = lead.fields.changes(to: after)
      if let newOwner = edit.consultantID {
        let to = try c.scalar("SELECT name FROM \"user\" WHERE id = ?", [newOwner], as: String.self)
        if to != lead.consultant {
          try c.execute(
            "INSERT INTO reassignLog (at, actor, fromUser, toUser, leads) VALUES (?,?,?,?,1)",
            [now, actor, lead.consultant ?? "-", to ?? "-"])
          changes.append((field: "consultant", before: lead.consultant, after: to))
        }
      }
      try c.execute(
        """
        UPDATE lead SET source = ?, model = ?, grade = ?, tier = ?, consultantId = COALESCE(?, consultantId),
          updatedAt = ?
        WHERE id = ?
        """,
        [after.source, after.model, after.grade?.rawValue, after.tier?.rawValue, edit.consultantID, now, id])
      for tag in after.tags where !lead.tags.contains(tag) {
        try c.execute("INSERT INTO leadTag (leadId, tag) VALUES (?, ?) ON CONFLICT DO NOTHING", [id, tag])
      }
      for tag in lead.tags where !after.tags.contains(tag) {
        try c.execute("DELETE FROM leadTag WHERE leadId = ? AND tag = ?", [id, tag])
      }
      for fact in edit.profile {
        try c.execute(
          "DELETE FROM profileFact WHERE key = ? AND customerId = (SELECT customerId FROM lead WHERE id = ?)",
          [fact.key, id])
        try c.execute(
          "INSERT INTO profileFact (customerId, key, value, createdAt) SELECT customerId, ?, ?, ? FROM lead WHERE id = ?",
          [fact.key, fact.value, now, id])
      }
      for change in changes {
        try c.execute(
          "INSERT INTO leadEdit (leadId, at, actor, field, oldValue, newValue) VALUES (?, ?, ?, ?, ?, ?)",
          [id, now, actor, change.field, change.before, change.after])
      }
    }
  }

  public func leadEdits(id leadID: LeadID) throws -> [FieldChange] {
    try read { c in
      try c.rows(
        "SELECT at, actor, field, oldValue, newValue FROM leadEdit WHERE leadId = ? ORDER BY at, id", [leadID.rawValue]
      ).map {
        FieldChange(
          at: try $0.get(0, Date.self), actor: try $0.text(1), field: try $0.get(2, String.self),
          before: try $0.text(3),
          after: try $0.text(4))
      }
    }
  }

  public func addTouch(leadID: LeadID, _ touch: NewTouch, actor: String?, scope: Scope) throws -> TouchResult {
    try writeLead(leadID) { c in
      let lead = try PGLeadLoader.one(c, id: leadID, scope: scope)
      let id = lead.id.rawValue
      for topicID in touch.resolve {
        guard let topic = lead.topics.first(where: { $0.id == topicID }) else {
          let open = lead.topics.filter(\.isOpen).map { String($0.id) }
          throw CoachError.refused(.unknownTopic(topic: topicID, leadID: leadID, open: open))
        }
        if !topic.isOpen { throw CoachError.refused(.topicResolved(topic: topicID, leadID: leadID)) }
      }
      let touchID = try PGLeadWriter.insertTouch(c, leadID: id, touch, actor: actor)
      var buried: [Int64] = []
      for (text, kind) in touch.bury {
        buried.append(
          try PGLeadWriter.insertTopic(
            c, leadID: id, category: .buried, text: text, kind: kind, at: touch.at, by: actor))
      }
      var issues: [Int64] = []
      for text in touch.issues {
        issues.append(
          try PGLeadWriter.insertTopic(
            c, leadID: id, category: .issue, text: text, kind: .other, at: touch.at, by: actor))
      }
      for (code, text) in touch.said {
        try c.execute(
          "INSERT INTO objectionSaid (touchId, code, text, at) VALUES (?,?,?,?)", [touchID, code, text, touch.at])
      }
      for topicID in touch.resolve {
        try c.execute(
          "UPDATE topic SET resolvedAt = ?, resolvedByTouch = ? WHERE id = ?", [touch.at, touchID, topicID])
      }
      try c.execute("UPDATE lead SET updatedAt = ? WHERE id = ?", [touch.at, id])
      return TouchResult(touchID: touchID, buriedTopicIDs: buried, issueIDs: issues)
    }
  }

  public func changeStage(
    leadID: LeadID, _ change: StageChange, now: Date, today: LocalDate, actor: String?, scope: Scope
  ) throws -> StageEvent {
    try writeLead(leadID) { c in
      let lead = try PGLeadLoader.one(c, id: leadID, scope: scope)
      let event = try StageMachine.apply(change, from: lead.stage, at: now, today: today, actor: actor)
      let id = lead.id.rawValue
      try PGLeadWriter.insertEvent(c, leadID: id, event)
      try c.execute(
        "UPDATE lead SET stage = ?, model = COALESCE(?, model), updatedAt = ? WHERE id = ?",
        [event.to.rawValue, change.model, now, id])
      return event
    }
  }

  public func reassignLeads(from: String, to: String, acting: User?, now: Date) throws -> Reassignment {
    try write { c in
      let source = try PGUsers.existing(c, named: from)
      let target = try PGUsers.existing(c, named: to)
      guard let sourceID = source.id, let targetID = target.id else {
        throw CoachError.internalError("user without id")
      }
      guard sourceID != targetID else { throw CoachError.refused(.sameUser(name: from)) }
      try Reassignment.authorize(acting: acting, from: source, to: target)
      // Each lead's own edit history says who had it until now (`lead show`; the audit counts by it).
      try c.execute(
        """
        INSERT INTO leadEdit (leadId, at, actor, field, oldValue, newValue)
        SELECT id, ?, ?, 'consultant', ?, ? FROM lead WHERE consultantId = ?
        """, [now, acting?.name, source.name, target.name, sourceID])
      let moved = try c.execute(
        "UPDATE lead SET consultantId = ?, updatedAt = ? WHERE consultantId = ?", [targetID, now, sourceID])
      let entry = Reassignment(at: now, actor: acting?.name, from: source.name, to: target.name, leads: moved)
      // Nothing moved, nothing to record (an audit listed "A → B 0").
      guard moved > 0 else { return entry }
      try c.execute(
        "INSERT INTO reassignLog (at, actor, fromUser, toUser, leads) VALUES (?,?,?,?,?)",
        [entry.at, entry.actor, entry.from, entry.to, entry.leads])
      return entry
    }
  }

  public func reassignments() throws -> [Reassignment] {
    try read { c in
      try c.rows("SELECT at, actor, fromUser, toUser, leads FROM reassignLog ORDER BY at, id").map { row in
        Reassignment(
          at: try row.get(0, Date.self), actor: try row.text(1), from: try row.get(2, String.self),
          to: try row.get(3, String.self), leads: Int(try row.get(4, Int64.self)))
      }
    }
  }

  public func snooze(
    leadID: LeadID, until: LocalDate, reason: String, actor: String?, now: Date, zone: TimeZone, scope: Scope
  ) throws -> Snooze {
    try writeLead(leadID) { c in
      let lead = try PGLeadLoader.one(c, id: leadID, scope: scope)
      let id = lead.id.rawValue
      if let holding = lead.snooze(at: now, in: zone) {
        try c.execute("UPDATE snooze SET clearedAt = ?, clearedBy = ? WHERE id = ?", [now, actor, holding.id])
      }
      let snoozeID = try c.scalar(
        "INSERT INTO snooze (leadId, untilDay, reason, actor, at) VALUES (?,?,?,?,?) RETURNING id",
        [id, until.description, reason, actor, now], as: Int64.self)
      return Snooze(id: snoozeID ?? 0, until: until, reason: reason, actor: actor, at: now)
    }
  }

  public func clearSnooze(leadID: LeadID, actor: String?, now: Date, zone: TimeZone, scope: Scope) throws -> Snooze {
    try writeLead(leadID) { c in
      let lead = try PGLeadLoader.one(c, id: leadID, scope: scope)
      guard var holding = lead.snooze(at: now, in: zone) else { throw CoachError.refused(.notSnoozed(leadID: lead.id)) }
      try c.execute("UPDATE snooze SET clearedAt = ?, clearedBy = ? WHERE id = ?", [now, actor, holding.id])
      holding.clearedAt = now
      holding.clearedBy = actor
      return holding
    }
  }

  public func seed(_ dataset: DemoDataset, now: Date) throws -> Int {
    try write { c in
      let real = try c.scalar(
        "SELECT COUNT(*) FROM lead WHERE externalId IS NULL OR externalId NOT LIKE 'DEMO-%'", as: Int64.self)
      if (real ?? 0) > 0 {
        throw CoachError.refused(.demoOverRealLeads)
      }
      let tables = [
        "topic", "touch", "stageEvent", "leadTag", "lead", "profileFact", "customer", "exportLog", "\"user\"",
      ]
      for table in tables { try c.execute("DELETE FROM \(table)") }
      // Ids start again from 1 in emptied tables, as SQLite's rowids do: the demo's ids are the same on both engines.
      for table in tables where table != "leadTag" {
        try c.execute(
          "SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE((SELECT max(id) FROM \(table)), 0) + 1, false)",
          [table])
      }
      var userIDs: [String: Int64] = [:]
      for u in dataset.users {
        if let id = try c.scalar("SELECT id FROM \"user\" WHERE name = ?", [u.name], as: Int64.self) {
          userIDs[u.name] = id
          continue
        }
        userIDs[u.name] = try c.scalar(
          "INSERT INTO \"user\" (name, role, team, createdAt) VALUES (?,?,?,?) RETURNING id",
          [u.name, u.role.rawValue, u.team, now], as: Int64.self)
      }
      for lead in dataset.leads {
        var fields = lead.fields
        fields.externalID = lead.externalID ?? lead.id.description
        let new = NewLead(fields, consultantID: lead.consultant.flatMap { userIDs[$0] }, createdAt: lead.createdAt)
        let leadID = try PGLeadWriter.insert(c, new, actor: lead.consultant, events: lead.events)
        var touchIDs: [Int64: Int64] = [:]
        for t in lead.touches {
          touchIDs[t.id] = try PGLeadWriter.insertTouch(
            c, leadID: leadID,
            NewTouch(
              at: t.at, channel: t.channel, outcome: t.outcome, note: t.note, objections: t.objections, nextAt: t.nextAt
            ),
            actor: t.actor ?? lead.consultant)
        }
        for topic in lead.topics {
          let id = try PGLeadWriter.insertTopic(
            c, leadID: leadID, category: topic.category, text: topic.text, kind: topic.kind, at: topic.buriedAt,
            by: topic.buriedBy ?? lead.consultant)
          if let resolved = topic.resolvedAt {
            try c.execute(
              "UPDATE topic SET resolvedAt = ?, resolvedByTouch = ? WHERE id = ?",
              [resolved, topic.resolvedByTouch.flatMap { touchIDs[$0] }, id])
          }
        }
      }
      return dataset.leads.count
    }
  }
}

/// Row-level writes shared by `lead add`, touches and the demo (`LeadWriter`/`TouchWriter` on SQLite).
enum PGLeadWriter {
  static func insert(_ c: PGConnection, _ lead: NewLead, actor: String?, events: [StageEvent]? = nil) throws -> Int64 {
    let customerID = try customer(c, for: lead)
    guard
      let leadID = try c.scalar(
        """
        INSERT INTO lead (customerId, externalId, consultantId, source, model, grade, tier, stage, createdAt, updatedAt)
        VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id
        """,
        [
          customerID, lead.externalID, lead.consultantID, lead.source, lead.model, lead.grade?.rawValue,
          lead.tier?.rawValue, lead.stage.rawValue, lead.createdAt, lead.createdAt,
        ], as: Int64.self)
    else { throw CoachError.internalError("PostgreSQL returned no id for a new lead") }
    var tagsSeen = Set<String>()
    for tag in lead.tags where tagsSeen.insert(tag).inserted {
      try c.execute("INSERT INTO leadTag (leadId, tag) VALUES (?, ?)", [leadID, tag])
    }
    var seen = Set<String>()
    for fact in lead.profile.reversed() where seen.insert(fact.key).inserted {
      try c.execute("DELETE FROM profileFact WHERE customerId = ? AND key = ?", [customerID, fact.key])
      try c.execute(
        "INSERT INTO profileFact (customerId, key, value, createdAt) VALUES (?,?,?,?)",
        [customerID, fact.key, fact.value, lead.createdAt])
    }
    let history = events ?? [StageEvent(from: nil, to: lead.stage, at: lead.createdAt, actor: actor, note: nil)]
    for event in history { try insertEvent(c, leadID: leadID, event) }
    return leadID
  }

  /// The customer of a new lead: one who comes back (same name and phone) keeps one record, its blanks filled.
  static func customer(_ c: PGConnection, for lead: NewLead) throws -> Int64 {
    if let phone = lead.phone,
      let id = try c.scalar(
        "SELECT id FROM customer WHERE phone = ? AND name = ? ORDER BY id LIMIT 1", [phone, lead.name], as: Int64.self)
    {
      try c.execute(
        """
        UPDATE customer SET wechat = COALESCE(wechat, ?), email = COALESCE(email, ?), gender = COALESCE(gender, ?),
          birthday = COALESCE(birthday, ?), city = COALESCE(city, ?) WHERE id = ?
        """, [lead.wechat, lead.email, lead.gender, lead.birthday?.description, lead.city, id])
      return id
    }
    guard
      let id = try c.scalar(
        """
        INSERT INTO customer (name, phone, wechat, email, gender, birthday, city, createdAt)
        VALUES (?,?,?,?,?,?,?,?) RETURNING id
        """,
        [
          lead.name, lead.phone, lead.wechat, lead.email, lead.gender, lead.birthday?.description, lead.city,
          lead.createdAt,
        ], as: Int64.self)
    else { throw CoachError.internalError("PostgreSQL returned no id for a new customer") }
    return id
  }

  static func leadID(_ c: PGConnection, withPhone phone: String) throws -> Int64? {
    try c.scalar(
      """
      SELECT lead.id FROM customer JOIN lead ON lead.customerId = customer.id
      WHERE customer.phone = ? ORDER BY lead.id LIMIT 1
      """, [phone], as: Int64.self)
  }

  /// The first lead with `phone` whose customer is not lead `leadID`'s (leads of one customer share its phone).
  static func leadID(_ c: PGConnection, withPhone phone: String, otherThanCustomerOf leadID: Int64) throws -> Int64? {
    try c.scalar(
      """
      SELECT lead.id FROM customer JOIN lead ON lead.customerId = customer.id
      WHERE customer.phone = ? AND customer.id <> (SELECT customerId FROM lead WHERE id = ?) ORDER BY lead.id LIMIT 1
      """, [phone, leadID], as: Int64.self)
  }

  static func insertEvent(_ c: PGConnection, leadID: Int64, _ e: StageEvent) throws {
    try c.execute(
      """
      INSERT INTO stageEvent (leadId, fromStage, toStage, at, actor, reason, note, amount, model, eta, date)
      VALUES (?,?,?,?,?,?,?,?,?,?,?)
      """,
      [
        leadID, e.from?.rawValue, e.to.rawValue, e.at, e.actor, e.reason?.rawValue, e.note, e.amount, e.model,
        e.eta?.description, e.date?.description,
      ])
  }

  static func insertTouch(_ c: PGConnection, leadID: Int64, _ t: NewTouch, actor: String?) throws -> Int64 {
    guard
      let id = try c.scalar(
        """
        INSERT INTO touch (leadId, at, channel, outcome, note, objections, nextAt, actor)
        VALUES (?,?,?,?,?,?,?,?) RETURNING id
        """,
        [
          leadID, t.at, t.channel.rawValue, t.outcome.rawValue, t.note,
          t.objections.isEmpty ? nil : t.objections.joined(separator: ";"), t.nextAt, actor,
        ], as: Int64.self)
    else { throw CoachError.internalError("PostgreSQL returned no id for a new touch") }
    for (position, lever) in t.levers.enumerated() {
      try c.execute(
        "INSERT INTO touchLever (touchId, position, leadId, lever) VALUES (?,?,?,?)",
        [id, Int64(position), leadID, lever.rawValue])
    }
    return id
  }

  static func insertTopic(
    _ c: PGConnection, leadID: Int64, category: Topic.Category, text: String, kind: TopicKind, at: Date, by: String?
  ) throws -> Int64 {
    guard
      let id = try c.scalar(
        "INSERT INTO topic (leadId, category, text, kind, buriedAt, buriedBy) VALUES (?,?,?,?,?,?) RETURNING id",
        [leadID, category.rawValue, text, kind.rawValue, at, by], as: Int64.self)
    else { throw CoachError.internalError("PostgreSQL returned no id for a new topic") }
    return id
  }
}
