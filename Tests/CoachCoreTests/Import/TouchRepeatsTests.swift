import Foundation
import Testing

@testable import CoachCore

@Suite struct TouchRepeatsTests {
  static func touch(_ lead: String, _ seconds: Double, _ channel: Channel = .call, _ outcome: Outcome = .reached)
    -> ImportedTouch
  {
    ImportedTouch(
      line: 0, leadExternalID: lead, at: Date(timeIntervalSince1970: seconds), channel: channel, outcome: outcome)
  }

  @Test("a row is a repeat only with the same lead, millisecond, channel and outcome, found at any distance")
  func exactKey() {
    var seen = TouchRepeats()
    #expect(seen.earlierLine(of: Self.touch("E1", 1_752_112_800), line: 2) == nil)
    #expect(seen.earlierLine(of: Self.touch("E1", 1_752_112_800.5), line: 3) == nil)
    #expect(seen.earlierLine(of: Self.touch("E1", 1_752_112_800, .sms), line: 4) == nil)
    #expect(seen.earlierLine(of: Self.touch("E1", 1_752_112_800, .call, .noAnswer), line: 5) == nil)
    #expect(seen.earlierLine(of: Self.touch("E2", 1_752_112_800), line: 6) == nil)
    // Before 1970 and near the ends of the years a file may hold: the packed time stays exact.
    #expect(seen.earlierLine(of: Self.touch("E1", -11_644_473_600), line: 7) == nil)
    #expect(seen.earlierLine(of: Self.touch("E1", -11_644_473_599.5), line: 8) == nil)
    #expect(seen.earlierLine(of: Self.touch("E1", 253_402_300_799.5), line: 9) == nil)
    #expect(seen.earlierLine(of: Self.touch("E1", 1_752_112_800), line: 10) == 2)
    #expect(seen.earlierLine(of: Self.touch("E1", 1_752_112_800.5), line: 11) == 3)
    #expect(seen.earlierLine(of: Self.touch("E2", 1_752_112_800), line: 12) == 6)
    #expect(seen.earlierLine(of: Self.touch("E1", -11_644_473_599.5), line: 13) == 8)
    #expect(seen.earlierLine(of: Self.touch("E1", 253_402_300_799.5), line: 14) == 9)
    // A repeat is not kept: a third copy names the first line again.
    #expect(seen.earlierLine(of: Self.touch("E1", 1_752_112_800), line: 15) == 2)
  }

  @Test("a lead with more rows than are searched one by one still finds repeats of its first and last rows")
  func manyRowsOfOneLead() {
    var seen = TouchRepeats()
    let rows = 3 * TouchRepeats.searchedAtMost
    for i in 0..<rows {
      #expect(seen.earlierLine(of: Self.touch("FLEET", Double(i) * 60), line: i + 2) == nil)
      #expect(seen.earlierLine(of: Self.touch("E\(i)", Double(i) * 60), line: rows + i + 2) == nil)
    }
    for i in [0, 1, TouchRepeats.searchedAtMost - 1, TouchRepeats.searchedAtMost, rows - 1] {
      #expect(seen.earlierLine(of: Self.touch("FLEET", Double(i) * 60), line: 10_000 + i) == i + 2)
    }
    #expect(seen.earlierLine(of: Self.touch("FLEET", Double(rows) * 60), line: 20_000) == nil)
    #expect(seen.earlierLine(of: Self.touch("FLEET", Double(rows) * 60), line: 20_001) == 20_000)
    #expect(seen.earlierLine(of: Self.touch("E5", 5 * 60), line: 20_002) == rows + 7)
  }

  @Test("rows of one lead spread over several blocks, between other leads' rows, are each found again")
  func rowsAcrossBlocks() {
    var seen = TouchRepeats()
    let rows = 3 * TouchRepeats.perBlock + 1
    for i in 0..<rows {
      #expect(seen.earlierLine(of: Self.touch("E1", Double(i)), line: 2 * i + 2) == nil)
      #expect(seen.earlierLine(of: Self.touch("E\(i + 2)", Double(i)), line: 2 * i + 3) == nil)
    }
    for i in (0..<rows).reversed() {
      #expect(seen.earlierLine(of: Self.touch("E1", Double(i)), line: 1_000 + i) == 2 * i + 2)
    }
    #expect(seen.earlierLine(of: Self.touch("E1", Double(rows)), line: 2_000) == nil)
    #expect(seen.earlierLine(of: Self.touch("E1", Double(rows)), line: 2_001) == 2_000)
  }
}
