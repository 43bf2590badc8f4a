import CoachCore
import Foundation
import GRDB

extension AppDatabase {
  /// Loads every lead matching `filter`, with history, ordered by id.
  public func snapshots(_ filter: LeadFilter) throws -> [LeadSnapshot] {
    try writer.read { db in try LeadLoader.load(db, filter) }
  }

  /// Loads one lead the scope may see, or throws "unknown lead" (exit 65).
  public func snapshot(id: String, scope: Scope) throws -> LeadSnapshot {
    try writer.read { db in try LeadLoader.one(db, id: id, scope: scope) }
  }
}

/// Reads leads and their children in a handful of set-based queries.
enum LeadLoader {
  static func parseID(_ id: String) throws -> Int64 {
    guard let n = Int64(id.trimmingCharacters(in: .whitespaces)), n > 0 else {
      throw CoachError.rejected(code: "unknown_lead", message: "lead id \"\(id)\" is not a lead id: ids are the numbers `coach lead list` shows")
    }
    return n
  }

  static func one(_ db: Database, id: String, scope: Scope) throws -> LeadSnapshot {
    let n = try parseID(id)
    if let lead = try load(db, LeadFilter(scope: scope, leadIDs: [n])).first { return lead }
    if try Int.fetchOne(db, sql: "SELECT 1 FROM lead WHERE id = ?", arguments: [n]) != nil {
      throw CoachError.rejected(code: "not_your_lead", message: "lead \(id) belongs to another consultant: you may see and change only your own leads")
    }
    throw CoachError.rejected(code: "unknown_lead", message: "no lead with id \(id); `coach lead list` shows the ids")
  }

  static func load(_ db: Database, _ filter: LeadFilter) throws -> [LeadSnapshot] {
    let (cond, args) = filter.condition
    var sql = """
      SELECT l.id, l.externalId, l.source, l.model, l.grade, l.tier, l.stage, l.createdAt, l.customerId,
             c.name, c.phone, c.wechat, c.email, c.gender, c.birthday, c.city, u.name AS consultant
      FROM lead l JOIN customer c ON c.id = l.customerId LEFT JOIN user u ON u.id = l.consultantId
      WHERE \(cond) ORDER BY l.id
      """
    if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
    var leads: [LeadSnapshot] = []
    var index: [Int64: Int] = [:]
    var customerOf: [Int64: [Int]] = [:]
    for row in try Row.fetchAll(db, sql: sql, arguments: args) {
      let id: Int64 = row["id"]
      index[id] = leads.count
      customerOf[row["customerId"], default: []].append(leads.count)
      leads.append(
        LeadSnapshot(
          id: String(id), externalID: row["externalId"], name: row["name"], phone: row["phone"], wechat: row["wechat"],
          email: row["email"], gender: row["gender"], birthday: (row["birthday"] as String?).flatMap(LocalDate.init),
          city: row["city"], source: row["source"], consultant: row["consultant"], model: row["model"],
          grade: (row["grade"] as String?).flatMap(Grade.init(rawValue:)),
          tier: (row["tier"] as String?).flatMap(Tier.init(rawValue:)),
          stage: Stage(rawValue: row["stage"]) ?? .prospect, createdAt: row["createdAt"]))
    }
    if leads.isEmpty { return [] }
    // Children: by the same condition, or by id when the list was cut by a limit.
    let sub: (sql: String, args: StatementArguments)
    if filter.limit != nil {
      sub = ("SELECT l.id FROM lead l WHERE l.id IN (\(leads.map(\.id).joined(separator: ",")))", [])
    } else {
      sub = ("SELECT l.id FROM lead l WHERE \(cond)", args)
    }
    for row in try Row.fetchAll(db, sql: "SELECT leadId, tag FROM leadTag WHERE leadId IN (\(sub.sql)) ORDER BY leadId, tag", arguments: sub.args) {
      if let i = index[row["leadId"]] { leads[i].tags.append(row["tag"]) }
    }
    let custSub = sub.sql.replacingOccurrences(of: "SELECT l.id FROM", with: "SELECT l.customerId FROM")
    for row in try Row.fetchAll(db, sql: "SELECT customerId, key, value FROM profileFact WHERE customerId IN (\(custSub)) ORDER BY id", arguments: sub.args) {
      for i in customerOf[row["customerId"]] ?? [] { leads[i].profile.append(ProfileFact(key: row["key"], value: row["value"])) }
    }
    for row in try Row.fetchAll(db, sql: "SELECT * FROM stageEvent WHERE leadId IN (\(sub.sql)) ORDER BY leadId, at, id", arguments: sub.args) {
      guard let i = index[row["leadId"]] else { continue }
      leads[i].events.append(
        StageEvent(
          from: (row["fromStage"] as String?).flatMap(Stage.init(rawValue:)), to: Stage(rawValue: row["toStage"]) ?? .prospect,
          at: row["at"], actor: row["actor"], reason: (row["reason"] as String?).flatMap(ChurnReason.init(rawValue:)),
          note: row["note"], amount: row["amount"], model: row["model"], eta: (row["eta"] as String?).flatMap(LocalDate.init),
          date: (row["date"] as String?).flatMap(LocalDate.init)))
    }
    for row in try Row.fetchAll(db, sql: "SELECT * FROM touch WHERE leadId IN (\(sub.sql)) ORDER BY leadId, at, id", arguments: sub.args) {
      guard let i = index[row["leadId"]] else { continue }
      let objections = (row["objections"] as String?)?.split(separator: ";").map(String.init) ?? []
      leads[i].touches.append(
        Touch(
          id: row["id"], at: row["at"], channel: Channel(rawValue: row["channel"]) ?? .call,
          outcome: Outcome(rawValue: row["outcome"]) ?? .reached, note: row["note"], objections: objections,
          nextAt: row["nextAt"], actor: row["actor"]))
    }
    for row in try Row.fetchAll(db, sql: "SELECT * FROM topic WHERE leadId IN (\(sub.sql)) ORDER BY leadId, buriedAt, id", arguments: sub.args) {
      guard let i = index[row["leadId"]] else { continue }
      leads[i].topics.append(
        Topic(
          id: row["id"], category: Topic.Category(rawValue: row["category"]) ?? .buried, text: row["text"],
          kind: TopicKind(rawValue: row["kind"]) ?? .other, buriedAt: row["buriedAt"], buriedBy: row["buriedBy"],
          resolvedAt: row["resolvedAt"], resolvedByTouch: row["resolvedByTouch"]))
    }
    return leads
  }
}
