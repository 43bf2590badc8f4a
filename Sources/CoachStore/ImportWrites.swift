import CoachCore
import Foundation
import GRDB

/// What an import did: rows written and rows skipped with their line and reason.
public struct ImportResult: Sendable {
  public var imported: Int
  public var skipped: [RowError]
  public var createdConsultants: [String]
}

extension AppDatabase {
  /// Imports parsed lead rows in one transaction. Rows whose external id is already in the database are bad rows.
  /// With `strict`, any bad row (these or `parseErrors`) rejects the whole file and nothing is written.
  public func importLeads(
    _ rows: [ImportedLead], parseErrors: [RowError], strict: Bool, now: Date, actor: String?
  ) throws -> ImportResult {
    try writer.write { db in
      var errors = parseErrors
      let ids = rows.compactMap(\.externalID)
      var existing = Set<String>()
      for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
        let sql = "SELECT externalId FROM lead WHERE externalId IN (\(chunk.map { _ in "?" }.joined(separator: ",")))"
        existing.formUnion(try String.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)))
      }
      var good: [ImportedLead] = []
      for row in rows {
        if let ext = row.externalID, existing.contains(ext) {
          errors.append(RowError(line: row.line, reason: "external_id \"\(ext)\" is already in the database"))
        } else {
          good.append(row)
        }
      }
      errors.sort { $0.line < $1.line }
      if strict, !errors.isEmpty { throw ImportFailure.strict(errors) }
      var consultants = try Dictionary(
        Row.fetchAll(db, sql: "SELECT id, name FROM user").map { ($0["name"] as String, $0["id"] as Int64) },
        uniquingKeysWith: { a, _ in a })
      var created: [String] = []
      for row in good {
        var consultantID: Int64?
        if let name = row.consultant {
          if let id = consultants[name] {
            consultantID = id
          } else {
            try db.execute(
              sql: "INSERT INTO user (name, role, createdAt) VALUES (?, 'consultant', ?)", arguments: [name, now])
            consultants[name] = db.lastInsertedRowID
            consultantID = db.lastInsertedRowID
            created.append(name)
          }
        }
        let createdAt = row.createdAt ?? now
        let lead = NewLead(
          externalID: row.externalID, name: row.name, phone: row.phone, wechat: row.wechat, email: row.email,
          gender: row.gender, birthday: row.birthday, city: row.city, source: row.source, consultantID: consultantID,
          model: row.model, grade: row.grade, tier: row.tier, tags: row.tags, profile: row.profile, stage: row.stage,
          createdAt: createdAt)
        let note = row.stage == .prospect ? nil : "imported at \(row.stage.rawValue)"
        _ = try LeadWriter.insert(
          db, lead, actor: actor, events: [StageEvent(from: nil, to: row.stage, at: createdAt, actor: actor, note: note)])
      }
      return ImportResult(imported: good.count, skipped: errors, createdConsultants: created)
    }
  }

  /// Imports parsed touch rows in one transaction; a row naming an unknown lead is a bad row.
  public func importTouches(
    _ rows: [ImportedTouch], parseErrors: [RowError], strict: Bool, actor: String?, scope: Scope
  ) throws -> ImportResult {
    try writer.write { db in
      var errors = parseErrors
      let (cond, args) = scope.condition
      var leadIDs: [String: Int64] = [:]
      let wanted = Array(Set(rows.map(\.leadExternalID)))
      for chunk in stride(from: 0, to: wanted.count, by: 500).map({ Array(wanted[$0..<min($0 + 500, wanted.count)]) }) {
        let sql = "SELECT l.externalId, l.id FROM lead l WHERE \(cond) AND l.externalId IN (\(chunk.map { _ in "?" }.joined(separator: ",")))"
        for row in try Row.fetchAll(db, sql: sql, arguments: args + StatementArguments(chunk)) {
          leadIDs[row[0]] = row[1]
        }
      }
      var good: [(Int64, ImportedTouch)] = []
      for row in rows {
        if let id = leadIDs[row.leadExternalID] {
          good.append((id, row))
        } else {
          errors.append(RowError(line: row.line, reason: "lead_external_id \"\(row.leadExternalID)\" is not a lead you may see: import the leads first"))
        }
      }
      errors.sort { $0.line < $1.line }
      if strict, !errors.isEmpty { throw ImportFailure.strict(errors) }
      for (leadID, row) in good {
        _ = try TouchWriter.insert(
          db, leadID: leadID,
          NewTouch(at: row.at, channel: row.channel, outcome: row.outcome, note: row.note, nextAt: row.nextAt), actor: actor)
      }
      return ImportResult(imported: good.count, skipped: errors, createdConsultants: [])
    }
  }
}

/// A strict import refused because of bad rows (nothing was written).
public enum ImportFailure: Error, Sendable {
  case strict([RowError])
}
