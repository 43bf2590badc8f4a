import ArgumentParser
import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand.LeadCommand {
  /// `coach lead reassign --from U --to V`: move all of U's leads to V (admins, or the team lead of both).
  struct Reassign: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reassign",
      abstract: "Move all of one user's leads to another (admin, or the team lead of both; recorded).")
    @Option(help: "The user whose leads move.") var from: String
    @Option(help: "The user who takes them.") var to: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Output.reading(env)
      let moved = try UserAdmin.reassign(session, from: from, to: to)
      if env.json {
        try Output(env: env).json(ReassignJSON(moved))
      } else {
        Output(env: env).confirm(.movedLeads(count: moved.leads, from: moved.from, to: moved.to))
      }
    }
  }
}

/// `coach lead reassign --json`.
struct ReassignJSON: Encodable {
  let from: String
  let to: String
  let moved: Int
  let at: Date
  let by: String?

  init(_ r: Reassignment) {
    from = r.from
    to = r.to
    moved = r.leads
    at = r.at
    by = r.actor
  }
}
