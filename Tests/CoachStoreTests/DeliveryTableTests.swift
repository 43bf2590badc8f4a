import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

/// The sales figures read `delivery` (migration v4, kept by triggers); they must equal counting the deliveries
/// through stageEvent and lead, as before v4, after any mix of writes: leads with and without a model, stage
/// walks with and without a model on the event, model edits before and after delivery, deleted leads.
@Suite struct DeliveryTableTests {
  let t0 = Date(timeIntervalSince1970: 1_780_000_000)
  static let models = ["S30", "X40", "E20", nil]

  /// The figures as counted before `delivery` existed.
  func joined(_ db: AppDatabase, now: Date) throws -> SalesStats {
    let sql = """
      SELECT COALESCE(e.model, l.model) AS model, COUNT(*) AS n FROM stageEvent e JOIN lead l ON l.id = e.leadId
      WHERE e.toStage = 'delivered' AND e.at >= ? AND e.at < ? AND COALESCE(e.model, l.model) IS NOT NULL GROUP BY 1
      """
    return try db.writer.read { db in
      func counts(_ from: Date, _ to: Date) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [from, to]) { result[row["model"]] = row["n"] }
        return result
      }
      return SalesStats(
        recent: try counts(now.addingTimeInterval(-90 * 86_400), now),
        previous: try counts(now.addingTimeInterval(-180 * 86_400), now.addingTimeInterval(-90 * 86_400)))
    }
  }

  @Test func figuresEqualTheJoinAfterRandomWrites() throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    var rng = SplitMix64(seed: 11)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    var ids: [LeadID] = []
    for i in 0..<80 {
      let created = t0.addingTimeInterval(-Double(rng.next() % 200) * 86_400)
      ids.append(try db.addLead(NewLead(name: "客户\(i)", model: pick(Self.models), createdAt: created), actor: nil))
    }
    var delivered = 0
    for step in 0..<1_200 {
      let id = pick(ids)
      let at = t0.addingTimeInterval(-Double(rng.next() % 190) * 86_400 + Double(step))
      let day = LocalDate(at, in: .gmt)
      switch rng.next() % 5 {
      case 0:
        var edit = LeadEdit()
        edit.model = pick(Self.models.compactMap { $0 })
        try db.editLead(id: id, edit, now: at, actor: nil, scope: .all)
      default:
        let lead = try db.snapshot(id: id, scope: .all)
        guard let to = StageMachine.legalNext(from: lead.stage).randomElement(using: &rng) else { continue }
        let change = StageChange(
          to: to, reason: to == .churned ? .intentDropped : nil, amount: 5_000, model: pick(Self.models),
          eta: day.adding(days: 30), date: day)
        if (try? db.changeStage(leadID: id, change, now: at, today: day, actor: nil, scope: .all)) != nil,
          to == .delivered
        {
          delivered += 1
        }
      }
      // The same database asked again as deliveries come in, go and move (a server's): the whole days' sums it
      // keeps between reads (v16) are read again after every change.
      if step % 40 == 0 {
        for days in [0.0, 60] {
          let now = t0.addingTimeInterval(-days * 86_400)
          #expect(try db.salesStats(now: now) == (try joined(db, now: now)), "step \(step), now - \(days) days")
        }
      }
    }
    try db.writer.write { db in try db.execute(sql: "DELETE FROM lead WHERE id IN (?, ?)", arguments: [ids[0], ids[1]])
    }
    #expect(delivered > 20, "the walk must deliver cars (\(delivered))")
    for days in [0.0, 45, 95, 150] {
      let now = t0.addingTimeInterval(-days * 86_400)
      #expect(try db.salesStats(now: now) == (try joined(db, now: now)), "now - \(days) days")
    }
    #expect(try db.salesStats(now: t0).recent.values.reduce(0, +) > 0)
    // Whole days come from `deliveryDay` (v14), the windows' partial first and last days from `delivery`: each edge
    // of both windows a minute before and after a delivery, on the same day.
    let times = try db.writer.read { try Date.fetchAll($0, sql: "SELECT at FROM delivery ORDER BY eventId LIMIT 12") }
    var moments: [Date] = []
    for at in times {
      for window in [0.0, 90, 180] {
        for minute in [-60.0, 60] { moments.append(at.addingTimeInterval(window * 86_400 + minute)) }
      }
    }
    for now in moments {
      #expect(try db.salesStats(now: now) == (try joined(db, now: now)), "now \(now)")
    }
    // A count written around the triggers is found by the doctor (with `delivery`) and rewritten by the repair.
    try db.writer.write { db in
      try db.execute(
        sql: "UPDATE deliveryDay SET n = n + 2 WHERE (day, model) = (SELECT day, model FROM deliveryDay LIMIT 1)")
    }
    #expect(try db.derivedMismatches()["delivery"] == 1)
    let repair = try db.rebuildDerived()
    #expect(repair.tables["delivery"]?.wrongLeads == 1)
    #expect(try db.derivedMismatches()["delivery"] == 0)
    for now in moments {
      #expect(try db.salesStats(now: now) == (try joined(db, now: now)), "after the repair, now \(now)")
    }
  }

  /// A lead import counts its new deliveries per day once, at its end (the insert trigger set aside for its
  /// transaction): the counts equal `delivery`'s, also when a second import delivers on days already counted, and
  /// the trigger is back afterwards.
  @Test func leadImportsCountTheirDeliveriesPerDay() throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    let iso = ISO8601DateFormatter()
    for batch in 0..<2 {
      var csv = "external_id,name,phone,model,stage,created_at\n"
      for i in 0..<40 {
        let created = t0.addingTimeInterval(-Double(i % 7) * 86_400 - Double(batch * 600 + i * 60))
        let phone = 13_800_000_000 + batch * 100 + i
        csv += "B\(batch)-\(i),客户\(i),\(phone),\(["S30", "X40", ""][i % 3]),delivered,\(iso.string(from: created))\n"
      }
      let result = try db.importLeads(
        from: CSVBytes(Array(csv.utf8)), options: ImportOptions(zone: zone), strict: true, now: t0, actor: nil)
      #expect(result.imported == 40)
    }
    #expect(try db.derivedMismatches()["delivery"] == 0)
    // S30 or X40 on 27 of each 40 leads; the others have no model and are not counted.
    #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT SUM(n) FROM deliveryDay") } == 54)
    let triggers = try db.writer.read {
      try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'deliveryDay_on_insert'")
    }
    #expect(triggers == 1)
    for hours in [1.0, -60, -61, -100] {
      let now = t0.addingTimeInterval(hours * 3_600 + 90 * 86_400)
      #expect(try db.salesStats(now: now) == (try joined(db, now: now)), "now t0 + 90 days + \(hours) hours")
    }
  }
}
