import Foundation
import Testing

@testable import CoachCore

/// The audit's past figures honour the snoozes in force at each replayed instant, as `next` and `overdue_now` do
/// now: a sales follow-up due inside a snooze comes due at its end, its deadline moved with it; one running when a
/// snooze is set ends then; care still comes due. Hand-built grade-A prospects of Li Na (every 3 days, 24 h to act),
/// window 2025-07-01 … 07-14, now 07-15 12:00 +08:00; each also audited without its snoozes, as before.
@Suite struct AuditSnoozeReplayTests {
  static func t(_ day: String, _ time: String = "10:00") -> String { "2025-07-\(day)T\(time):00+08:00" }
  static let june = "2025-06-20T09:00:00+08:00"

  static func snoozed(_ lead: LeadSnapshot, at: String, until: String, cleared: String? = nil) -> LeadSnapshot {
    var lead = lead
    lead.snoozes.append(
      Snooze(
        id: Int64(lead.snoozes.count + 1), until: Fixture.day(until), reason: "abroad", actor: "lina",
        at: Fixture.at(at), clearedAt: cleared.map(Fixture.at)))
    return lead
  }

  /// Touched 07-01 10:00 (cadence due 07-04 10:00), snoozed 07-02 until 07-10, touched 07-10 15:00.
  static let dueInside = snoozed(
    AuditFixture.lead(
      "S1", "lina", created: june,
      touches: [
        Fixture.touch(1, "2025-06-20T10:00:00+08:00"), Fixture.touch(2, t("01")), Fixture.touch(3, t("10", "15:00")),
      ]),
    at: t("02"), until: "2025-07-10")

  /// Touched 06-29 (cadence due 07-02 10:00, deadline 07-03 10:00), snoozed 07-04 09:00 until 07-08, touched 07-08.
  static let runningWhenSet = snoozed(
    AuditFixture.lead(
      "S2", "lina", created: june,
      touches: [
        Fixture.touch(4, "2025-06-20T10:00:00+08:00"), Fixture.touch(5, "2025-06-29T10:00:00+08:00"),
        Fixture.touch(6, t("08", "11:00")),
      ]),
    at: t("04", "09:00"), until: "2025-07-08")

  /// Touched 07-01 (cadence due 07-04 10:00), snoozed 07-02 until 07-20 but lifted 07-06 12:00, touched 07-07 09:00.
  static let lifted = snoozed(
    AuditFixture.lead(
      "S3", "lina", created: june,
      touches: [
        Fixture.touch(7, "2025-06-20T10:00:00+08:00"), Fixture.touch(8, t("01")), Fixture.touch(9, t("07", "09:00")),
      ]),
    at: t("02"), until: "2025-07-20", cleared: t("06", "12:00"))

  /// Delivered 07-05 and never called back; snoozed 07-04 until 07-12: the 3-day callback is care, still due.
  static let care = snoozed(
    AuditFixture.lead(
      "S4", "lina", created: june,
      events: Fixture.events(
        deposit: "2025-06-21T10:00:00+08:00", waiting: "2025-06-22T10:00:00+08:00", eta: "2025-07-05",
        delivered: t("05"), deliveredOn: "2025-07-05"),
      touches: [Fixture.touch(10, "2025-06-20T10:00:00+08:00"), Fixture.touch(11, t("01"))], stage: .delivered),
    at: t("04"), until: "2025-07-12")

  func figures(_ lead: LeadSnapshot, snoozes: Bool = true) throws -> AuditFigures {
    var lead = lead
    if !snoozes { lead.snoozes = [] }
    return Audit.build(
      leads: [lead], consultants: ["lina"], exports: [], window: try AuditFixture.window(), ctx: AuditFixture.ctx
    ).team
  }

  func counts(_ f: AuditFigures) -> [Int] { [f.due, f.onTime, f.late, f.missed] }

