import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation

/// `coach playbook test`: builds each scenario's lead through the real store (an in-memory database, the same write
/// methods as `lead add`, `stage` and `touch`), then runs the engine on the lead as the store loads it.
package enum ScenarioRunner {
  /// Runs every scenario against `playbooks`; a lead the store refuses to build is a failed scenario.
  package static func run(_ scenarios: [Scenario], playbooks: PlaybookSet, language: String) -> [ScenarioResult] {
    let matcher = playbooks.objectionMatcher()
    return scenarios.map { scenario in
      do {
        let (lead, stats) = try build(scenario)
        return ScenarioCheck.evaluate(
          scenario, lead: lead, playbooks: playbooks, language: language, matcher: matcher, stats: stats)
      } catch {
        let message = (error as? CoachError)?.message ?? "\(error)"
        let failure = ScenarioFailure(check: "setup", expected: "the store accepts the lead's history", got: message)
        return ScenarioResult(scenario: scenario, action: nil, brief: nil, failures: [failure])
      }
    }
  }

  /// The scenario's lead, written step by step into a fresh in-memory database and read back.
  package static func build(_ s: Scenario) throws -> (LeadSnapshot, SalesStats) {
    let db = try AppDatabase.inMemory()
    let l = s.lead
    let consultant = try l.consultant.map { try db.addUser(name: $0, role: .consultant, team: nil, now: l.createdAt) }
    let id = try db.addLead(
      NewLead(l.fields, consultantID: consultant?.id, createdAt: l.createdAt),
      actor: nil)
    var topicIDs: [String: Int64] = [:]
    for step in l.steps {
      switch step {
      case .stage(let change, let at):
        _ = try db.changeStage(leadID: id, change, now: at, today: LocalDate(at, in: s.zone), actor: nil, scope: .all)
      case .eta(let eta, let at):
        var edit = LeadEdit()
        edit.eta = eta
        try db.editLead(id: id, edit, now: at, actor: nil, scope: .all)
      case .touch(let t):
        let resolve = try t.resolve.map { text -> Int64 in
          guard let topic = topicIDs[text] else {
            throw CoachError.rejected(code: "unknown_topic", message: "no topic \"\(text)\" was buried before \(t.at)")
          }
          return topic
        }
        let touch = NewTouch(t.fields, bury: t.bury.map { ($0.text, $0.kind) }, issues: t.issues, resolve: resolve)
        let result = try db.addTouch(leadID: id, touch, actor: nil, scope: .all)
        for (text, topic) in zip(t.bury.map(\.text) + t.issues, result.buriedTopicIDs + result.issueIDs) {
          topicIDs[text] = topic
        }
      }
    }
    return (try db.snapshot(id: id, scope: .all), try db.salesStats(now: s.now))
  }
}
