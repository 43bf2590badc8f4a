import CoachCore
import Foundation
import GRDB

/// A touch as given by `coach touch` or an import row.
public struct NewTouch: Sendable {
  public var at: Date
  public var channel: Channel
  public var outcome: Outcome
  public var note: String?
  public var objections: [String]
  public var nextAt: Date?
  /// Topics to bury: text and kind.
  public var bury: [(text: String, kind: TopicKind)]
  /// After-sales issues raised (to be fixed within the playbook's limit).
  public var issues: [String]
  /// Open topic or issue ids this touch resolves.
  public var resolve: [Int64]
  /// What the customer said, word for word, for objections raised (code and text).
  public var said: [(code: String, text: String)]

  public init(
    at: Date, channel: Channel, outcome: Outcome, note: String? = nil, objections: [String] = [], nextAt: Date? = nil,
    bury: [(text: String, kind: TopicKind)] = [], issues: [String] = [], resolve: [Int64] = [],
    said: [(code: String, text: String)] = []
  ) {
    self.at = at
    self.channel = channel
    self.outcome = outcome
    self.note = note
    self.objections = objections
    self.nextAt = nextAt
    self.bury = bury
    self.issues = issues
    self.resolve = resolve
    self.said = said
  }
}

/// What a recorded touch created.
public struct TouchResult: Sendable, Codable {
  public var touchID: Int64
  public var buriedTopicIDs: [Int64]
  public var issueIDs: [Int64]
}

extension AppDatabase {
  /// Records a touch on a lead the scope may change, with its topics, in one transaction.
  public func addTouch(leadID: String, _ touch: NewTouch, actor: String?, scope: Scope) throws -> TouchResult {
    try writer.write { db in
      let lead = try LeadLoader.one(db, id: leadID, scope: scope)
      guard let id = Int64(lead.id) else { throw CoachError.internalError("bad lead id \(lead.id)") }
      for topicID in touch.resolve {
        guard let topic = lead.topics.first(where: { $0.id == topicID }) else {
          let open = lead.topics.filter(\.isOpen).map { String($0.id) }
          throw CoachError.refused(.unknownTopic(topic: topicID, leadID: leadID, open: open))
        }
        if !topic.isOpen {
          throw CoachError.refused(.topicResolved(topic: topicID, leadID: leadID))
        }
      }
      let touchID = try TouchWriter.insert(db, leadID: id, touch, actor: actor)
      var buried: [Int64] = []
      for (text, kind) in touch.bury {
        buried.append(try TouchWriter.insertTopic(db, leadID: id, category: .buried, text: text, kind: kind, at: touch.at, by: actor))
      }
      var issues: [Int64] = []
      for text in touch.issues {
        issues.append(try TouchWriter.insertTopic(db, leadID: id, category: .issue, text: text, kind: .other, at: touch.at, by: actor))
      }
      for (code, text) in touch.said {
        try db.execute(
          sql: "INSERT INTO objectionSaid (touchId, code, text, at) VALUES (?,?,?,?)",
          arguments: [touchID, code, text, touch.at])
      }
      for topicID in touch.resolve {
        try db.execute(
          sql: "UPDATE topic SET resolvedAt = ?, resolvedByTouch = ? WHERE id = ?", arguments: [touch.at, touchID, topicID])
      }
      try db.execute(sql: "UPDATE lead SET updatedAt = ? WHERE id = ?", arguments: [touch.at, id])
      return TouchResult(touchID: touchID, buriedTopicIDs: buried, issueIDs: issues)
    }
  }
}

enum TouchWriter {
  static func insert(_ db: Database, leadID: Int64, _ t: NewTouch, actor: String?) throws -> Int64 {
    // A cached statement: an import runs this millions of times.
    try db.cachedStatement(
      sql: "INSERT INTO touch (leadId, at, channel, outcome, note, objections, nextAt, actor) VALUES (?,?,?,?,?,?,?,?)"
    ).execute(
      arguments: [
        leadID, StoredDate.value(t.at), t.channel.rawValue, t.outcome.rawValue, t.note,
        t.objections.isEmpty ? nil : t.objections.joined(separator: ";"), t.nextAt.map(StoredDate.value), actor,
      ])
    return db.lastInsertedRowID
  }

  static func insertTopic(
    _ db: Database, leadID: Int64, category: Topic.Category, text: String, kind: TopicKind, at: Date, by: String?
  ) throws -> Int64 {
    try db.execute(
      sql: "INSERT INTO topic (leadId, category, text, kind, buriedAt, buriedBy) VALUES (?,?,?,?,?,?)",
      arguments: [leadID, category.rawValue, text, kind.rawValue, at, by])
    return db.lastInsertedRowID
  }
}

/// A date as GRDB stores it (`yyyy-MM-dd HH:mm:ss.SSS`, UTC) without its `DateFormatter` for whole seconds in
/// 1601…9999 (what imports and the CLI write); anything else is left to GRDB, so the text is always GRDB's.
enum StoredDate {
  /// Length of the text `write` puts down.
  static let length = 23

  static func value(_ date: Date) -> any DatabaseValueConvertible {
    var out = [UInt8](repeating: 0, count: length)
    let written = out.withUnsafeMutableBytes { write(date, into: $0) }
    return written ? String(decoding: out, as: UTF8.self) : date
  }

  /// Writes the text `value(date)` stores into the first `length` bytes of `out`, or returns false (and writes
  /// nothing) when the date is left to GRDB's formatter.
  static func write(_ date: Date, into out: UnsafeMutableRawBufferPointer) -> Bool {
    let t = date.timeIntervalSince1970
    guard out.count >= length, t.rounded(.down) == t, t >= -11_644_473_600, t < 253_402_300_800 else { return false }
    let seconds = Int(t)
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let s = seconds - days * 86_400
    let day = LocalDate(daysSinceEpoch: days)
    let (y, m, d) = (day.year, day.month, day.day)
    func put(_ v: Int, at i: Int, width: Int) {
      var v = v
      for k in stride(from: i + width - 1, through: i, by: -1) {
        out[k] = UInt8(0x30 + v % 10)
        v /= 10
      }
    }
    put(y, at: 0, width: 4)
    out[4] = 0x2D
    put(m, at: 5, width: 2)
    out[7] = 0x2D
    put(d, at: 8, width: 2)
    out[10] = 0x20
    put(s / 3600, at: 11, width: 2)
    out[13] = 0x3A
    put(s / 60 % 60, at: 14, width: 2)
    out[16] = 0x3A
    put(s % 60, at: 17, width: 2)
    out[19] = 0x2E
    put(0, at: 20, width: 3)
    return true
  }
}
