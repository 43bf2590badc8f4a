import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach switch ID`: computed arguments for switching a lead to a model that comes sooner.
  struct SwitchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "switch", abstract: "Model-switch arguments for a lead (weeks sooner, money saved, space, …).")
    @Argument(help: "Lead id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      let lead = try session.db.snapshot(id: id, scope: session.scope)
      let ctx = try EngineSetup.context(env, session: session)
      guard lead.model != nil else {
        throw CoachError.refused(.noModel(leadID: id))
      }
      guard ctx.playbook.model(lead.model) != nil else {
        throw CoachError.refused(.leadModelNotInCatalog(leadID: id, model: lead.model ?? ""))
      }
      let args = SwitchAdvisor.arguments(for: lead, in: ctx)
      let out = Output(env: env)
      if env.json { return try out.json(SwitchJSON(lead_id: lead.id, from_model: lead.model, switch: args)) }
      let labels = ctx.playbook.labels
      out.line(Output.bold("\(lead.name) #\(lead.id): \(ctx.playbook.model(lead.model)?.name ?? lead.model ?? "")"))
      if args.isEmpty { return out.line("  " + (labels.ui(.noSwitch) ?? "no model in the catalog comes sooner")) }
      for a in args {
        out.line(
          "  → \(ctx.playbook.model(a.toModel)?.name ?? a.toModel) [\(labels.ui(.lever, a.lever.rawValue) ?? a.lever.rawValue)] \(a.text)"
        )
      }
    }
  }
}

struct SwitchJSON: Encodable {
  let lead_id: String
  let from_model: String?
  let `switch`: [SwitchArgument]
}
