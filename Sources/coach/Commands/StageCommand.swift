import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension ChurnReason: ExpressibleByArgument {}

extension CoachCommand {
  /// `coach stage ID STAGE`: move a lead through its lifecycle.
  struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stage", abstract: "Move a lead to another stage (illegal changes are refused).")
    @Argument(help: "Lead id.") var id: String
    @Argument(help: "prospect, deposit, waiting_for_delivery, delivered or churned.") var stage: Stage
    @Option(help: "Churn reason code (required for churned).") var reason: ChurnReason?
    @Option(help: "A note (required with --reason other).") var note: String?
    @Option(help: "Deposit amount (required for deposit).") var amount: Double?
    @Option(help: "Model code: records a model switch.") var model: String?
    @Option(help: "Promised delivery day YYYY-MM-DD (required for waiting_for_delivery).") var eta: String?
    @Option(help: "Delivery day YYYY-MM-DD (delivered; default today).") var date: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      var change = ChangeStage(stage: stage)
      (change.reason, change.note, change.amount, change.model, change.eta, change.date) = (reason, note, amount, model, eta, date)
      let event = try change.run(session, leadID: id)
      if env.json {
        try Output(env: env).json(StageResultJSON(leadID: id, event: event))
      } else {
        print("lead \(id): \(event.from?.rawValue ?? "") → \(event.to.rawValue)")
      }
    }
  }
}
