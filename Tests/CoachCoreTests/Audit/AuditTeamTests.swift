import Foundation
import Testing

@testable import CoachCore

/// The hand-built team of `AuditFixture`, counted by hand. Window 07-01 … 07-14 (weeks of 06-30, 07-07, 07-14).
@Suite struct AuditTeamTests {
  func row(_ name: String) throws -> AuditFigures {
    try #require(try AuditFixture.report().consultants.first { $0.consultant == name }).figures
  }

  @Test func onlyConsultantsWithLeadsGetARow() throws {
    let report = try AuditFixture.report()
    #expect(report.consultants.map(\.consultant) == ["lina", "zhang"])  // wang is not a consultant
    #expect(report.window.weeks.map(\.description) == ["2025-06-30", "2025-07-07", "2025-07-14"])
  }

  @Test func diligentConsultant() throws {
    let f = try row("lina")
    // D1 is a prospect, D2 delivered.
    #expect(f.leadsOpen == 1)
    // D1: 5 touches (call, call, wechat, call, visit); D2: the 07-07 callback (call). 06-20 and 06-28 are before.
    #expect(f.touches == 6)
    #expect(f.touchesByChannel == [.call: 4, .wechat: 1, .visit: 1])
    // D1: first contact (deadline 07-02 09:00), agreed 07-03 (07-04 10:00), cadence (07-07 10:30),
    // agreed 07-09 (07-10 10:00), cadence (07-13 15:00): each done within hours. D2: callback (deadline end of
    // 07-08) done 07-07, issue (deadline 07-14 10:00) fixed 07-10. The deposit-time update of 06-28 ended before.
    #expect((f.due, f.onTime, f.late, f.missed, f.pending) == (7, 7, 0, 0, 0))
    #expect(f.onTimeRate == 1)
    #expect(f.callback3day == DueTally(due: 1, onTime: 1))
    #expect(f.issue7day == DueTally(due: 1, onTime: 1))
    // D1's next contact is agreed for 07-16; D2's next action (referral) is in August.
    #expect(f.overdueNow == 0)
    // D1's 5 touches reached a prospect; touches 2 and 4 agreed no next contact. D2 is delivered: not counted.
    #expect((f.contacts, f.contactsWithoutNext) == (5, 2))
    #expect((f.buriedLeft, f.buriedResolved) == (1, 1))
    // D1 created 07-01; D2 delivered 07-05, 14 days after its deposit (06-21 10:00 → 07-05 10:00).
    #expect((f.prospects, f.deposits, f.delivered) == (1, 0, 1))
    #expect(f.medianDaysToDelivery == 14)
    #expect(f.depositRate == 0 && f.deliveryRate == nil)
    #expect(f.churnByReason.isEmpty && f.exports == 0)
    // Weeks: 06-30: first contact, agreed; 07-07: cadence, callback, agreed, cadence; 07-14: the issue.
    #expect(f.weekly == [DueTally(due: 2, onTime: 2), DueTally(due: 4, onTime: 4), DueTally(due: 1, onTime: 1)])
  }

  @Test func neglectfulConsultant() throws {
    let f = try row("zhang")
    // N1 and N2 are prospects; N3 was lost.
    #expect(f.leadsOpen == 2)
    // N1 07-03 (call, no answer), N3 07-05 (visit). N3's 06-10 call is before the window.
    #expect(f.touches == 2)
    #expect(f.touchesByChannel == [.call: 1, .visit: 1])
    // Late: N1's first contact (deadline 07-02 09:00, called 07-03), N3's agreed call (deadline 07-03 10:00,
    // visited 07-05). Missed: N1's cadence (07-07 09:00), N2's first contact (07-09 10:00), N3's win-back (07-13 10:05).
    #expect((f.due, f.onTime, f.late, f.missed) == (5, 0, 2, 3))
    #expect(f.onTimeRate == 0)  // due but none on time: 0, not null
    #expect(f.callback3day.rate == nil && f.issue7day.rate == nil)  // nothing of that kind was due
    // All three leads' current actions are past their deadline at 07-15 12:00.
    #expect(f.overdueNow == 3)
    // N3's 07-05 visit reached a prospect and agreed nothing; N1's touch was not answered.
    #expect((f.contacts, f.contactsWithoutNext) == (1, 1))
    #expect((f.buriedLeft, f.buriedResolved) == (0, 0))  // N3's topic was buried 06-10 and is still open
    #expect(f.churnByReason == [.poorFollowup: 1])
    #expect((f.prospects, f.deposits, f.delivered) == (2, 0, 0))
    // One export in the window (3 rows); the 06-30 one is before it.
    #expect((f.exports, f.exportRows) == (1, 3))
    #expect(f.weekly == [DueTally(due: 2, onTime: 0), DueTally(due: 3, onTime: 0), DueTally()])
    #expect(f.weekly[2].rate == nil)
  }

  @Test func teamIsTheSumOfItsConsultants() throws {
    let t = try AuditFixture.report().team
    let counts: [Int] = [t.leadsOpen, t.touches, t.due, t.onTime, t.late, t.missed, t.overdueNow]
    #expect(counts == [3, 8, 12, 7, 2, 3, 3])
    #expect(t.onTimeRate == 7.0 / 12.0)
    #expect((t.contacts, t.contactsWithoutNext, t.churned) == (6, 3, 1))
    #expect((t.prospects, t.delivered, t.exports) == (3, 1, 1))
    #expect(t.weekly == [DueTally(due: 4, onTime: 2), DueTally(due: 7, onTime: 4), DueTally(due: 1, onTime: 1)])
  }
}
