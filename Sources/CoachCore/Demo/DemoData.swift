import Foundation

/// A user of the demo dealership.
public struct DemoUser: Hashable, Codable, Sendable {
  public var name: String
  public var role: Role
  public var team: String?

  public init(name: String, role: Role, team: String? = nil) {
    self.name = name
    self.role = role
    self.team = team
  }
}

/// A complete demo data set: the dealership's users and their leads with full history.
public struct DemoDataset: Hashable, Codable, Sendable {
  public var users: [DemoUser]
  /// Leads with `id == externalID` (`DEMO-0001`, …); a store assigns its own ids on import.
  public var leads: [LeadSnapshot]

  public init(users: [DemoUser], leads: [LeadSnapshot]) {
    self.users = users
    self.leads = leads
  }

  /// The users with role `consultant`, who own the leads.
  public var consultants: [DemoUser] { users.filter { $0.role == .consultant } }
}

/// Deterministic generator of a realistic demo dealership (极光汽车城东店), relative to a given `now`.
public enum DemoData {
  /// The team every demo consultant belongs to.
  public static let team = "东店一组"

  /// The demo users: an admin, the team lead and four consultants.
  public static let users: [DemoUser] = [
    DemoUser(name: "周主任", role: .admin),
    DemoUser(name: "王经理", role: .lead, team: team),
    DemoUser(name: "李娜", role: .consultant, team: team),
    DemoUser(name: "张伟", role: .consultant, team: team),
    DemoUser(name: "陈静", role: .consultant, team: team),
    DemoUser(name: "刘洋", role: .consultant, team: team),
  ]

  /// Share of leads in each stage (the rest are prospects).
  static let stageShares: [(Stage, Double)] = [
    (.deposit, 0.12), (.waitingForDelivery, 0.12), (.delivered, 0.16), (.churned, 0.10),
  ]

  /// Generates `leads` leads spread over the four consultants; the same `now`, `zone` and `seed` give the
  /// same data set. Every time is at or before `now`, except agreed next contacts and ETAs. Linear in `leads`.
  public static func generate(now: Date, zone: TimeZone, seed: UInt64 = 42, leads: Int = 200) -> DemoDataset {
    let count = max(0, leads)
    var factory = DemoFactory(clock: DemoClock(now: now, zone: zone), seed: seed)
    let stages = factory.stagePlan(count: count)
    let consultants = users.filter { $0.role == .consultant }.map(\.name)
    var ordinals: [Stage: Int] = [:]
    var result: [LeadSnapshot] = []
    result.reserveCapacity(count)
    for (index, stage) in stages.enumerated() {
      let ordinal = ordinals[stage, default: 0]
      ordinals[stage] = ordinal + 1
      let consultant = consultants[index % consultants.count]
      var lead = factory.lead(index: index, stage: stage, ordinal: ordinal, consultant: consultant)
      if stage == .delivered && ordinal % 16 == 9 {
        // An owner whose birthday is tomorrow: the care calendar's birthday reminder.
        let tomorrow = factory.clock.date(daysAhead: 1)
        lead.birthday = LocalDate(year: tomorrow.year - 40, month: tomorrow.month, day: tomorrow.day)
      }
      result.append(lead)
    }
    return DemoDataset(users: users, leads: result)
  }
}

/// Builds leads one by one from a single random stream; ids of touches and topics are unique in the data set.
struct DemoFactory {
  let clock: DemoClock
  var rng: DemoRandom
  let seed: UInt64
  var nextTouchID: Int64 = 1
  var nextTopicID: Int64 = 1

  init(clock: DemoClock, seed: UInt64) {
    self.clock = clock
    self.seed = seed
    rng = DemoRandom(seed: seed)
  }

  /// Exactly the stage shares (rounded), in random order.
  mutating func stagePlan(count: Int) -> [Stage] {
    var stages: [Stage] = []
    stages.reserveCapacity(count)
    for (stage, share) in DemoData.stageShares {
      stages += Array(repeating: stage, count: Int((Double(count) * share).rounded()))
    }
    stages += Array(repeating: .prospect, count: max(0, count - stages.count))
    rng.shuffle(&stages)
    return Array(stages.prefix(count))
  }

  /// One lead: who the customer is, then their story (stages, touches, topics).
  /// `ordinal` counts leads of the same stage and picks the scenarios every demo must show.
  mutating func lead(index: Int, stage: Stage, ordinal: Int, consultant: String) -> LeadSnapshot {
    var lead = person(index: index, consultant: consultant)
    let rival = rng.pick(DemoVocabulary.rivals)
    let plan = self.plan(
      stage: stage, ordinal: ordinal, consultant: consultant, rival: rival, source: lead.source ?? "展厅")
    lead.model = plan.model
    lead.grade = plan.grade
    lead.stage = plan.stage
    lead.createdAt = plan.createdAt
    lead.events = plan.events
    let drafts = touchDrafts(for: plan, rival: rival)
    lead.touches = drafts.map { draft in
      defer { nextTouchID += 1 }
      return Touch(
        id: nextTouchID, at: draft.at, channel: draft.channel, outcome: draft.outcome,
        note: draft.note.map { DemoNotes.fill($0, model: plan.model, rival: rival) }, objections: draft.objections,
        nextAt: draft.nextAt, actor: consultant)
    }
    lead.topics = topics(touches: lead.touches, drafts: drafts, model: plan.model, rival: rival, consultant: consultant)
    return lead
  }
}
