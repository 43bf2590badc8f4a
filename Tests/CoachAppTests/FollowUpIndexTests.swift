import CoachApp
import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import TestSupport
import Testing

@testable import CoachPostgres

/// The stored follow-ups (`FollowUpIndex`, the store's `followUp` rows) against the full replay they stand in for:
/// after thousands of random writes through the store (touches with agreed times, topics and issues, stage changes,
/// snoozes, edits, new leads) and clock moves (mostly forward, sometimes back, across years), `next`
/// gives the same queue and brief, and `alerts` the same table, read from the index as from replaying every lead. On both engines: PostgreSQL's
/// rows are kept by its own triggers (v12-pg-followup) when `COACH_TEST_POSTGRES_URL` names a server.
@Suite struct FollowUpIndexTests {
  static let start = TimeParsing.instant("2026-11-24T09:00:00+08:00", zone: TimeZone(identifier: "Asia/Shanghai")!)!

  /// The engines to run on: SQLite always, PostgreSQL when the tests have a server.
  static var engines: [String] {
    ProcessInfo.processInfo.environment["COACH_TEST_POSTGRES_URL", default: ""].isEmpty
      ? ["sqlite"] : ["sqlite", "postgres"]
  }

  /// One random world: a demo dataset in a database (a file, or a new database on the test server), a clock, and a
  /// generator.
  struct World {
    var db: any CoachDataStore
    var env: RunEnvironment
    var rng: SplitMix64
    var users: [User]
    var leadIDs: [LeadID]

