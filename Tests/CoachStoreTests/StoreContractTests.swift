import CoachCore
import CoachPostgres
import CoachStore
import CoachStoreAPI
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
    #expect(ids == (1...12).map { LeadID(Int64($0)) })
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

  /// Writers at the same time on the same leads (one store, as `coach serve`'s requests share one): every touch is
  /// kept, and the derived last touches agree with the history (on PostgreSQL, serialization failures are retried).
  /// Each writer is a thread of its own, all started at once: 8 × 15 touches, or `COACH_TEST_WRITERS=20x500`.
  @Test(arguments: Engine.allCases) func concurrentWritersLoseNothing(_ engine: Engine) throws {
    let db = try engine.open()
    let size = (ProcessInfo.processInfo.environment["COACH_TEST_WRITERS"] ?? "8x15").split(separator: "x")
    let (writers, each) = (Int(size.first ?? "") ?? 8, Int(size.last ?? "") ?? 15)
    // Two leads shared by every writer (the worst case: each touch reads and rewrites the same derived rows), or with
    // COACH_TEST_WRITERS_LEADS=N, N leads taken in turn (writers of one store on leads of their own, mostly).
    let leadCount = Int(ProcessInfo.processInfo.environment["COACH_TEST_WRITERS_LEADS"] ?? "") ?? 2
    let ids = try (1...leadCount).map { i in try db.addLead(NewLead(name: "客户\(i)", createdAt: now), actor: nil) }
    let failures = Failures()
    let done = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    let base = now
    for worker in 0..<writers {
      done.enter()
      Thread {
        start.wait()
        for k in 0..<each {
          let at = base.addingTimeInterval(Double(60 * (worker * each + k)))
          do {
            _ = try db.addTouch(
              leadID: ids[(worker + k) % ids.count],
              NewTouch(at: at, channel: .call, outcome: k % 3 == 0 ? .reached : .noAnswer),
              actor: "w\(worker)", scope: .all)
          } catch { failures.add("\(error)") }
        }
        done.leave()
      }.start()
    }
    for _ in 0..<writers { start.signal() }
    done.wait()
    #expect(failures.all.isEmpty)
    let leads = try db.snapshots(LeadFilter(scope: .all))
    #expect(leads.map(\.touches.count).reduce(0, +) == writers * each)
    #expect(try db.derivedMismatches().values.allSatisfy { $0 == 0 })
  }

  /// Writes that read the lead before they write (a stage change checked by the stage machine, a topic resolved only
  /// while open), 8 at once on one lead: exactly one of each wins and the others are refused, as one after another
  /// would be; the history holds one churn and one resolution.
  @Test(arguments: Engine.allCases) func readThenWriteTakesTurnsOnALead(_ engine: Engine) throws {
    let db = try engine.open()
    let id = try db.addLead(NewLead(name: "客户", createdAt: now), actor: nil)
    let bury = try db.addTouch(
      leadID: id, NewTouch(at: now, channel: .call, outcome: .reached, bury: [("装潢", .other)]), actor: nil,
      scope: .all)
    let topic = try #require(bury.buriedTopicIDs.first)
    let churns = Failures()
    let resolves = Failures()
    let done = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    let (base, today) = (now, today)
    for worker in 0..<8 {
      done.enter()
      Thread {
        start.wait()
        let at = base.addingTimeInterval(Double(60 * (worker + 1)))
        do {
          _ = try db.addTouch(
            leadID: id, NewTouch(at: at, channel: .call, outcome: .reached, resolve: [topic]), actor: "w\(worker)",
            scope: .all)
        } catch { resolves.add("\(error)") }
        do {
          _ = try db.changeStage(
            leadID: id, StageChange(to: .churned, reason: .intentDropped), now: at, today: today,
            actor: "w\(worker)", scope: .all)
        } catch { churns.add("\(error)") }
        done.leave()
      }.start()
    }
    for _ in 0..<8 { start.signal() }
    done.wait()
    #expect(resolves.all.count == 7, "\(resolves.all)")
    #expect(churns.all.count == 7, "\(churns.all)")
    let lead = try db.snapshot(id: id, scope: .all)
    #expect(lead.events.filter { $0.to == .churned }.count == 1)
    #expect(lead.topics.filter { $0.resolvedAt != nil }.count == 1)
    #expect(lead.touches.count == 2)
  }

  /// A load of the touches since a time (ranking's) gives what the whole history cut at that time gives.
  @Test(arguments: Engine.allCases) func touchesSinceATimeAreTheWholeHistoryCut(_ engine: Engine) throws {
    let db = try engine.open()
    let id = try db.addLead(NewLead(name: "周杰", createdAt: now), actor: nil)
    let outcomes: [Outcome] = [.reached, .noAnswer, .visited, .noAnswer, .noAnswer, .reached, .noAnswer]
    for (i, outcome) in outcomes.enumerated() {
      // Two touches share each time: the history's order is (at, id).
      let at = now.addingTimeInterval(Double(3_600 * (i / 2)))
      _ = try db.addTouch(
        leadID: id, NewTouch(at: at, channel: .call, outcome: outcome, note: "n\(i)"), actor: nil, scope: .all)
    }
    let whole = try db.snapshot(id: id, scope: .all)
    for hours in [0, 1, 2, 3, 5] {
      let since = now.addingTimeInterval(Double(3_600 * hours))
      for withNotes in [true, false] {
        var filter = LeadFilter(scope: .all)
        filter.touchesSince = since
        filter.withNotes = withNotes
        let cut = try #require(try db.snapshots(filter).first)
        let expected = whole.keepingTouches(since: since).touches
        #expect(cut.touches.map(\.id) == expected.map(\.id), "since +\(hours)h, notes \(withNotes)")
        #expect(cut.touchesSince == since)
      }
    }
  }

  /// A part of consecutive ids (an audit's, read by id range) and the same leads asked by id, or picked out of the
  /// whole scope, come back the same: every child table, with and without the touches before a time.
  @Test(arguments: Engine.allCases) func aPartReadAsARangeIsTheSameLeadsAskedById(_ engine: Engine) throws {
    let db = try engine.open()
    for i in 1...12 {
      let id = try db.addLead(
        NewLead(
          name: "客户\(i)", phone: "1380000\(1000 + i)", birthday: i % 3 == 0 ? LocalDate("1988-06-0\(i % 9 + 1)") : nil,
          model: "X60", grade: .b, tags: i % 2 == 0 ? ["vip", "置换"] : [],
          profile: i % 4 == 0 ? [ProfileFact(key: "hobby", value: "钓鱼")] : [], createdAt: now), actor: "admin")
      for k in 0..<(i % 4) {
        _ = try db.addTouch(
          leadID: id,
          NewTouch(
            at: now.addingTimeInterval(Double(86_400 * (k + 1))), channel: .call,
            outcome: k % 2 == 0 ? .reached : .noAnswer, note: "第\(k)次", objections: k == 1 ? ["price"] : [],
            nextAt: now.addingTimeInterval(Double(86_400 * (k + 3))), bury: k == 0 ? [("新配置手册到店", .brochure)] : []),
          actor: "李娜", scope: .all)
      }
    }
    for since in [nil, now.addingTimeInterval(86_400 * 2)] {
      for withNotes in [true, false] {
        var filter = LeadFilter(scope: .all)
        filter.touchesSince = since
        filter.withNotes = withNotes
        let whole = try db.snapshots(filter)
        var range = filter
        range.idRange = 3...9
        var listed = filter
        listed.leadIDs = (3...9).map { LeadID(Int64($0)) }
        var gaps = filter
        gaps.leadIDs = [3, 5, 9].map { LeadID($0) }
        let expected = whole.filter { (3...9).contains($0.id.rawValue) }
        #expect(expected.count == 7 && expected.contains { !$0.touches.isEmpty && !$0.tags.isEmpty })
        #expect(try db.snapshots(range) == expected, "since \(String(describing: since)), notes \(withNotes)")
        #expect(try db.snapshots(listed) == expected)
        #expect(try db.snapshots(gaps) == expected.filter { [3, 5, 9].contains($0.id.rawValue) })
      }
    }
  }

  @Test(arguments: Engine.allCases) func accountsSessionsSnoozesAndMoves(_ engine: Engine) throws {
    let db = try engine.open()
    let a = try db.addUser(name: "A", role: .consultant, team: "t", now: now)
    let b = try db.addUser(name: "B", role: .consultant, team: "t", now: now)
    #expect(throws: CoachError.self) { try db.addUser(name: " A ", role: .admin, team: nil, now: now) }
    #expect(try db.users().map(\.name) == ["A", "B"])
    #expect(try db.userCount() == 2)
    let aID = try #require(a.id)
    try db.setPasswordHash(userID: aID, hash: "h1", now: now)
    try db.createWebSession(
      tokenHash: "t1", userID: aID, csrfToken: "c1", now: now, expiresAt: now.addingTimeInterval(60))
    try db.createWebSession(
      tokenHash: "t2", userID: aID, csrfToken: "c2", now: now, expiresAt: now.addingTimeInterval(60))
    #expect(try db.webSession(tokenHash: "t1", now: now)?.user.name == "A")
    #expect(try db.webSession(tokenHash: "t1", now: now.addingTimeInterval(61)) == nil)
    try db.setPasswordHash(userID: aID, hash: "h2", now: now, keepingSession: "t2")
    #expect(try db.webSession(tokenHash: "t1", now: now) == nil && db.webSession(tokenHash: "t2", now: now) != nil)
    #expect(try db.userWithPasswordHash(named: "A")?.hash == "h2" && db.usersWithPasswords() == 1)
    try db.setICSTokenHash(userID: aID, hash: "ics")
    #expect(try db.user(icsTokenHash: "ics")?.name == "A")
    let id = try db.addLead(NewLead(name: "x", phone: "13800000000", consultantID: aID, createdAt: now), actor: nil)
    #expect(throws: CoachError.self) {
      try db.addLead(NewLead(name: "y", phone: "13800000000", createdAt: now), actor: nil, allowDuplicatePhone: false)
    }
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
    let held = try db.snooze(
      leadID: id, until: LocalDate(year: 2026, month: 6, day: 30), reason: "出差", actor: "A", now: now, zone: zone,
      scope: .all)
    let lifted = try db.clearSnooze(leadID: id, actor: "A", now: now, zone: zone, scope: .all)
    #expect(lifted.id == held.id && lifted.clearedBy == "A")
    #expect(throws: CoachError.self) { try db.clearSnooze(leadID: id, actor: "A", now: now, zone: zone, scope: .all) }
    var edit = LeadEdit()
    edit.city = "杭州"
    edit.addTags = ["vip"]
    edit.profile = [ProfileFact(key: "hobby", value: "钓鱼")]
    try db.editLead(id: id, edit, now: now, actor: "A", scope: .all)
    let moved = try db.reassignLeads(from: "A", to: "B", acting: nil, now: now)
    #expect(moved.leads == 1)
    #expect(try db.reassignments().map(\.to) == ["B"])
    let lead = try db.snapshot(id: id, scope: .all)
    #expect(lead.city == "杭州" && lead.tags == ["vip"] && lead.consultant == "B" && lead.snoozes.count == 1)
    var second = LeadEdit()
    second.grade = .h
    second.removeTags = ["vip"]
    second.addTags = ["fleet"]
    second.profile = [ProfileFact(key: "hobby", value: "跑步")]
    try db.editLead(id: id, second, now: now, actor: "A", scope: .all)
    let edited = try db.snapshot(id: id, scope: .all)
    #expect(edited.grade == .h && edited.tags == ["fleet"] && edited.profile.map(\.value) == ["跑步"])
    #expect(edited.fields.customerColumns == lead.fields.customerColumns && edited.model == lead.model)
    #expect(try db.rebuildDerived().changedAnything == false)
    #expect(try db.health().isHealthy)
    _ = b
  }
}

/// Errors from worker threads, collected.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) { lock.withLock { items.append(s) } }
  var all: [String] { lock.withLock { items } }
}
