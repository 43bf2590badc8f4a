import CoachCore
import CoachStore
import Foundation

/// The brief as a consultant reads it in ten seconds before dialling, then the queue.
struct BriefPrinter {
  let out: Output
  let labels: Labels
  let playbook: Playbook

  func ui(_ key: String) -> String { labels.ui[key] ?? key }

  func print(queue: [QueueEntry], brief: Brief?, lead: LeadSnapshot?, session: Session, showQueue: Bool) {
    if let brief, let lead { printBrief(brief, lead: lead, session: session) }
    guard showQueue else { return }
    out.line(Output.bold("\(ui("queue")) (\(queue.count))"))
    if queue.isEmpty {
      out.line("  " + ui("nothing_due"))
      return
    }
    let table = TextTable(headers: ["#", "id", ui("name"), ui("stage"), ui("action"), ui("due"), ui("overdue"), ui("reason")])
    out.line(
      table.render(
        queue.enumerated().map { (i, q) in
          [
            "\(i + 1)", q.leadID, out.nameWithTags(q.name, q.tags),
            ui("stage_\(q.stage.rawValue)") + (q.grade.map { " \($0.rawValue)" } ?? ""),
            ui("action_\(q.action.rawValue)"), out.time(q.dueAt), q.overdueDays > 0 ? out.say(.days(q.overdueDays)) : "",
            DisplayWidth.truncate(q.reason, to: 48),
          ]
        }))
  }

  private func printBrief(_ b: Brief, lead: LeadSnapshot, session: Session) {
    var title = "\(lead.name)  #\(lead.id)  \(ui("stage_\(lead.stage.rawValue)"))"
    if let g = lead.grade { title += " · \(g.rawValue)" }
    if let m = playbook.model(lead.model) { title += " · \(m.name)" }
    out.line(Output.bold("━━ \(title) ━━"))
    for w in b.warnings { out.line(Output.red("⚠ \(w)")) }
    let overdue = b.overdueDays > 0 ? Output.red("  (\(out.say(.overdueBy(b.overdueDays))))") : ""
    out.line("\(Output.bold(ui("action_\(b.action.rawValue)")))  \(ui("deadline")) \(out.time(b.deadline))\(overdue)")
    out.line("\(ui("reason")): \(b.reason)")
    out.line("\(ui("goal")): \(b.goal)")
    let phone = (session.showsFullPhone(of: lead, unmasked: false) ? lead.phone : lead.phone.map(Phone.mask)) ?? "-"
    out.line("\(ui("channel")): \(ui("channel_\(b.channel)"))  \(phone)" + (lead.wechat.map { "  wechat \($0)" } ?? ""))
    section(ui("talking_points"), b.talkingPoints.map { p in "[" + ui("kind_" + p.kind.rawValue) + "] " + p.text })
    section(ui("objections"), b.objections.map { "\(playbook.objection($0.code)?.title ?? $0.code): \($0.response)" })
    section(ui("switch"), b.switchArguments.map { a in
      "→ " + (playbook.model(a.toModel)?.name ?? a.toModel) + " (" + ui("lever_" + a.lever.rawValue) + "): " + a.text
    })
    if !b.messageDraft.isEmpty { section(ui("message_draft"), [b.messageDraft]) }
    out.line()
  }

  private func section(_ heading: String, _ items: [String]) {
    guard !items.isEmpty else { return }
    out.line(Output.bold(heading))
    for item in items {
      let lines = item.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
      for (i, l) in lines.enumerated() { out.line((i == 0 ? "  • " : "    ") + l) }
    }
  }
}
