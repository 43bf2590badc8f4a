import CoachCore
import CoachStoreAPI
import Foundation
import Testing

@testable import CoachStore

/// `LeadFilter.touchesSince` must load exactly what `LeadSnapshot.keepingTouches(since:)` keeps of the whole
/// history (the Core tests prove that this is enough to rank): checked on leads with touches on both sides of
/// the cut, ties in time, no-answer runs, future touches and none at all; on both engines (PostgreSQL reads a lead's
/// touches since the cut as arrays, and its last touch and contact before it in one row).
@Suite struct TouchWindowLoadTests {
  let t0 = Date(timeIntervalSince1970: 1_780_000_000)

  func seeded(_ engine: StoreContractTests.Engine) throws -> any CoachDataStore {
    let db = try engine.open()
    var rng = SplitMix64(seed: 5)
    let outcomes: [Outcome] = [.reached, .noAnswer, .noAnswer, .declined, .visited]
    for i in 0..<60 {
      let id = try db.addLead(
        NewLead(name: "客户\(i)", phone: "138000\(String(format: "%05d", i))", createdAt: t0), actor: nil)
      for j in 0..<Int(rng.next() % 12) {
        // Whole hours over 20 days, so several touches of a lead often share a time.
        let at = t0.addingTimeInterval(Double(rng.next() % 480) * 3_600)
        let outcome = outcomes[Int(rng.next() % UInt64(outcomes.count))]
        let next = rng.next() % 3 == 0 ? at.addingTimeInterval(86_400) : nil
        // Switch levers (`touchLever`, v9) on some touches: loaded with their touch, whichever way it was read.
        let levers: [Lever] = (i + j) % 4 == 0 ? [.space, .availability] : (i + j) % 4 == 1 ? [.gain] : []
        // Objections and actors on some touches, none on others: NULLs among the values of a lead's touches.
        _ = try db.addTouch(
          leadID: id,
          NewTouch(
            at: at, channel: j % 3 == 0 ? .wechat : .call, outcome: outcome, note: j % 2 == 0 ? "n\t\(j)" : nil,
            objections: j % 3 == 1 ? ["price", "space"] : [], nextAt: next, levers: levers),
          actor: j % 2 == 0 ? nil : "李娜", scope: .all)
      }
    }
    return db
  }

  @Test(arguments: StoreContractTests.Engine.allCases)
  func loadsWhatKeepingTouchesKeeps(_ engine: StoreContractTests.Engine) throws {
    let db = try seeded(engine)
    let whole = try db.snapshots(LeadFilter(scope: .all))
    #expect(whole.contains { $0.touches.count > 3 })
    #expect(whole.contains { $0.touches.contains { $0.levers == [.space, .availability] } })
    #expect(whole.contains { $0.touches.contains { $0.levers == [.gain] } })
    // Without notes, leads touched only before the cut take their two touches from `lastTouch` (v6).
    for withNotes in [true, false] {
      for hours in [0.0, 100, 240, 241.5, 400, 480, 1_000] {
        let since = t0.addingTimeInterval(hours * 3_600)
        var filter = LeadFilter(scope: .all)
        filter.touchesSince = since
        filter.withNotes = withNotes
        let windowed = try db.snapshots(filter)
        let kept = whole.map { lead in
          var kept = lead.keepingTouches(since: since)
          if !withNotes {
            kept.touches = kept.touches.map {
              var t = $0; t.note = nil; return t
            }
          }
          return kept
        }
        #expect(windowed == kept, "since +\(hours) h, notes \(withNotes)")
      }
    }
  }
}

/// Whole histories come ordered by (at, id), touches sharing a time included.
@Suite struct TouchOrderTests {
  @Test func touchesSharingATimeComeInIdOrder() throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    let id = try db.addLead(NewLead(name: "客户", createdAt: t0), actor: nil)
    for hour in [5.0, 1, 5, 3, 1, 5] {
      _ = try db.addTouch(
        leadID: id, NewTouch(at: t0.addingTimeInterval(hour * 3_600), channel: .call, outcome: .reached), actor: nil,
        scope: .all)
    }
    let touches = try db.snapshot(id: id, scope: .all).touches
    #expect(touches.map(\.id) == [2, 5, 4, 1, 3, 6])
  }

  @Test func timeOrderIsCheckedOnTimeThenId() {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    func touch(_ id: Int64, _ s: Double) -> Touch {
      Touch(id: id, at: t0.addingTimeInterval(s), channel: .call, outcome: .reached)
    }
    #expect(LeadLoader.isInTimeOrder([touch(1, 0), touch(2, 0), touch(0, 5)]))
    #expect(!LeadLoader.isInTimeOrder([touch(2, 0), touch(1, 0)]))
    #expect(!LeadLoader.isInTimeOrder([touch(1, 5), touch(2, 0)]))
  }
}

