import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import Testing

@Suite struct ReassignTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// admin; lead of team A; ann, bob in A; cid in B; ann has 3 leads, cid 1.
  func team() throws -> (AppDatabase, [String: User]) {
    let db = try AppDatabase.inMemory()
    var users: [String: User] = [:]
    for (name, role, team) in [
      ("admin", Role.admin, nil), ("lea", .lead, "A"), ("ann", .consultant, "A"), ("bob", .consultant, "A"),
      ("cid", .consultant, "B"),
    ] as [(String, Role, String?)] {
      users[name] = try db.addUser(name: name, role: role, team: team, now: now)
    }
    for (i, owner) in ["ann", "ann", "ann", "cid"].enumerated() {
      _ = try db.addLead(
        NewLead(name: "客户\(i)", phone: "1380000000\(i)", consultantID: users[owner]?.id, createdAt: now), actor: nil)
    }
    return (db, users)
  }

  func owners(_ db: AppDatabase) throws -> [String] {
    try db.snapshots(LeadFilter(scope: .all)).map { $0.consultant ?? "-" }
  }

  @Test func anAdminMovesAllOfOnesLeadsAndItIsRecorded() throws {
    let (db, users) = try team()
    let r = try db.reassignLeads(from: "ann", to: "cid", acting: users["admin"], now: now)
    #expect(r.leads == 3)
    #expect(try owners(db) == ["cid", "cid", "cid", "cid"])
    #expect(try db.reassignments() == [Reassignment(at: now, actor: "admin", from: "ann", to: "cid", leads: 3)])
  }

  @Test func aTeamLeadMovesLeadsWithinTheTeamOnly() throws {
    let (db, users) = try team()
    #expect(try db.reassignLeads(from: "ann", to: "bob", acting: users["lea"], now: now).leads == 3)
    #expect(throws: CoachError.self) { try db.reassignLeads(from: "bob", to: "cid", acting: users["lea"], now: now) }
    #expect(throws: CoachError.self) { try db.reassignLeads(from: "cid", to: "bob", acting: users["lea"], now: now) }
    #expect(try owners(db) == ["bob", "bob", "bob", "cid"])
    #expect(try db.reassignments().count == 1)
  }

  @Test func aConsultantMayNotReassignAndNothingMoves() throws {
    let (db, users) = try team()
    #expect(throws: CoachError.self) { try db.reassignLeads(from: "ann", to: "bob", acting: users["ann"], now: now) }
    #expect(throws: CoachError.self) { try db.reassignLeads(from: "ann", to: "ann", acting: users["admin"], now: now) }
    #expect(throws: CoachError.self) {
      try db.reassignLeads(from: "ann", to: "nobody", acting: users["admin"], now: now)
    }
    #expect(try owners(db) == ["ann", "ann", "ann", "cid"])
    #expect(try db.reassignments().isEmpty)
  }
}
