import Foundation

@testable import CoachCore

/// A small but complete English playbook, built in Swift, and helpers to make leads and times.
enum Fixture {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

  /// `2025-07-10T10:00:00+08:00` → Date (tests only: a bad literal is a bug in the test).
  static func at(_ iso: String) -> Date {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    guard let d = f.date(from: iso) else { fatalError("bad date literal \(iso)") }
    return d
  }

  static func day(_ text: String) -> LocalDate {
    guard let d = LocalDate(text) else { fatalError("bad day literal \(text)") }
    return d
  }

  static func ctx(
    _ now: String, zone: TimeZone = shanghai, playbook: Playbook = Fixture.playbook, stats: SalesStats = SalesStats()
  ) -> EngineContext {
    EngineContext(playbook: playbook, now: at(now), zone: zone, consultantName: "Li Na", stats: stats)
  }

  static func lead(
    _ id: String = "L1", created: String = "2025-07-01T09:00:00+08:00", stage: Stage = .prospect,
    grade: Grade? = .a, tier: Tier? = .c, model: String? = "X40", birthday: String? = nil, tags: [String] = [],
    profile: [ProfileFact] = [], events: [StageEvent] = [], touches: [Touch] = [], topics: [Topic] = []
  ) -> LeadSnapshot {
    LeadSnapshot(
      id: .named(id), name: "Wang Wei", phone: "13800005678", wechat: nil, birthday: birthday.map(day),
      consultant: "Li Na",
      model: model, grade: grade, tier: tier, tags: tags, profile: profile, stage: stage, createdAt: at(created),
      events: events, touches: touches, topics: topics)
  }

  static func touch(
    _ id: Int64, _ iso: String, _ outcome: Outcome = .reached, channel: Channel = .call, note: String? = nil,
    objections: [String] = [], next: String? = nil
  ) -> Touch {
    Touch(
      id: id, at: at(iso), channel: channel, outcome: outcome, note: note, objections: objections,
      nextAt: next.map(at))
  }

  /// prospect → deposit → waiting → delivered events, as far as `to`.
  static func events(
    deposit: String? = nil, amount: Double? = 5000, waiting: String? = nil, eta: String? = nil,
    delivered: String? = nil, deliveredOn: String? = nil
  ) -> [StageEvent] {
    var out: [StageEvent] = []
    if let deposit { out.append(StageEvent(from: .prospect, to: .deposit, at: at(deposit), amount: amount)) }
    if let waiting {
      out.append(StageEvent(from: .deposit, to: .waitingForDelivery, at: at(waiting), eta: eta.map(day)))
    }
    if let delivered {
      out.append(StageEvent(from: .waitingForDelivery, to: .delivered, at: at(delivered), date: deliveredOn.map(day)))
    }
    return out
  }

  /// A delivered owner: delivered at `delivered` on the day `deliveredOn`.
  static func owner(
    _ id: String = "O1", delivered: String, deliveredOn: String, birthday: String? = nil, tier: Tier? = .b,
    touches: [Touch] = [], topics: [Topic] = []
  ) -> LeadSnapshot {
    lead(
      id, created: "2024-01-05T09:00:00+08:00", stage: .delivered, tier: tier, birthday: birthday,
      events: events(
        deposit: "2024-01-10T10:00:00+08:00", waiting: "2024-01-20T10:00:00+08:00", eta: "2024-02-20",
        delivered: delivered, deliveredOn: deliveredOn),
      touches: [touch(1, "2024-01-05T10:00:00+08:00")] + touches, topics: topics)
  }

  static func next(_ lead: LeadSnapshot, _ ctx: EngineContext) -> DueAction? {
    FollowUpEngine.nextAction(for: lead, in: ctx)
  }
}

extension LeadID {
  /// A test's lead called by letters and digits ("A", "N1"), numbered as a base-36 number: names of one length
  /// keep their order, and no two names share a number.
  static func named(_ name: String) -> LeadID { LeadID(Int64(name, radix: 36)!) }
}
