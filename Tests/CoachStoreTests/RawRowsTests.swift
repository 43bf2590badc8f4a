import CoachCore
import Foundation
import GRDB
import Testing

@testable import CoachStore

/// Rows stepped straight from a prepared statement (`RawRows`): every row in order, an early stop that leaves the
/// statement ready to run again, touches decoded as the loader's columns give them, and errors thrown, not crashes.
@Suite struct RawRowsTests {
  static let columns = "leadId, id, at, channel, outcome, note, objections, nextAt, actor"

  func ints(_ statement: Statement, _ json: String, stopAfter limit: Int = .max) throws -> [Int64] {
    var seen: [Int64] = []
    try RawRows.each(statement, [json]) { s in
      seen.append(RawRows.int64(s, 0))
      return seen.count < limit
    }
    return seen
  }

  @Test func stepsEveryRowOrStopsWhenToldAndRunsAgain() throws {
    try AppDatabase.inMemory().writer.read { db in
      let statement = try db.makeStatement(sql: "SELECT value FROM json_each(?)")
      #expect(try ints(statement, "[1,2,3,4]") == [1, 2, 3, 4])
      #expect(try ints(statement, "[5,6,7]", stopAfter: 2) == [5, 6])
      // Stopped early, the statement was reset: the next run starts at its own first row.
      #expect(try ints(statement, "[8,9]") == [8, 9])
      #expect(try ints(statement, "[]").isEmpty)
    }
  }

  @Test func aFailingStepIsThrownAndTheStatementStaysUsable() throws {
    try AppDatabase.inMemory().writer.read { db in
      let statement = try db.makeStatement(sql: "SELECT value FROM json_each(?)")
      #expect(throws: DatabaseError.self) { try ints(statement, "[1,") }
      #expect(try ints(statement, "[3]") == [3])
    }
  }

  @Test func decodesTheLoadersTouchColumns() throws {
    try AppDatabase.inMemory().writer.read { db in
      let statement = try db.makeStatement(
        sql: """
          SELECT 7, 42, '2026-11-24 01:00:00.000', 'wechat', 'no_answer', 'n', 'price;space',
            '2026-11-25 02:30:00', '李娜'
          UNION ALL SELECT 7, 43, '2026-11-24 03:00:00', 'fax', NULL, NULL, NULL, NULL, NULL
          """)
      var touches: [Touch] = []
      try RawRows.each(statement, []) { s in
        touches.append(try RawRows.touch(s))
        return true
      }
      let t0 = Date(timeIntervalSince1970: 1_795_482_000)  // 2026-11-24 01:00 UTC
      #expect(touches.count == 2)
      #expect(touches[0].id == 42 && touches[0].at == t0)
      #expect(touches[0].channel == .wechat && touches[0].outcome == .noAnswer)
      #expect(touches[0].note == "n" && touches[0].objections == ["price", "space"] && touches[0].actor == "李娜")
      #expect(touches[0].nextAt == t0.addingTimeInterval(25 * 3_600 + 1_800))
      // An unknown channel and a missing outcome read as the loader always read them: a call that reached.
      #expect(touches[1].channel == .call && touches[1].outcome == .reached)
      #expect(
        touches[1].note == nil && touches[1].objections.isEmpty && touches[1].nextAt == nil && touches[1].actor == nil)
    }
  }

  @Test func aMissingOrUnreadableTimeIsAnErrorNamingItsColumn() throws {
    try AppDatabase.inMemory().writer.read { db in
      for at in ["NULL", "'soon'"] {
        let statement = try db.makeStatement(sql: "SELECT 1, 2, \(at) AS at, 'call', 'reached', NULL, NULL, NULL, NULL")
        let error = #expect(throws: DatabaseError.self) {
          try RawRows.each(statement, []) { s in
            _ = try RawRows.touch(s)
            return true
          }
        }
        #expect(error?.message?.contains("at") == true)
      }
    }
  }
}
