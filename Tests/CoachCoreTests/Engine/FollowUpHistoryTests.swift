import Foundation
import Testing

@testable import CoachCore

/// The audit replay: on time, late, missed, open.
@Suite struct FollowUpHistoryTests {
  typealias F = Fixture
  static let july = (from: Fixture.at("2025-07-01T00:00:00+08:00"), to: Fixture.at("2025-08-01T00:00:00+08:00"))

  /// Created 07-01 09:00, first touch 12:00 (on time); cadence due 07-04 12:00 done 07-06 09:00 (late);
  /// next cadence due 07-09 09:00, deadline 07-10 09:00, never done.
  static let prospect = Fixture.lead(touches: [
    Fixture.touch(1, "2025-07-01T12:00:00+08:00", .noAnswer), Fixture.touch(2, "2025-07-06T09:00:00+08:00"),
  ])

  static func records(_ lead: LeadSnapshot, now: String) -> [FollowUpRecord] {
    FollowUpEngine.followUps(for: lead, in: F.ctx(now), from: july.from, to: july.to)
  }

  @Test func givenProspectHistory_whenReplayedAfterTheLastDeadline_thenOnTimeLateMissed() {
    let records = Self.records(Self.prospect, now: "2025-07-11T10:00:00+08:00")
    #expect(records.map(\.code) == [.firstContact, .cadenceFollowup, .cadenceFollowup])
    #expect(records.map(\.status) == [.onTime, .late, .missed])
    #expect(records.map(\.fulfilledAt) == [F.at("2025-07-01T12:00:00+08:00"), F.at("2025-07-06T09:00:00+08:00"), nil])
    #expect(records[1].dueAt == F.at("2025-07-04T12:00:00+08:00"))
    #expect(records[1].deadline == F.at("2025-07-05T12:00:00+08:00"))
  }

  @Test func givenDueFollowUpBeforeItsDeadline_whenReplayed_thenOpen() {
    let records = Self.records(Self.prospect, now: "2025-07-09T20:00:00+08:00")
    #expect(records.last?.status == .open)
    #expect(records.count == 3)
  }

  @Test func givenFollowUpNotYetDue_whenReplayed_thenNotCounted() {
    let records = Self.records(Self.prospect, now: "2025-07-08T20:00:00+08:00")
    #expect(records.map(\.status) == [.onTime, .late])
  }

  @Test func givenWindow_whenReplayed_thenOnlyDeadlinesInsideCount() {
    let ctx = F.ctx("2025-07-11T10:00:00+08:00")
    let records = FollowUpEngine.followUps(
      for: Self.prospect, in: ctx, from: F.at("2025-07-05T00:00:00+08:00"), to: F.at("2025-07-10T00:00:00+08:00"))
    // First contact's deadline 07-02 and the missed one's 07-10 09:00 fall outside.
    #expect(records.map(\.status) == [.late])
  }

  @Test func givenLateCallbackAndResolvedIssue_whenReplayed_thenEachJudgedByItsOwnFulfilment() {
    let owner = F.owner(
      delivered: "2025-07-01T15:00:00+08:00", deliveredOn: "2025-07-01",
      touches: [F.touch(2, "2025-07-03T10:00:00+08:00", .noAnswer), F.touch(3, "2025-07-06T10:00:00+08:00", .reached)],
      topics: [
        Topic(
          id: 9, category: .issue, text: "squeak", buriedAt: F.at("2025-07-06T10:00:00+08:00"),
          resolvedAt: F.at("2025-07-10T10:00:00+08:00"))
      ])
    let records = FollowUpEngine.followUps(
      for: owner, in: F.ctx("2025-07-20T10:00:00+08:00", playbook: CareRulesTests.noHolidays),
      from: Self.july.from, to: Self.july.to)
    #expect(records.map(\.code) == [.callback3day, .issue7day])
    #expect(records.map(\.status) == [.late, .onTime])
    #expect(records.map(\.fulfilledAt) == [F.at("2025-07-06T10:00:00+08:00"), F.at("2025-07-10T10:00:00+08:00")])
  }

  @Test func givenHolidayGreetedOnTheDay_whenReplayed_thenOnTime_andNextYearsUngreetedOneMissed() {
    let lead = F.lead(
      created: "2024-12-01T09:00:00+08:00", grade: .c,
      touches: [
        F.touch(1, "2024-12-01T10:00:00+08:00", next: "2025-06-01T10:00:00+08:00"),
        F.touch(2, "2025-01-29T10:00:00+08:00", next: "2026-06-01T10:00:00+08:00"),
      ])
    let ctx = F.ctx("2026-03-01T10:00:00+08:00")
    let spring = FollowUpEngine.followUps(
      for: lead, in: ctx, from: F.at("2025-01-01T00:00:00+08:00"), to: F.at("2026-03-01T00:00:00+08:00")
    )
    .filter { $0.detail == "spring_festival" }
    #expect(spring.map(\.status) == [.onTime, .missed])
    #expect(spring.map(\.deadline) == [F.at("2025-01-30T00:00:00+08:00"), F.at("2026-02-18T00:00:00+08:00")])
  }

  @Test func givenReplay_whenComparedWithNextAction_thenTheOpenRecordIsTheCurrentAction() throws {
    let now = "2025-07-09T20:00:00+08:00"
    let open = try #require(Self.records(Self.prospect, now: now).last)
    let current = try #require(F.next(Self.prospect, F.ctx(now)))
    #expect(open.code == current.code)
    #expect(open.dueAt == current.dueAt)
    #expect(open.deadline == current.deadline)
  }
}
