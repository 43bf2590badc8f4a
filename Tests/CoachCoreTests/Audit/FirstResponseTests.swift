import Foundation
import Testing

@testable import CoachCore

/// Speed to lead (`first_response_minutes`, `first_response_within_limit_rate`, the distribution), fixture playbook:
/// first contact within 24 h.
@Suite struct FirstResponseTests {
  func audit(_ leads: [LeadSnapshot], now: String, from: String = "2025-07-01", to: String = "2025-07-14") throws
    -> FirstResponse
  {
    let window = try AuditFixture.window(from, to)
    return Audit.build(leads: leads, consultants: ["lina"], exports: [], window: window, ctx: Fixture.ctx(now))
      .team.firstResponse
  }

  func lead(_ id: String, created: String = "2025-07-01T09:00:00+08:00", touches: [String] = []) -> LeadSnapshot {
    AuditFixture.lead(
      id, "lina", created: created, touches: touches.enumerated().map { Fixture.touch(Int64($0 + 1), $1) })
  }

  @Test func theHandBuiltTeam() throws {
    let rows = try AuditFixture.report().consultants
    let lina = try #require(rows.first { $0.consultant == "lina" }).figures.firstResponse
    let zhang = try #require(rows.first { $0.consultant == "zhang" }).figures.firstResponse
    // Li Na: D1 created 07-01 09:00, called 10:00 (D2 was created in June).
    #expect((lina.leads, lina.medianMinutes, lina.withinLimitRate) == (1, 60, 1))
    #expect(lina.count(.within2Hours) == 1)
    // Zhang Wei: N1 called two days late (2,880 min); N2 never, and its 24 h passed on 07-09.
    #expect((zhang.leads, zhang.medianMinutes, zhang.judged, zhang.withinLimitRate) == (2, 2_880, 2, 0))
    #expect((zhang.count(.later), zhang.count(.never)) == (1, 1))
    let team = try AuditFixture.report().team.firstResponse
    #expect((team.leads, team.medianMinutes, team.withinLimitRate) == (3, 1_470, 1.0 / 3.0))
    #expect(team.buckets == [0, 0, 1, 0, 1, 1])
  }

  @Test func medianOverTheTouchedLeadsOfTheWindow() throws {
    let leads = [
      lead("A", touches: ["2025-07-01T09:04:00+08:00"]),  // 4 min
      lead("B", touches: ["2025-07-01T09:30:00+08:00", "2025-07-01T09:31:00+08:00"]),  // 30 min: its first touch
      lead("C", touches: ["2025-07-01T20:00:00+08:00"]),  // 660 min
      lead("D", created: "2025-06-30T09:00:00+08:00", touches: ["2025-07-01T09:00:00+08:00"]),  // before the window
      lead("E"),  // never touched: not in the median
    ]
    let f = try audit(leads, now: "2025-07-03T00:00:00+08:00")
    #expect(f.leads == 4 && f.minutes.count == 3)
    #expect(f.medianMinutes == 30)
    #expect(f.buckets == [1, 1, 0, 1, 0, 1])
    // A, B, C within 24 h; E's limit passed on 07-02 09:00 and counts against.
    #expect((f.judged, f.withinLimit, f.withinLimitRate) == (4, 3, 0.75))
  }

  /// An older lead imported without `created_at` is created at the import; its touches, imported after, lie before
  /// that: no response to a new lead, so out of speed to lead (it had counted as answered in 0 minutes).
  @Test func aLeadWhoseTouchesBeginBeforeItsCreationIsLeftOut() throws {
    let leads = [
      lead(
        "A", created: "2025-07-05T09:00:00+08:00", touches: ["2025-06-20T10:00:00+08:00", "2025-07-06T10:00:00+08:00"]),
      lead("B", touches: ["2025-07-01T10:00:00+08:00"]),  // 60 min
    ]
    let f = try audit(leads, now: "2025-07-10T00:00:00+08:00")
    #expect((f.leads, f.minutes, f.withinLimitRate) == (1, [60], 1))
  }

  @Test func aTouchAtTheLimitItselfIsWithinIt() throws {
    let f = try audit([lead("A", touches: ["2025-07-02T09:00:00+08:00"])], now: "2025-07-03T00:00:00+08:00")
    #expect((f.withinLimitRate, f.medianMinutes, f.count(.within24Hours)) == (1, 1_440, 1))
    let g = try audit([lead("A", touches: ["2025-07-02T09:01:00+08:00"])], now: "2025-07-03T00:00:00+08:00")
    #expect((g.withinLimitRate, g.count(.later)) == (0, 1))
  }

  @Test func anUntouchedLeadCountsAgainstOnlyOnceItsLimitHasPassed() throws {
    let before = try audit([lead("A")], now: "2025-07-01T20:00:00+08:00")
    #expect((before.leads, before.judged, before.count(.never)) == (1, 0, 1))
    #expect(before.withinLimitRate == nil && before.medianMinutes == nil)  // nothing to measure: null
    let after = try audit([lead("A")], now: "2025-07-02T09:00:01+08:00")
    #expect((after.judged, after.withinLimitRate) == (1, 0))
  }

  @Test func touchesAndLeadsAfterNowAreNotSeen() throws {
    // --now 07-01 12:00 inside the window: B's creation and A's touch are still to come.
    let leads = [lead("A", touches: ["2025-07-01T13:00:00+08:00"]), lead("B", created: "2025-07-02T09:00:00+08:00")]
    let f = try audit(leads, now: "2025-07-01T12:00:00+08:00")
    #expect((f.leads, f.minutes.count, f.count(.never)) == (1, 0, 1))
  }

  @Test func bucketsAreInclusiveAtTheirUpperBound() {
    let cases: [(Double?, FirstResponse.Bucket)] = [
      (0, .within5Minutes), (5, .within5Minutes), (5.01, .within30Minutes), (30, .within30Minutes),
      (120, .within2Hours), (1_440, .within24Hours), (1_441, .later), (nil, .never),
    ]
    for (minutes, bucket) in cases { #expect(FirstResponse.Bucket.of(minutes: minutes) == bucket) }
  }
}
