import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand.LeadCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a lead with its history.")
    @Argument(help: "Lead id.") var id: String
    @Flag(help: "Show phone numbers in full (admins; recorded).") var unmasked = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      let detail = try LeadDetail.load(session, id: id, unmasked: unmasked)
      let (lead, full) = (detail.lead, detail.fullPhone)
      let out = Output(env: env)
      if env.json { return try out.json(detail.json) }
      let phone = (full ? lead.phone : lead.phone.map(Phone.mask)) ?? "-"
      let flags = lead.hasTag(KnownTag.warning) ? Output.red(" ⚠ WARNING") : ""
      out.line(Output.bold("\(lead.name)") + "  #\(lead.id)  \(lead.stage.rawValue)" + flags)
      out.line("phone \(phone)   wechat \(lead.wechat ?? "-")   city \(lead.city ?? "-")   birthday \(lead.birthday?.description ?? "-")")
      out.line(
        "consultant \(lead.consultant ?? "-")   model \(lead.model ?? "-")   grade \(lead.grade?.rawValue ?? "-")   tier \(lead.tier?.rawValue ?? "-")   source \(lead.source ?? "-")")
      if !lead.tags.isEmpty { out.line("tags " + lead.tags.joined(separator: ", ")) }
      if !lead.profile.isEmpty { out.line("profile " + lead.profile.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
      out.line()
      out.line(Output.bold("stages"))
      for e in lead.events {
        var extra: [String] = []
        if let a = e.amount { extra.append("amount \(Int(a))") }
        if let m = e.model { extra.append("model \(m)") }
        if let eta = e.eta { extra.append("eta \(eta)") }
        if let d = e.date { extra.append("date \(d)") }
        if let r = e.reason { extra.append("reason \(r.rawValue)") }
        if let n = e.note { extra.append(n) }
        out.line("  \(out.time(e.at))  \(e.from?.rawValue ?? "·") → \(e.to.rawValue)  \(extra.joined(separator: ", "))")
      }
      out.line(Output.bold("touches (\(lead.touches.count))"))
      for t in lead.touches.suffix(10) {
        let next = t.nextAt.map { "  next \(out.time($0))" } ?? ""
        let objections = t.objections.isEmpty ? "" : "  objections \(t.objections.joined(separator: ","))"
        out.line("  \(out.time(t.at))  \(t.channel.rawValue)/\(t.outcome.rawValue)  \(t.note ?? "")\(objections)\(next)")
      }
      let open = lead.topics.filter(\.isOpen)
      if !open.isEmpty {
        out.line(Output.bold("open topics"))
        for t in open { out.line("  [\(t.id)] \(t.category == .issue ? "issue" : t.kind.rawValue): \(t.text)  (\(out.time(t.buriedAt)))") }
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the leads you may see.")
    @Option(help: "Only leads at this stage.") var stage: Stage?
    @Option(help: "Only this consultant's leads.") var consultant: String?
    @Flag(help: "Only leads whose current follow-up is past its deadline.") var overdue = false
    @Option(help: "At most N leads.") var limit: Int?
    @Flag(help: "Show phone numbers in full (admins; recorded).") var unmasked = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      if let limit, limit < 0 { throw CoachError.usage("--limit must be 0 or more") }
      let consultantID = try consultant.map { try session.consultantID($0) }
      var filter = LeadFilter(scope: session.scope, stage: stage, consultantID: consultantID, limit: overdue ? nil : limit)
      if !env.json {
        // The table shows the last touch and ranks at most: both read only the touches kept from now on.
        filter.withNotes = false
        filter.withProfile = false
        filter.touchesSince = env.now
      }
      var leads = try session.db.snapshots(filter)
      if overdue {
        let ctx = try EngineSetup.context(env, session: session, salesStats: false)
        leads = leads.filter { (FollowUpEngine.unexplainedAction(for: $0, in: ctx)?.overdueDays ?? 0) > 0 }
        if let limit { leads = Array(leads.prefix(limit)) }
      }
      if unmasked { try session.recordUnmaskedView("lead_list", rows: leads.count, target: nil) }
      let out = Output(env: env)
      if env.json {
        return try out.json(["leads": leads.map { LeadJSON($0, fullPhone: session.showsFullPhone(of: $0, unmasked: unmasked)) }])
      }
      let table = TextTable(headers: ["id", "name", "phone", "stage", "grade", "model", "consultant", "last touch"])
      out.line(
        table.render(
          leads.map { l in
            [
              l.id, l.name + (l.hasTag(KnownTag.warning) ? " ⚠" : ""),
              (session.showsFullPhone(of: l, unmasked: unmasked) ? l.phone : l.phone.map(Phone.mask)) ?? "",
              l.stage.rawValue, l.grade?.rawValue ?? "", l.model ?? "", l.consultant ?? "", out.time(l.lastTouch?.at),
            ]
          }))
      out.line(Output.dim("\(leads.count) leads"))
    }
  }
}
