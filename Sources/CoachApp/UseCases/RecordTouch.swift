import CoachCore
import CoachStoreAPI
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
  /// Switch levers argued with, as typed: codes or the playbook's labels (`--lever`).
  package var levers: [String] = []
  package var issues: [String] = []
  /// The agreed next contact as typed: ISO 8601, in the run's zone without an offset.
  package var next: String?
  /// What the customer said, by the objection code it was heard as (`--said`).
  package var said: [(code: String, text: String)] = []

  package init(channel: Channel, outcome: Outcome, note: String? = nil) {
    self.channel = channel
    self.outcome = outcome
    self.note = note
  }

  /// Every text typed says something (a blank note, topic, issue or quote is a mistake, exit 64): the CLI checks
  /// this before it opens the database, `run` again for every other caller.
  package func checkTexts() throws {
    let texts: [(option: String, text: String?)] =
      [("--note", note)] + bury.map({ ("--bury", $0.text) }) + issues.map({ ("--issue", $0) })
      + said.map({ ("--said", $0.text) })
    for (option, text) in texts { if let text { try FreeText.require(text, option: option) } }
  }

  /// Checks the input against the playbook and the clock, then writes the touch in one transaction.
  /// A next contact agreed before a snooze on the lead ends lifts the snooze (recorded as cleared by the acting user):
  /// the customer's own "call me Thursday" comes before a hold set earlier; `lifted` is that snooze.
  /// `asksForNext`: the customer was reached and no next contact was agreed while the lead is open (a prospect, a
  /// deposit, a car on its way, as the audit's contacts without a next one count): golden rule 7 asks for one; an
  /// owner's or a lost customer's call does not.
  package func run(_ session: Session, leadID: String) throws -> (
    result: TouchResult, lifted: Snooze?, asksForNext: Bool
  ) {
    let env = session.env
    try checkTexts()
    let playbook = try Playbooks.load(env)
    let codes = Set(playbook.objections.map(\.code))
    for code in objections where !codes.contains(code) {
      throw CoachError.refused(.unknownObjection(code: code, known: codes.sorted()))
    }
    let levers = try Self.levers(self.levers, playbook)
    guard outcome.isPossible(on: channel) else {
      throw CoachError.refused(.outcomeNotOnChannel(channel: channel.rawValue, outcome: outcome.rawValue))
    }
    let nextAt = try next.map { try env.instant($0, option: "--next") }
    if let nextAt, nextAt < env.now {
      throw CoachError.refused(.nextInPast(given: next ?? ""))
    }
    // A year at most: `--next 2099-01-01` held the lead out of the queue and the alerts for decades.
    let latest = env.today.adding(days: Self.furthestNextDays)
    if let nextAt, nextAt >= latest.adding(days: 1).startOfDay(in: env.zone) {
      throw CoachError.refused(.nextTooFar(given: next ?? "", latest: latest, days: Self.furthestNextDays))
    }
    let id = try LeadID.typed(leadID)
    // Not dated before the lead was created (`--now` replays; it does not write into counted history).
    let lead = try session.db.snapshot(id: id, scope: session.scope)
    try StageMachine.checkOrder(lead, at: env.now)
    // An objection heard is heard once per touch (`--objection X --objection X`), in the order first given.
    var heard: [String] = []
    for code in objections where !heard.contains(code) { heard.append(code) }
    let touch = NewTouch(
      at: env.now, channel: channel, outcome: outcome, note: note, objections: heard, nextAt: nextAt,
      bury: bury, issues: issues, resolve: resolve, said: said, levers: levers)
    let result = try session.db.addTouch(leadID: id, touch, actor: session.actor, scope: session.scope)
    var lifted: Snooze?
    if let nextAt, let held = lead.snooze(at: env.now, in: env.zone), nextAt < held.until.startOfDay(in: env.zone) {
      lifted = try session.db.clearSnooze(
        leadID: id, actor: session.actor, now: env.now, zone: env.zone, scope: session.scope)
    }
    return (result, lifted, nextAt == nil && outcome.isContact && lead.stage.isOpen)
  }
}

extension RecordTouch {
  /// The most days ahead a next contact may be agreed.
  package static let furthestNextDays = 365

  /// The levers named, each once in the order first given; an unknown one is refused with every accepted code.
  static func levers(_ given: [String], _ playbook: Playbook) throws -> [Lever] {
    var levers: [Lever] = []
    for text in given {
      guard let lever = playbook.lever(text) else {
        throw CoachError.refused(.unknownLever(code: text, known: playbook.leverChoices))
      }
      if !levers.contains(lever) { levers.append(lever) }
    }
    return levers
  }
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
