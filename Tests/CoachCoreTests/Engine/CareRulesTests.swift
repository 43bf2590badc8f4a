import Foundation
import Testing

@testable import CoachCore

/// callback_3day, issue_7day, birthday, car_birthday, holiday and referral_ask.
@Suite struct CareRulesTests {
  typealias F = Fixture
  static let utc = TimeZone(identifier: "UTC") ?? .gmt
  static let noHolidays = Fixture.makePlaybook(holidays: [])

  /// Delivered 2025-07-01 at 15:00 Shanghai.
  static func owner(touches: [Touch] = [], topics: [Topic] = []) -> LeadSnapshot {
    F.owner(delivered: "2025-07-01T15:00:00+08:00", deliveredOn: "2025-07-01", touches: touches, topics: topics)
  }

  @Test func givenDelivery_whenInShanghai_thenCallbackDueNextMidnightDeadlineEndOfThirdDay() throws {
    let before = try #require(F.next(Self.owner(), F.ctx("2025-07-01T23:59:00+08:00")))
    #expect(before.code == .callback3day)
    #expect(before.dueAt == F.at("2025-07-02T00:00:00+08:00"))
    #expect(before.deadline == F.at("2025-07-05T00:00:00+08:00"))
    #expect(!before.isDue(at: F.at("2025-07-01T23:59:00+08:00")))
    let late = try #require(F.next(Self.owner(), F.ctx("2025-07-05T00:01:00+08:00")))
    #expect(late.code == .callback3day)
    #expect(late.overdueDays > 0)
  }

  /// A lead imported at `delivered` has one stage event, at its creation, with no delivery day (the file gives
  /// none): its delivery is that day in the zone, as the import's warning says, and the callback and car birthdays
  /// count from it.
  @Test func givenADeliveryWithoutItsDay_whenImported_thenCareCountsFromTheEventsDay() throws {
    let imported = F.lead(
      "I1", created: "2026-11-23T10:00:00+08:00", stage: .delivered,
      events: [
        StageEvent(from: nil, to: .delivered, at: F.at("2026-11-23T10:00:00+08:00"), note: "imported at delivered")
      ])
    let callback = try #require(F.next(imported, F.ctx("2026-11-24T09:00:00+08:00", playbook: Self.noHolidays)))
    #expect(callback.code == .callback3day)
    #expect(callback.dueAt == F.at("2026-11-24T00:00:00+08:00"))
    #expect(callback.deadline == F.at("2026-11-27T00:00:00+08:00"))
    var owner = imported
    owner.createdAt = F.at("2025-11-25T10:00:00+08:00")
    owner.events = [StageEvent(from: nil, to: .delivered, at: owner.createdAt, note: "imported at delivered")]
    owner.touches = [F.touch(1, "2026-11-01T10:00:00+08:00")]
    let birthday = try #require(F.next(owner, F.ctx("2026-11-25T09:00:00+08:00", playbook: Self.noHolidays)))
    #expect(birthday.code == .carBirthday)
    #expect(birthday.detail == "1")
  }

  @Test func givenDelivery_whenZoneIsUTC_thenCallbackDaysAreUTCDays() throws {
    let owner = F.owner(delivered: "2025-07-01T15:00:00Z", deliveredOn: "2025-07-01")
    let action = try #require(F.next(owner, F.ctx("2025-07-02T07:00:00+08:00", zone: Self.utc)))
    #expect(action.dueAt == F.at("2025-07-02T00:00:00Z"))
    #expect(action.deadline == F.at("2025-07-05T00:00:00Z"))
  }

  @Test func givenCallback_whenOnlyUnansweredTouch_thenStillDue_butReachedTouchFulfils() throws {
    let unanswered = Self.owner(touches: [F.touch(2, "2025-07-02T10:00:00+08:00", .noAnswer)])
    #expect(F.next(unanswered, F.ctx("2025-07-02T11:00:00+08:00"))?.code == .callback3day)
    let reached = Self.owner(touches: [F.touch(2, "2025-07-01T20:00:00+08:00", .reached)])
    #expect(F.next(reached, F.ctx("2025-07-02T11:00:00+08:00", playbook: Self.noHolidays))?.code == .referralAsk)
  }

