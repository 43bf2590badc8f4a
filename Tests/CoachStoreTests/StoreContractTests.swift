import CoachCore
import CoachPostgres
import CoachStore
import Foundation
import Testing

/// The promises of `CoachDataStore`, asked through the protocol alone, once per engine: SQLite always, PostgreSQL
/// when `COACH_TEST_POSTGRES_URL` names a server (`.ci/run` starts one), each case in a database of its own.
@Suite struct StoreContractTests {
  enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres
    var testDescription: String { rawValue }
    func open() throws -> any CoachDataStore {
      switch self {
      case .sqlite: return try AppDatabase.inMemory()
      case .postgres: return try PostgresTestDatabase.fresh()
      }
    }

    /// The engines this run tests: PostgreSQL only with a server to test on.
    static var allCases: [Engine] { PostgresTestDatabase.admin == nil ? [.sqlite] : [.sqlite, .postgres] }
  }

  /// Says so, as a skipped test, when PostgreSQL is left out of this run.
  @Test(.enabled(if: PostgresTestDatabase.admin != nil, PostgresTestDatabase.skipNote))
  func postgresIsTestedToo() throws {
    #expect(Engine.allCases.contains(.postgres))
  }

  let now = Date(timeIntervalSince1970: 1_780_000_000)
  let today = LocalDate(year: 2026, month: 5, day: 28)

  @Test(arguments: Engine.allCases) func aLeadComesBackAsItWasWritten(_ engine: Engine) throws {
    let db = try engine.open()
    let id = try db.addLead(
      NewLead(
        externalID: "E-1", name: "张伟", phone: "13812345678", birthday: LocalDate("1990-02-28"), city: "杭州",
        model: "X60", grade: .a, tier: .b, tags: ["vip"], profile: [ProfileFact(key: "hobby", value: "钓鱼")],
        createdAt: now), actor: "admin")
    let lead = try db.snapshot(id: id, scope: .all)
    #expect(lead.id == id && lead.externalID == "E-1" && lead.name == "张伟" && lead.phone == "13812345678")
    #expect(lead.birthday == LocalDate("1990-02-28") && lead.city == "杭州" && lead.model == "X60")
    #expect(lead.grade == .a && lead.tier == .b && lead.tags == ["vip"])
    #expect(lead.profile == [ProfileFact(key: "hobby", value: "钓鱼")])
    #expect(lead.createdAt == now && lead.stage == .prospect && lead.events.map(\.to) == [.prospect])
    #expect(try db.leadCount() == 1)
  }

  @Test(arguments: Engine.allCases) func idsAreNumbersInOrder(_ engine: Engine) throws {
    let db = try engine.open()
    for i in 1...12 { _ = try db.addLead(NewLead(name: "客户\(i)", createdAt: now), actor: nil) }
    let ids = try db.snapshots(LeadFilter(scope: .all)).map(\.id)
    #expect(ids == (1...12).map(String.init))
    #expect(try db.leadIDs(LeadFilter(scope: .all)) == Array(1...12))
    #expect(try db.leadIDRanges(LeadFilter(scope: .all), size: 5).flatMap { Array($0) } == Array(1...12))
  }

  @Test(arguments: Engine.allCases) func aScopeSeesAndChangesOnlyItsLeads(_ engine: Engine) throws {
    let db = try engine.open()
    let a = try db.addUser(name: "A", role: .consultant, team: "t1", now: now)
    let b = try db.addUser(name: "B", role: .consultant, team: "t2", now: now)
    let idA = try db.addLead(NewLead(name: "x", consultantID: a.id, createdAt: now), actor: nil)
    let idB = try db.addLead(NewLead(name: "y", consultantID: b.id, createdAt: now), actor: nil)
    #expect(try db.snapshots(LeadFilter(scope: Scope.of(a))).map(\.id) == [idA])
    #expect(throws: CoachError.self) { try db.snapshot(id: idB, scope: Scope.of(a)) }
    #expect(throws: CoachError.self) {
      try db.addTouch(
        leadID: idB, NewTouch(at: now, channel: .call, outcome: .reached), actor: "A", scope: Scope.of(a))
    }
    #expect(try db.snapshot(id: idB, scope: .all).touches.isEmpty)
  }

  @Test(arguments: Engine.allCases) func aRefusedWriteLeavesNothingBehind(_ engine: Engine) throws {
    let db = try engine.open()
    let id = try db.addLead(NewLead(name: "李娜", phone: "13900000000", createdAt: now), actor: nil)
    let before = try db.snapshot(id: id, scope: .all)
    #expect(throws: CoachError.self) {
      try db.changeStage(leadID: id, StageChange(to: .delivered), now: now, today: today, actor: nil, scope: .all)
    }
    // A touch that resolves a topic the lead does not have is refused whole: the touch is not kept either.
    #expect(throws: CoachError.self) {
      try db.addTouch(
        leadID: id, NewTouch(at: now, channel: .call, outcome: .reached, resolve: [999]), actor: nil, scope: .all)
    }
    #expect(try db.snapshot(id: id, scope: .all) == before)
  }

  @Test(arguments: Engine.allCases) func historyIsKeptInOrder(_ engine: Engine) throws {
    let db = try engine.open()
    let id = try db.addLead(NewLead(name: "陈静", model: "X60", createdAt: now), actor: nil)
    let later = now.addingTimeInterval(3_600)
    let touch = try db.addTouch(
      leadID: id, NewTouch(at: later, channel: .visit, outcome: .visited, bury: [("配置单", .brochure)]), actor: "u",
      scope: .all)
    _ = try db.changeStage(
      leadID: id, StageChange(to: .deposit, amount: 5_000, model: "X60"), now: later, today: today, actor: "u",
      scope: .all)
    let lead = try db.snapshot(id: id, scope: .all)
    #expect(lead.events.map(\.to) == [.prospect, .deposit] && lead.stage == .deposit)
    #expect(lead.touches.map(\.id) == [touch.touchID] && lead.touches.first?.at == later)
    #expect(lead.topics.map(\.text) == ["配置单"] && lead.topics.first?.isOpen == true)
    #expect(try db.health().orphans.isEmpty)
    #expect(try db.derivedMismatches().values.allSatisfy { $0 == 0 })
  }

  @Test(arguments: Engine.allCases) func exportsAreRecorded(_ engine: Engine) throws {
    let db = try engine.open()
    try db.record(
      ExportEntry(at: now, actor: "admin", what: "leads", format: "csv", rows: 3, masked: true, target: "-"))
    let found = try db.exports(from: now.addingTimeInterval(-1), to: now.addingTimeInterval(1))
    #expect(found.map(\.rows) == [3] && found.first?.masked == true && found.first?.actor == "admin")
  }
}
