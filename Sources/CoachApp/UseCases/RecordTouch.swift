import CoachCore
import CoachStore
import Foundation

/// `coach touch` and `POST /api/v1/leads/ID/touches`: a contact (or attempt) recorded at the run's `now`.
package struct RecordTouch: Sendable {
  package var channel: Channel
  package var outcome: Outcome
  package var note: String?
  /// Topics to bury for next time, with their kinds.
  package var bury: [(text: String, kind: TopicKind)] = []
  package var resolve: [Int64] = []
  package var objections: [String] = []
  package var issues: [String] = []
  /// The agreed next contact as typed: ISO 8601, in the run's zone without an offset.
  package var next: String?

  package init(channel: Channel, outcome: Outcome, note: String? = nil) {
    self.channel = channel
    self.outcome = outcome
    self.note = note
  }

  /// Checks the input against the playbook and the clock, then writes the touch in one transaction.
  package func run(_ session: Session, leadID: String) throws -> (result: TouchResult, nextAt: Date?) {
    let env = session.env
    let texts: [(option: String, text: String?)] =
      [("--note", note)] + bury.map({ ("--bury", $0.text) }) + issues.map({ ("--issue", $0) })
    for (option, text) in texts where text.map(Self.isBlank) == true {
      throw CoachError.usage("\(option) is empty: give the text, or leave the option out")
    }
    let codes = try Playbooks.objectionCodes(env)
    for code in objections where !codes.contains(code) {
      throw CoachError.rejected(
        code: "unknown_objection",
        message: "objection \"\(code)\" is not in the playbook; codes: \(codes.sorted().joined(separator: ", "))")
    }
    let nextAt = try next.map { try env.instant($0, option: "--next") }
    if let nextAt, nextAt < env.now {
      throw CoachError.rejected(
        code: "next_in_past", message: "--next \(next ?? "") is before now: agree a future time")
    }
    let touch = NewTouch(
      at: env.now, channel: channel, outcome: outcome, note: note, objections: objections, nextAt: nextAt,
      bury: bury, issues: issues, resolve: resolve)
    return (try session.db.addTouch(leadID: leadID, touch, actor: session.actor, scope: session.scope), nextAt)
  }

  static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}

package struct TouchResultJSON: Encodable {
  let touch_id: Int64
  let buried_topic_ids: [Int64]
  let issue_ids: [Int64]

  package init(_ r: TouchResult) {
    touch_id = r.touchID
    buried_topic_ids = r.buriedTopicIDs
    issue_ids = r.issueIDs
  }
}
