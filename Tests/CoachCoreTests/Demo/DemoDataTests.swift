import CoachCore
import Foundation
import Testing

/// Shared fixtures: a fixed clock (never the wall clock) and the default demo.
enum DemoFixture {
  static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  static func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0) }
  static let now = date("2025-07-10T10:00:00+08:00")
  static let today = LocalDate(year: 2025, month: 7, day: 10)
  static let demo = DemoData.generate(now: now, zone: zone)
}

@Suite struct DemoDataTests {
  let leads = DemoFixture.demo.leads

  @Test func sameSeedAndNowGiveTheSameDataset() {
    let again = DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone)
    #expect(again == DemoFixture.demo)
    #expect(
      DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone, seed: 7, leads: 50)
        == DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone, seed: 7, leads: 50))
  }

  @Test func differentSeedsGiveDifferentData() {
    let other = DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone, seed: 43)
    #expect(other.leads != leads)
    #expect(other.leads.map(\.name) != leads.map(\.name))
    #expect(other.leads.map(\.stage) != leads.map(\.stage))
  }

  @Test func generatesTheRequestedNumberOfLeadsWithDemoIDs() {
    #expect(leads.count == 200)
    #expect(leads.first?.externalID == "DEMO-0001")
    #expect(leads.last?.externalID == "DEMO-0200")
    #expect(leads.allSatisfy { $0.externalID == String(format: "DEMO-%04d", $0.id.rawValue) })
    #expect(Set(leads.map(\.id)).count == leads.count)
    #expect(DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone, leads: 0).leads.isEmpty)
    #expect(DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone, leads: -3).leads.isEmpty)
    for n in [1, 2, 5, 13] {
      #expect(DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone, leads: n).leads.count == n)
    }
  }

  @Test("stage shares stay near 50/12/12/16/10 percent", arguments: [200, 1_000])
  func stageDistributionWithinBounds(count: Int) {
    let demo = DemoData.generate(now: DemoFixture.now, zone: DemoFixture.zone, seed: 9, leads: count)
    let expected: [Stage: Double] = [
      .prospect: 0.50, .deposit: 0.12, .waitingForDelivery: 0.12, .delivered: 0.16, .churned: 0.10,
    ]
    for (stage, share) in expected {
      let actual = Double(demo.leads.filter { $0.stage == stage }.count) / Double(count)
      #expect(abs(actual - share) <= 0.03, "\(stage.rawValue): \(actual)")
    }
  }

  @Test func everyStageAndEveryChurnReasonIsPresent() {
    #expect(Set(leads.map(\.stage)) == Set(Stage.allCases))
    #expect(Set(leads.compactMap(\.churnReason)) == Set(ChurnReason.allCases))
    let other = leads.filter { $0.churnReason == .other }
    #expect(!other.isEmpty)
    #expect(other.allSatisfy { !($0.currentStageEvent?.note ?? "").isEmpty })
  }

  @Test func usersAreAnAdminATeamLeadAndFourConsultantsWhoShareTheLeads() {
    let users = DemoFixture.demo.users
    #expect(users.filter { $0.role == .admin }.count == 1)
    #expect(users.filter { $0.role == .lead }.count == 1)
    let consultants = DemoFixture.demo.consultants
    #expect(consultants.map(\.name) == ["李娜", "张伟", "陈静", "刘洋"])
    #expect(consultants.allSatisfy { $0.team == DemoData.team })
    for c in consultants {
      let own = leads.filter { $0.consultant == c.name }.count
      #expect(own >= 40 && own <= 60, "\(c.name) has \(own)")
    }
    #expect(leads.allSatisfy { lead in consultants.contains { $0.name == lead.consultant } })
  }

  @Test func phonesAreValidChineseMobilesAndUnique() {
    let digits = Set("0123456789")
    for lead in leads {
      let phone = Array(lead.phone ?? "")
      #expect(phone.count == 11 && phone[0] == "1" && "3456789".contains(phone[1]), "\(lead.id) \(String(phone))")
      #expect(phone.allSatisfy { digits.contains($0) })
    }
    #expect(Set(leads.compactMap(\.phone)).count == leads.count)
    #expect(leads.contains { $0.wechat != nil })
  }

  @Test func customersHaveChineseNamesGendersCitiesSourcesAndCatalogModels() {
    let catalog: Set<String> = ["S30", "S50", "S50N", "X40", "X60", "X70", "M80", "E20", "E50", "E60"]
    #expect(leads.allSatisfy { (2...4).contains($0.name.count) })
    #expect(Set(leads.map(\.name)).count > 150)
    #expect(Set(leads.compactMap(\.gender)) == ["male", "female"])
    #expect(Set(leads.compactMap(\.city)).isSuperset(of: ["杭州", "宁波", "绍兴"]))
    #expect(Set(leads.compactMap(\.source)) == ["展厅", "电话", "汽车之家", "懂车帝", "老客户推荐", "车展"])
    #expect(leads.allSatisfy { catalog.contains($0.model ?? "") })
    #expect(Set(leads.compactMap(\.grade)) == Set(Grade.allCases))
    #expect(Set(leads.compactMap(\.tier)) == Set(Tier.allCases))
  }

  @Test func tagsProfilesAndBirthdaysAreSpreadRealistically() {
    for tag in [KnownTag.warning, KnownTag.vip, KnownTag.fleet, KnownTag.difficult] {
      #expect(leads.filter { $0.hasTag(tag) }.count >= 2, "\(tag)")
    }
    #expect(leads.filter { $0.hasTag(KnownTag.vip) }.count > leads.filter { $0.hasTag(KnownTag.fleet) }.count)
    let withProfile = leads.filter { !$0.profile.isEmpty }.count
    #expect(withProfile >= 150)
    let keys = Set(leads.flatMap { $0.profile.map(\.key) })
    #expect(
      keys.isSuperset(of: ["hobby", "career", "family", "children", "travel", "commute", "pet", "sport", "investment"]))
    let birthdays = leads.filter { $0.birthday != nil }.count
    #expect(birthdays >= 100 && birthdays <= 140)
  }

  @Test func aFeb29BirthdayAndTwoBirthdaysTomorrowExist() {
    #expect(leads.contains { $0.birthday?.month == 2 && $0.birthday?.day == 29 })
    let feb29 = leads.compactMap(\.birthday).filter { $0.month == 2 && $0.day == 29 }
    #expect(feb29.allSatisfy { LocalDate.isLeap($0.year) })
    let tomorrow = DemoFixture.today.adding(days: 1)
    let count = leads.filter { $0.birthday?.month == tomorrow.month && $0.birthday?.day == tomorrow.day }.count
    #expect(count >= 2)
  }
}
