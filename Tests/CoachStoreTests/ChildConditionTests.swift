import CoachCore
import CoachStoreAPI
import Foundation
import Testing

@testable import CoachStore

/// A load reads the leads' children by id range when the leads read are every id of the range (`ChildCondition`),
/// else by the list of ids: both must give the same leads, field for field, whole histories or touches since a time.
@Suite struct ChildConditionTests {
  static let now = Date(timeIntervalSince1970: 1_795_914_000)  // 2026-11-29 09:00 +08:00
  static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

  @Test func rangeIsOnlyEveryIdOfIt() {
    #expect(ChildCondition([3, 4, 5, 6]).isRange)
    #expect(!ChildCondition([3, 4, 6]).isRange)
    #expect(!ChildCondition([7]).isRange)
    #expect(ChildCondition([3, 4, 5, 6]).sql == "leadId BETWEEN ? AND ?")
    #expect(ChildCondition([3, 5]).sql == "leadId IN (SELECT value FROM json_each(?))")
    // The one test both engines' conditions use (PostgreSQL's `PGChildCondition` too), on arrays and their parts.
    let ids: [Int64] = [1, 2, 3, 5, 6]
    #expect(ids[..<3].isConsecutiveRun && ids[3...].isConsecutiveRun)
    #expect(!ids.isConsecutiveRun && !ids[2...].isConsecutiveRun)
    #expect(![Int64]().isConsecutiveRun && ![Int64(4)].isConsecutiveRun)
  }

  @Test(arguments: [false, true])
  func rangeAndListLoadTheSameLeads(since: Bool) throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    _ = try db.seed(DemoData.generate(now: Self.now, zone: Self.zone, seed: 9, leads: 300), now: Self.now)
    // Snoozes on every seventh lead, so their table is read both ways too.
    for id in stride(from: 1, through: 300, by: 7) {
      _ = try? db.snooze(
        leadID: LeadID(Int64(id)), until: LocalDate(Self.now, in: Self.zone).adding(days: 5), reason: "r", actor: nil,
        now: Self.now, zone: Self.zone, scope: .all)
    }
    func filter(_ ids: [Int64]?, range: ClosedRange<Int64>? = nil) -> LeadFilter {
      var f = LeadFilter(scope: .all, leadIDs: ids?.map { LeadID($0) })
      f.idRange = range
      if since {
        f.touchesSince = Self.now.addingTimeInterval(-75 * 86_400)
        f.withNotes = false
      }
      return f
    }
    let all = try db.snapshots(filter(nil, range: 1...Int64.max))
    #expect(all.count == 300)
    let ids = all.map(\.id.rawValue)
    #expect(ChildCondition(ids).isRange)
    #expect(all.contains { !$0.snoozes.isEmpty } && all.contains { !$0.topics.isEmpty })
    let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    // Every third id, and a run with one gap: lists, read the other way.
    for part in [ids.filter { $0 % 3 == 1 }, Array(ids[10..<60]).filter { $0 != 30 }] {
      #expect(!ChildCondition(part).isRange)
      let listed = try db.snapshots(filter(part))
      #expect(listed.count == part.count)
      for lead in listed { #expect(lead == byID[lead.id], "lead \(lead.id)") }
    }
  }
}
