import Foundation

/// The three kinds of topics (DOMAIN.md): buried, dug-up, created — in that order.
enum TalkingPoints {
  /// Dug-up and created points listed at most (buried ones are all listed: each is a promise).
  static let maxDugUp = 3
  static let maxCreated = 3

  /// The points that fit a call for `action`: a greeting carries no loose ends of the sale and no promotions,
  /// other care calls only after-sales loose ends and personal topics (DOMAIN.md: care, never a pitch).
  static func all(_ h: LeadHistory, for action: ActionCode, _ ctx: EngineContext) -> [TalkingPoint] {
    let buried =
      action.isGreeting ? [] : buried(h, ctx).filter { !action.isCare || Self.afterSalesKinds.contains($0.1) }
    let personal = dugUp(h, ctx, areas: action.isCare ? ["person", "life"] : nil, care: action.isCare)
    return buried.map(\.0) + personal + (action.isCare ? [] : created(h, ctx))
  }

  /// Loose ends that still matter once the car is delivered (supply and purchase policy belong to the sale).
  static let afterSalesKinds: Set<TopicKind> = [.tech, .brochure, .other]

  /// Open buried topics, oldest first: the consultant's own note (internal), then what to say to open the call
  /// (the playbook's words for that kind, which never repeat the note).
  static func buried(_ h: LeadHistory, _ ctx: EngineContext) -> [(TalkingPoint, TopicKind)] {
    let opener = ctx.playbook.labels.ui(.opener) ?? "→"
    let separator = ctx.playbook.colon
    return h.openTopics(.buried).map { topic in
      var text = topic.text
      if let how = ctx.playbook.topics.buried[topic.kind.rawValue]?.howToRaise, !how.isEmpty {
        text += " — " + opener + separator + how
      }
      return (TalkingPoint(kind: .buried, text: text, source: String(topic.id)), topic.kind)
    }
  }

  /// Profile facts that a dug-up rule matches (the first matching rule per fact); source = the profile key.
  /// A fact that says what an earlier one already says (`hobby=露营` after `travel=喜欢去莫干山露营`: one value holds
  /// the other) is one topic, not two. A fact marked as not to be raised (`Topics.avoid`) is none; a care call takes
  /// a rule's `care_text` when it has one.
  static func dugUp(
    _ h: LeadHistory, _ ctx: EngineContext, areas: Set<String>? = nil, care: Bool = false
  ) -> [TalkingPoint] {
    var points: [TalkingPoint] = []
    var said: [String] = []
    for fact in h.lead.profile where points.count < maxDugUp && !ctx.playbook.topics.isSensitive(fact.value) {
      let value = fact.value.lowercased()
      if said.contains(where: { Self.repeats(value, $0) }) { continue }
      let rule = ctx.playbook.topics.dugUp.first { rule in
        (areas?.contains(rule.area) ?? true) && rule.profileKeys.contains(fact.key)
          && ((rule.match ?? []).isEmpty || (rule.match ?? []).contains { value.contains($0.lowercased()) })
      }
      guard let rule else { continue }
      let text = Template.fill(
        Template.withoutEcho((care ? rule.careText : nil) ?? rule.text, of: "value", in: fact.value),
        ["value": fact.value, "name": h.lead.name])
      if !points.contains(where: { $0.text == text }) {
        points.append(TalkingPoint(kind: .dugUp, text: text, source: fact.key))
        said.append(value)
      }
    }
    return points
  }

  /// Whether one of two profile values holds the other, the shorter being at least two characters (`露营` in
  /// `喜欢去莫干山露营`; not a single character that any text may contain).
  static func repeats(_ a: String, _ b: String) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    return short.count >= 2 && long.contains(short)
  }

  /// Dealership topics running today and aimed at this lead; source = the topic id.
  static func created(_ h: LeadHistory, _ ctx: EngineContext) -> [TalkingPoint] {
    let today = ctx.today
    let separator = ctx.playbook.colon
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
      // Byte by byte for ASCII codes (the audit asks this for every contact in its period: Foundation's compare was
      // a percent of it).
      return list.contains { RowReader.sameIgnoringCase($0, value) }
    }
    return allows(models, lead.model) && allows(stages, stage.rawValue) && allows(grades, lead.grade?.rawValue)
  }
}
