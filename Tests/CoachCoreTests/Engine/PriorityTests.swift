import Foundation
import Testing

@testable import CoachCore

/// Priority, queue order, severity and alerts.
@Suite struct PriorityTests {
  typealias F = Fixture

  static func prospect(_ id: String, touched: String, grade: Grade = .a, tier: Tier = .c, tags: [String] = [])
    -> LeadSnapshot
  {
    prospect(.named(id), touched: touched, grade: grade, tier: tier, tags: tags)
  }

  static func prospect(_ id: LeadID, touched: String, grade: Grade = .a, tier: Tier = .c, tags: [String] = [])
    -> LeadSnapshot
  {
    var lead = F.lead(grade: grade, tier: tier, tags: tags, touches: [F.touch(1, touched)])
    lead.id = id
    return lead
  }

  @Test func givenOverdueAndJustDue_whenQueued_thenOverdueFirst() {
    let ctx = F.ctx("2025-07-10T10:00:00+08:00")
    let justDue = Self.prospect("A", touched: "2025-07-09T12:00:00+08:00", grade: .h, tier: .a)
    let overdue = Self.prospect("B", touched: "2025-07-01T10:00:00+08:00", grade: .b, tier: .c)
    let queue = Queue.build(
      leads: [justDue, Self.prospect("C", touched: "2025-07-10T09:00:00+08:00"), overdue], ctx: ctx)
    #expect(queue.map(\.leadID) == ["B", "A"].map(LeadID.named))  // C is not due yet
    #expect(queue[0].overdueDays > 0)
  }

  @Test func givenBothLongOverdue_whenQueued_thenHotterGradeAndHigherTierFirst() {
    let ctx = F.ctx("2025-07-10T10:00:00+08:00")
    let cold = Self.prospect("A", touched: "2025-05-01T10:00:00+08:00", grade: .c, tier: .c)
    let hot = Self.prospect("Z", touched: "2025-05-01T10:00:00+08:00", grade: .h, tier: .a)
    // Both overdue by many days; the cap keeps them level on lateness, grade and tier decide.
    #expect(Queue.build(leads: [cold, hot], ctx: ctx).map(\.leadID) == ["Z", "A"].map(LeadID.named))
  }

  @Test func givenWaitingCustomerAndProspect_whenEquallyLate_thenThePayingCustomerFirst() throws {
    let ctx = F.ctx("2025-07-11T10:00:00+08:00")
    let waiting = DeliveryRulesTests.waiting(eta: "2025-08-30")  // update due 07-10 10:00
    var prospect = Self.prospect("P", touched: "2025-07-07T10:00:00+08:00", grade: .a)  // due 07-10 10:00
    prospect.model = "X40"
    let w = try #require(F.next(waiting, ctx))
    let p = try #require(F.next(prospect, ctx))
    #expect(w.dueAt == p.dueAt)
    #expect(w.priority > p.priority)
  }

  @Test func givenIdenticalLeads_whenQueued_thenTieBrokenByLeadID() {
    let ctx = F.ctx("2025-07-10T10:00:00+08:00")
    let leads = ["L3", "L1", "L2"].map { Self.prospect($0, touched: "2025-07-05T10:00:00+08:00") }
    #expect(Queue.build(leads: leads, ctx: ctx).map(\.leadID) == ["L1", "L2", "L3"].map(LeadID.named))
    #expect(Queue.build(leads: leads, ctx: ctx, limit: 2).count == 2)
  }

  @Test func givenTwelveLeadsCreatedTogether_whenQueued_thenInNumericIDOrder() {
    let ctx = F.ctx("2025-07-10T10:00:00+08:00")
    let leads = (1...12).reversed().map { Self.prospect(LeadID(Int64($0)), touched: "2025-07-05T10:00:00+08:00") }
    #expect(Queue.build(leads: leads, ctx: ctx, limit: 12).map(\.leadID) == (1...12).map { LeadID(Int64($0)) })
  }

  @Test func givenOverdueFollowUps_whenAlerted_thenSeverityFromDaysCodeAndTags() throws {
    let ctx = F.ctx("2025-07-10T10:00:00+08:00")
    let slight = Self.prospect("S", touched: "2025-07-06T09:00:00+08:00")  // deadline 07-10 09:00: 1 h late
    let vip = Self.prospect("V", touched: "2025-07-06T09:00:00+08:00", tags: ["vip"])
    let long = Self.prospect("L", touched: "2025-07-01T10:00:00+08:00")  // deadline 07-05 10:00: 5 days
    let day = Self.prospect("D", touched: "2025-07-05T08:00:00+08:00")  // deadline 07-09 08:00: 1.08 days
    let alerts = Alerts.build(leads: [slight, vip, long, day], ctx: ctx)
    #expect(alerts.map(\.leadID) == ["L", "D", "V", "S"].map(LeadID.named))
    // A regular follow-up is medium from a day late (or at once for a VIP) and high only after a week
    // (`Severity`: high is kept for money, promises and problems, so that a team lead believes it).
    #expect(alerts.map(\.severity) == [.medium, .medium, .medium, .low])
    #expect(alerts.allSatisfy { $0.overdueDays > 0 })
  }

  @Test func givenFirstContactAnHourLate_whenAlerted_thenMedium() throws {
    let lead = F.lead(created: "2025-07-01T09:00:00+08:00")
    let action = try #require(F.next(lead, F.ctx("2025-07-02T10:00:00+08:00")))
    #expect(Severity.of(action, lead: lead) == .medium)
  }

  @Test func givenDeposit_whenPriorityComputed_thenDepositAmountAddsValue() throws {
    let ctx = F.ctx("2025-07-09T10:00:00+08:00")
    func deposit(_ amount: Double) -> LeadSnapshot {
      F.lead(
        stage: .deposit, events: F.events(deposit: "2025-07-01T10:00:00+08:00", amount: amount),
        touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    }
    let small = try #require(F.next(deposit(2000), ctx))
    let large = try #require(F.next(deposit(20000), ctx))
    #expect(abs(large.priority - small.priority - 3.6) < 1e-9)  // (20,000 − 2,000) ÷ 5,000
  }

  /// `coach doctor`'s answer for a lead (its action and priority base from one history) is the action `next` ranks
  /// and the base a stored row keeps (`rankedState`), on demo leads at several clocks.
  @Test(arguments: ["2025-07-10T10:00:00+08:00", "2025-12-31T23:30:00+08:00"])
  func doctorsAnswerIsWhatRankingAndTheStoredRowSay(_ at: String) throws {
    let ctx = F.ctx(at)
    let leads = DemoData.generate(now: ctx.now, zone: ctx.zone, seed: 4, leads: 120).leads
    var due = 0
    for lead in leads {
      let answer = FollowUpEngine.replayedAnswer(for: lead, in: ctx)
      #expect(answer.action == FollowUpEngine.unexplainedAction(for: lead, in: ctx))
      if let held = FollowUpEngine.rankedState(for: lead, in: ctx).stored?.due {
        #expect(answer.base == held.base)
        due += 1
      }
    }
    #expect(due > 10)
  }
}
