import CoachCore
import CoachStoreAPI
import GRDB

extension Scope {
  /// SQL condition on table alias `l` (lead) with its arguments.
  var condition: (sql: String, arguments: StatementArguments) { condition(on: "l.consultantId") }

  /// The same condition on another column holding the lead's consultant (`f.consultantId` of `followUp`, v11).
  func condition(on column: String) -> (sql: String, arguments: StatementArguments) {
    switch self {
    case .all:
      return ("1", [])
    case .own(let id):
      return ("\(column) = ?", [id])
    case .store(let store):
      return ("\(column) IN (SELECT id FROM user WHERE storeId = ?)", [store])
    case .team(let team, let id, let store):
      guard let team else { return ("\(column) = ?", [id]) }
      if let store {
        return ("\(column) IN (SELECT ? UNION SELECT id FROM user WHERE team = ? AND storeId = ?)", [id, team, store])
      }
      // One IN list rather than `= ? OR IN (...)`: with an OR, SQLite read the whole team's index entries and
      // their lead rows for every part of an id range (`LeadFilter.idRange`), and only then dropped those outside
      // it; one list lets it search each consultant's entries within the range.
      return ("\(column) IN (SELECT ? UNION SELECT id FROM user WHERE team = ?)", [id, team])
    }
  }
}

extension LeadFilter {
  /// SQL condition on `lead l` with its arguments.
  var condition: (sql: String, arguments: StatementArguments) {
    var (sql, args) = scope.condition
    if let consultantID {
      sql += " AND l.consultantId = ?"
      args += [consultantID]
    }
    if !handedOverBy.isEmpty {
      // The part's id range inside the first branch too: with it only outside the OR, SQLite read every one of the
      // team's index entries for each part.
      if let idRange {
        sql += " AND l.id BETWEEN ? AND ?"
        args += [idRange.lowerBound, idRange.upperBound]
      }
      sql = """
        ((\(sql)) OR l.id IN (SELECT leadId FROM leadEdit WHERE field = 'consultant' \
        AND oldValue IN (SELECT value FROM json_each(?))))
        """
      args += [handedOverJSON]
    }
    if let stage {
      sql += " AND l.stage = ?"
      args += [stage.rawValue]
    }
    if let leadIDs {
      // One JSON array: the statement's text stays the same for any number of ids, so it is prepared once per
      // connection (`Database.cachedStatement`).
      sql += " AND l.id IN (SELECT value FROM json_each(?))"
      args += [LeadLoader.jsonArray(leadIDs.map(\.description))]
    }
    if let idRange {
      sql += " AND l.id BETWEEN ? AND ?"
      args += [idRange.lowerBound, idRange.upperBound]
    }
    return (sql, args)
  }
}
