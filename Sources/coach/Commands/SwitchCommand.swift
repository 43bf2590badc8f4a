import ArgumentParser
import CoachApp
import CoachCore
import CoachStoreAPI
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
      let session = try Output.reading(env)
      let found = try SwitchArguments.run(session, leadID: id)
      let (lead, playbook, args) = (found.lead, found.playbook, found.arguments)
      let out = Output(env: env)
      if env.json { return try out.json(found.json) }
      let labels = playbook.labels
      out.line(Output.bold("\(lead.name) #\(lead.id): \(playbook.model(lead.model)?.name ?? lead.model ?? "")"))
      if found.afterDelivery { return out.line("  " + out.say(.noSwitchAfterDelivery)) }
      if args.isEmpty { return out.line("  " + (labels.ui(.noSwitch) ?? "no model in the catalog comes sooner")) }
      for a in args {
        out.line(
          "  → \(playbook.model(a.toModel)?.name ?? a.toModel) [\(labels.ui(.lever, a.lever.rawValue) ?? a.lever.rawValue)] \(a.text)"
        )
      }
    }
  }
}
