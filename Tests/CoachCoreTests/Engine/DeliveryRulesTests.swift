import Foundation
import Testing

@testable import CoachCore

/// delivery_update and delivery_late.
@Suite struct DeliveryRulesTests {
  typealias F = Fixture
  static let utc = TimeZone(identifier: "UTC") ?? .gmt

  /// A waiting customer: deposit 07-01 (touched then), contract 07-03 with ETA `eta`.
  static func waiting(eta: String, touches: [Touch] = []) -> LeadSnapshot {
    F.lead(
      stage: .waitingForDelivery,
      events: F.events(deposit: "2025-07-01T10:00:00+08:00", waiting: "2025-07-03T10:00:00+08:00", eta: eta),
      touches: [F.touch(1, "2025-07-03T10:00:00+08:00")] + touches)
  }

  @Test func givenDeposit_whenUpdateIntervalPasses_thenDeliveryUpdateDueWithGraceDeadline() throws {
    let lead = F.lead(
      stage: .deposit, events: F.events(deposit: "2025-07-01T10:00:00+08:00"),
      touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    let action = try #require(F.next(lead, F.ctx("2025-07-08T10:00:00+08:00")))
    #expect(action.code == .deliveryUpdate)
    #expect(action.dueAt == F.at("2025-07-08T10:00:00+08:00"))
    #expect(action.deadline == F.at("2025-07-09T10:00:00+08:00"))
    #expect(F.next(lead, F.ctx("2025-07-08T09:59:00+08:00"))?.isDue(at: F.at("2025-07-08T09:59:00+08:00")) == false)
  }

  /// The reason counts the days since the last update from a day on; read right after one it does not say "0 days".
  @Test func givenDeposit_whenJustUpdatedOrAWeekLater_thenTheReasonCountsTheSilenceOnlyWhenThereIsOne() throws {
    let lead = F.lead(
      stage: .deposit, events: F.events(deposit: "2025-07-01T10:00:00+08:00"),
      touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    let now = try #require(F.next(lead, F.ctx("2025-07-01T10:30:00+08:00")))
    #expect(now.code == .deliveryUpdate)
    #expect(now.reason == "deposit paid, time for a delivery update (expected ?)")
    let later = try #require(F.next(lead, F.ctx("2025-07-08T10:00:00+08:00")))
    #expect(later.reason == "deposit paid, time for a delivery update (expected ?), no update for 7 days")
  }

  @Test func givenEtaChangedSinceLastTouch_whenAsked_thenDeliveryUpdateDueAtTheChange() throws {
    var lead = F.lead(
      stage: .waitingForDelivery,
      events: [
        StageEvent(
          from: .prospect, to: .deposit, at: F.at("2025-07-01T10:00:00+08:00"), amount: 5000,
          eta: F.day("2025-08-01")),
        StageEvent(
          from: .deposit, to: .waitingForDelivery, at: F.at("2025-07-03T10:00:00+08:00"),
          eta: F.day("2025-08-10")),
      ],
      touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    let action = try #require(F.next(lead, F.ctx("2025-07-03T11:00:00+08:00")))
    #expect(action.code == .deliveryUpdate)
    #expect(action.dueAt == F.at("2025-07-03T10:00:00+08:00"))
    lead.events[1].eta = F.day("2025-08-01")  // same day promised again: not a change
    #expect(F.next(lead, F.ctx("2025-07-03T11:00:00+08:00"))?.dueAt == F.at("2025-07-08T10:00:00+08:00"))
  }

  @Test func givenEtaDay_whenJustBeforeAndAfterItsEndInShanghai_thenDeliveryLateFromMidnight() throws {
    let lead = Self.waiting(eta: "2025-07-05")
    let before = try #require(F.next(lead, F.ctx("2025-07-05T23:59:00+08:00")))
    #expect(before.code == .deliveryLate)
    #expect(!before.isDue(at: F.at("2025-07-05T23:59:00+08:00")))
    #expect(before.dueAt == F.at("2025-07-06T00:00:00+08:00"))
    let after = try #require(F.next(lead, F.ctx("2025-07-06T00:01:00+08:00")))
    #expect(after.code == .deliveryLate)
    #expect(after.isDue(at: F.at("2025-07-06T00:01:00+08:00")))
  }

  @Test func givenEtaDay_whenZoneIsUTC_thenLateFromUTCMidnight() throws {
    let lead = Self.waiting(eta: "2025-07-05")
    let action = try #require(F.next(lead, F.ctx("2025-07-06T07:00:00+08:00", zone: Self.utc)))
    #expect(action.dueAt == F.at("2025-07-06T00:00:00Z"))
    #expect(!action.isDue(at: F.at("2025-07-06T07:00:00+08:00")))
  }

  @Test func givenLateCar_whenTouched_thenLateAgainAfterHalfTheUpdateInterval() throws {
    let lead = Self.waiting(eta: "2025-07-05", touches: [F.touch(2, "2025-07-06T10:00:00+08:00")])
    let action = try #require(F.next(lead, F.ctx("2025-07-07T10:00:00+08:00")))
    #expect(action.code == .deliveryLate)
    #expect(action.dueAt == F.at("2025-07-10T10:00:00+08:00"))  // (7 + 1) / 2 = 4 days
  }

  @Test func givenLateCarAndUpdateDue_whenBothDue_thenDeliveryLateWinsWithReason() throws {
    let lead = Self.waiting(eta: "2025-07-05")
    let action = try #require(F.next(lead, F.ctx("2025-07-12T10:00:00+08:00")))
    #expect(action.code == .deliveryLate)
    // Overdue in tenths, as the overdue column shows it: 5 days and 10 hours past the deadline.
    let reason = "waiting for delivery, promised car 7 days late, no update for 9 days, overdue by 5.4 days"
    #expect(action.reason == reason)
  }

  @Test func givenDepositWithEta_whenEtaPassed_thenLate_butDepositWithoutEtaIsNeverLate() throws {
    let withEta = F.lead(
      stage: .deposit,
      events: [
        StageEvent(
          from: .prospect, to: .deposit, at: F.at("2025-07-01T10:00:00+08:00"), amount: 5000,
          eta: F.day("2025-07-02"))
      ],
      touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    #expect(F.next(withEta, F.ctx("2025-07-04T10:00:00+08:00"))?.code == .deliveryLate)
    var without = withEta
    without.events[0].eta = nil
    #expect(F.next(without, F.ctx("2025-07-04T10:00:00+08:00"))?.code == .deliveryUpdate)
  }
}
