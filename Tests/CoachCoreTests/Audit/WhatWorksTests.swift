import Foundation
import Testing

@testable import CoachCore

/// What works on hand-built leads (window 2025-07-01 … 07-14, now 07-15 12:00 +08:00, the fixture playbook's
/// topics: summer_drive all July for prospects, saturday_club every Saturday, x60_supply on the 15th for X60s).
@Suite struct WhatWorksTests {
  static func t(_ day: String, _ time: String = "10:00") -> String { "2025-07-\(day)T\(time):00+08:00" }
  static func advance(_ from: Stage, _ to: Stage, _ at: String) -> StageEvent {
    StageEvent(from: from, to: to, at: Fixture.at(at), amount: to == .deposit ? 5000 : nil)
  }

  static let leads: [LeadSnapshot] = [
    // Heard 07-02 (and offered summer_drive); deposit 07-10: both objections advanced, the topic preceded a deposit.
    AuditFixture.lead(
      "L1", "lina", created: t("01", "09:00"), events: [advance(.prospect, .deposit, t("10"))],
      touches: [
        Fixture.touch(1, t("02"), objections: ["no_discount", "wait_too_long"]),
        Fixture.touch(2, t("03"), .noAnswer),  // not a contact: no topic offered
      ], stage: .deposit),
    // Heard 07-01 12:00, nothing since: judged at 07-15 12:00 (14 days), not advanced.
    AuditFixture.lead(
      "L2", "lina", created: t("01", "09:00"),
      touches: [Fixture.touch(3, t("01", "12:00"), objections: ["no_discount"])]),
    // Heard on Saturday 07-05: still within its 14 days (pending); summer_drive and saturday_club both offered.
    AuditFixture.lead(
      "L3", "lina", created: t("01", "09:00"), touches: [Fixture.touch(4, t("05"), objections: ["no_discount"])]),
    // Heard 07-01 00:30, deposit 07-15 01:00: 14 days and 30 minutes later, too late to count.
    AuditFixture.lead(
      "L4", "zhang", created: "2025-06-01T09:00:00+08:00", events: [advance(.prospect, .deposit, t("15", "01:00"))],
      touches: [Fixture.touch(5, t("01", "00:30"), objections: ["no_discount"])], stage: .deposit),
    // Lost on 07-02: an objection heard after that is not a deal that could advance.
    AuditFixture.lead(
      "L5", "lina", created: t("01", "09:00"),
      events: [StageEvent(from: .prospect, to: .churned, at: Fixture.at(t("02")), reason: .budgetChanged)],
      touches: [Fixture.touch(6, t("03"), objections: ["price_too_high"])], stage: .churned),
    // A deposit customer worried about delivery on 07-04, waiting for the car from 07-06: advanced (no topic: not a
    // prospect).
    AuditFixture.lead(
      "L6", "lina", created: "2025-06-01T09:00:00+08:00",
      events: [
        advance(.prospect, .deposit, "2025-06-20T10:00:00+08:00"), advance(.deposit, .waitingForDelivery, t("06")),
      ],
      touches: [Fixture.touch(7, t("04"), objections: ["delivery_risk"])], stage: .waitingForDelivery),
    // Heard before the window: not counted.
    AuditFixture.lead(
      "L7", "lina", created: "2025-06-01T09:00:00+08:00",
      touches: [Fixture.touch(8, "2025-06-30T10:00:00+08:00", objections: ["no_discount"])]),
  ]

  /// At 07-20 12:00 every case of the window has had its 14 days (the last, L3's, ended 07-19 10:00).
  static let later = "2025-07-20T12:00:00+08:00"

  func report(_ leads: [LeadSnapshot] = leads, now: String = later) throws -> AuditReport {
    Audit.build(
      leads: leads, consultants: ["lina", "zhang"], exports: [], window: try AuditFixture.window(),
      ctx: Fixture.ctx(now))
  }

  @Test func objectionsHeardAndWhetherTheDealAdvancedWithin14DaysByConsultant() throws {
    let r = try report()
    let lina = try #require(r.consultants.first { $0.consultant == "lina" }).figures.objectionOutcomes
    let zhang = try #require(r.consultants.first { $0.consultant == "zhang" }).figures.objectionOutcomes
    #expect(lina["no_discount"] == OutcomeTally(judged: 3, advanced: 1, pending: 0))  // L1 advanced; L2, L3 not
    #expect(lina["wait_too_long"] == OutcomeTally(judged: 1, advanced: 1, pending: 0))
    #expect(lina["delivery_risk"] == OutcomeTally(judged: 1, advanced: 1, pending: 0))
    #expect(lina["price_too_high"] == nil)
    #expect(lina.count == 3)
    #expect(zhang == ["no_discount": OutcomeTally(judged: 1, advanced: 0, pending: 0)])
    #expect(r.team.objectionOutcomes["no_discount"] == OutcomeTally(judged: 4, advanced: 1, pending: 0))
    #expect(r.team.objectionOutcomes["no_discount"]?.rate == nil)  // 4 judged: too few for a rate
  }

  @Test func aCaseWithinItsDaysIsPendingEvenWhenItAdvancedAlready() throws {
    // At 07-15 12:00 only L2's and L4's 14 days are over. L1 took a deposit on 07-10, but its 14 days run to 07-16:
    // judged at once, early wins would make every recent objection read 100 % while its losses wait.
    let r = try report(now: AuditFixture.now)
    let lina = try #require(r.consultants.first { $0.consultant == "lina" }).figures.objectionOutcomes
    #expect(lina["no_discount"] == OutcomeTally(judged: 1, advanced: 0, pending: 2))  // L2 judged; L1, L3 pending
    #expect(lina["wait_too_long"] == OutcomeTally(judged: 0, advanced: 0, pending: 1))
    #expect(lina["delivery_risk"] == OutcomeTally(judged: 0, advanced: 0, pending: 1))
    #expect(r.team.topicOutcomes["summer_drive"] == OutcomeTally(judged: 2, advanced: 0, pending: 2))
  }

  @Test func dealershipTopicsOfferedAtContactsAndWhetherADepositFollowed() throws {
    let topics = try report().team.topicOutcomes
    // L1 yes; L2, L3 and L4 no.
    #expect(topics["summer_drive"] == OutcomeTally(judged: 4, advanced: 1, pending: 0))
    #expect(topics["saturday_club"] == OutcomeTally(judged: 1, advanced: 0, pending: 0))  // L3 on Saturday 07-05
    #expect(topics.count == 2)
  }

  @Test func aRateOnlyFromTenJudgedCases() throws {
    // Ten prospects heard saying no_discount on 07-01 at 10:00 (judged at 07-15 10:00); the first four took a deposit.
    func prospects(_ n: Int) -> [LeadSnapshot] {
      (0..<n).map { (i: Int) -> LeadSnapshot in
        let deposited = i < 4
        let events: [StageEvent] = deposited ? [Self.advance(.prospect, .deposit, Self.t("08"))] : []
        let touch = Fixture.touch(Int64(100 + i), Self.t("01"), objections: ["no_discount"])
        let stage: Stage = deposited ? .deposit : .prospect
        return AuditFixture.lead(
          "R\(i)", "lina", created: Self.t("01", "09:00"), events: events, touches: [touch], stage: stage)
      }
    }
    let ten = try #require(try report(prospects(10)).team.objectionOutcomes["no_discount"])
    #expect(ten.isEnough && ten.rate == 0.4)
    let nine = try #require(try report(prospects(9)).team.objectionOutcomes["no_discount"])
    #expect(!nine.isEnough && nine.rate == nil && nine.judged == 9 && nine.advanced == 4)
  }
}
