import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach next`: whom to contact now, and the brief for the first (or the given) lead.
  struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "next", abstract: "The follow-up queue and a call brief for the most urgent (or given) lead.")
    @Option(parsing: .unconditional, help: "Queue length (default 10; 0 prints only the brief).") var limit = 10
    @Option(help: "Brief for this lead, due or not.") var lead: String?
    @Flag(help: "The whole brief: every talking point and the objections' full scripts.") var full = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard limit >= 0 else { throw ValidationError(OptionRuleText.negativeLimit.text(global.ui)) }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Output.reading(env)
      let next = try NextQueue.build(session, limit: limit, lead: lead)
      let out = Output(env: env)
      if env.json {
        return try out.json(next.json(session))
      }
      BriefPrinter(out: out, labels: next.ctx.playbook.labels, playbook: next.ctx.playbook, full: full).print(
        queue: next.queue, brief: next.brief, lead: next.briefLead, session: session, showQueue: limit > 0)
    }
  }
}
