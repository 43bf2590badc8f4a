import CoachCore
import CoachStoreAPI
import Foundation

/// `coach switch ID`: computed arguments for switching a lead to a model of the catalog that comes sooner (weeks
/// sooner, money saved, space …). The command line and `coach serve` call this.
package enum SwitchArguments {
  package struct Result: Sendable {
    package let lead: LeadSnapshot
    package let playbook: Playbook
    package let arguments: [SwitchArgument]
    /// The car is delivered: the customer's own, nothing to switch (no arguments, said so).
    package let afterDelivery: Bool

    /// `coach switch ID --json`.
    package var json: SwitchJSON { SwitchJSON(lead_id: lead.id, from_model: lead.model, switch: arguments) }
  }

  /// The arguments for a lead the session may see whose model is in the catalog (else 65 `no_model` or
  /// `unknown_model`).
  package static func run(_ session: Session, leadID: String) throws -> Result {
    let lead = try session.db.snapshot(id: try LeadID.typed(leadID), scope: session.scope)
    let ctx = try EngineSetup.context(session.env, session: session)
    guard lead.model != nil else { throw CoachError.refused(.noModel(leadID: lead.id)) }
    guard ctx.playbook.model(lead.model) != nil else {
      throw CoachError.refused(.leadModelNotInCatalog(leadID: lead.id, model: lead.model ?? ""))
    }
    // A delivered car is the customer's: no argument for a switch (the brief offers none after delivery either).
    let delivered = lead.stage == .delivered
    return Result(
      lead: lead, playbook: ctx.playbook, arguments: delivered ? [] : SwitchAdvisor.arguments(for: lead, in: ctx),
      afterDelivery: delivered)
  }
}

/// `coach switch ID --json`.
package struct SwitchJSON: Encodable, Sendable {
  package let lead_id: LeadID
  package let from_model: String?
  package let `switch`: [SwitchArgument]
}
