import ArgumentParser
import CoachCore
import CoachStoreAPI
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
    /// Text, not a number, so that `--amount -500` reaches the check below instead of reading as an option.
    @Option(parsing: .unconditional, help: "Deposit amount, a positive number (required for deposit).") var amount:
      String?
    @Option(help: "Model code: records a model switch.") var model: String?
    @Option(help: "Promised delivery day YYYY-MM-DD (required for waiting_for_delivery).") var eta: String?
    @Option(help: "Delivery day YYYY-MM-DD (delivered; default today).") var date: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      var change = ChangeStage(stage: stage)
      (change.reason, change.note, change.model, change.eta, change.date) = (reason, note, model, eta, date)
      change.amount = try amount.map(Self.positiveAmount)
      try change.checkInput()
      let session = try Output.reading(env)
      let event = try change.run(session, leadID: id)
      if env.json {
        try Output(env: env).json(StageResultJSON(leadID: id, event: event))
      } else {
        print(UIText.stageChanged(leadID: try LeadID.typed(id), from: event.from, to: event.to).text(env.ui))
      }
    }

    /// A deposit amount: a number above zero and below 100,000,000 (`5000`, `5000.50`); anything else is a bad
    /// command line.
    static func positiveAmount(_ text: String) throws -> Double {
      let clean = text.trimmingCharacters(in: .whitespaces)
      guard let value = Double(clean), StageChange.isAcceptable(amount: value) else {
        throw CoachError.refused(.badAmount(given: text))
      }
      return value
    }
  }
}
