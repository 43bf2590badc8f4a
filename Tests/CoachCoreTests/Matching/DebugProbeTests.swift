import Foundation
import Testing

@testable import CoachCore

@Suite struct DebugProbeTests {
  @Test func probe() throws {
    guard let texts = ProcessInfo.processInfo.environment["PROBE"] else { return }
    let set = try MatchingFixtures.playbookSet()
    let matcher = set.objectionMatcher()
    for text in texts.split(separator: "|").map(String.init) {
      print("PROBE \(text): \(matcher.debugRank(text))")
    }
  }
}
