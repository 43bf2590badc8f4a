import Foundation

/// The three kinds of topics (DOMAIN.md): buried, dug-up, created — in that order.
enum TalkingPoints {
  /// Dug-up and created points listed at most (buried ones are all listed: each is a promise).
  static let maxDugUp = 3
  static let maxCreated = 3

  static func all(_ h: LeadHistory, _ ctx: EngineContext) -> [TalkingPoint] {
    buried(h, ctx) + dugUp(h, ctx) + created(h, ctx)
  }

  /// Open buried topics, oldest first, phrased with the playbook's way to raise that kind.
  static func buried(_ h: LeadHistory, _ ctx: EngineContext) -> [TalkingPoint] {
    h.openTopics(.buried).map { topic in
      let how = ctx.playbook.topics.buried[topic.kind.rawValue]?.howToRaise ?? "{text}"
      return TalkingPoint(kind: .buried, text: Template.fill(how, ["text": topic.text]), source: String(topic.id))
    }
  }

  /// Profile facts that a dug-up rule matches (the first matching rule per fact); source = the profile key.
  static func dugUp(_ h: LeadHistory, _ ctx: EngineContext) -> [TalkingPoint] {
    var points: [TalkingPoint] = []
    for fact in h.lead.profile where points.count < maxDugUp {
      let value = fact.value.lowercased()
      let rule = ctx.playbook.topics.dugUp.first { rule in
        rule.profileKeys.contains(fact.key)
          && ((rule.match ?? []).isEmpty || (rule.match ?? []).contains { value.contains($0.lowercased()) })
      }
      guard let rule else { continue }
      let text = Template.fill(rule.text, ["value": fact.value, "name": h.lead.name])
      if !points.contains(where: { $0.text == text }) {
        points.append(TalkingPoint(kind: .dugUp, text: text, source: fact.key))
      }
    }
    return points
  }

  /// Dealership topics running today and aimed at this lead; source = the topic id.
  static func created(_ h: LeadHistory, _ ctx: EngineContext) -> [TalkingPoint] {
    let today = ctx.today
    let separator = ctx.isChinese ? "：" : ": "
    let model = ctx.playbook.model(h.lead.model)?.name ?? h.lead.model ?? ""
    return ctx.playbook.topics.created
      .filter { $0.isActive(on: today, zone: ctx.zone) && $0.targets(h.lead, stage: h.stage) }
      .prefix(maxCreated)
      .map { topic in
        let text = Template.fill(topic.text, ["name": h.lead.name, "model": model])
        return TalkingPoint(kind: .created, text: topic.title + separator + text, source: topic.id)
      }
  }
}

extension CreatedTopic {
  /// Whether it runs on `day`: inside its `from`…`to` window (inclusive) and on its recurrence (`weekly:N`, 1 = Monday
  /// … 7 = Sunday; `monthly:D`, the last day for months shorter than D). No window and no recurrence: always.
  public func isActive(on day: LocalDate, zone: TimeZone) -> Bool {
    if let from, let start = LocalDate(from), day < start { return false }
    if let to, let end = LocalDate(to), end < day { return false }
    guard let recurrence else { return true }
    let parts = recurrence.split(separator: ":")
    guard parts.count == 2, let n = Int(parts[1]) else { return false }
    switch parts[0] {
    case "weekly":
      let weekday = Calendar.gregorian(.gmt).component(.weekday, from: day.startOfDay(in: .gmt))
      return (weekday + 5) % 7 + 1 == n
    case "monthly":
      return day.day == min(n, LocalDate.daysIn(month: day.month, year: day.year))
    default:
      return false
    }
  }

  /// Whether the lead is in its audience (each absent or empty list means everyone).
  public func targets(_ lead: LeadSnapshot, stage: Stage) -> Bool {
    func allows(_ list: [String]?, _ value: String?) -> Bool {
      guard let list, !list.isEmpty else { return true }
      guard let value else { return false }
      return list.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
    }
    return allows(models, lead.model) && allows(stages, stage.rawValue) && allows(grades, lead.grade?.rawValue)
  }
}
