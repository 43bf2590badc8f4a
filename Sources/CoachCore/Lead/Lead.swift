import Foundation

/// A profile fact: free key/value knowledge about the customer (hobby, career, family, …).
public struct ProfileFact: Hashable, Codable, Sendable {
  public var key: String
  public var value: String
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// One stage change, as kept in history (never rewritten): the change asked for (`StageChange`, whose fields read
/// as the event's own: `event.to`, `event.amount`), the stage it left, when and by whom.
@dynamicMemberLookup
public struct StageEvent: Hashable, Codable, Sendable {
  public var from: Stage?
  public var change: StageChange
  public var at: Date
  public var actor: String?

  /// Whether the event entered its stage (a change, or the lead's first stage), rather than recording an edit at the
  /// same stage (`lead edit --eta` keeps a new ETA as an event from the stage to itself).
  public var entersStage: Bool { from != change.to }

  /// The note of an event recording a new ETA at the same stage (`lead edit --eta`), on both engines.
  public static let etaChangedNote = "eta changed"
  /// The note of an imported lead's first stage event (none for a prospect), on both engines.
  public static func importedNote(_ stage: Stage) -> String? {
    stage == .prospect ? nil : importedPrefix + stage.rawValue
  }
  static let importedPrefix = "imported at "

  public init(from: Stage?, _ change: StageChange, at: Date, actor: String? = nil) {
    (self.from, self.change, self.at, self.actor) = (from, change, at, actor)
  }

  public init(
    from: Stage?, to: Stage, at: Date, actor: String? = nil, reason: ChurnReason? = nil, note: String? = nil,
    amount: Double? = nil, model: String? = nil, eta: LocalDate? = nil, date: LocalDate? = nil
  ) {
    self.init(
      from: from,
      StageChange(to: to, reason: reason, note: note, amount: amount, model: model, eta: eta, date: date),
      at: at, actor: actor)
  }

  public subscript<T>(dynamicMember field: WritableKeyPath<StageChange, T>) -> T {
    get { change[keyPath: field] }
    set { change[keyPath: field] = newValue }
  }

  // Coded flat, as before the change was its own value: `from`, `at`, `actor` beside the change's keys.
  private enum CodingKeys: String, CodingKey { case from, at, actor }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      from: try c.decodeIfPresent(Stage.self, forKey: .from), try StageChange(from: decoder),
      at: try c.decode(Date.self, forKey: .at), actor: try c.decodeIfPresent(String.self, forKey: .actor))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(from, forKey: .from)
    try c.encode(at, forKey: .at)
    try c.encodeIfPresent(actor, forKey: .actor)
    try change.encode(to: encoder)
  }
}

/// One contact attempt or contact with the customer, as recorded: its fields (`TouchFields`), its id and who
/// recorded it.
public struct Touch: Hashable, Codable, Sendable, CarriesTouchFields {
  public var id: Int64
  public var fields: TouchFields
  public var actor: String?

  public init(
    id: Int64, at: Date, channel: Channel, outcome: Outcome, note: String? = nil, objections: [String] = [],
    nextAt: Date? = nil, actor: String? = nil, levers: [Lever] = []
  ) {
    self.init(
      id: id,
      TouchFields(
        at: at, channel: channel, outcome: outcome, note: note, objections: objections, nextAt: nextAt, levers: levers),
      actor: actor)
  }

  public init(id: Int64, _ fields: TouchFields, actor: String?) {
    (self.id, self.fields, self.actor) = (id, fields, actor)
  }
}

/// A loose end: a buried topic (reason for the next contact) or an after-sales issue (to fix within 7 days).
public struct Topic: Hashable, Codable, Sendable {
  public enum Category: String, Codable, Sendable, Hashable { case buried, issue }
  public var id: Int64
  public var category: Category
  public var text: String
  public var kind: TopicKind
  public var buriedAt: Date
  public var buriedBy: String?
  public var resolvedAt: Date?
  public var resolvedByTouch: Int64?

  public var isOpen: Bool { resolvedAt == nil }

  public init(
    id: Int64, category: Category = .buried, text: String, kind: TopicKind = .other, buriedAt: Date,
    buriedBy: String? = nil, resolvedAt: Date? = nil, resolvedByTouch: Int64? = nil
  ) {
    self.id = id
    self.category = category
    self.text = text
    self.kind = kind
    self.buriedAt = buriedAt
    self.buriedBy = buriedBy
    self.resolvedAt = resolvedAt
    self.resolvedByTouch = resolvedByTouch
  }
}

/// A lead's own fields, declared once: what `lead add` and an import row give, what a snapshot carries and what
/// `lead show` and the JSON show (CONTRACT.md, "lead"). `LeadSnapshot`, `NewLead` and `ImportedLead` hold one and
/// read its fields as their own (`lead.name`).
public struct LeadFields: Hashable, Codable, Sendable {
  public var externalID: String?
  public var name: String
  public var phone: String?
  public var wechat: String?
  public var email: String?
  public var gender: String?
  public var birthday: LocalDate?
  public var city: String?
  public var source: String?
  /// Catalog code of the model of interest (or ordered).
  public var model: String?
  public var grade: Grade?
  public var tier: Tier?
  public var tags: [String]
  public var profile: [ProfileFact]
  /// The stage: the current one of a snapshot, the one a new lead or an import row starts in.
  public var stage: Stage

