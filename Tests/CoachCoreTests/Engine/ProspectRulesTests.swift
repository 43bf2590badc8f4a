import Foundation
import Testing

@testable import CoachCore

/// first_contact, cadence_followup, agreed_followup and the touch rules.
@Suite struct ProspectRulesTests {
  typealias F = Fixture

  @Test func givenNewLead_whenJustBeforeAndAfterDeadline_thenFirstContactDueAtCreationAndOverdueOnlyAfter() throws {
    let lead = F.lead(created: "2025-07-01T09:00:00+08:00")
    let before = try #require(F.next(lead, F.ctx("2025-07-02T08:59:00+08:00")))
    #expect(before.code == .firstContact)
    #expect(before.dueAt == F.at("2025-07-01T09:00:00+08:00"))
    #expect(before.deadline == F.at("2025-07-02T09:00:00+08:00"))
    #expect(before.overdueDays == 0)
    let after = try #require(F.next(lead, F.ctx("2025-07-03T09:00:00+08:00")))
    #expect(after.code == .firstContact)
    #expect(after.overdueDays == 1)
  }

  @Test func givenUnansweredFirstCall_whenAsked_thenAnyTouchFulfilsAndCadenceCountsFromIt() throws {
    let lead = F.lead(touches: [F.touch(1, "2025-07-01T12:00:00+08:00", .noAnswer)])
    let action = try #require(F.next(lead, F.ctx("2025-07-02T12:00:00+08:00")))
    #expect(action.code == .cadenceFollowup)
    #expect(action.dueAt == F.at("2025-07-04T12:00:00+08:00"))  // grade A: 3 days, tier C: × 1
    #expect(action.deadline == F.at("2025-07-05T12:00:00+08:00"))  // + 24 grace hours
    #expect(!action.isDue(at: F.at("2025-07-02T12:00:00+08:00")))
  }

  @Test func givenCadence_whenJustBeforeAndAtDueTime_thenDueOnlyFromItsDueTime() throws {
    let lead = F.lead(touches: [F.touch(1, "2025-07-01T12:00:00+08:00")])
    #expect(F.next(lead, F.ctx("2025-07-04T11:59:00+08:00"))?.isDue(at: F.at("2025-07-04T11:59:00+08:00")) == false)
    let ctx = F.ctx("2025-07-04T12:00:00+08:00")
    #expect(Queue.build(leads: [lead], ctx: ctx, limit: 10).map(\.action) == [.cadenceFollowup])
  }

  @Test(arguments: [(Tier.a, "2025-07-03T21:36:00+08:00"), (Tier.d, "2025-07-06T00:00:00+08:00")])
  func givenTier_whenCadenceComputed_thenIntervalTimesTierFactor(tier: Tier, due: String) throws {
    let lead = F.lead(tier: tier, touches: [F.touch(1, "2025-07-01T12:00:00+08:00")])
    let action = try #require(F.next(lead, F.ctx("2025-07-02T00:00:00+08:00")))
    #expect(action.dueAt == F.at(due))  // A: 3 × 0.8 = 2.4 days; D: 3 × 1.5 = 4.5 days
  }

  @Test func givenAgreedTimeAfterCadence_whenCadenceWouldBeDue_thenAgreedReplacesItNotBefore() throws {
    let lead = F.lead(touches: [F.touch(1, "2025-07-01T12:00:00+08:00", next: "2025-07-08T15:00:00+08:00")])
    let ctx = F.ctx("2025-07-05T12:00:00+08:00")
    let action = try #require(F.next(lead, ctx))
    #expect(action.code == .agreedFollowup)
    #expect(action.dueAt == F.at("2025-07-08T15:00:00+08:00"))
    #expect(Queue.build(leads: [lead], ctx: ctx).isEmpty)
    #expect(F.next(lead, F.ctx("2025-07-08T15:00:00+08:00"))?.code == .agreedFollowup)
  }

  @Test func givenTouchBeforeAgreedTime_whenItIsTheLastTouch_thenItFulfilsTheAgreedFollowup() throws {
    let lead = F.lead(touches: [
      F.touch(1, "2025-07-01T12:00:00+08:00", next: "2025-07-08T15:00:00+08:00"),
      F.touch(2, "2025-07-08T11:00:00+08:00", .reached),
    ])
    let action = try #require(F.next(lead, F.ctx("2025-07-08T16:00:00+08:00")))
    #expect(action.code == .cadenceFollowup)
    #expect(action.dueAt == F.at("2025-07-11T11:00:00+08:00"))
    let records = FollowUpEngine.followUps(
      for: lead, in: F.ctx("2025-07-08T16:00:00+08:00"), from: F.at("2025-07-01T00:00:00+08:00"),
      to: F.at("2025-07-31T00:00:00+08:00"))
    let agreed = try #require(records.first { $0.code == .agreedFollowup })
    #expect(agreed.status == .onTime)
    #expect(agreed.fulfilledAt == F.at("2025-07-08T11:00:00+08:00"))
  }

  @Test func givenReactivatedLeadWithoutTouches_whenAsked_thenCadenceCountsFromReactivation() throws {
    let lead = F.lead(events: [
      StageEvent(from: .prospect, to: .churned, at: F.at("2025-07-02T10:00:00+08:00"), reason: .budgetChanged),
      StageEvent(from: .churned, to: .prospect, at: F.at("2025-07-05T10:00:00+08:00")),
    ])
    let action = try #require(F.next(lead, F.ctx("2025-07-06T10:00:00+08:00")))
    #expect(action.code == .cadenceFollowup)
    #expect(action.dueAt == F.at("2025-07-08T10:00:00+08:00"))
  }

  @Test func givenChurnedLead_whenAfterFirstDaysAndAfterATouch_thenWinbackThenEveryInterval() throws {
    var lead = F.lead(
      stage: .churned, tier: .d,
      events: [StageEvent(from: .prospect, to: .churned, at: F.at("2025-07-01T10:00:00+08:00"), reason: .waitTooLong)])
    let first = try #require(F.next(lead, F.ctx("2025-07-08T10:00:00+08:00")))
    #expect(first.code == .winback)
    #expect(first.dueAt == F.at("2025-07-08T10:00:00+08:00"))
    #expect(first.reason.contains("wait too long"))
    lead.touches = [F.touch(1, "2025-07-08T11:00:00+08:00")]
    #expect(F.next(lead, F.ctx("2025-07-09T10:00:00+08:00"))?.dueAt == F.at("2025-09-06T11:00:00+08:00"))
  }
}
