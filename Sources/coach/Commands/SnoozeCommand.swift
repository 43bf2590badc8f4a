import ArgumentParser
import CoachApp
import CoachCore
import Foundation

extension CoachCommand {
  /// `coach snooze ID --until DATE --reason TEXT` | `coach snooze ID --clear`: hold a lead's sales follow-ups.
  struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "snooze",
      abstract:
        "Hold a lead's sales follow-ups until a day, with a reason (care occasions still come due); --clear lifts it.",
      discussion: "Recorded with who, when and why; shown in `lead show`, counted in `coach audit` (--list snoozes).")
    @Argument(help: "Lead id.") var id: String
    @Option(help: "The day follow-ups resume, YYYY-MM-DD in --tz (after today, at most 90 days ahead).") var until:
      String?
    @Option(help: "Why (e.g. \"abroad until the 15th\"); the team lead sees it.") var reason: String?
    @Flag(help: "Lift the lead's snooze now.") var clear = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if clear {
        if until != nil || reason != nil {
          throw ValidationError(OptionRuleText.clearAlone.text(global.ui))
        }
      } else if until == nil || reason == nil {
        throw ValidationError(OptionRuleText.snoozeNeedsUntilAndReason.text(global.ui))
      }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      if let reason { try SnoozeLead.checkReason(reason) }
      let session = try Output.reading(env)
      let out = Output(env: env)
      if clear {
        let lifted = try SnoozeLead.clear(session, leadID: id)
        let lead = try LeadID.typed(id)
        if env.json { return try out.json(SnoozeJSON(lifted, leadID: lead)) }
        return out.confirm(.snoozeCleared(leadID: lead, until: lifted.until))
      }
      let snooze = try SnoozeLead.set(session, leadID: id, until: until ?? "", reason: reason ?? "")
      let lead = try LeadID.typed(id)
      if env.json { return try out.json(SnoozeJSON(snooze, leadID: lead)) }
      out.confirm(.snoozed(leadID: lead, until: snooze.until, reason: snooze.reason))
    }
  }
}
