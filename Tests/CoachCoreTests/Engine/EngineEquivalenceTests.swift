import Foundation
import Testing

@testable import CoachCore

/// Guards the engine's speed work: every result of `nextAction`, `followUps` and `Queue.build` on demo
/// data sets (two seeds, three clocks, two languages) must stay exactly what it was when the digests in
/// `EngineGolden+Recorded.swift` were recorded. To see what changed, set `COACH_ENGINE_GOLDEN_DUMP` to a
/// folder: each case writes its full text dump there (run it on the old and the new code and diff).
@Suite struct EngineEquivalenceTests {
  @Test("engine results match the recorded digests", arguments: EngineGolden.cases)
  func matchesRecorded(_ c: EngineGolden.Case) throws {
    let lines = try EngineGolden.dump(c)
    if let dir = ProcessInfo.processInfo.environment["COACH_ENGINE_GOLDEN_DUMP"] {
      let text = lines.joined(separator: "\n") + "\n"
      try text.write(toFile: dir + "/" + c.name + ".txt", atomically: true, encoding: .utf8)
    }
    let digests = EngineGolden.digests(lines)
    let recorded = EngineGolden.recorded[c.name] ?? []
    #expect(digests.count == recorded.count, "\(c.name): \(digests.count) blocks, recorded \(recorded.count)")
    for (i, (now, then)) in zip(digests, recorded).enumerated() where now != then {
      Issue.record("\(c.name): block \(i) (lines \(i * EngineGolden.block)…) differs: \(now) != \(then)")
    }
  }

  @Test func digestsTellDifferentLinesApart() {
    #expect(EngineGolden.digests(["a", "b"]) != EngineGolden.digests(["b", "a"]))
    #expect(EngineGolden.digests(["ab"]) != EngineGolden.digests(["a", "b"]))
  }
}
