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

  /// More workers than cores (a store whose loads wait on a server) run on threads of their own: the same results in
  /// the same order, each chunk once, and as many chunks at once as asked.
  @Test func moreWorkersThanCoresGiveTheSameResults() throws {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for workers in [1, cores + 1, 3 * cores + 2] {
      let running = Running()
      let results = try Chunks.map(40, workers: workers) { i -> [Int] in
        running.enter()
        defer { running.leave() }
        usleep(2_000)  // waits, as a load waits for a server's rows
        return [i, -i]
      }
      #expect(results == (0..<40).flatMap { [$0, -$0] }, "\(workers) workers")
      #expect(running.most == min(workers, 40), "\(workers) workers")
    }
    struct Broken: Error {}
    #expect(throws: Broken.self) {
      try Chunks.map(9, workers: cores + 2) { i -> [Int] in if i == 5 { throw Broken() } else { return [i] } }
    }
  }

  /// How many chunks run at once, and the most that did.
  final class Running: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0
    func enter() {
      lock.lock()
      now += 1
      most = max(most, now)
      lock.unlock()
    }
    func leave() {
      lock.lock()
      now -= 1
      lock.unlock()
    }
  }

  @Test func anErrorOfAnyChunkIsThrown() {
    struct Broken: Error {}
    #expect(throws: Broken.self) {
      try Chunks.map(9) { i -> [Int] in if i == 5 { throw Broken() } else { return [i] } }
    }
  }

  @Test func partsComeInMultiplesOfTheCoresAndNeverAboveTheMaximum() {
    for count in [1, 399, 800, 2_500, 10_000, 10_001, 25_000, 100_000] {
      for cores in [1, 2, 3, 8] {
        let size = Chunks.partSize(count, cores: cores, maximum: 5_000)
        let parts = (count + size - 1) / size
        #expect(size <= 5_000 && size >= 1, "\(count) on \(cores)")
        // Equal shares: the number of parts is a multiple of the cores whenever there are enough items.
        if count >= cores { #expect(parts % cores == 0 || parts < cores, "\(count) on \(cores): \(parts) parts") }
        // No more parts than needed: one round fewer would go over the maximum.
        #expect(parts <= cores * ((count + cores * 5_000 - 1) / (cores * 5_000)), "\(count) on \(cores)")
      }
    }
    #expect(Chunks.partSize(25_000, cores: 2, maximum: 5_000) == 4_167)
  }

  @Test func spansCutARangeOfIdsInOrder() {
    #expect(Chunks.spans(1...10, size: 4) == [1...4, 5...8, 9...10])
    #expect(Chunks.spans(7...7, size: 4) == [7...7])
    #expect(Chunks.spans(1...8, size: 4) == [1...4, 5...8])
    #expect(
      Chunks.spans(Int64.max - 5...Int64.max, size: 4) == [Int64.max - 5...Int64.max - 2, Int64.max - 1...Int64.max])
  }

  @Test func idRangesCoverEachIdOnceInOrder() {
    let ids: [Int64] = [2, 3, 5, 8, 13, 21, 34]
    #expect(Chunks.idRanges(ids, size: 3) == [2...5, 8...21, 34...34])
    #expect(Chunks.idRanges(ids, size: 10) == [2...34])
    #expect(Chunks.idRanges([], size: 3).isEmpty)
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
      // Each part may keep only its own most urgent ones.
      let kept = try Chunks.map(parts.count) {
        FollowUpEngine.mostUrgentCandidates(FollowUpEngine.dueCandidates(for: parts[$0], in: ctx), limit: 25)
      }
      #expect(kept.count < due.count)
      #expect(Queue.build(candidates: kept, ctx: ctx, limit: 25) == Queue.build(leads: leads, ctx: ctx, limit: 25))
      let runs = try Chunks.map(parts.count) { [Alerts.ranked(leads: parts[$0], ctx: ctx)] }
      let alerts = Alerts.merged(runs)
      #expect(alerts == Alerts.build(leads: leads, ctx: ctx))
      #expect(alerts.count > 20)
      // Whatever the runs' order, and with empty runs among them.
      #expect(Alerts.merged(runs.reversed() + [[]]) == alerts)
      // The order itself: most overdue first, then most urgent.
      let all = Alerts.ranked(leads: leads, ctx: ctx)
      #expect(zip(all, all.dropFirst()).allSatisfy { Alerts.precedes($0.action, $1.action) })
    }
  }
}
