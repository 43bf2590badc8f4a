import Foundation
import Testing

@testable import CoachCore

/// Activity by day and channel, and the lead-source report, on hand-built leads.
@Suite struct AuditActivitySourceTests {
  func row(_ name: String) throws -> AuditFigures {
    try #require(try AuditFixture.report().consultants.first { $0.consultant == name }).figures
  }

  @Test func activityOfTheHandBuiltTeamByDayAndChannel() throws {
    let lina = try row("lina").activity
    #expect(lina.days == 14)
    // D1: 07-01 call, 07-03 call, 07-06 wechat, 07-09 call, 07-12 visit; D2: 07-07 call.
    #expect((0..<14).map { lina.total(day: $0) } == [1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0])
    #expect((lina.count(day: 5, .wechat), lina.count(day: 5, .call), lina.count(day: 11, .visit)) == (1, 0, 1))
    let zhang = try row("zhang").activity
    #expect((zhang.count(day: 2, .call), zhang.count(day: 4, .visit)) == (1, 1))  // N1 07-03, N3 07-05
    let team = try AuditFixture.report().team
    #expect((0..<14).map { team.activity.total(day: $0) }.reduce(0, +) == team.touches)
  }

  @Test func aTouchBelongsToItsLocalDay() throws {
    let lead = AuditFixture.lead(
      "L", "lina", created: "2025-06-01T09:00:00+08:00",
      touches: [
        Fixture.touch(1, "2025-07-01T23:59:00+08:00"), Fixture.touch(2, "2025-07-02T00:00:00+08:00", channel: .sms),
        Fixture.touch(3, "2025-06-30T23:59:00+08:00"),  // before the window
      ])
    let f = Audit.build(
      leads: [lead], consultants: ["lina"], exports: [], window: try AuditFixture.window("2025-07-01", "2025-07-02"),
      ctx: Fixture.ctx("2025-07-03T12:00:00+08:00")
    ).team
    #expect((f.activity.count(day: 0, .call), f.activity.count(day: 1, .sms), f.activity.total(day: 1)) == (1, 1, 1))
  }

  @Test func sourcesFollowTheLeadsCreatedInThePeriod() throws {
    func lead(
      _ id: String, _ source: String?, created: String = "2025-07-02T09:00:00+08:00", touches: [Touch] = [],
      events: [StageEvent] = [], stage: Stage = .prospect
    ) -> LeadSnapshot {
      var l = AuditFixture.lead(id, "lina", created: created, events: events, touches: touches, stage: stage)
      l.source = source
      return l
    }
    let leads = [
      lead("W1", "web", touches: [Fixture.touch(1, "2025-07-02T10:00:00+08:00")]),  // reached
      lead("W2", "web", touches: [Fixture.touch(2, "2025-07-02T10:00:00+08:00", .noAnswer)]),  // not reached
      lead(
        "W3", "web", touches: [Fixture.touch(3, "2025-07-02T10:00:00+08:00", .visited, channel: .visit)],
        events: Fixture.events(
          deposit: "2025-07-03T10:00:00+08:00", waiting: "2025-07-04T10:00:00+08:00", eta: "2025-07-08",
          delivered: "2025-07-08T10:00:00+08:00", deliveredOn: "2025-07-08"), stage: .delivered),
      lead(
        "S1", "walk-in", touches: [Fixture.touch(4, "2025-07-05T10:00:00+08:00", .visited, channel: .visit)],
        events: Fixture.events(deposit: "2025-07-05T11:00:00+08:00"), stage: .deposit),
      lead("N1", nil),
      lead(
        "OLD", "web", created: "2025-06-20T09:00:00+08:00", touches: [Fixture.touch(5, "2025-07-02T10:00:00+08:00")]),
      // A deposit after --now is not yet counted.
      lead("S2", "walk-in", events: Fixture.events(deposit: "2025-07-20T10:00:00+08:00"), stage: .deposit),
    ]
    let f = Audit.build(
      leads: leads, consultants: ["lina"], exports: [], window: try AuditFixture.window(),
      ctx: Fixture.ctx(AuditFixture.now)
    ).team
    #expect(f.sources["web"] == SourceTally(leads: 3, contacted: 2, deposits: 1, delivered: 1))
    #expect(f.sources["walk-in"] == SourceTally(leads: 2, contacted: 1, deposits: 1, delivered: 0))
    #expect(f.sources[""] == SourceTally(leads: 1))
    #expect(f.sources.count == 3)
    #expect(f.sources["web"]?.contactRate == 2.0 / 3.0 && f.sources["walk-in"]?.depositRate == 0.5)
    #expect(f.sources.values.map(\.leads).reduce(0, +) == f.firstResponse.leads)
  }
}
