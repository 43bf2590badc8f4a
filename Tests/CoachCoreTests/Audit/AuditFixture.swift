import Foundation

@testable import CoachCore

/// A hand-built team: Li Na ("lina", diligent) and Zhang Wei ("zhang", neglectful), audited 2025-07-01 … 07-14
/// at 2025-07-15 12:00 (+08:00) with the fixture playbook (grade A every 3 days, 24 h grace, first contact 24 h,
/// callback 3 days, issues 7 days, win-back 7 days after the churn; no holiday or birthday in July).
enum AuditFixture {
  static let now = "2025-07-15T12:00:00+08:00"
  static var ctx: EngineContext { Fixture.ctx(now) }

  static func window(_ from: String = "2025-07-01", _ to: String = "2025-07-14") throws -> AuditWindow {
    try AuditWindow(from: Fixture.day(from), to: Fixture.day(to), zone: Fixture.shanghai)
  }

  static func created(_ iso: String) -> StageEvent { StageEvent(from: nil, to: .prospect, at: Fixture.at(iso)) }

  static func lead(
    _ id: String, _ owner: String, created: String, events: [StageEvent] = [], touches: [Touch] = [],
    topics: [Topic] = [], stage: Stage = .prospect
  ) -> LeadSnapshot {
    var lead = Fixture.lead(
      id, created: created, stage: stage, events: [AuditFixture.created(created)] + events, touches: touches,
      topics: topics)
    lead.consultant = owner
    return lead
  }

  // MARK: - Li Na: always on time

  /// A grade-A prospect followed to the letter; one buried topic left and resolved.
  static let diligentProspect = lead(
    "D1", "lina", created: "2025-07-01T09:00:00+08:00",
    touches: [
      Fixture.touch(1, "2025-07-01T10:00:00+08:00", next: "2025-07-03T10:00:00+08:00"),
      Fixture.touch(2, "2025-07-03T10:30:00+08:00"),
      Fixture.touch(3, "2025-07-06T11:00:00+08:00", channel: .wechat, next: "2025-07-09T10:00:00+08:00"),
      Fixture.touch(4, "2025-07-09T15:00:00+08:00"),
      Fixture.touch(5, "2025-07-12T16:00:00+08:00", .visited, channel: .visit, next: "2025-07-16T10:00:00+08:00"),
    ],
    topics: [
      Topic(
        id: 1, text: "brochure of the X40", kind: .brochure, buriedAt: Fixture.at("2025-07-01T10:00:00+08:00"),
        resolvedAt: Fixture.at("2025-07-06T11:00:00+08:00"), resolvedByTouch: 3)
    ])

  /// Deposit in June, delivered 07-05, called back 07-07 (an issue raised then, fixed 07-10).
  static let diligentOwner = lead(
    "D2", "lina", created: "2025-06-20T10:00:00+08:00",
    events: Fixture.events(
      deposit: "2025-06-21T10:00:00+08:00", waiting: "2025-06-22T10:00:00+08:00", eta: "2025-07-05",
      delivered: "2025-07-05T10:00:00+08:00", deliveredOn: "2025-07-05"),
    touches: [
      Fixture.touch(11, "2025-06-20T11:00:00+08:00"), Fixture.touch(12, "2025-06-28T11:00:00+08:00"),
      Fixture.touch(13, "2025-07-07T10:00:00+08:00"),
    ],
    topics: [
      Topic(
        id: 2, category: .issue, text: "rattle in the dashboard", buriedAt: Fixture.at("2025-07-07T10:00:00+08:00"),
        resolvedAt: Fixture.at("2025-07-10T10:00:00+08:00"))
    ], stage: .delivered)

  // MARK: - Zhang Wei: late, then nothing

  /// First called two days late (no answer), then never again.
  static let lateThenSilent = lead(
    "N1", "zhang", created: "2025-07-01T09:00:00+08:00",
    touches: [Fixture.touch(21, "2025-07-03T09:00:00+08:00", .noAnswer)])

  /// A new lead nobody ever called.
  static let neverCalled = lead("N2", "zhang", created: "2025-07-08T10:00:00+08:00")

  /// The customer agreed a call on 07-02; Zhang came on 07-05, then lost the lead to poor follow-up.
  static let lost = lead(
    "N3", "zhang", created: "2025-06-10T10:00:00+08:00",
    events: [
      StageEvent(
        from: .prospect, to: .churned, at: Fixture.at("2025-07-05T10:05:00+08:00"), reason: .poorFollowup)
    ],
    touches: [
      Fixture.touch(31, "2025-06-10T11:00:00+08:00", next: "2025-07-02T10:00:00+08:00"),
      Fixture.touch(32, "2025-07-05T10:00:00+08:00", .visited, channel: .visit),
    ],
    topics: [Topic(id: 3, text: "trade-in price", buriedAt: Fixture.at("2025-06-10T11:00:00+08:00"))],
    stage: .churned)

  /// A lead of the team lead (not a consultant): not audited.
  static let leadsOwn = lead("W1", "wang", created: "2025-07-02T09:00:00+08:00")

  static let leads = [diligentProspect, diligentOwner, lateThenSilent, neverCalled, lost, leadsOwn]

  static let exports = [
    AuditExport(actor: "zhang", at: Fixture.at("2025-07-10T18:00:00+08:00"), rows: 3),
    AuditExport(actor: "zhang", at: Fixture.at("2025-06-30T23:00:00+08:00"), rows: 200),  // before the window
    AuditExport(actor: "wang", at: Fixture.at("2025-07-10T18:00:00+08:00"), rows: 5),  // not a consultant
  ]

  static func report() throws -> AuditReport {
    Audit.build(leads: leads, consultants: ["lina", "zhang"], exports: exports, window: try window(), ctx: ctx)
  }
}
