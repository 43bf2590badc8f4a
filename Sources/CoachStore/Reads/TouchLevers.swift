import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension LeadLoader {
  /// The switch levers of the loaded touches (`touchLever`, v10-lever), in the order they were given. Levers of a
  /// touch that was not loaded (before a `touchesSince`) are skipped.
  static func loadLevers(
    _ db: Database, _ sub: ChildCondition, into leads: inout [LeadSnapshot],
    _ index: LeadPositions
  ) throws {
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT leadId, touchId, lever FROM touchLever WHERE \(sub.sql)
          ORDER BY leadId, touchId, position
          """), arguments: sub.args)
    var at = index
    var current: (lead: Int, positions: [Int64: Int])?
    while let row = try rows.next() {
      guard let i = at(row[0]), let lever = Lever(rawValue: row[2]) else { continue }
      if current?.lead != i {
        let ids = leads[i].touches.enumerated().map { ($1.id, $0) }
        current = (i, Dictionary(ids, uniquingKeysWith: { a, _ in a }))
      }
      guard let t = current?.positions[row[1] as Int64] else { continue }
      leads[i].touches[t].levers.append(lever)
    }
  }
}
