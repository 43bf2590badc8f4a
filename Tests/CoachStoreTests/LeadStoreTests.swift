import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import Testing

@Suite struct LeadStoreTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)
  let today = LocalDate(year: 2026, month: 5, day: 28)

  func makeDB() throws -> AppDatabase { try AppDatabase.inMemory() }

  @Test func givenALeadWhenLoadedThenFieldsAndFirstEventComeBack() throws {
    let db = try makeDB()
    let id = try db.addLead(
      NewLead(
        name: "张伟", phone: "13812345678", birthday: LocalDate("1990-02-28"), model: "X60", grade: .a,
        tags: ["vip", "vip"], profile: [ProfileFact(key: "hobby", value: "钓鱼")], createdAt: now), actor: nil)
    let lead = try db.snapshot(id: id, scope: .all)
    #expect(lead.name == "张伟")
    #expect(lead.tags == ["vip"])
    #expect(lead.profile == [ProfileFact(key: "hobby", value: "钓鱼")])
    #expect(lead.events.map(\.to) == [.prospect])
    #expect(lead.grade == .a)
  }

  @Test func anIllegalStageChangeWritesNothing() throws {
    let db = try makeDB()
    let id = try db.addLead(NewLead(name: "李娜", phone: "13900000000", createdAt: now), actor: nil)
    let before = try db.snapshot(id: id, scope: .all)
    #expect(throws: CoachError.self) {
      try db.changeStage(leadID: id, StageChange(to: .delivered), now: now, today: today, actor: nil, scope: .all)
    }
    #expect(try db.snapshot(id: id, scope: .all) == before)
  }

  @Test func aTouchBuriesAndResolvesTopics() throws {
    let db = try makeDB()
    let id = try db.addLead(NewLead(name: "陈静", phone: "13900000001", createdAt: now), actor: nil)
    let first = try db.addTouch(
      leadID: id, NewTouch(at: now, channel: .visit, outcome: .visited, bury: [("配置单", .brochure)]), actor: "u",
      scope: .all)
    #expect(first.buriedTopicIDs.count == 1)
    let later = now.addingTimeInterval(3600)
    let second = try db.addTouch(
      leadID: id, NewTouch(at: later, channel: .call, outcome: .reached, resolve: first.buriedTopicIDs), actor: "u",
      scope: .all)
    let lead = try db.snapshot(id: id, scope: .all)
    #expect(lead.topics.first?.resolvedAt == later)
    #expect(lead.topics.first?.resolvedByTouch == second.touchID)
    // Resolving twice is refused and writes nothing.
    #expect(throws: CoachError.self) {
      try db.addTouch(
        leadID: id, NewTouch(at: later, channel: .call, outcome: .reached, resolve: first.buriedTopicIDs), actor: "u",
        scope: .all)
    }
    #expect(try db.snapshot(id: id, scope: .all).touches.count == 2)
  }

  @Test func aConsultantSeesOnlyTheirOwnLeads() throws {
    let db = try makeDB()
    let a = try db.addUser(name: "A", role: .consultant, team: "t", now: now)
    let b = try db.addUser(name: "B", role: .consultant, team: "t", now: now)
    let lead = try db.addUser(name: "L", role: .lead, team: "t", now: now)
    let idA = try db.addLead(NewLead(name: "x", phone: "13900000002", consultantID: a.id, createdAt: now), actor: nil)
    _ = try db.addLead(NewLead(name: "y", phone: "13900000003", consultantID: b.id, createdAt: now), actor: nil)
    #expect(try db.snapshots(LeadFilter(scope: Scope.of(a))).map(\.id) == [idA])
    #expect(try db.snapshots(LeadFilter(scope: Scope.of(lead))).count == 2)
    #expect(throws: CoachError.self) { try db.snapshot(id: idA, scope: Scope.of(b)) }
  }

  @Test func importRejectsExternalIDsAlreadyInTheDatabaseAndStrictWritesNothing() throws {
    let db = try makeDB()
    func row(_ line: Int, _ ext: String) -> ImportedLead {
      ImportedLead(
        line: line, LeadFields(externalID: ext, name: "n\(line)", phone: "1390000000\(line)"), consultant: "新顾问")
    }
    let first = try db.importLeads([row(2, "E1")], parseErrors: [], strict: false, now: now, actor: nil)
    #expect(first.imported == 1)
    #expect(first.createdConsultants == ["新顾问"])
    #expect(throws: ImportFailure.self) {
      try db.importLeads([row(2, "E2"), row(3, "E1")], parseErrors: [], strict: true, now: now, actor: nil)
    }
    #expect(try db.snapshots(LeadFilter(scope: .all)).count == 1)
    let lenient = try db.importLeads(
      [row(2, "E2"), row(3, "E1")], parseErrors: [], strict: false, now: now, actor: nil)
    #expect(lenient.imported == 1)
    #expect(lenient.skipped.map(\.line) == [3])
  }
}

@Suite struct ReturningCustomerTests {
  @Test func aPersonWhoComesBackForASecondCarKeepsOneCustomerAndProfile() throws {
    let db = try AppDatabase.inMemory()
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let first = try db.addLead(
      NewLead(name: "张伟", phone: "13812345678", profile: [ProfileFact(key: "hobby", value: "钓鱼")], createdAt: now),
      actor: nil)
    try db.changeStage(
      leadID: first, StageChange(to: .churned, reason: .budgetChanged), now: now, today: LocalDate(now, in: .gmt),
      actor: nil, scope: .all)
    let second = try db.addLead(
      NewLead(
        name: "张伟", phone: "13812345678", city: "杭州", profile: [ProfileFact(key: "career", value: "教师")], createdAt: now
      ),
      actor: nil)
    let other = try db.addLead(NewLead(name: "李娜", phone: "13812345678", createdAt: now), actor: nil)
    let leads = try db.snapshots(LeadFilter(scope: .all))
    #expect(leads.count == 3)
    let a = try db.snapshot(id: first, scope: .all)
    let b = try db.snapshot(id: second, scope: .all)
    #expect(a.profile == b.profile, "one customer, one profile")
    #expect(Set(b.profile.map(\.key)) == ["hobby", "career"])
    #expect(a.city == "杭州")
    #expect(a.stage == .churned && b.stage == .prospect, "separate leads keep separate stages")
    #expect(try db.snapshot(id: other, scope: .all).profile.isEmpty, "same phone, other name: another person")
  }
}
