import Foundation
import Testing

@testable import CoachCore

/// One test per definition of docs/AUDIT.md, each on a one-lead dataset (fixture playbook: first contact 24 h).
@Suite struct AuditDefinitionTests {
  func audit(_ lead: LeadSnapshot, from: String, to: String, now: String) throws -> AuditFigures {
    let window = try AuditFixture.window(from, to)
    return Audit.build(leads: [lead], consultants: ["lina"], exports: [], window: window, ctx: Fixture.ctx(now)).team
  }

  /// A lead created 07-01 09:00: first contact due then, deadline 07-02 09:00.
  func newLead(touchedAt: String?) -> LeadSnapshot {
    AuditFixture.lead(
      "L", "lina", created: "2025-07-01T09:00:00+08:00", touches: touchedAt.map { [Fixture.touch(1, $0)] } ?? [])
  }

  @Test func onTimeMeansDoneByTheDeadlineItself() throws {
    let f = try audit(
      newLead(touchedAt: "2025-07-02T09:00:00+08:00"), from: "2025-07-01", to: "2025-07-02",
      now: "2025-07-03T00:00:00+08:00")
    #expect((f.due, f.onTime, f.late, f.missed) == (1, 1, 0, 0))
  }

  @Test func lateMeansDoneAfterTheDeadline() throws {
    let f = try audit(
      newLead(touchedAt: "2025-07-02T09:01:00+08:00"), from: "2025-07-01", to: "2025-07-02",
      now: "2025-07-03T00:00:00+08:00")
    #expect((f.due, f.onTime, f.late, f.missed) == (1, 0, 1, 0))
  }

  @Test func missedMeansNotDoneAndPastTheDeadline() throws {
    let f = try audit(newLead(touchedAt: nil), from: "2025-07-01", to: "2025-07-02", now: "2025-07-03T00:00:00+08:00")
    #expect((f.due, f.onTime, f.late, f.missed) == (1, 0, 0, 1))
    #expect(f.onTimeRate == 0 && f.overdueNow == 1)
  }

  @Test func aDeadlineStillAheadIsNotDueYet() throws {
    // --to includes 07-02 whole, but at 07-02 08:00 the 09:00 deadline has not come: pending, not due.
    let f = try audit(newLead(touchedAt: nil), from: "2025-07-01", to: "2025-07-02", now: "2025-07-02T08:00:00+08:00")
    #expect((f.due, f.pending, f.overdueNow) == (0, 1, 0))
    #expect(f.onTimeRate == nil)  // nothing was due
  }

  @Test func dueCountsDeadlinesInsideTheWindowOnly() throws {
    let lead = newLead(touchedAt: nil)  // deadline 07-02 09:00
    #expect(try audit(lead, from: "2025-07-03", to: "2025-07-05", now: "2025-07-06T00:00:00+08:00").due == 0)
    #expect(try audit(lead, from: "2025-06-20", to: "2025-07-01", now: "2025-07-06T00:00:00+08:00").due == 0)
    #expect(try audit(lead, from: "2025-07-02", to: "2025-07-02", now: "2025-07-06T00:00:00+08:00").due == 1)
  }

  @Test func overdueNowIsAboutTheCurrentActionWhateverTheWindow() throws {
    // Missed in June; the window is in July, when nothing fell due; the lead is still overdue now.
    let f = try audit(newLead(touchedAt: nil), from: "2025-07-10", to: "2025-07-11", now: "2025-07-12T00:00:00+08:00")
    #expect((f.due, f.overdueNow) == (0, 1))
  }

  @Test func aDayDeadlineEndingSundayBelongsToThatWeek() throws {
    let w = try AuditFixture.window("2025-07-01", "2025-07-14")
    // End of Sunday 07-06 is Monday 07-07 00:00: still the week of 06-30.
    #expect(w.weekIndex(ofDeadline: Fixture.at("2025-07-07T00:00:00+08:00")) == 0)
    #expect(w.weekIndex(ofDeadline: Fixture.at("2025-07-07T00:01:00+08:00")) == 1)
    #expect(w.holdsDeadline(Fixture.at("2025-07-15T00:00:00+08:00")))  // the end of --to
    #expect(!w.holdsDeadline(Fixture.at("2025-07-01T00:00:00+08:00")))  // the end of the day before --from
  }

  @Test func medianOfDays() {
    #expect(AuditFigures.median([]) == nil)
    #expect(AuditFigures.median([5, 1, 3]) == 3)
    #expect(AuditFigures.median([1, 2, 4, 10]) == 3)
  }

  @Test func fromAfterToIsABadCommandLine() {
    #expect(throws: CoachError.self) { try AuditFixture.window("2025-07-05", "2025-07-01") }
  }
}
