import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import Testing

/// `addLead(…, allowDuplicatePhone: false)`, as `lead add` calls it: a phone an existing lead has is refused in the
/// write transaction, naming the first such lead, and nothing is written.
@Suite struct DuplicatePhoneTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  @Test func aSecondLeadWithTheSamePhoneIsRefusedNamingTheFirst() throws {
    let db = try AppDatabase.inMemory()
    _ = try db.addLead(NewLead(name: "甲", phone: "13900000000", createdAt: now), actor: nil, allowDuplicatePhone: false)
    let first = try db.addLead(
      NewLead(name: "王芳", phone: "13812345678", createdAt: now), actor: nil, allowDuplicatePhone: false)
    do {
      _ = try db.addLead(
        NewLead(name: "李雷", phone: "13812345678", createdAt: now), actor: nil, allowDuplicatePhone: false)
      Issue.record("a duplicate phone was accepted")
    } catch let error as CoachError {
      #expect(error.code == "duplicate_phone")
      #expect(error.exitCode == 65)
      #expect(error.message(in: .en).contains("lead \(first)") && error.message(in: .zh).contains("线索 \(first)"))
    }
    #expect(try db.snapshots(LeadFilter(scope: .all)).count == 2, "nothing written")
    let again = try db.addLead(
      NewLead(name: "李雷", phone: "13812345678", createdAt: now), actor: nil, allowDuplicatePhone: true)
    #expect(again != first)
    let noPhone = try db.addLead(NewLead(name: "无电话", createdAt: now), actor: nil, allowDuplicatePhone: false)
    #expect(noPhone.rawValue > 0, "a lead without a phone is never a duplicate")
  }
}