  public init(
    externalID: String? = nil, name: String, phone: String? = nil, wechat: String? = nil, email: String? = nil,
    gender: String? = nil, birthday: LocalDate? = nil, city: String? = nil, source: String? = nil,
    model: String? = nil, grade: Grade? = nil, tier: Tier? = nil, tags: [String] = [], profile: [ProfileFact] = [],
    stage: Stage = .prospect
  ) {
    (self.externalID, self.name, self.phone, self.wechat, self.email) = (externalID, name, phone, wechat, email)
    (self.gender, self.birthday, self.city, self.source) = (gender, birthday, city, source)
    (self.model, self.grade, self.tier, self.tags, self.profile, self.stage) = (
      model, grade, tier, tags, profile, stage
    )
  }
}

/// A type that carries a lead's fields and reads them as its own.
@dynamicMemberLookup
public protocol CarriesLeadFields {
  var fields: LeadFields { get set }
}

extension CarriesLeadFields {
  public subscript<T>(dynamicMember field: WritableKeyPath<LeadFields, T>) -> T {
    get { fields[keyPath: field] }
    set { fields[keyPath: field] = newValue }
  }
}

/// Everything known about one lead: the input of the engine.
public struct LeadSnapshot: Hashable, Codable, Sendable, CarriesLeadFields {
  public var id: LeadID
  public var fields: LeadFields
  public var consultant: String?
  public var createdAt: Date
  /// Stage history, oldest first.
  public var events: [StageEvent]
  /// Touches, oldest first.
  public var touches: [Touch]
  /// Buried topics and after-sales issues, open or resolved, oldest first.
  public var topics: [Topic]
  /// Nil when `touches` holds the whole history. Otherwise only the touches from this time on, plus the last
  /// touch and the last contact before it (`keepingTouches(since:)`): enough to rank or replay from then on, never
  /// to brief (a brief reads objections and notes from the whole history).
  public var touchesSince: Date?
  /// Holds on the lead's sales follow-ups, oldest first (`coach snooze`); lifted and ended ones included.
  public var snoozes: [Snooze] = []
  /// Hand-overs to another consultant, oldest first, when the loader was asked for them (the audit): empty else.
  public var ownerChanges: [OwnerChange] = []

  public init(
    id: LeadID, externalID: String? = nil, name: String, phone: String? = nil, wechat: String? = nil,
    email: String? = nil, gender: String? = nil, birthday: LocalDate? = nil, city: String? = nil,
    source: String? = nil, consultant: String? = nil, model: String? = nil, grade: Grade? = nil,
    tier: Tier? = nil, tags: [String] = [], profile: [ProfileFact] = [], stage: Stage = .prospect,
    createdAt: Date, events: [StageEvent] = [], touches: [Touch] = [], topics: [Topic] = []
  ) {
    self.init(
      id: id,
      LeadFields(
        externalID: externalID, name: name, phone: phone, wechat: wechat, email: email, gender: gender,
        birthday: birthday, city: city, source: source, model: model, grade: grade, tier: tier, tags: tags,
        profile: profile, stage: stage),
      consultant: consultant, createdAt: createdAt, events: events, touches: touches, topics: topics)
  }

  public init(
    id: LeadID, _ fields: LeadFields, consultant: String?, createdAt: Date, events: [StageEvent] = [],
    touches: [Touch] = [], topics: [Topic] = []
  ) {
    (self.id, self.fields, self.consultant, self.createdAt) = (id, fields, consultant, createdAt)
    (self.events, self.touches, self.topics) = (events, touches, topics)
  }

  // MARK: - Derived facts

  /// The latest event that entered the current stage.
  public var currentStageEvent: StageEvent? { events.lastEntering(fields.stage) }
  /// The promised delivery day: the latest ETA recorded on the way to delivery.
  public var eta: LocalDate? { events.last { $0.eta != nil }?.eta }
  /// The deposit amount, when the deposit event recorded one.
  public var depositAmount: Double? { events.lastEntering(.deposit)?.amount }
  /// The delivery day, when delivered.
  public var deliveredOn: LocalDate? { fields.stage == .delivered ? events.last { $0.to == .delivered }?.date : nil }
  /// The churn reason, when churned.
  public var churnReason: ChurnReason? { fields.stage == .churned ? events.last { $0.to == .churned }?.reason : nil }
  public var lastTouch: Touch? { touches.last }
  public func hasTag(_ tag: String) -> Bool { fields.tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
  public func profileValue(_ key: String) -> String? { fields.profile.last { $0.key == key }?.value }
}

extension BidirectionalCollection where Element == StageEvent {
  /// The latest event that entered `stage` (a change to it, or the lead's first stage), not an edit kept at it.
  public func lastEntering(_ stage: Stage) -> StageEvent? { last { $0.to == stage && $0.entersStage } }
}
