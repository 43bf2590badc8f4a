import Foundation
import Testing

@testable import CoachCore

/// Switch arguments: candidates, computed numbers, order and limits.
@Suite struct SwitchAdvisorTests {
  typealias F = Fixture
  static let stats = SalesStats(recent: ["X40": 31, "X60": 12, "X70": 7], previous: ["X40": 20, "X60": 15])

  static func x60Customer() -> LeadSnapshot {
    var lead = DeliveryRulesTests.waiting(eta: "2025-09-30")
    lead.model = "X60"
    return lead
  }

  @Test func givenLongWaitSUV_whenAdvised_thenSameSegmentSoonerModelFirstWithComputedNumbers() throws {
    let args = SwitchAdvisor.arguments(for: Self.x60Customer(), in: F.ctx("2025-07-08T10:00:00+08:00", stats: Self.stats))
    #expect(args.count == SwitchAdvisor.maxArguments)
    let x40 = args.filter { $0.toModel == "X40" }
    #expect(args.first?.toModel == "X40")
    #expect(x40.map(\.lever) == [.availability, .conformity, .trend])
    #expect(x40[0].text == "Aurora X60 10 weeks; Aurora X40 2 weeks, 8 weeks sooner")
    #expect(x40[1].text == "62% of SUV buyers here chose the Aurora X40")
    #expect(x40[2].text == "Aurora X40 deliveries grew from 20 to 31 (+55%)")
    #expect(!args.contains { $0.toModel == "X70" })  // waits longer
    #expect(Dictionary(grouping: args, by: \.toModel).values.allSatisfy { $0.count <= 3 })
  }

  @Test func givenNoSalesFigures_whenAdvised_thenMoneyAndSpaceLeversWithYuanSaved() throws {
    let args = SwitchAdvisor.arguments(for: Self.x60Customer(), in: F.ctx("2025-07-08T10:00:00+08:00"))
    let x40 = args.filter { $0.toModel == "X40" }
    #expect(x40.map(\.lever) == [.availability, .runningCost, .maintenanceCost])
    #expect(x40[1].text == "52 instead of 64 per 100 km, 2,400 yuan a year saved")  // 12 × 20,000 km ÷ 100
    #expect(x40[2].text == "900 yuan a year less maintenance")
    #expect(!args.contains { $0.lever == .conformity || $0.lever == .trend })
  }

  @Test func givenOfferAndLongWait_whenAdvised_thenVestedBenefitAndGainNameTheOffer() throws {
    let args = SwitchAdvisor.arguments(for: Self.x60Customer(), in: F.ctx("2025-07-08T10:00:00+08:00"))
    let s50 = args.filter { $0.toModel == "S50" }
    #expect(s50.map(\.lever) == [.availability, .vestedBenefit, .gain])
    #expect(s50[1].text == "only the Aurora S50 comes on time, with free 3-year maintenance")
  }

  @Test func givenNewGenerationWanted_whenAdvised_thenTheOldVersionIsOfferedAsTheSoonerPair() throws {
    var lead = Self.x60Customer()
    lead.model = "S50N"
    let args = SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00"))
    #expect(args.first?.toModel == "S50")
    #expect(args.first?.text == "Aurora S50N 8 weeks; Aurora S50 0 weeks, 8 weeks sooner")
  }

  @Test func givenOldVersionWanted_whenAdvised_thenTheNewVersionIsACompletenessArgument() throws {
    var lead = Self.x60Customer()
    lead.model = "S50"
    let args = SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00"))
    let s50n = args.filter { $0.toModel == "S50N" }
    #expect(s50n.first?.lever == .completeness)
    #expect(s50n.first?.text == "10,000 yuan more (5%) for the Aurora S50N")
  }

  @Test func givenUnknownModel_whenAdvised_thenNothing() {
    var lead = Self.x60Customer()
    lead.model = nil
    #expect(SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00")).isEmpty)
  }

  @Test(arguments: [
    (2_400, false, "2,400"), (12_000, false, "12,000"), (1_234_567, false, "1,234,567"), (2_400, true, "2400"),
    (12_000, true, "1.2万"), (20_000, true, "2万"),
  ])
  func givenLanguage_whenFormattingYuan_thenItsOwnWay(n: Int, chinese: Bool, text: String) {
    #expect(NumberText.integer(n, chinese: chinese) == text)
  }
}
