import Foundation
import Testing

@testable import CoachCore

/// `--compare`: the period before, of as many days, counted in the same pass as the audited one.
@Suite struct AuditComparisonTests {
  func build(_ window: AuditWindow, compare: Bool) -> AuditReport {
    Audit.build(
      leads: AuditFixture.leads, consultants: ["lina", "zhang"], exports: AuditFixture.exports, window: window,
      ctx: AuditFixture.ctx, compare: compare)
  }

  @Test func thePreviousPeriodIsAsLongAndEndsTheDayBefore() throws {
    let w = try AuditFixture.window()  // 07-01 … 07-14
    #expect(
      (w.previous.from.description, w.previous.to.description, w.previous.days) == ("2025-06-17", "2025-06-30", 14))
    let one = try AuditFixture.window("2025-07-01", "2025-07-01").previous
    #expect((one.from.description, one.to.description) == ("2025-06-30", "2025-06-30"))
  }

  @Test func comparingChangesNothingInTheAuditedPeriod() throws {
    let w = try AuditFixture.window()
    let plain = build(w, compare: false), compared = build(w, compare: true)
    #expect(plain.previous == nil)
    #expect(compared.consultants == plain.consultants && compared.team == plain.team)
  }

  @Test func thePreviousPeriodIsWhatAnAuditOfItAloneGives() throws {
    let w = try AuditFixture.window()
    let before = try #require(build(w, compare: true).previous)
    let alone = build(w.previous, compare: false)
    #expect(before.window == w.previous)
    #expect(before.team == alone.team)
    #expect(before.consultants == alone.consultants)
  }

  @Test func thePreviousPeriodOfTheHandBuiltTeam() throws {
    let before = try #require(build(try AuditFixture.window(), compare: true).previous)
    // June 17–30: only Li Na's D2 was created (06-20 10:00, called 11:00) and touched (06-20, 06-28); Zhang Wei's
    // N3 dates from 06-10 and was touched then; the 200-row export of 06-30 23:00 is his.
    let lina = before.figures(of: "lina"), zhang = before.figures(of: "zhang")
    #expect((lina.touches, lina.firstResponse.leads, lina.firstResponse.medianMinutes) == (2, 1, 60))
    #expect((zhang.touches, zhang.firstResponse.leads, zhang.exports, zhang.exportRows) == (0, 0, 1, 200))
    #expect(before.figures(of: "nobody") == AuditFigures(before.window))
  }
}

@Suite struct AuditWeekTests {
  @Test func onlyWeeksInsideThePeriodAreWhole() throws {
    // 07-01 is a Tuesday, 07-14 a Monday: the weeks of 06-30 and 07-14 are partial, 07-07 is whole.
    let w = try AuditFixture.window()
    #expect(w.weeks.indices.map { w.isWhole(week: $0) } == [false, true, false])
    let month = try AuditFixture.window("2025-06-30", "2025-07-13")  // Monday to Sunday
    #expect(month.weeks.indices.map { month.isWhole(week: $0) } == [true, true])
    #expect(!w.isWhole(week: 7))
  }
}