/// `coach next` and `coach alerts` load long lists in parts of consecutive ids (`LeadFilter.idRange`).
@Suite struct LeadPartsTests {
  @Test func partsOfIdsJoinToTheWholeList() throws {
    let db = try AppDatabase.open(path: try TempDir().path("coach.sqlite"))
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    for i in 0..<30 {
      let id = try db.addLead(NewLead(name: "客户\(i)", tags: i % 4 == 0 ? ["vip"] : [], createdAt: t0), actor: nil)
      for k in 0..<(i % 5) {
        _ = try db.addTouch(
          leadID: id, NewTouch(at: t0.addingTimeInterval(Double(k) * 3_600), channel: .call, outcome: .noAnswer),
          actor: nil, scope: .all)
      }
    }
    var filter = LeadFilter(scope: .all)
    filter.touchesSince = t0.addingTimeInterval(7_200)
    let whole = try db.snapshots(filter)
    let ids = try db.leadIDs(filter)
    #expect(ids.count == 30)
    var joined: [LeadSnapshot] = []
    for start in stride(from: 0, to: ids.count, by: 7) {
      var part = filter
      part.idRange = ids[start]...ids[min(ids.count, start + 7) - 1]
      joined += try db.snapshots(part)
    }
    #expect(joined == whole)
    // Cut from the id bounds alone when every lead matches, with gaps where leads were deleted.
    try db.writer.write { db in try db.execute(sql: "DELETE FROM lead WHERE id IN (3, 4, 5, 17)") }
    let remaining = try db.snapshots(filter)
    let ranges = try db.leadIDRanges(filter, size: 7)
    #expect(ranges.count == 5 && ranges.first?.lowerBound == 1 && ranges.last?.upperBound == 30)
    var spanned: [LeadSnapshot] = []
    for range in ranges {
      var part = filter
      part.idRange = range
      let leads = try db.snapshots(part)
      #expect(leads.count <= 7)
      spanned += leads
    }
    #expect(spanned == remaining && remaining.count == 26)
    // Any other filter: from the matching ids.
    var vip = filter
    vip.scope = .own(userID: 99)
    #expect(try db.leadIDRanges(vip, size: 7).isEmpty)
  }
}

/// The loader's options leave out only what they name, and child rows find their lead in any order.
@Suite struct LeadLoadOptionsTests {
  @Test func withoutContactsOnlyTheContactDetailsAreMissing() throws {
    let tmp = try TempDir()
    let db = try AppDatabase.open(path: tmp.path("coach.sqlite"))
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    for i in 0..<4 {
      let id = try db.addLead(
        NewLead(
          externalID: "CRM-\(i)", name: "客户\(i)", phone: "1381234567\(i)", wechat: "wx\(i)", email: "k\(i)@example.com",
          gender: "女", birthday: LocalDate(year: 1990, month: 3, day: 1 + i), city: "杭州", source: "展厅", model: "X60",
          grade: .a, tier: .b, tags: ["vip"], profile: [ProfileFact(key: "hobby", value: "钓鱼")], createdAt: t0),
        actor: nil)
      _ = try db.addTouch(
        leadID: id, NewTouch(at: t0.addingTimeInterval(600), channel: .call, outcome: .reached), actor: nil, scope: .all
      )
    }
    var full = LeadFilter(scope: .all)
    full.withProfile = false
    var lean = full
    lean.withContacts = false
    let expected = try db.snapshots(full).map { lead in
      var lead = lead
      // The source stays: the audit's source report reads it.
      (lead.externalID, lead.phone, lead.wechat, lead.email, lead.gender, lead.city) = (nil, nil, nil, nil, nil, nil)
      return lead
    }
    let loaded = try db.snapshots(lean)
    #expect(loaded == expected)
    #expect(
      loaded.count == 4 && loaded.allSatisfy { $0.birthday != nil && $0.tags == ["vip"] && $0.touches.count == 1 })
  }

  @Test func childRowsFindTheirLeadInAnyOrder() {
    let ids: [Int64] = [3, 5, 8, 13, 21]
    var at = LeadPositions(ids: ids)
    #expect([3, 3, 5, 8, 8, 13, 21].map { at($0) } == [0, 0, 1, 2, 2, 3, 4])
    #expect([21, 2, 3, 9, 13, 5, 22].map { at($0) } == [4, nil, 0, nil, 3, 1, nil])
    var none = LeadPositions(ids: [])
    #expect(none(1) == nil)
  }
}
