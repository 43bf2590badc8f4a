import ArgumentParser
import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand.LeadCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a lead with its history.")
    /// Edits listed at most (the latest); `--json` gives every one.
    static let editsShown = 10
    @Argument(help: "Lead id.") var id: String
    @Flag(help: "Show phone numbers in full (admins; recorded).") var unmasked = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Output.reading(env)
      let detail = try LeadDetail.load(session, id: id, unmasked: unmasked)
      let (lead, full) = (detail.lead, detail.fullPhone)
      let out = Output(env: env)
      if env.json { return try out.json(detail.json) }
      // The WeChat id is masked with the phone (`LeadSnapshot.contacts`), as in the JSON.
      let contacts = lead.contacts(masked: !full)
      let phone = contacts.phone ?? "-"
      let word = { (label: UIText.Label) in out.say(.label(label)) }
      // What people typed is shown with its control characters visible, each record on one line (`TerminalText`).
      let typed = { (text: String) in TerminalText.visible(text) }
      let field = { (label: UIText.Label, value: String?) in "\(word(label)) \(value.map(typed) ?? "-")" }
      // Codes in the playbook's words, as the brief names them: a model by its name (`极光 X60`), a churn reason,
      // an objection by its title and a lever by its label; a code the playbook does not name stays as it is.
      let playbook = try? Playbooks.load(env)
      let labels = playbook?.labels
      let modelName = { (code: String) in playbook?.model(code)?.name ?? code }
      let flags = lead.hasTag(KnownTag.warning) ? Output.red(" ⚠ " + word(.warning)) : ""
      // Stages, channels and outcomes in the playbook's words too (`Lost`, as the brief says, not `churned`).
      let stage = { (s: Stage) in labels?.ui(.stage, s.rawValue) ?? out.say(.stage(s)) }
      out.line(Output.bold(typed(lead.name)) + "  #\(lead.id)  \(stage(lead.stage))" + flags)
      out.line(
        [
          field(.phone, phone), field(.wechat, contacts.wechat), field(.city, lead.city),
          field(.birthday, lead.birthday?.description),
        ].joined(separator: "   "))
      out.line(
        [
          field(.consultant, lead.consultant), field(.model, lead.model.map(modelName)),
          field(.grade, lead.grade?.rawValue),
          field(.tier, lead.tier?.rawValue), field(.source, lead.source),
        ].joined(separator: "   "))
      if let snooze = detail.snooze {
        out.line(Output.yellow(out.say(.snoozedUntil(snooze.until, reason: typed(snooze.reason), by: snooze.actor))))
      }
      if !lead.tags.isEmpty {
        out.line(word(.tags) + " " + lead.tags.map { typed(out.say(.tag($0))) }.joined(separator: ", "))
      }
      if !lead.profile.isEmpty {
        out.line(word(.profile) + " " + lead.profile.map { typed("\($0.key)=\($0.value)") }.joined(separator: "; "))
      }
      out.line()
      out.line(Output.bold(word(.stages)))
      let zh = env.ui == .zh
      let comma = zh ? "，" : ", "
      for e in lead.events {
        var extra: [String] = []
        // Whole units, as `Int(a)` wrote them, without trapping on an amount no Int holds (one kept before the limit).
        if let a = e.amount { extra.append(field(.amount, Digits.fixed(a.rounded(.towardZero), places: 0))) }
        if let m = e.model { extra.append(field(.model, modelName(m))) }
        if let eta = e.eta { extra.append(field(.eta, eta.description)) }
        if let d = e.date { extra.append(field(.date, d.description)) }
        if let r = e.reason { extra.append(field(.reason, labels?.ui(.churn, r.rawValue) ?? r.rawValue)) }
        if let n = e.note { extra.append(out.say(.eventNote(typed(n)))) }
        let from = e.from.map(stage) ?? "·"
        out.line("  \(out.time(e.at))  \(from) → \(stage(e.to))  \(extra.joined(separator: comma))")
      }
      out.line(Output.bold("\(word(.touches)) (\(lead.touches.count))"))
      for t in lead.touches.suffix(10) {
        let next = t.nextAt.map { "  \(word(.next)) \(out.day($0))" } ?? ""
        let separator = Playbook.listSeparator(chinese: zh)
        let titles = playbook?.objectionTitles(t.objections) ?? t.objections.joined(separator: separator)
        let objections = t.objections.isEmpty ? "" : "  \(word(.objections)) \(titles)"
        let leverNames = t.levers.map { labels?.ui(.lever, $0.rawValue) ?? $0.rawValue }
        let levers = t.levers.isEmpty ? "" : "  \(word(.levers)) \(leverNames.joined(separator: separator))"
        let channel = labels?.ui(.channel, t.channel.rawValue) ?? out.say(.channel(t.channel))
        let how = "\(channel)/\(labels?.ui(.outcome, t.outcome.rawValue) ?? out.say(.outcome(t.outcome)))"
        out.line("  \(out.time(t.at))  \(how)  \(typed(t.note ?? ""))\(objections)\(levers)\(next)")
      }
      if !detail.edits.isEmpty {
        // The last ten, each field in the user's words (`电话`, `档案 hobby`); `--json` has them all.
        let shown = detail.edits.suffix(Self.editsShown)
        out.line(Output.bold("\(word(.edits)) (\(detail.edits.count))"))
        if detail.edits.count > shown.count {
          out.line("  " + out.say(.earlierEdits(detail.edits.count - shown.count)))
        }
        for e in shown {
          let value = { (v: String?) in v.map(typed) ?? "-" }
          let who = e.actor.map { "  " + typed($0) } ?? ""
          let name = typed(e.fieldName(out.env.ui))
          out.line("  \(out.time(e.at))\(who)  \(name)\(zh ? "：" : ": ")\(value(e.before)) → \(value(e.after))")
        }
      }
      let open = lead.topics.filter(\.isOpen)
      if !open.isEmpty {
        out.line(Output.bold(word(.openTopics)))
        // The kind in the playbook's words (`产品技术`, `Technical question`), as the brief's talking points name it.
        for t in open {
          let kind = t.category == .issue ? word(.issue) : labels?.ui(.topicKind, t.kind.rawValue) ?? t.kind.rawValue
          out.line("  [\(t.id)] \(kind)\(zh ? "：" : ": ")\(typed(t.text))  (\(out.time(t.buriedAt)))")
        }
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the leads you may see.")
    @Option(help: "Only leads at this stage.") var stage: Stage?
    @Option(help: "Only this consultant's leads.") var consultant: String?
    @Flag(help: "Only leads whose current follow-up is past its deadline.") var overdue = false
    @Option(parsing: .unconditional, help: "At most N leads (1 or more).") var limit: Int?
    @Flag(help: "Show phone numbers in full (admins; recorded).") var unmasked = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      if let limit, limit < 1 { throw CoachError.usage(OptionRuleText.limitFromOne.text(env.ui)) }
      let session = try Output.reading(env)
      let consultantID = try consultant.map { try session.consultantID($0) }
      // Another team's consultant has no lead a team lead may list: say so rather than "0 leads".
      if let name = consultant, case .team(let team, _, _) = session.scope,
        try session.db.user(named: name)?.team != team
      {
        throw CoachError.refused(.listOtherTeam(name: name, team: team))
      }
      var filter = LeadFilter(
        scope: session.scope, stage: stage, consultantID: consultantID, limit: overdue ? nil : limit)
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
        return try out.json([
          "leads": leads.map { LeadJSON($0, fullPhone: session.showsFullPhone(of: $0, unmasked: unmasked)) }
        ])
      }
      let table = TextTable(
        headers: ([.id, .name, .phone, .stage, .grade, .model, .consultant, .lastTouch] as [UIText.Label]).map {
          out.say(.label($0))
        })
      out.line(
        table.render(
          leads.map { l in
            [
              l.id.description, out.nameWithTags(TerminalText.visible(l.name), l.tags),
              (session.showsFullPhone(of: l, unmasked: unmasked) ? l.phone : l.phone.map(Phone.mask)) ?? "",
              out.say(.stage(l.stage)), l.grade?.rawValue ?? "", l.model ?? "", l.consultant ?? "",
              out.time(l.lastTouch?.at),
            ]
          }))
      out.line(Output.dim(out.say(.leadCount(leads.count))))
    }
  }
}