  @Test func givenOpenIssue_whenCallbackAlsoDue_thenIssueFirstUntilResolved() throws {
    var issue = Topic(
      id: 7, category: .issue, text: "rattle in the door", buriedAt: F.at("2025-07-02T10:00:00+08:00"))
    let open = try #require(F.next(Self.owner(topics: [issue]), F.ctx("2025-07-02T11:00:00+08:00")))
    #expect(open.code == .issue7day)
    #expect(open.dueAt == issue.buriedAt)
    #expect(open.deadline == F.at("2025-07-09T10:00:00+08:00"))
    #expect(open.detail == "7")
    #expect(open.reason.contains("rattle in the door"))
    issue.resolvedAt = F.at("2025-07-02T10:30:00+08:00")
    #expect(F.next(Self.owner(topics: [issue]), F.ctx("2025-07-02T11:00:00+08:00"))?.code == .callback3day)
  }

  /// An owner delivered 2024-03-15, last touched `touched` (keeps referrals away).
  static func birthdayOwner(_ touched: String, birthday: String = "1992-02-29", more: [Touch] = []) -> LeadSnapshot {
    F.owner(
      delivered: "2024-03-15T15:00:00+08:00", deliveredOn: "2024-03-15", birthday: birthday,
      touches: [F.touch(2, "2024-03-16T10:00:00+08:00"), F.touch(3, touched)] + more)
  }

  @Test func givenFeb29Birthday_whenCommonYear_thenDueFeb27DeadlineEndOfFeb28() throws {
    let owner = Self.birthdayOwner("2025-01-10T10:00:00+08:00")
    let action = try #require(F.next(owner, F.ctx("2025-02-27T08:00:00+08:00", playbook: Self.noHolidays)))
    #expect(action.code == .birthday)
    #expect(action.dueAt == F.at("2025-02-27T00:00:00+08:00"))
    #expect(action.deadline == F.at("2025-03-01T00:00:00+08:00"))
    let early = try #require(F.next(owner, F.ctx("2025-02-26T23:59:00+08:00", playbook: Self.noHolidays)))
    #expect(early.code == .birthday)
    #expect(!early.isDue(at: F.at("2025-02-26T23:59:00+08:00")))
  }

  /// The birthday reminder comes the day before: its draft ("happy birthday") is for the day itself, and the brief
  /// says so; on the day the draft goes at once.
  @Test func givenABirthdayReminderTheDayBefore_whenBriefed_thenTheDraftIsForTheBirthday() throws {
    let owner = Self.birthdayOwner("2025-01-10T10:00:00+08:00", birthday: "1990-06-15")
    let before = F.ctx("2025-06-14T08:00:00+08:00", playbook: Self.noHolidays)
    let action = try #require(F.next(owner, before))
    #expect(action.code == .birthday)
    #expect(BriefBuilder.build(lead: owner, action: action, ctx: before).sendOn == "2025-06-15")
    let onTheDay = F.ctx("2025-06-15T08:00:00+08:00", playbook: Self.noHolidays)
    let today = try #require(F.next(owner, onTheDay))
    #expect(BriefBuilder.build(lead: owner, action: today, ctx: onTheDay).sendOn == nil)
  }

  @Test func givenFeb29Birthday_whenLeapYear_thenDueFeb28DeadlineEndOfFeb29() throws {
    let owner = Self.birthdayOwner("2028-01-10T10:00:00+08:00")
    let action = try #require(F.next(owner, F.ctx("2028-02-28T08:00:00+08:00", playbook: Self.noHolidays)))
    #expect(action.code == .birthday)
    #expect(action.deadline == F.at("2028-03-01T00:00:00+08:00"))
  }

  @Test func givenBirthdayMissed_whenDeadlineDayEnds_thenItLapsesAndGivesWayToTheNext() throws {
    let owner = Self.birthdayOwner("2025-01-10T10:00:00+08:00", birthday: "1985-02-20")
    let ctx = F.ctx("2025-02-21T00:00:01+08:00", playbook: Self.noHolidays)
    let action = try #require(F.next(owner, ctx))
    #expect(action.code != .birthday || action.dueAt > ctx.now)
    #expect(action.code == .carBirthday)  // 2025-03-15 comes before next year's birthday
    let records = FollowUpEngine.followUps(
      for: owner, in: ctx, from: F.at("2025-02-01T00:00:00+08:00"), to: F.at("2025-02-28T00:00:00+08:00"))
    #expect(records.map(\.code) == [.birthday])
    #expect(records.first?.status == .missed)
  }

