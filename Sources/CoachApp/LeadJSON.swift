import CoachCore
import CoachStoreAPI
import Foundation

/// A lead's fields as the contract's JSON (snake_case), phone masked unless shown in full.
package struct LeadJSON: Encodable {
  let id: LeadID
  let external_id: String?
  let name: String
  let phone: String?
  let wechat: String?
  let email: String?
  let gender: String?
  let birthday: String?
  let city: String?
  let source: String?
  let consultant: String?
  let model: String?
  let grade: String?
  let tier: String?
  let tags: [String]
  let profile: [String: String]
  let stage: String
  let created_at: Date

  package init(_ l: LeadSnapshot, fullPhone: Bool) {
    id = l.id
    external_id = l.externalID
    name = l.name
    (phone, wechat, email) = l.contacts(masked: !fullPhone)
    gender = l.gender
    birthday = l.birthday?.description
    city = l.city
    source = l.source
    consultant = l.consultant
    model = l.model
    grade = l.grade?.rawValue
    tier = l.tier?.rawValue
    tags = l.tags
    profile = Dictionary(l.profile.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    stage = l.stage.rawValue
    created_at = l.createdAt
  }

  enum CodingKeys: String, CodingKey {
    case id, external_id, name, phone, wechat, email, gender, birthday, city, source, consultant, model, grade, tier
    case tags, profile, stage, created_at
  }

  /// Every field, a missing one as null: a script reads `lead["tier"]` without first asking whether it is there.
  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(external_id, forKey: .external_id)
    try c.encode(name, forKey: .name)
    try c.encode(phone, forKey: .phone)
    try c.encode(wechat, forKey: .wechat)
    try c.encode(email, forKey: .email)
    try c.encode(gender, forKey: .gender)
    try c.encode(birthday, forKey: .birthday)
    try c.encode(city, forKey: .city)
    try c.encode(source, forKey: .source)
    try c.encode(consultant, forKey: .consultant)
    try c.encode(model, forKey: .model)
    try c.encode(grade, forKey: .grade)
    try c.encode(tier, forKey: .tier)
    try c.encode(tags, forKey: .tags)
    try c.encode(profile, forKey: .profile)
    try c.encode(stage, forKey: .stage)
    try c.encode(created_at, forKey: .created_at)
  }
}

/// `lead show --json`: the lead plus its history.
package struct LeadDetailJSON: Encodable {
  let lead: LeadJSON
  let events: [EventJSON]
  let touches: [TouchJSON]
  let topics: [TopicJSON]
  let issues: [TopicJSON]
  /// The snooze holding the lead's sales follow-ups now (`snoozed_until`, `snooze_reason`, `snoozed_by`: null when
  /// none), and every snooze set on it, oldest first.
  let snooze: Snooze?
  let snoozes: [SnoozeJSON]
  /// The fields `lead edit` changed: `at`, `actor`, `field`, `from`, `to`.
  let edits: [EditJSON]

  package func encode(to encoder: any Encoder) throws {
    try lead.encode(to: encoder)
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(snooze?.until.description, forKey: .snoozed_until)
    try c.encode(snooze?.reason, forKey: .snooze_reason)
    try c.encode(snooze?.actor, forKey: .snoozed_by)
    try c.encode(snoozes, forKey: .snoozes)
    try c.encode(events, forKey: .events)
    try c.encode(touches, forKey: .touches)
    try c.encode(topics, forKey: .topics)
    try c.encode(issues, forKey: .issues)
    try c.encode(edits, forKey: .edits)
  }

  enum Key: String, CodingKey {
    case events, touches, topics, issues, snoozed_until, snooze_reason, snoozed_by, snoozes, edits
  }

  package init(_ l: LeadSnapshot, fullPhone: Bool, snooze: Snooze? = nil, edits: [FieldChange] = []) {
    self.snooze = snooze
    self.edits = edits.map(EditJSON.init)
    snoozes = l.snoozes.map { SnoozeJSON($0) }
    lead = LeadJSON(l, fullPhone: fullPhone)
    events = l.events.map(EventJSON.init)
    touches = l.touches.map(TouchJSON.init)
    topics = l.topics.filter { $0.category == .buried }.map(TopicJSON.init)
    issues = l.topics.filter { $0.category == .issue }.map(TopicJSON.init)
  }
}

/// One field a lead edit changed.
package struct EditJSON: Encodable {
  let at: Date
  let actor: String?
  let field: String
  let from: String?
  let to: String?

  init(_ c: FieldChange) { (at, actor, field, from, to) = (c.at, c.actor, c.field, c.before, c.after) }

  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(at, forKey: .at)
    try c.encode(actor, forKey: .actor)
    try c.encode(field, forKey: .field)
    try c.encode(from, forKey: .from)
    try c.encode(to, forKey: .to)
  }

  enum CodingKeys: String, CodingKey { case at, actor, field, from, to }
}

package struct EventJSON: Encodable {
  let from: String?
  let to: String
  let at: Date
  let actor: String?
  let reason: String?
  let note: String?
  let amount: Double?
  let model: String?
  let eta: String?
  let date: String?

  package init(_ e: StageEvent) {
    from = e.from?.rawValue
    to = e.to.rawValue
    at = e.at
    actor = e.actor
    reason = e.reason?.rawValue
    note = e.note
    amount = e.amount
    model = e.model
    eta = e.eta?.description
    date = e.date?.description
  }
}

package struct TouchJSON: Encodable {
  let id: Int64
  let at: Date
  let channel: String
  let outcome: String
  let note: String?
  let objections: [String]
  let next_at: Date?
  let actor: String?
  /// Switch levers argued with (`coach touch --lever`), by code.
  let levers: [String]

  package init(_ t: Touch) {
    id = t.id
    at = t.at
    channel = t.channel.rawValue
    outcome = t.outcome.rawValue
    note = t.note
    objections = t.objections
    next_at = t.nextAt
    actor = t.actor
    levers = t.levers.map(\.rawValue)
  }
}

package struct TopicJSON: Encodable {
  let id: Int64
  let text: String
  let kind: String
  let buried_at: Date
  let buried_by: String?
  let resolved_at: Date?
  let resolved_by_touch: Int64?

  package init(_ t: Topic) {
    id = t.id
    text = t.text
    kind = t.kind.rawValue
    buried_at = t.buriedAt
    buried_by = t.buriedBy
    resolved_at = t.resolvedAt
    resolved_by_touch = t.resolvedByTouch
  }

  /// Encodes nil as null so `resolved_at` is present while open, as the contract asks.
  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(text, forKey: .text)
    try c.encode(kind, forKey: .kind)
    try c.encode(buried_at, forKey: .buried_at)
    try c.encode(buried_by, forKey: .buried_by)
    try c.encode(resolved_at, forKey: .resolved_at)
    try c.encode(resolved_by_touch, forKey: .resolved_by_touch)
  }

  enum CodingKeys: String, CodingKey { case id, text, kind, buried_at, buried_by, resolved_at, resolved_by_touch }
}
