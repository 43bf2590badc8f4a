import Foundation
import Testing

@testable import CoachCore

/// Which switch levers preceded a deposit or a model switch, on hand-built leads (window 2025-07-01 … 07-14, now
/// 07-15 12:00 +08:00, as `WhatWorksTests`).
@Suite struct WhatWorksLeverTests {
  static func t(_ day: String, _ time: String = "10:00") -> String { WhatWorksTests.t(day, time) }
  static let june = "2025-06-01T09:00:00+08:00"

  static func touch(_ id: Int64, _ iso: String, _ levers: [Lever], _ outcome: Outcome = .reached) -> Touch {
    var touch = Fixture.touch(id, iso, outcome)
    touch.levers = levers
    return touch
  }

  static func change(_ from: Stage, _ to: Stage, _ at: String, model: String? = nil) -> StageEvent {
    StageEvent(
      from: from, to: to, at: Fixture.at(at), reason: to == .churned ? .supplyMismatch : nil,
      amount: to == .deposit ? 5000 : nil, model: model,
      eta: to == .waitingForDelivery ? Fixture.day("2025-09-01") : nil)
  }

  static let leads: [LeadSnapshot] = [
    // A deposit customer argued with on 07-02; switched to the X40 when the order became firm on 07-06: followed.
    AuditFixture.lead(
      "V1", "lina", created: june,
      events: [
        change(.prospect, .deposit, "2025-06-10T10:00:00+08:00"),
        change(.deposit, .waitingForDelivery, t("06"), model: "X40"),
      ],
      touches: [touch(1, t("02"), [.availability, .vestedBenefit])], stage: .waitingForDelivery),
    // Argued with on 07-03: its 14 days end on 07-17, after now, and nothing followed yet: pending.
    AuditFixture.lead("V2", "lina", created: june, touches: [touch(2, t("03"), [.availability])]),
    // Argued with on 07-01 09:00, nothing since: judged at 07-15 09:00, not followed.
    AuditFixture.lead("V3", "lina", created: june, touches: [touch(3, t("01", "09:00"), [.availability])]),
    // A prospect argued with on 07-02 (an attempt counts: the lever was left on voicemail), deposit 07-10: followed.
    AuditFixture.lead(
      "V4", "lina", created: june, events: [change(.prospect, .deposit, t("10"))],
      touches: [touch(4, t("02"), [.availability], .noAnswer)], stage: .deposit),
    // Lost on 07-03 with a model named: a loss is not a switch; judged on 07-15 10:00, not followed.
    AuditFixture.lead(
      "V5", "lina", created: june, events: [change(.prospect, .churned, t("03"), model: "X40")],
      touches: [touch(5, t("01"), [.gain])], stage: .churned),
    // Argued with after the loss: not a deal a lever could move; not counted.
    AuditFixture.lead(
      "V6", "lina", created: june, events: [change(.prospect, .churned, "2025-06-20T10:00:00+08:00")],
      touches: [touch(6, t("02"), [.gain])], stage: .churned),
    // Waiting for the car, argued with on 07-01 11:00; delivered 07-10 without a switch: not followed.
    AuditFixture.lead(
      "V7", "zhang", created: june,
      events: [
        change(.prospect, .deposit, "2025-06-10T10:00:00+08:00"),
        change(.deposit, .waitingForDelivery, "2025-06-11T10:00:00+08:00"),
        change(.waitingForDelivery, .delivered, t("10")),
      ],
      touches: [touch(7, t("01", "11:00"), [.space, .space])], stage: .delivered),
    // Argued with before the window: not counted, though the deposit followed within the window.
    AuditFixture.lead(
      "V8", "zhang", created: june, events: [change(.prospect, .deposit, t("02"))],
      touches: [touch(8, "2025-06-30T10:00:00+08:00", [.availability])], stage: .deposit),
  ]

  /// Now, at 07-15 12:00 (the fixture's), or once every case's 14 days are over (07-20 12:00).
  func report(_ leads: [LeadSnapshot] = leads, now: String = AuditFixture.now) throws -> AuditReport {
    Audit.build(
      leads: leads, consultants: ["lina", "zhang"], exports: [], window: try AuditFixture.window(),
      ctx: Fixture.ctx(now))
  }

