import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// The hot reads (`coach next` for one consultant, `coach alerts --team`, the sales stats every brief uses)
/// must search by index, never scan the history tables: at group scale (2M touches) a scan is seconds.
@Suite struct QueryPlanTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)
  static let history: Set<String> = [
    "touch", "topic", "profileFact", "stageEvent", "leadTag", "lead", "customer", "lastTouch",
  ]

  /// A small database with every kind of row, two teams and their consultants.
  func makeDB() throws -> AppDatabase {
    let db = try AppDatabase.inMemory()
    try db.writer.write { db in
      for (name, role, team) in [("李娜", "consultant", "一组"), ("张伟", "consultant", "二组"), ("王经理", "lead", "一组")] {
        try db.execute(
          sql: "INSERT INTO user (name, role, team, createdAt) VALUES (?, ?, ?, ?)", arguments: [name, role, team, now])
      }
    }
    for i in 0..<6 {
      let id = try db.addLead(
        NewLead(
          name: "客户\(i)", phone: "1381234567\(i)", consultantID: Int64(1 + i % 2), tags: ["vip"],
          profile: [ProfileFact(key: "hobby", value: "钓鱼")], createdAt: now), actor: nil)
      _ = try db.addTouch(
        leadID: id, NewTouch(at: now, channel: .call, outcome: .reached, bury: [("新配置", .brochure)]), actor: nil,
        scope: .all)
    }
    return db
  }

  /// Runs `body`, then returns the query plan of every SELECT it ran, one string per statement.
  func plans(_ db: AppDatabase, _ body: (Database) throws -> Void) throws -> [(sql: String, plan: [String])] {
    try db.writer.write { db in
      var statements: [String] = []
      db.trace(options: .statement) { event in
        if case .statement(let s) = event, s.sql.hasPrefix("SELECT") || s.sql.hasPrefix("WITH") {
          statements.append(s.expandedSQL)
        }
      }
      try body(db)
      db.trace(options: [], nil)
      return try statements.map { sql in
        (sql, try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String })
      }
    }
  }

  /// Plan lines that read a whole history table (`SCAN t` without an index, or a covering scan of it).
  func fullScans(_ plans: [(sql: String, plan: [String])]) -> [String] {
    plans.flatMap { p in
      p.plan.filter { line in
        Self.history.contains { table in line.hasPrefix("SCAN \(table)") || line.hasPrefix("SCAN \(table.prefix(1)) ") }
          || line == "SCAN l" || line == "SCAN c"
      }.map { "\($0)   in   \(p.sql)" }
    }
  }

  @Test func oneConsultantsLeadsAreSearchedNotScanned() throws {
    let db = try makeDB()
    let found = try plans(db) { db in
      let leads = try LeadLoader.load(db, LeadFilter(scope: .own(userID: 1)))
      #expect(leads.count == 3)
      #expect(
        leads.allSatisfy {
          $0.touches.count == 1 && $0.topics.count == 1 && $0.profile.count == 1 && $0.tags == ["vip"]
        })
    }
    #expect(found.count >= 6)
    #expect(fullScans(found).isEmpty, "\(fullScans(found))")
  }

  /// `lead add` looks for an existing lead with the phone before every insert: at 100k leads a scan would be felt.
  @Test func theDuplicatePhoneCheckSearchesThePhoneIndex() throws {
    let db = try makeDB()
    var hits: [Int64?] = []
    let found = try plans(db) { db in
      hits = [try LeadWriter.leadID(db, withPhone: "13812345672"), try LeadWriter.leadID(db, withPhone: "13900000000")]
    }
    #expect(hits == [3, nil])
    #expect(fullScans(found).isEmpty, "\(fullScans(found))")
    #expect(found.flatMap(\.plan).contains { $0.contains("customer_on_phone") }, "\(found)")
  }

  @Test func aTeamsLeadsAreSearchedNotScanned() throws {
    let db = try makeDB()
    let found = try plans(db) { db in
      let leads = try LeadLoader.load(db, LeadFilter(scope: .team("一组", userID: 3)))
      #expect(leads.count == 3)
    }
    #expect(fullScans(found).isEmpty, "\(fullScans(found))")
  }

  @Test func aPartOfATeamIsSearchedWithinItsIdRange() throws {
    let db = try makeDB()
    var filter = LeadFilter(scope: .team("一组", userID: 3))
    filter.idRange = 2...5
    let found = try plans(db) { db in
      let leads = try LeadLoader.load(db, filter)
      #expect(leads.map(\.id) == [3, 5])
    }
    let leadLines = found.filter { $0.sql.contains("FROM lead l") }.flatMap(\.plan).filter { $0.contains(" l ") }
    #expect(
      !leadLines.isEmpty && leadLines.allSatisfy { $0.contains("(consultantId=? AND rowid>? AND rowid<?)") },
      "\(leadLines)")
  }

  @Test func rankingTouchesAreSearchedBackwardsNotScanned() throws {
    let db = try makeDB()
    for scope in [Scope.own(userID: 1), .team("一组", userID: 3)] {
      var filter = LeadFilter(scope: scope)
      filter.touchesSince = now.addingTimeInterval(3_600)
      let found = try plans(db) { db in
        let leads = try LeadLoader.load(db, filter)
        #expect(leads.count == 3 && leads.allSatisfy { $0.touches.count == 1 && $0.touchesSince != nil })
      }
      #expect(fullScans(found).isEmpty, "\(fullScans(found))")
      let touchLines = found.filter { $0.sql.contains("FROM touch") }.flatMap(\.plan).filter { $0.contains("touch") }
      #expect(touchLines.contains { $0.contains("USING COVERING INDEX touch_by_lead") }, "\(touchLines)")
      // Without notes, the last touches come from `lastTouch` by its key.
      filter.withNotes = false
      let lean = try plans(db) { db in
        let leads = try LeadLoader.load(db, filter)
        #expect(leads.count == 3 && leads.allSatisfy { $0.touches.count == 1 })
      }
      #expect(fullScans(lean).isEmpty, "\(fullScans(lean))")
      let lastLines = lean.filter { $0.sql.contains("FROM lastTouch") }.flatMap(\.plan).filter {
        $0.contains("lastTouch")
      }
      #expect(lastLines.contains { $0.contains("USING PRIMARY KEY (leadId=?)") }, "\(lastLines)")
    }
  }

  @Test func oneLeadIsSearchedNotScanned() throws {
    let db = try makeDB()
    let found = try plans(db) { db in _ = try LeadLoader.one(db, id: 2, scope: .all) }
    #expect(fullScans(found).isEmpty, "\(fullScans(found))")
  }

  @Test func salesStatsReadIndexRangesOfDeliveriesAndDays() throws {
    let db = try makeDB()  // in memory: one connection, so the trace sees salesStats' statements
    var statements: [String] = []
    try db.writer.read { db in
      db.trace(options: .statement) { event in
        if case .statement(let s) = event, s.sql.hasPrefix("SELECT") || s.sql.hasPrefix("WITH") {
          statements.append(s.expandedSQL)
        }
      }
    }
    _ = try db.salesStats(now: now)
    let plan = try db.writer.read { db in
      try statements.flatMap { sql in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
      }
    }
    // The windows' partial days by `delivery`'s index, their whole days by `deliveryDay`'s key (v14); the only scans
    // are of the few rows those give (a subquery's) and of `deliveryVersion`'s one row (v16), never of a table.
    #expect(plan.contains { $0.hasPrefix("SEARCH delivery USING COVERING INDEX delivery_on_at_model") }, "\(plan)")
    #expect(plan.contains { $0.hasPrefix("SEARCH deliveryDay USING PRIMARY KEY (day>? AND day<?)") }, "\(plan)")
    #expect(
      !plan.contains { $0.hasPrefix("SCAN") && !$0.hasPrefix("SCAN (subquery") && $0 != "SCAN deliveryVersion" },
      "\(plan)")
  }

  /// A consultant's stale follow-ups are index ranges, one per way a row stops holding (v15), never a read of every
  /// row of the consultant; `followUp_unreadable`'s codes (v15's) are still the rules' codes, or SQLite could not
  /// use it.
  @Test func staleFollowUpsAreIndexRangesNotTheConsultantsRows() throws {
    let db = try makeDB()
    let t = now.timeIntervalSince1970
    for scope in [Scope.own(userID: 1), .team("一组", userID: 3, store: nil)] {
      let (owner, args) = scope.condition(on: "f.consultantId")
      let (sql, arguments) = AppDatabase.staleByOwner(owner, args, fields: "f.rev", fingerprint: "fp", now: t)
      let plan = try db.writer.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
      }
      let searches = plan.filter {
        $0.hasPrefix("SEARCH f USING COVERING INDEX") || $0.hasPrefix("SEARCH f USING INDEX")
      }
      #expect(searches.count == 7, "\(plan)")
      #expect(
        searches.contains { $0.contains("followUp_wake_on_owner (consultantId=? AND playbook=? AND wakeAt<?)") },
        "\(plan)")
      #expect(searches.contains { $0.contains("followUp_unreadable (consultantId=?)") }, "\(plan)")
      #expect(
        searches.contains { $0.contains("followUp_on_owner (consultantId=? AND playbook=? AND asOf>?)") }, "\(plan)")
      #expect(!plan.contains { $0.hasPrefix("SCAN f") }, "\(plan)")
    }
    #expect(Migrations.v15Codes == ActionCode.allCases.map(\.rawValue))
  }

}