    init(seed: UInt64, leads: Int, engine: String = "sqlite") throws {
      let dir = try TempFolder.make(prefix: "coach-followup-index")
      var path = dir.appendingPathComponent("coach.sqlite").path
      if engine == "postgres" {
        let admin = try PostgresURL(ProcessInfo.processInfo.environment["COACH_TEST_POSTGRES_URL"] ?? "")
        let url = try PostgresStore.createScratchDatabase(admin: admin, prefix: "coach_followup")
        db = try PostgresStore.open(url)
        path =
          "postgres://\(url.user)@\(url.host ?? "")\(url.host == nil ? "" : ":\(url.port)")/\(url.database)"
          + (url.socketFolder.map { "?host=\($0)" } ?? "")
      } else {
        db = try AppDatabase.open(path: path)
      }
      env = try RunEnvironment(
        RunOptions(db: path, now: "2026-11-24T09:00:00+08:00", tz: "Asia/Shanghai", lang: "en"), env: [:])
      let zone = env.zone
      _ = try db.seed(
        DemoData.generate(now: FollowUpIndexTests.start, zone: zone, seed: seed, leads: leads), now: env.now)
      rng = SplitMix64(seed: seed)
      users = try db.users()
      leadIDs = try db.leadIDs(LeadFilter(scope: .all)).map { LeadID($0) }
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    /// Moves the clock: hours to weeks ahead, now and then back (a pinned `--now` earlier than recorded writes), and
    /// now and then across a year (the yearly occasions).
    mutating func moveClock() {
      let hours: Double
      switch int(0...19) {
      case 0...1: hours = -Double(int(1...240))
      case 2: hours = Double(int(2_000...9_000))
      default: hours = Double(int(1...400))
      }
      env.now = env.now.addingTimeInterval(hours * 3_600)
    }

    /// One random write at the clock's time, through the store as the commands make them; refusals (an illegal
    /// stage change, a snooze to lift where none holds) are part of the game and leave nothing behind.
    mutating func write() throws {
      let lead = leadIDs[int(0...leadIDs.count - 1)]
      let now = env.now
      let zone = env.zone
      switch int(0...11) {
      case 0...4:
        let outcome = Outcome.allCases[int(0...Outcome.allCases.count - 1)]
        let next = chance(0.4) ? now.addingTimeInterval(Double(int(2...400)) * 3_600) : nil
        var touch = NewTouch(
          at: now, channel: Channel.allCases[int(0...Channel.allCases.count - 1)], outcome: outcome, nextAt: next)
        if chance(0.1) { touch.issues = ["rattle"] }
        if chance(0.1) { touch.bury = [(text: "brochure", kind: TopicKind.allCases[0])] }
        _ = try db.addTouch(leadID: lead, touch, actor: nil, scope: .all)
      case 5...6:
        let targets: [StageChange] = [
          StageChange(to: .deposit, amount: Double(int(1...20)) * 1_000),
          StageChange(to: .waitingForDelivery, eta: LocalDate(now, in: zone).adding(days: int(-10...40))),
          StageChange(to: .delivered, date: LocalDate(now, in: zone)),
          StageChange(to: .churned, reason: ChurnReason.allCases[int(0...ChurnReason.allCases.count - 1)]),
          StageChange(to: .prospect),
        ]
        let change = targets[int(0...targets.count - 1)]
        _ = try? db.changeStage(
          leadID: lead, change, now: now, today: LocalDate(now, in: zone), actor: nil, scope: .all)
      case 7:
        if chance(0.7) {
          _ = try db.snooze(
            leadID: lead, until: LocalDate(now, in: zone).adding(days: int(1...30)), reason: "away", actor: nil,
            now: now, zone: zone, scope: .all)
        } else {
          _ = try? db.clearSnooze(leadID: lead, actor: nil, now: now, zone: zone, scope: .all)
        }
      case 8...9:
        var edit = LeadEdit()
        switch int(0...4) {
        case 0: edit.grade = Grade.allCases[int(0...Grade.allCases.count - 1)]
        case 1: edit.tier = Tier.allCases[int(0...Tier.allCases.count - 1)]
        case 2: edit.birthday = LocalDate(now, in: zone).adding(days: int(-3...20) - 365 * 30)
        case 3: edit.addTags = ["vip"]
        default: edit.eta = LocalDate(now, in: zone).adding(days: int(-5...30))
        }
        try? db.editLead(id: lead, edit, now: now, actor: nil, scope: .all)
      case 10 where chance(0.2):
        // A consultant leaves: their leads move to another (the stored rows follow their leads' consultant).
        let consultants = users.filter { $0.role == .consultant }
        let from = consultants[int(0...consultants.count - 1)], to = consultants[int(0...consultants.count - 1)]
        if from.name != to.name { _ = try db.reassignLeads(from: from.name, to: to.name, acting: nil, now: now) }
      case 10:
        let consultant = users.filter { $0.role == .consultant }.randomElement(using: &rng)
        let id = try db.addLead(
          NewLead(LeadFields(name: "New \(leadIDs.count)", grade: .b), consultantID: consultant?.id, createdAt: now),
          actor: nil)
        leadIDs.append(id)
      default:
        moveClock()
      }
    }

    /// `next` (queue and brief) of `user` (nil: everyone) from the index and from the full replay, as JSON.
    func compare(_ user: User?, limit: Int) throws -> (index: [String], replay: [String]) {
      let session = Session(env: env, db: db, acting: user)
      func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
      }
      func both(_ replayingAll: Bool) throws -> [String] {
        let next = try NextQueue.build(session, limit: limit, lead: nil, replayingAll: replayingAll)
        return [try encode(next.queue), try encode(next.brief)]
      }
      return (try both(false), try both(true))
    }

    /// `alerts`' table of `user` (nil: everyone; a consultant's own, else the team's) from the index and from the
    /// full replay: the alerts shown as JSON, then how many in all and per consultant.
    func compareAlerts(_ user: User?, limit: Int, escalatedOnly: Bool) throws -> (index: [String], replay: [String]) {
      let session = Session(env: env, db: db, acting: user)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      encoder.dateEncodingStrategy = .iso8601
      func table(_ replayingAll: Bool) throws -> [String] {
        let table = try AlertTable.build(
          session, team: user?.role != .consultant, escalatedOnly: escalatedOnly, limit: limit,
          replayingAll: replayingAll)
        return try table.shown.map { String(decoding: try encoder.encode($0), as: UTF8.self) } + [
          "\(table.total) in all", "\(table.perConsultant.sorted { $0.key < $1.key })",
        ]
      }
      return (try table(false), try table(true))
    }
  }

