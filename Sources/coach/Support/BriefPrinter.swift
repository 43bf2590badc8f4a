import CoachCore
import CoachStoreAPI
import Foundation

/// The brief as a consultant reads it in ten seconds before dialling, then the queue.
struct BriefPrinter {
  let out: Output
  let labels: Labels
  let playbook: Playbook
  /// Everything: every talking point, the objections' full scripts (`coach next --full`).
  var full = false

  func ui(_ key: UIKey) -> String { labels.ui(key) ?? key.rawValue }
  /// What parts a label from its text in the playbook's language (`目的：`, `Goal: `).
  var colon: String { playbook.colon }
  func ui(_ family: UIFamily, _ code: String) -> String { labels.ui(family, code) ?? "\(family.rawValue)_\(code)" }
  /// Brackets around an aside in the playbook's language (`（未登记微信号）`, ` (no WeChat id on file)`).
  var open: String { playbook.isChinese ? "（" : " (" }
  var close: String { playbook.isChinese ? "）" : ")" }

  func print(queue: [QueueEntry], brief: Brief?, lead: LeadSnapshot?, session: Session, showQueue: Bool) {
    if let brief, let lead { printBrief(brief, lead: lead, session: session) }
    guard showQueue else { return }
    out.line(Output.bold("\(ui(.queue)) (\(queue.count))"))
    if queue.isEmpty {
      out.line("  " + ui(.nothingDue))
      return
    }
    let table = TextTable(headers: ["#", "id", ui(.name), ui(.stage), ui(.action), ui(.due), ui(.overdue), ui(.reason)])
    out.line(
      table.render(
        queue.enumerated().map { (i, q) in
          [
            "\(i + 1)", q.leadID.description, out.nameWithTags(TerminalText.visible(q.name), q.tags),
            ui(.stage, q.stage.rawValue) + (q.grade.map { " \($0.rawValue)" } ?? ""),
            ui(.action, q.action.rawValue), out.time(q.dueAt), q.overdueDays > 0 ? out.say(.days(q.overdueDays)) : "",
            DisplayWidth.truncate(q.reason, to: 48),
          ]
        }))
  }

  /// Columns the brief is wrapped to: it fits one screen of a 100-column terminal.
  static let width = 100
  /// Talking points shown without `--full` (loose ends first: each is a promise).
  static let shortTalkingPoints = 3

  private func printBrief(_ b: Brief, lead: LeadSnapshot, session: Session) {
    var title = "\(TerminalText.visible(lead.name))  #\(lead.id)  \(ui(.stage, lead.stage.rawValue))"
    if let g = lead.grade { title += " · \(g.rawValue)" }
    if let m = playbook.model(lead.model) { title += " · \(m.name)" }
    out.line(Output.bold("━━ \(title) ━━"))
    for w in b.warnings { para("⚠ \(w)", style: Output.red) }
    if let snooze = lead.snooze(at: session.env.now, in: session.env.zone) {
      para(out.say(.snoozedUntil(snooze.until, reason: snooze.reason, by: snooze.actor)), style: Output.yellow)
    }
    let overdue = b.overdueDays > 0 ? Output.red("  (\(out.say(.overdueBy(b.overdueDays))))") : ""
    // An action not yet due (`--lead`) says when it falls due, before its deadline.
    let due = b.dueAt > session.env.now ? "\(ui(.due)) \(out.day(b.dueAt))  " : ""
    out.line(
      "\(Output.bold(ui(.action, b.action.rawValue)))  \(due)\(ui(.deadline)) \(out.deadline(b.deadline))\(overdue)")
    para(ui(.reason) + colon + b.reason)
    para(ui(.goal) + colon + b.goal)
    // Contact details in full to whoever sees the phone in full, masked alike otherwise (the WeChat id and email too).
    let contacts = lead.contacts(masked: !session.showsFullPhone(of: lead, unmasked: false))
    let phone = contacts.phone ?? "-"
    // The WeChat id under the channel's own name in the user's language (`微信 wxid_…`, `WeChat wxid_…`). When the
    // brief says WeChat (or email) the lead's id (or address) comes first and the number after it under the phone's
    // name (`微信 wxid_…  电话 138…`); a lead without one says so rather than showing the number under WeChat's name.
    let wechatLabel = ui(.channel, Channel.wechat.rawValue)
    let number = lead.phone == nil ? "" : "  \(ui(.channel, Channel.call.rawValue)) \(phone)"
    let channelLabel = ui(.channel, b.channel)
    if b.channel == Channel.wechat.rawValue {
      let id = TerminalText.visible(contacts.wechat).map { " \($0)" } ?? "\(open)\(ui(.noWechatId))\(close)"
      out.line(ui(.channel) + colon + wechatLabel + id + number)
    } else if b.channel == Channel.email.rawValue {
      let address = TerminalText.visible(contacts.email).map { " \($0)" } ?? "\(open)\(ui(.noEmail))\(close)"
      out.line(ui(.channel) + colon + channelLabel + address + number)
    } else {
      let wechat = TerminalText.visible(contacts.wechat).map { "  \(wechatLabel) \($0)" } ?? ""
      out.line(ui(.channel) + colon + "\(channelLabel)  \(phone)" + wechat)
    }
    let points = full ? b.talkingPoints : Array(b.talkingPoints.prefix(Self.shortTalkingPoints))
    section(ui(.talkingPoints), points.map { p in "[" + ui(.kind, p.kind.rawValue) + "] " + p.text })
    section(ui(.sellingPoints), b.sellingPoints)
    if let c = b.competitor {
      section(ui(.competitor), ["\(c.name) (" + ui(.weakness) + colon + "\(c.weakness)) → \(c.answer)"])
    }
    section(
      ui(.objections),
      b.objections.map { o in
        let title = playbook.objection(o.code)?.title ?? o.code
        guard full else { return title + colon + o.line }
        let question = playbook.objection(o.code)?.followUpQuestion ?? ""
        return title + colon + "\(o.response.trimmingCharacters(in: .whitespacesAndNewlines))\n→ \(question)"
      })
    section(
      ui(.switch),
      b.switchArguments.map { a in
        "→ " + (playbook.model(a.toModel)?.name ?? a.toModel) + " (" + ui(.lever, a.lever.rawValue) + ")" + colon
          + a.text
      })
    if !b.messageDraft.isEmpty {
      // A greeting reminded ahead of its day says when to send it (`短信草稿（2026-11-25 当天发送）`).
      let when = b.sendOn.map { open + ui(.sendOn).replacingOccurrences(of: "{date}", with: $0) + close } ?? ""
      section(ui(.messageDraft) + when, [b.messageDraft])
    }
    if !full && b.talkingPoints.count > points.count { out.line(Output.dim(ui(.moreInFull))) }
    out.line()
  }

