import Foundation
import Testing

@testable import CoachCore

/// `coach audit --list`: the follow-ups behind each figure of `AuditFixture`, as many as the figure counts.
@Suite struct AuditListTests {
  func report(_ list: AuditList, now: String = AuditFixture.now, only: [String] = ["lina", "zhang"]) throws
    -> AuditReport
  {
    Audit.build(
      leads: AuditFixture.leads, consultants: only, exports: [], window: try AuditFixture.window(),
      ctx: Fixture.ctx(now), list: list)
  }

  func figure(_ list: AuditList, _ f: AuditFigures) -> Int {
    switch list {
    case .onTime: f.onTime
    case .late: f.late
    case .missed: f.missed
    case .pending: f.pending
    case .overdue: f.overdueNow
    case .snoozes: f.snoozes
    }
  }

  /// What was listed for `list`: its follow-ups, or for `snoozes` its snoozes.
  func listed(_ list: AuditList, _ f: AuditFigures) -> [String] {
    list == .snoozes ? f.snoozed.map(\.consultant) : f.listed.map(\.consultant)
  }

  @Test(arguments: ["2025-07-15T12:00:00+08:00", "2025-07-13T12:00:00+08:00", "2025-07-04T00:00:00+08:00"])
  func everyListIsAsLongAsItsFigure(now: String) throws {
    for list in AuditList.allCases {
      let r = try report(list, now: now)
      #expect(listed(list, r.team).count == figure(list, r.team), "\(list) at \(now)")
      for row in r.consultants {
        #expect(listed(list, row.figures).count == figure(list, row.figures), "\(list) of \(row.consultant) at \(now)")
        #expect(listed(list, row.figures).allSatisfy { $0 == row.consultant })
      }
    }
  }

  @Test func withoutAListNothingIsCollected() throws {
    let r = try AuditFixture.report()
    #expect(r.listed.isEmpty && r.consultants.allSatisfy { $0.figures.listed.isEmpty })
  }

  @Test func lateFollowUpsWithWhenTheyWereDone() throws {
    let late = try report(.late).listed
    #expect(late.map(\.leadID) == ["N1", "N3"].map(LeadID.named))
    #expect(late.map(\.code) == [.firstContact, .agreedFollowup])
    #expect(late.map(\.deadline) == [Fixture.at("2025-07-02T09:00:00+08:00"), Fixture.at("2025-07-03T10:00:00+08:00")])
    #expect(
      late.map(\.fulfilledAt) == [Fixture.at("2025-07-03T09:00:00+08:00"), Fixture.at("2025-07-05T10:00:00+08:00")])
    #expect(late.allSatisfy { $0.consultant == "zhang" })
  }

  @Test func missedFollowUpsOldestDeadlineFirst() throws {
    let missed = try report(.missed).listed
    #expect(missed.map(\.leadID) == ["N1", "N2", "N3"].map(LeadID.named))
    #expect(missed.map(\.code) == [.cadenceFollowup, .firstContact, .winback])
    #expect(missed.allSatisfy { $0.fulfilledAt == nil })
  }

  @Test func onTimeHoldsTheDiligentConsultantsSeven() throws {
    let onTime = try report(.onTime).listed
    #expect(onTime.count == 7 && onTime.allSatisfy { $0.consultant == "lina" && $0.fulfilledAt != nil })
    #expect(onTime.filter { $0.leadID == .named("D2") }.map(\.code) == [.callback3day, .issue7day])
  }

  @Test func pendingHoldsDeadlinesStillAheadNotDoneYet() throws {
    // At 07-13 12:00: D1's cadence (deadline 07-13 15:00, done 07-12) and D2's issue (deadline 07-14 10:00, fixed
    // 07-10) were done before deadlines still ahead: on time already, not pending. N2's first contact's deadline
    // passed on 07-09: missed.
    let at = "2025-07-13T12:00:00+08:00"
    #expect(try report(.pending, now: at).listed.isEmpty)
    let onTime = try report(.onTime, now: at).listed.filter { $0.deadline > Fixture.at(at) }
    #expect(onTime.map(\.leadID) == ["D1", "D2"].map(LeadID.named))
    #expect(onTime.map(\.code) == [.cadenceFollowup, .issue7day])
    #expect(onTime.allSatisfy { $0.fulfilledAt.map { $0 <= Fixture.at(at) } == true })
  }

  /// A follow-up now scheduled, not due yet, with its deadline in the period, is pending too: a team lead auditing a
  /// week that runs on sees the week's follow-ups as due or pending, none left out.
  @Test func pendingHoldsTheFollowUpsScheduledInThePeriodNotDueYet() throws {
    let agreed = AuditFixture.lead(
      "P1", "lina", created: "2025-07-10T09:00:00+08:00",
      touches: [Fixture.touch(901, "2025-07-12T10:00:00+08:00", next: "2025-07-13T15:00:00+08:00")])
    func run(_ now: String) throws -> AuditReport {
      Audit.build(
        leads: [agreed], consultants: ["lina"], exports: [], window: try AuditFixture.window(),
        ctx: Fixture.ctx(now), list: .pending)
    }
    let before = try run("2025-07-13T12:00:00+08:00")
    #expect(before.team.pending == 1)  // its first contact, done late on 07-12, is due already
    #expect(before.listed.map(\.code) == [.agreedFollowup] && before.listed.first?.fulfilledAt == nil)
    #expect(before.listed.first?.dueAt == Fixture.at("2025-07-13T15:00:00+08:00"))
    // Once the period is over, the same follow-up, never done, is missed; it is no longer pending.
    let after = try run(AuditFixture.now)
    #expect(after.team.pending == 0 && after.team.missed == 1)
  }

  @Test func overdueListsEachOverdueLeadsCurrentAction() throws {
    let overdue = try report(.overdue).listed
    #expect(Set(overdue.map(\.leadID)) == Set(["N1", "N2", "N3"].map(LeadID.named)))
    #expect(overdue.allSatisfy { $0.deadline < Fixture.at(AuditFixture.now) && $0.fulfilledAt == nil })
    #expect(overdue.first { $0.leadID == .named("N3") }?.code == .winback)
    #expect(try report(.overdue, only: ["lina"]).listed.isEmpty)
  }
}