  @Test(arguments: [UInt64(7), 23], engines)
  func theIndexAnswersAsTheFullReplayAfterRandomWritesAndClockMoves(seed: UInt64, engine: String) throws {
    var world = try World(seed: seed, leads: 60, engine: engine)
    let consultant = world.users.first { $0.role == .consultant }
    let lead = world.users.first { $0.role == .lead }
    var compared = 0
    var nonEmpty = 0
    var alertTables = 0
    for step in 0..<480 {
      try world.write()
      if step % 3 == 0 { world.moveClock() }
      guard step % 6 == 0 else { continue }
      for (user, limit) in [(nil as User?, 5), (consultant, 3), (lead, 40)] {
        let (index, replay) = try world.compare(user, limit: limit)
        let differs = zip(index, replay).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
          index == replay,
          """
          \(engine), seed \(seed), step \(step), \(user?.name ?? "admin"), now \(world.env.now): \
          \(["queue", "brief"][differs?.offset ?? 0]) differs; index starts \
          \(differs.map { String($0.element.0.prefix(300)) } ?? ""), replay starts \
          \(differs.map { String($0.element.1.prefix(300)) } ?? "")
          """)
        guard index == replay else { return }
        compared += 1
        if index[0] != "[]" { nonEmpty += 1 }
      }
      // The alerts' table, every other time: limits that cut through ties of days overdue, the escalated ones only,
      // a limit above the count, none shown.
      guard step % 12 == 0 else { continue }
      for (user, limit, escalatedOnly) in [
        (nil as User?, 1, false), (lead, 4, true), (consultant, 3, false), (lead, 1_000, false), (nil, 0, false),
      ] {
        let (index, replay) = try world.compareAlerts(user, limit: limit, escalatedOnly: escalatedOnly)
        let differs = zip(index, replay).first { $0.0 != $0.1 }
        #expect(
          index == replay,
          """
          \(engine), seed \(seed), step \(step), alerts of \(user?.name ?? "admin") (limit \(limit)), now \(world.env.now): \
          index \(differs?.0 ?? "\(index.count) lines"), replay \(differs?.1 ?? "\(replay.count) lines")
          """)
        guard index == replay else { return }
        if index.count > 2 { alertTables += 1 }
      }
    }
    // Every stored row names its lead's consultant (v11), through new leads, edits and reassignments.
    let astraySQL =
      "SELECT count(*) FROM followUp f JOIN lead l ON l.id = f.leadId WHERE f.consultantId IS DISTINCT FROM l.consultantId"
    let astray: Int64? =
      if let pg = world.db as? PostgresStore {
        try pg.read { try $0.scalar(astraySQL, as: Int64.self) }
      } else {
        try (world.db as! AppDatabase).writer.read {
          try Int64.fetchOne($0, sql: astraySQL.replacingOccurrences(of: "IS DISTINCT FROM", with: "IS NOT"))
        }
      }
    #expect(astray == 0)
    // The game must have had something to compare: queues that were not empty, most of the time.
    #expect(compared == 240)
    #expect(nonEmpty > 150)
    #expect(alertTables > 100)  // tables that showed alerts (4 of the 5 per comparison can, 40 comparisons)
  }

  @Test(arguments: engines)
  func aSecondReadReplaysOnlyTheLeadsThatMayBeDue(engine: String) throws {
    var world = try World(seed: 5, leads: 120, engine: engine)
    let session = Session(env: world.env, db: world.db, acting: nil)
    let ctx = try EngineSetup.context(world.env, session: session, salesStats: false)
    let filter = try EngineSetup.workingSet(session, team: true, now: world.env.now)
    let first = try FollowUpIndex(session, filter, ctx: ctx)
    #expect(first.staleCount == world.leadIDs.count)  // a new database: nothing stored yet
    _ = try first.mostUrgent(limit: 5)
    let second = try FollowUpIndex(session, filter, ctx: ctx)
    #expect(second.staleCount == 0)
    #expect(try second.heldDue().count < world.leadIDs.count)
    // A touch clears its lead's row, in the writer's transaction.
    _ = try world.db.addTouch(
      leadID: world.leadIDs[3], NewTouch(at: world.env.now, channel: .call, outcome: .reached), actor: nil, scope: .all)
    #expect(try FollowUpIndex(session, filter, ctx: ctx).staleCount == 1)
    // Another playbook setting or zone: every row is worked out again.
    var other = ctx
    other.playbook.cadence.graceHours += 1
    #expect(try FollowUpIndex(session, filter, ctx: other).staleCount == world.leadIDs.count)
    world.env.now = world.env.now.addingTimeInterval(-3_600)
    var earlier = ctx
    earlier.now = world.env.now
    #expect(try FollowUpIndex(session, filter, ctx: earlier).staleCount == world.leadIDs.count)
  }

  /// The held leads are read a page at a time, highest bound first: any page size gives the full replay's queue,
  /// with the leads just worked out (stored during the same call) not counted twice.
  @Test func anyPageSizeGivesTheFullReplaysQueue() throws {
    var world = try World(seed: 11, leads: 150)
    let session = Session(env: world.env, db: world.db, acting: nil)
    let filter = try EngineSetup.workingSet(session, team: true, now: world.env.now)
    func queue(_ index: FollowUpIndex?, _ ctx: EngineContext, limit: Int) throws -> [String] {
      let candidates =
        try index?.mostUrgent(limit: limit)
        ?? FollowUpEngine.mostUrgentCandidates(
          FollowUpEngine.dueCandidates(for: try world.db.snapshots(filter), in: ctx), limit: limit)
      return candidates.map { "\($0.lead.id) \($0.action.code.rawValue) \($0.action.priority)" }
    }
    var pages = 0
    for step in 0..<6 {
      if step > 0 {
        world.moveClock()
        for _ in 0..<10 { try world.write() }
      }
      let ctx = try EngineSetup.context(world.env, session: session, salesStats: false)
      for limit in [1, 3, 8, 25] {
        let replay = try queue(nil, ctx, limit: limit)
        for size in [1, 2, 5, nil] {
          // Every other time from nothing stored: the leads worked out and stored in the call are then held too.
          if size == 2 || size == nil { try world.db.clearFollowUps() }
          let index = try FollowUpIndex(session, filter, ctx: ctx, pageSize: size)
          if size == 1, try index.heldDue().count > limit { pages += 1 }
          #expect(try queue(index, ctx, limit: limit) == replay, "step \(step), limit \(limit), page size \(size ?? 0)")
        }
      }
    }
    #expect(pages > 0)  // held leads outnumbered the queue: the pages were walked
  }

  /// A stored row missing (a write around the triggers): the scope's rows no longer match its leads, so the reader
  /// asks the lead table, and the lead is worked out again rather than left out of the queue.
  @Test func aMissingRowIsWorkedOutNotLeftOut() throws {
    let world = try World(seed: 3, leads: 60)
    let consultant = try #require(world.users.first { $0.role == .consultant })
    let session = Session(env: world.env, db: world.db, acting: consultant)
    let replay = try NextQueue.build(session, limit: 60, lead: nil, replayingAll: true).queue.map(\.leadID)
    #expect(try NextQueue.build(session, limit: 60, lead: nil).queue.map(\.leadID) == replay)
    let first = try #require(replay.first?.rawValue)
    try (world.db as! AppDatabase).writer.write {
      try $0.execute(sql: "DELETE FROM followUp WHERE leadId = ?", arguments: [first])
    }
    #expect(try NextQueue.build(session, limit: 60, lead: nil).queue.map(\.leadID) == replay)
  }
}
