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

  @Test func givenLongWaitSUV_whenAdvised_thenTwoSoonerModelsWithNumbersFromTheLeadsOwnETA() throws {
    let args = SwitchAdvisor.arguments(
      for: Self.x60Customer(), in: F.ctx("2025-07-08T10:00:00+08:00", stats: Self.stats))
    #expect(Set(args.map(\.toModel)).count == SwitchAdvisor.maxCandidates)
    let x40 = args.filter { $0.toModel == "X40" }
    #expect(args.first?.toModel == "X40")
    #expect(x40.map(\.lever) == [.availability, .conformity, .trend])
    // Her ETA is 12 weeks away (the catalog says 10): the numbers are hers.
    #expect(x40[0].text == "Aurora X60 12 weeks; Aurora X40 2 weeks, 10 weeks sooner")
    #expect(x40[1].text == "62% of SUV buyers here chose the Aurora X40")
    #expect(x40[2].text == "Aurora X40 deliveries grew from 20 to 31 (+55%)")
    #expect(!args.contains { $0.toModel == "X70" })  // waits longer
    #expect(Dictionary(grouping: args, by: \.toModel).values.allSatisfy { $0.count <= SwitchAdvisor.maxPerCandidate })
  }

  @Test func givenBrief_whenAdvised_thenTheBestTwoEachWithItsStrongestLever() throws {
    let args = SwitchAdvisor.arguments(
      for: Self.x60Customer(), in: F.ctx("2025-07-08T10:00:00+08:00", stats: Self.stats), perCandidate: 1)
    #expect(args.map(\.toModel) == ["X40", "S50"])
    #expect(args.map(\.lever) == [.availability, .vestedBenefit])
  }

  @Test func givenNoSalesFigures_whenAdvised_thenMoneyAndSpaceLeversWithYuanSaved() throws {
    let args = SwitchAdvisor.arguments(for: Self.x60Customer(), in: F.ctx("2025-07-08T10:00:00+08:00"))
    let x40 = args.filter { $0.toModel == "X40" }
    #expect(x40.map(\.lever) == [.availability, .runningCost, .maintenanceCost])
    #expect(x40[1].text == "52 instead of 64 per 100 km, 2,400 yuan a year saved")  // 12 × 20,000 km ÷ 100
    #expect(x40[2].text == "900 yuan a year less maintenance")
    #expect(!args.contains { $0.lever == .conformity || $0.lever == .trend })
  }

  @Test func givenOfferAndLongWait_whenAdvised_thenVestedBenefitNamesTheOfferAndReplacesAvailabilityAndGain() throws {
    let args = SwitchAdvisor.arguments(for: Self.x60Customer(), in: F.ctx("2025-07-08T10:00:00+08:00"))
    let s50 = args.filter { $0.toModel == "S50" }
    #expect(s50.first?.lever == .vestedBenefit)
    #expect(!s50.contains { $0.lever == .availability || $0.lever == .gain })  // vested benefit says both
    #expect(s50[0].text == "only the Aurora S50 comes on time, with free 3-year maintenance")
  }

  /// "Why not take the better value?" is said of a model on offer that costs no more, never of a dearer one.
  @Test func givenAnOfferOnADearerModel_whenLevered_thenNoBetterValueArgument() throws {
    let ctx = F.ctx("2025-07-08T10:00:00+08:00")
    func levers(from: String, to: String) throws -> [Lever] {
      var lead = Self.x60Customer()
      lead.model = from
      let fromModel = try #require(F.playbook.model(from))
      let situation = Situation(LeadHistory(lead, asOf: ctx.now), from: fromModel, ctx)
      let levers = SwitchLevers(from: fromModel, to: try #require(F.playbook.model(to)), situation: situation, ctx: ctx)
      return Lever.ordered.filter { levers.values(for: $0) != nil }
    }
    #expect(try !levers(from: "X40", to: "E50").contains(.gain))  // 219,800 against 159,800
    #expect(try levers(from: "X60", to: "E50").contains(.gain))  // 219,800 against 229,800
  }

  @Test func givenNewGenerationWanted_whenAdvised_thenTheOldVersionIsOfferedAsTheSoonerPair() throws {
    var lead = Self.x60Customer()
    lead.model = "S50N"
    let args = SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00"))
    #expect(args.first?.toModel == "S50")
    #expect(args.first?.lever == .vestedBenefit)  // in stock, with its offer
  }

  @Test func givenOldVersionInStockWanted_whenAdvised_thenNothingComesSooner() throws {
    var lead = F.lead(model: "S50", touches: [F.touch(1, "2025-07-05T10:00:00+08:00")])
    lead.model = "S50"
    #expect(SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00")).isEmpty)
  }

  @Test func givenTheNewVersionAtAboutTheSamePrice_whenLevered_thenACompletenessArgument() throws {
    var lead = Self.x60Customer()
    lead.model = "S50"
    let ctx = F.ctx("2025-07-08T10:00:00+08:00")
    let from = try #require(F.playbook.model("S50"))
    let to = try #require(F.playbook.model("S50N"))
    let situation = Situation(LeadHistory(lead, asOf: ctx.now), from: from, ctx)
    let args = SwitchLevers(from: from, to: to, situation: situation, ctx: ctx).arguments()
    #expect(args.contains { $0.lever == .completeness && $0.text == "10,000 yuan more (5%) for the Aurora S50N" })
  }

  @Test func givenSevenSeater_whenAdvised_thenOnlyModelsThatSeatTheFamily() throws {
    var lead = Self.x60Customer()
    lead.model = "X70"  // 7 seats, 12 weeks away
    let args = SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00"))
    #expect(!args.isEmpty)
    #expect(Set(args.map(\.toModel)) == ["M80"])
  }

  @Test func givenFamilyOfSixInProfile_whenAdvised_thenFiveSeatersAreLeftOut() throws {
    var lead = Self.x60Customer()
    lead.profile = [ProfileFact(key: "family", value: "一家六口")]
    #expect(Set(SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00")).map(\.toModel)) == ["M80"])
    lead.profile = [ProfileFact(key: "family", value: "family of 6")]
    #expect(Set(SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00")).map(\.toModel)) == ["M80"])
    lead.profile = [ProfileFact(key: "family", value: "三口之家")]
    #expect(SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00")).first?.toModel == "X40")
  }

  @Test func givenETAWithinTwoWeeks_whenAdvised_thenNothingSavesAWeek() throws {
    var lead = DeliveryRulesTests.waiting(eta: "2025-07-18")
    lead.model = "X60"
    // X40 in 2 weeks (14 days) against her 10 days: no saving; S50 in stock saves 10 days: offered.
    let args = SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00"))
    #expect(Set(args.map(\.toModel)) == ["S50"])
    lead.events = lead.events.map {
      var e = $0; if e.eta != nil { e.eta = LocalDate("2025-07-12") }; return e
    }
    #expect(SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-07-08T10:00:00+08:00")).isEmpty)
  }

  /// A late car is weighed as late again as it is (at least a week, at most the catalog wait): a month late, a model
  /// two weeks away is worth it; a week late, only one on the lot is.
  @Test func givenLateCar_whenAdvised_thenTheDelayNotTheCatalogWait() throws {
    var lead = DeliveryRulesTests.waiting(eta: "2025-07-04")
    lead.model = "X60"
    let month = SwitchAdvisor.arguments(for: lead, in: F.ctx("2025-08-03T10:00:00+08:00"))
    #expect(month.contains { $0.text == "Aurora X60 30 days late; Aurora X40 2 weeks" }, "\(month.map(\.text))")
    let ctx = F.ctx("2025-07-11T10:00:00+08:00")
    let week = SwitchAdvisor.arguments(for: lead, in: ctx)
    #expect(!week.isEmpty && !week.contains { $0.toModel == "X40" }, "\(week.map(\.text))")
    #expect(week.allSatisfy { ctx.playbook.model($0.toModel)?.waitWeeks == 0 })
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

/// Chinese switch texts are spaced as Chinese is written once a catalog name fills a template's slot.
@Suite struct SwitchTextSpacingTests {
  @Test func noSpaceBetweenTwoChineseCharactersWhereATemplateMeetsAModelName() throws {
    let playbook = try #require(try DefaultPlaybook.load().playbook("zh-CN"))
    let ctx = EngineContext(
      playbook: playbook, now: Fixture.at("2025-07-08T10:00:00+08:00"),
      zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt,
      stats: SalesStats(recent: ["X40": 31, "X60": 12, "S50": 9], previous: ["X40": 20, "X60": 15]))
    var texts: [String] = []
    for (model, eta) in [("X60", "2025-09-30"), ("E60", "2025-09-30"), ("S50N", "2025-07-01")] {
      var lead = DeliveryRulesTests.waiting(eta: eta)
      lead.model = model
      texts += SwitchAdvisor.arguments(for: lead, in: ctx).map(\.text)
    }
    #expect(texts.count >= 6)
    let wide = { (c: Character) in c.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }
    for text in texts {
      let chars = Array(text)
      let gaps = chars.indices.dropFirst().dropLast().filter {
        chars[$0] == " " && wide(chars[$0 - 1]) && wide(chars[$0 + 1])
      }
      #expect(gaps.isEmpty, "\(text)")
      #expect(!text.contains("比 极光") && !text.contains("换 极光"), "\(text)")
    }
    #expect(texts.contains { $0.contains("极光 ") }, "a catalog name keeps its own space")
  }
}