  /// A paragraph wrapped to `width` columns (what people typed in it with its control characters visible).
  private func para(_ text: String, style: (String) -> String = { $0 }) {
    for l in Self.wrap(TerminalText.visible(text), width: Self.width) { out.line(style(l)) }
  }

  private func section(_ heading: String, _ items: [String]) {
    guard !items.isEmpty else { return }
    out.line(Output.bold(heading))
    for item in items.map({ TerminalText.visible($0, multiline: true) }) {
      let lines = item.trimmingCharacters(in: .whitespacesAndNewlines).split(
        separator: "\n", omittingEmptySubsequences: false)
      for (i, l) in lines.enumerated() {
        let wrapped = Self.wrap(String(l), width: Self.width - 4)
        for (j, w) in wrapped.enumerated() { out.line((i == 0 && j == 0 ? "  • " : "    ") + w) }
      }
    }
  }

  /// `text` cut into lines of at most `width` display columns, where a reader expects a line to end: at a space, or
  /// between two Chinese characters (Chinese has no spaces), when there is such a place in the second half of the
  /// line, else between any two characters. A Chinese closing mark (`，。！？`) does not start a line: the character
  /// before it goes down with it.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    var cut: Cut?
    for ch in text {
      let w = DisplayWidth.width(of: ch)
      if currentWidth + w > width {
        if Self.closingMarks.contains(ch), current.count > 1, let last = current.last, DisplayWidth.width(of: last) == 2
        {
          // The mark may not start a line: the character before it goes down with it.
          cut = Cut(at: current.index(before: current.endIndex), dropsSpace: false)
        }
        if let c = cut, current.distance(from: current.startIndex, to: c.at) > current.count / 2 {
          lines.append(String(current[..<c.at]))
          current = String(current[(c.dropsSpace ? current.index(after: c.at) : c.at)...])
        } else {
          lines.append(current)
          current = ""
        }
        currentWidth = DisplayWidth.of(current)
        cut = Self.lastCut(in: current)
      }
      if let last = current.last, Self.mayCut(between: last, and: ch) {
        cut = Cut(at: current.endIndex, dropsSpace: false)
      }
      current.append(ch)
      currentWidth += w
      if ch == " " { cut = Cut(at: current.index(before: current.endIndex), dropsSpace: true) }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// A place to cut a line: before `at`, dropping the space there or not.
  struct Cut {
    let at: String.Index
    let dropsSpace: Bool
  }

  /// Marks that end a phrase in Chinese and so never start a line.
  static let closingMarks: Set<Character> = ["，", "。", "、", "！", "？", "：", "；", "）", "」", "』", "”", "’", "》", "…"]

  /// Whether a line may end after `a` and go on with `b`: between two Chinese characters, unless `b` closes.
  static func mayCut(between a: Character, and b: Character) -> Bool {
    DisplayWidth.width(of: a) == 2 && DisplayWidth.width(of: b) == 2 && !closingMarks.contains(b)
  }

  /// The last place to cut `line` (what is left after a cut).
  static func lastCut(in line: String) -> Cut? {
    var cut: Cut?
    var previous: Character?
    for i in line.indices {
      let ch = line[i]
      if ch == " " {
        cut = Cut(at: i, dropsSpace: true)
      } else if let p = previous, mayCut(between: p, and: ch) {
        cut = Cut(at: i, dropsSpace: false)
      }
      previous = ch
    }
    return cut
  }
}
