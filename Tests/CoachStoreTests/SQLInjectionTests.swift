import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import Testing

/// Every value reaches SQLite as a bound parameter: hostile text round-trips and the tables survive.
@Suite struct SQLInjectionTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// (Not NUL: SQLite stores "a\0b" whole but GRDB reads text up to the NUL; see docs/RELIABILITY.md, known gaps.)
  static let hostile = [
    "Robert'); DROP TABLE lead;--", "' OR '1'='1", "\" OR 1=1 --", "1; DELETE FROM touch", "%", "_", "\\", "'';--",
    "x' UNION SELECT name, phone FROM customer --", "王芳'); UPDATE user SET role='admin' WHERE ('1'='1",
    "🚗💥", "?", "?1", ":name", "$x", "@v",
  ]

  @Test func hostileNamesNotesTagsAndTopicsRoundTrip() throws {
    let db = try AppDatabase.inMemory()
    _ = try db.addUser(name: "admin", role: .admin, team: nil, now: now)
    for text in Self.hostile {
      let user = try db.addUser(name: "u" + text, role: .consultant, team: text, now: now)
      let id = try db.addLead(
        NewLead(
          externalID: text, name: text, phone: "13800000000", city: text, source: text, consultantID: user.id,
          tags: [text],
          profile: [ProfileFact(key: text, value: text)], createdAt: now), actor: text)
      _ = try db.addTouch(
        leadID: id, NewTouch(at: now, channel: .call, outcome: .reached, note: text, bury: [(text, .other)]),
        actor: text,
        scope: .all)
      var edit = LeadEdit()
      edit.wechat = text
      try db.editLead(id: id, edit, now: now, actor: text, scope: .all)
      let lead = try db.snapshot(id: id, scope: .all)
      #expect(lead.name == text && lead.city == text && lead.source == text && lead.wechat == text)
      #expect(lead.tags == [text.trimmingCharacters(in: .whitespaces).lowercased()] || lead.tags == [text])
      #expect(lead.profile == [ProfileFact(key: text, value: text)])
      #expect(lead.touches.map(\.note) == [text])
      #expect(lead.topics.map(\.text) == [text])
      #expect(lead.consultant == "u" + text)
      #expect(try db.user(named: "u" + text)?.role == .consultant)
    }
    let report = try db.health()
    #expect(report.isHealthy)
    #expect(report.counts["leads"] == Self.hostile.count)
    #expect(report.counts["touches"] == Self.hostile.count)
    #expect(report.counts["users"] == Self.hostile.count + 1)
    #expect(try db.users().filter { $0.role == .admin }.map(\.name) == ["admin"])
  }

  @Test func hostileLeadIdsAreUnknownLeadsNotQueries() throws {
    let db = try AppDatabase.inMemory()
    _ = try db.addLead(NewLead(name: "王芳", phone: "13812345678", createdAt: now), actor: nil)
    for id in ["1 OR 1=1", "1; DROP TABLE lead", "0x1", "' OR ''='", "-1", "99999999999999999999999"] {
      #expect(throws: CoachError.self) { try db.snapshot(id: try LeadID.typed(id), scope: .all) }
      #expect(throws: CoachError.self) {
        try db.addTouch(
          leadID: try LeadID.typed(id), NewTouch(at: now, channel: .call, outcome: .reached), actor: nil, scope: .all)
      }
    }
    #expect(try db.leadCount() == 1)
    #expect(try db.health().counts["touches"] == 0)
  }
}
