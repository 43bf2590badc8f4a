import CoachCore
import CoachStoreAPI
import Foundation

/// `coach stage` and `POST /api/v1/leads/ID/stage`: a stage change the stage machine allows, at the run's `now`.
package struct ChangeStage: Sendable {
  package var stage: Stage
  package var reason: ChurnReason?
  package var note: String?
  package var amount: Double?
  /// A catalog model code or name: records a model switch.
  package var model: String?
  /// `YYYY-MM-DD` in the run's zone.
  package var eta: String?
  package var date: String?

  package init(stage: Stage) { self.stage = stage }

  /// Resolves the model against the catalog and the days against the zone, then writes the change.
  /// An amount above 0 and below 100,000,000 and a note that says something (exit 64 otherwise): the CLI checks this before it opens the
  /// database, `run` again for every other caller.
  package func checkInput() throws {
    if let amount, !StageChange.isAcceptable(amount: amount) {
      throw CoachError.refused(.badAmount(given: "\(amount)"))
    }
    if let note { try FreeText.require(note, option: "--note") }
  }

  package func run(_ session: Session, leadID: String) throws -> StageEvent {
    let env = session.env
    try checkInput()
    var modelCode: String?
    if let model {
      let playbook = try Playbooks.load(env)
      guard let m = playbook.model(model) else {
        throw CoachError.refused(.unknownModel(code: model, known: playbook.models.map(\.code)))
      }
      modelCode = m.code
    }
    let change = StageChange(
      to: stage, reason: reason, note: note, amount: amount, model: modelCode,
      eta: try eta.map { try env.date($0, option: "--eta") }, date: try date.map { try env.date($0, option: "--date") })
    let id = try LeadID.typed(leadID)
    // After the lead's creation and its last stage change, and a delivery not before it existed.
    try StageMachine.checkOrder(try session.db.snapshot(id: id, scope: session.scope), at: env.now, stageChange: change)
    return try session.db.changeStage(
      leadID: id, change, now: env.now, today: env.today, actor: session.actor,
      scope: session.scope)
  }
}

package struct StageResultJSON: Encodable {
  let lead_id: String
  let event: EventJSON

  package init(leadID: String, event: StageEvent) {
    lead_id = leadID
    self.event = EventJSON(event)
  }
}
