import Foundation
import Testing

@testable import CoachCore

/// One action at a time: the first that applies, in the contract's order.
@Suite struct PrecedenceTests {
  typealias F = Fixture

  @Test func givenCallbackAndBirthdayBothDue_whenAsked_thenCallbackFirst() throws {
    let owner = F.owner(delivered: "2025-07-01T15:00:00+08:00", deliveredOn: "2025-07-01", birthday: "1980-07-03")
    #expect(F.next(owner, F.ctx("2025-07-02T09:00:00+08:00"))?.code == .callback3day)
  }

  @Test func givenAgreedTimeAndDeliveryUpdateBothDue_whenAsked_thenAgreedFirst() throws {
    let lead = F.lead(
      stage: .deposit, events: F.events(deposit: "2025-07-01T10:00:00+08:00"),
      touches: [F.touch(1, "2025-07-01T10:00:00+08:00", next: "2025-07-08T09:00:00+08:00")])
    #expect(F.next(lead, F.ctx("2025-07-08T11:00:00+08:00"))?.code == .agreedFollowup)
  }

  @Test func givenNewLeadOnHolidayEve_whenAsked_thenFirstContactBeforeHoliday() throws {
    let lead = F.lead(created: "2025-09-30T09:00:00+08:00")
    #expect(F.next(lead, F.ctx("2025-09-30T10:00:00+08:00"))?.code == .firstContact)
  }

  @Test func givenBirthdayOnHoliday_whenBothDue_thenBirthdayBeforeHoliday() throws {
    let owner = F.owner(
      delivered: "2025-07-01T15:00:00+08:00", deliveredOn: "2025-07-01", birthday: "1980-10-01",
      touches: [F.touch(2, "2025-07-02T10:00:00+08:00"), F.touch(3, "2025-09-20T10:00:00+08:00")])
    let action = try #require(F.next(owner, F.ctx("2025-09-30T09:00:00+08:00")))
    #expect(action.code == .birthday)
  }

  @Test func givenDueAndFutureActions_whenAsked_thenADueOneBeatsAnEarlierCodeStillToCome() throws {
    let lead = DeliveryRulesTests.waiting(eta: "2025-08-30")
    let action = try #require(F.next(lead, F.ctx("2025-07-10T11:00:00+08:00")))
    #expect(action.code == .deliveryUpdate)
  }

  @Test func givenOwnerWithNothingLeftToGreet_whenAsked_thenNoActionAtAll() {
    var playbook = Fixture.makePlaybook(holidays: [])
    playbook.care.carBirthday = false
    let owner = F.owner(
      delivered: "2025-07-01T15:00:00+08:00", deliveredOn: "2025-07-01", tier: .d,
      touches: [F.touch(2, "2025-07-02T10:00:00+08:00")])
    #expect(F.next(owner, F.ctx("2025-07-10T09:00:00+08:00", playbook: playbook)) == nil)
  }

  @Test func givenEveryLeadKind_whenAsked_thenTheActionMatchesTheContractTable() {
    let ctx = F.ctx("2025-07-20T10:00:00+08:00")
    let table: [(LeadSnapshot, ActionCode)] = [
      (F.lead(created: "2025-07-20T09:00:00+08:00"), .firstContact),
      (F.lead(touches: [F.touch(1, "2025-07-10T10:00:00+08:00")]), .cadenceFollowup),
      (F.lead(touches: [F.touch(1, "2025-07-10T10:00:00+08:00", next: "2025-07-20T09:00:00+08:00")]), .agreedFollowup),
      (DeliveryRulesTests.waiting(eta: "2025-07-15"), .deliveryLate),
      (F.owner(delivered: "2025-07-18T15:00:00+08:00", deliveredOn: "2025-07-18"), .callback3day),
    ]
    for (lead, code) in table {
      #expect(F.next(lead, ctx)?.code == code, "\(lead.id) at \(lead.stage)")
    }
  }
}