  @Test func givenTouchTheDayBeforeBirthdayReminder_whenAsked_thenItAlreadyCounts() throws {
    let owner = Self.birthdayOwner(
      "2025-01-10T10:00:00+08:00", birthday: "1985-02-20", more: [F.touch(4, "2025-02-18T18:00:00+08:00")])
    let action = try #require(F.next(owner, F.ctx("2025-02-19T09:00:00+08:00", playbook: Self.noHolidays)))
    #expect(action.code == .carBirthday)
  }

  @Test func givenDeliveryAnniversary_whenTheDayComes_thenCarBirthdayWithYears() throws {
    let owner = Self.birthdayOwner("2025-01-10T10:00:00+08:00", birthday: "1985-08-20")
    let action = try #require(F.next(owner, F.ctx("2026-03-15T08:00:00+08:00", playbook: Self.noHolidays)))
    #expect(action.code == .carBirthday)
    #expect(action.detail == "2")
    #expect(action.dueAt == F.at("2026-03-15T00:00:00+08:00"))
    #expect(action.deadline == F.at("2026-03-16T00:00:00+08:00"))
  }

  @Test(arguments: [
    ("2025-01-28T09:00:00+08:00", "2025-01-28T00:00:00+08:00"),
    ("2026-02-16T09:00:00+08:00", "2026-02-16T00:00:00+08:00"),
  ])
  func givenMovingHoliday_whenEachYear_thenDueTheDayBeforeThatYearsDate(now: String, due: String) throws {
    let lead = F.lead(created: "2024-12-01T09:00:00+08:00", touches: [F.touch(1, "2024-12-01T10:00:00+08:00")])
    let action = try #require(F.next(lead, F.ctx(now)))
    #expect(action.code == .holiday)  // before the overdue cadence follow-up
    #expect(action.detail == "spring_festival")
    #expect(action.dueAt == F.at(due))
  }

  @Test func givenHoliday_whenItsDayEnds_thenItLapses() throws {
    let lead = F.lead(created: "2024-12-01T09:00:00+08:00", touches: [F.touch(1, "2024-12-01T10:00:00+08:00")])
    #expect(F.next(lead, F.ctx("2026-02-17T23:59:00+08:00"))?.code == .holiday)
    #expect(F.next(lead, F.ctx("2026-02-18T00:00:00+08:00"))?.code == .cadenceFollowup)
  }

  @Test func givenFixedHoliday_whenAsked_thenSameMonthDayEveryYear() throws {
    let lead = F.lead(created: "2024-12-01T09:00:00+08:00", touches: [F.touch(1, "2026-09-27T10:00:00+08:00")])
    let action = try #require(F.next(lead, F.ctx("2026-09-29T12:00:00+08:00")))
    #expect(action.code == .holiday)
    #expect(action.detail == "national_day")
    #expect(action.dueAt == F.at("2026-09-30T00:00:00+08:00"))
  }

  @Test func givenSatisfiedOwner_whenFirstDaysPass_thenReferralThenEveryIntervalSinceLastTouch() throws {
    let done = F.touch(2, "2025-07-02T10:00:00+08:00")
    let first = try #require(
      F.next(Self.owner(touches: [done]), F.ctx("2025-07-31T08:00:00+08:00", playbook: Self.noHolidays)))
    #expect(first.code == .referralAsk)
    #expect(first.dueAt == F.at("2025-07-31T00:00:00+08:00"))
    let asked = Self.owner(touches: [done, F.touch(3, "2025-07-31T10:00:00+08:00")])
    #expect(
      F.next(asked, F.ctx("2025-08-01T08:00:00+08:00", playbook: Self.noHolidays))?.dueAt
        == F.at("2025-10-29T10:00:00+08:00"))
  }

  @Test func givenTierDOwner_whenReferralWouldBeDue_thenGreetingsOnly() throws {
    let owner = F.owner(
      delivered: "2025-07-01T15:00:00+08:00", deliveredOn: "2025-07-01", tier: .d,
      touches: [F.touch(2, "2025-07-02T10:00:00+08:00")])
    let action = try #require(F.next(owner, F.ctx("2025-08-05T08:00:00+08:00")))
    #expect(action.code == .holiday)
    #expect(action.detail == "mid_autumn" || action.detail == "national_day")
  }
}