  func records(_ lead: LeadSnapshot) throws -> [String] {
    let w = try AuditFixture.window()
    return FollowUpEngine.followUps(for: lead, in: AuditFixture.ctx, from: w.start, to: w.end).map {
      "\($0.code.rawValue) \(Self.short($0.dueAt))→\(Self.short($0.deadline)) \($0.fulfilledAt.map(Self.short) ?? "–")"
    }
  }

  /// `07-10 00:00` in Shanghai.
  static func short(_ d: Date) -> String {
    let f = DateFormatter()
    f.timeZone = Fixture.shanghai
    f.dateFormat = "MM-dd HH:mm"
    return f.string(from: d)
  }

  @Test func aFollowUpDueInsideASnoozeComesDueAtItsEndWithItsTimeToAct() throws {
    // Before: due 07-04, done 07-10 (late), then 07-13 missed. Now: due 07-10 00:00, done that day (on time).
    #expect(counts(try figures(Self.dueInside, snoozes: false)) == [2, 0, 1, 1])
    #expect(counts(try figures(Self.dueInside)) == [2, 1, 0, 1])
    #expect(
      try records(Self.dueInside) == [
        "cadence_followup 07-10 00:00→07-11 00:00 07-10 15:00", "cadence_followup 07-13 15:00→07-14 15:00 –",
      ])
  }

  @Test func aFollowUpRunningWhenASnoozeIsSetEndsThenAndComesDueAgainAtItsEnd() throws {
    // Before: due 07-02, done 07-08 (late), 07-11 missed. Now: the one due 07-02 ends at the snooze (07-04 09:00,
    // past its deadline: late), comes due again 07-08 00:00 and is done that day (on time), 07-11 missed.
    #expect(counts(try figures(Self.runningWhenSet, snoozes: false)) == [2, 0, 1, 1])
    #expect(counts(try figures(Self.runningWhenSet)) == [3, 1, 1, 1])
    #expect(
      try records(Self.runningWhenSet) == [
        "cadence_followup 07-02 10:00→07-03 10:00 07-04 09:00", "cadence_followup 07-08 00:00→07-09 00:00 07-08 11:00",
        "cadence_followup 07-11 11:00→07-12 11:00 –",
      ])
  }

  @Test func aLiftedSnoozeHoldsUntilItWasLifted() throws {
    // Before: due 07-04, done 07-07 (late), 07-10 missed. Now: due 07-06 12:00 when lifted, done 07-07 (on time).
    #expect(counts(try figures(Self.lifted, snoozes: false)) == [2, 0, 1, 1])
    #expect(counts(try figures(Self.lifted)) == [2, 1, 0, 1])
    #expect(try records(Self.lifted).first == "cadence_followup 07-06 12:00→07-07 12:00 07-07 09:00")
  }

  @Test func careStillComesDueInsideASnooze() throws {
    let before = try figures(Self.care, snoozes: false)
    let now = try figures(Self.care)
    #expect(now.callback3day == DueTally(due: 1, onTime: 0))
    #expect(now.callback3day == before.callback3day)
    #expect(counts(now) == counts(before))
  }

  @Test func theTeamSumsTheSnoozedLeadsAndEachListIsAsLongAsItsFigure() throws {
    let leads = [Self.dueInside, Self.runningWhenSet, Self.lifted, Self.care]
    let report = try Audit.build(
      chunks: 1, load: { _ in leads }, consultants: ["lina"], exports: [], window: AuditFixture.window(),
      ctx: AuditFixture.ctx, drillDown: true)
    let parts = try leads.map { try figures($0) }
    #expect(counts(report.team) == [0, 1, 2, 3].map { i in parts.map { counts($0)[i] }.reduce(0, +) })
    #expect(report.listed(.onTime, of: report.team).count == report.team.onTime)
    #expect(report.listed(.late, of: report.team).count == report.team.late)
    #expect(report.listed(.missed, of: report.team).count == report.team.missed)
  }
}
