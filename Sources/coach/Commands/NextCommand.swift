import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach next`: whom to contact now, and the brief for the first (or the given) lead.
  struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "next", abstract: "The follow-up queue and a call brief for the most urgent (or given) lead.")
    @Option(help: "Queue length (default 10; 0 prints only the brief).") var limit = 10
    @Option(help: "Brief for this lead, due or not.") var lead: String?
    @Flag(help: "The whole brief: every talking point and the objections' full scripts.") var full = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      // The dealership's sales figures (a group-wide query) only feed switch arguments: fetched for the brief when it has them.
      var ctx = try EngineSetup.context(env, session: session, salesStats: false)
      let ranking = ctx
      let candidates = try EngineSetup.inParts(session, try EngineSetup.workingSet(session, team: false, now: env.now)) {
        FollowUpEngine.mostUrgentCandidates(FollowUpEngine.dueCandidates(for: $0, in: ranking), limit: max(1, limit))
      }
      // `--limit 0` still briefs the most urgent lead; it only hides the queue.
      let ranked = Queue.build(candidates: candidates, ctx: ctx, limit: max(1, limit))
      let queue = Array(ranked.prefix(limit))
      var brief: Brief?
      var briefLead: LeadSnapshot?
      if let id = lead {
        let one = try session.db.snapshot(id: id, scope: session.scope)
        briefLead = one
        if let action = FollowUpEngine.nextAction(for: one, in: ctx) {
          try EngineSetup.addSalesStats(to: &ctx, for: one, action: action, session: session)
          brief = BriefBuilder.build(lead: one, action: action, ctx: ctx)
        }
      } else if let first = ranked.first,
        case let one = try session.db.snapshot(id: first.leadID, scope: session.scope),  // with notes, for the draft
        let action = FollowUpEngine.nextAction(for: one, in: ctx)
      {
        briefLead = one
        try EngineSetup.addSalesStats(to: &ctx, for: one, action: action, session: session)
        brief = BriefBuilder.build(lead: one, action: action, ctx: ctx)
      }
      let out = Output(env: env)
      if env.json {
        return try out.json(NextJSON(generated_at: env.now, consultant: session.user?.name, queue: queue, brief: brief))
      }
      BriefPrinter(out: out, labels: ctx.playbook.labels, playbook: ctx.playbook, full: full).print(
        queue: queue, brief: brief, lead: briefLead, session: session, showQueue: limit > 0)
    }
  }
}

struct NextJSON: Encodable {
  let generated_at: Date
  let consultant: String?
  let queue: [QueueEntry]
  let brief: Brief?

  enum CodingKeys: String, CodingKey { case generated_at, consultant, queue, brief }

  /// Writes `brief` and `consultant` as null when absent, as the contract shows.
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(generated_at, forKey: .generated_at)
    try c.encode(consultant, forKey: .consultant)
    try c.encode(queue, forKey: .queue)
    try c.encode(brief, forKey: .brief)
  }
}