  @Test func leversArguedWithAndWhetherADepositOrASwitchFollowedWithin14DaysByConsultant() throws {
    let r = try report(now: "2025-07-20T12:00:00+08:00")
    let lina = try #require(r.consultants.first { $0.consultant == "lina" }).figures.leverOutcomes
    let zhang = try #require(r.consultants.first { $0.consultant == "zhang" }).figures.leverOutcomes
    #expect(lina[.availability] == OutcomeTally(judged: 4, advanced: 2, pending: 0))  // V1, V4 followed; V2, V3 not
    #expect(lina[.vestedBenefit] == OutcomeTally(judged: 1, advanced: 1, pending: 0))  // V1
    #expect(lina[.gain] == OutcomeTally(judged: 1, advanced: 0, pending: 0))  // V5 (V6 was lost already)
    #expect(lina.count == 3)
    #expect(zhang == [.space: OutcomeTally(judged: 1, advanced: 0, pending: 0)])  // V7, the lever once; V8 before
    #expect(r.team.leverOutcomes.count == 4)
    #expect(r.team.leverOutcomes[.availability] == OutcomeTally(judged: 4, advanced: 2, pending: 0))
    #expect(r.team.leverOutcomes[.availability]?.rate == nil)  // 4 judged: too few for a rate
    // At 07-15 12:00 only V3's 14 days are over: V1 and V4 followed already, but are judged with V2, later.
    let early = try report()
    #expect(early.team.leverOutcomes[.availability] == OutcomeTally(judged: 1, advanced: 0, pending: 3))
  }

  @Test func aLeverUsedWithoutOtherWhatWorksCasesStillCounts() throws {
    // No objection heard, and a no-answer offers no dealership topic: only the lever is a case.
    let r = try report([Self.leads[3]], now: "2025-07-20T12:00:00+08:00")
    #expect(r.team.objectionOutcomes.isEmpty && r.team.topicOutcomes.isEmpty)
    #expect(r.team.leverOutcomes == [.availability: OutcomeTally(judged: 1, advanced: 1, pending: 0)])
  }

  @Test func aLeverRateOnlyFromTenJudgedCases() throws {
    // Deposit customers argued with on 07-01 (judged at 07-15 10:00); the first four switched model on 07-05.
    func waiting(_ n: Int) -> [LeadSnapshot] {
      (0..<n).map { (i: Int) -> LeadSnapshot in
        var events = [Self.change(.prospect, .deposit, "2025-06-10T10:00:00+08:00")]
        if i < 4 { events.append(Self.change(.deposit, .waitingForDelivery, Self.t("05"), model: "E20")) }
        return AuditFixture.lead(
          "W\(i)", "lina", created: Self.june, events: events,
          touches: [Self.touch(Int64(100 + i), Self.t("01"), [.availability])],
          stage: i < 4 ? .waitingForDelivery : .deposit)
      }
    }
    let ten = try #require(try report(waiting(10)).team.leverOutcomes[.availability])
    #expect(ten.isEnough && ten.rate == 0.4 && ten.judged == 10 && ten.advanced == 4)
    let nine = try #require(try report(waiting(9)).team.leverOutcomes[.availability])
    #expect(!nine.isEnough && nine.rate == nil && nine.judged == 9 && nine.advanced == 4)
  }

  @Test func aLeverIsNamedByCodeOrByThePlaybooksLabel() throws {
    let zh = try #require(DefaultPlaybook.decoded("zh-CN"))
    let en = try #require(DefaultPlaybook.decoded("en"))
    #expect(zh.lever("availability") == .availability && zh.lever("Vested_Benefit") == .vestedBenefit)
    #expect(zh.lever("更快提车") == .availability && en.lever("sooner delivery") == .availability)
    #expect(en.lever("faster") == nil && en.lever(" ") == nil)
    #expect(en.leverChoices.count == Lever.allCases.count)
    #expect(en.leverChoices.contains("availability (Sooner delivery)"))
    #expect(zh.leverChoices.contains("availability (更快提车)"))
  }
}
