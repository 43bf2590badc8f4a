import Foundation
import Testing

@testable import CoachCore

@Suite struct ChunksTests {
  @Test func resultsComeInChunkOrderWhateverTheCount() throws {
    for count in [0, 1, 2, 7, 64] {
      let parallel = try Chunks.map(count) { i in Array(repeating: i, count: i % 3) + [i * 10] }
      let serial = (0..<count).flatMap { i in Array(repeating: i, count: i % 3) + [i * 10] }
      #expect(parallel == serial, "\(count) chunks")
    }
  }

  @Test func anErrorOfAnyChunkIsThrown() {
    struct Broken: Error {}
    #expect(throws: Broken.self) { try Chunks.map(9) { i -> [Int] in if i == 5 { throw Broken() } else { return [i] } } }
  }

  /// `coach next` and `coach alerts` rank leads loaded in parts: joined candidates must give the same queue and alerts.
  @Test func queueAndAlertsFromPartsEqualThoseFromAllLeads() throws {
    let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
    let playbook = try #require(try DefaultPlaybook.load().playbook("en"))
    for iso in ["2026-11-24T09:00:00+08:00", "2027-02-10T20:00:00+08:00"] {
      let now = Fixture.at(iso)
      let ctx = EngineContext(playbook: playbook, now: now, zone: zone, consultantName: "李娜")
      let leads = DemoData.generate(now: Fixture.at("2026-11-24T09:00:00+08:00"), zone: zone, seed: 3, leads: 300).leads
      let parts = stride(from: 0, to: leads.count, by: 70).map { Array(leads[$0..<min(leads.count, $0 + 70)]) }
      let due = try Chunks.map(parts.count) { FollowUpEngine.dueCandidates(for: parts[$0], in: ctx) }
      #expect(Queue.build(candidates: due, ctx: ctx, limit: 25) == Queue.build(leads: leads, ctx: ctx, limit: 25))
      let overdue = try Chunks.map(parts.count) { Alerts.candidates(leads: parts[$0], ctx: ctx) }
      let alerts = Alerts.build(candidates: overdue)
      #expect(alerts == Alerts.build(leads: leads, ctx: ctx))
      #expect(alerts.count > 20)
    }
  }
}
