import Foundation

// MARK: - Objections, messages, labels

extension LintContext {
  /// Occasions whose messages carry wishes or care only: no promotions, no new models.
  static let wishOccasions: Set<String> = [
    "holiday", "birthday", "car_birthday", "season", "callback_3day", "issue_7day", "long_time_no_see",
  ]

  func checkObjections() {
    let objections = playbook.objections
    checkDuplicates("objections", objections.map(\.code), what: "objection code") { [$0, "code"] }
    for (i, o) in objections.enumerated()
    where o.examples.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      error("objections", [i, "examples"], .noExamples(code: o.code))
    }
  }

  func checkMessages() {
    let messages = playbook.messages
    checkDuplicates("messages", messages.map(\.id), what: "message id") { [$0, "id"] }
    let occasions = Set(messages.map(\.occasion))
    let needed = ActionCode.allCases.map(\.rawValue) + ["season", "long_time_no_see"]
    for occasion in needed where !occasions.contains(occasion) {
      error("messages", [], .noMessageFor(occasion: occasion))
    }
    let holidayTemplates = Set(playbook.care.holidays.map(\.message))
    for (i, m) in messages.enumerated() {
      let wordings = [m.text] + (m.fallbacks ?? [])
      checkFacts(m, index: i, wordings: wordings)
      guard Self.wishOccasions.contains(m.occasion) || holidayTemplates.contains(m.id) else { continue }
      let hits = Array(Set(wordings.flatMap(PromoWords.find(in:)))).sorted()
      guard !hits.isEmpty else { continue }
      error(
        "messages", [i, "text"],
        .careMessageSells(id: m.id, occasion: m.occasion, hits: hits.map { "`\($0)`" }.joined(separator: ", ")))
    }
  }

  /// Every placeholder is a fact a draft may carry, and some wording needs only facts that are always known, so
  /// a draft never shows an empty slot.
  func checkFacts(_ m: MessageTemplate, index i: Int, wordings: [String]) {
    let facts = DraftFact.allCases.map(\.rawValue)
    for (j, wording) in wordings.enumerated() {
      let at: [any Sendable] = j == 0 ? [i, "text"] : [i, "fallbacks", j - 1]
      for name in DraftFact.placeholders(in: wording) where !facts.contains(name) {
        error(
          "messages", at, .notAFact(id: m.id, name: name, facts: facts.map { "{\($0)}" }.joined(separator: ", ")))
      }
    }
    let always = Set(DraftFact.alwaysKnown(for: m.occasion).map(\.rawValue))
    let safe = wordings.contains { Set(DraftFact.placeholders(in: $0)).isSubset(of: always) }
    if !safe {
      error(
        "messages", [i, "text"], .emptySlot(id: m.id, always: always.sorted().map { "{\($0)}" }.joined(separator: ", "))
      )
    }
  }

  /// Label keys coach prints, by labels.yaml mapping.
  static var requiredLabelKeys: [(section: String, keys: [String], what: String)] {
    let actions = ActionCode.allCases.map(\.rawValue)
    let levers = Lever.allCases.map(\.rawValue)
    let fragments =
      Stage.allCases.map { "stage_\($0.rawValue)" }
      + ["late_by", "no_touch_for", "never_touched", "overdue", "buried_open", "update_for"]
    let warnings = [
      "warning_tag", "vip", "fleet", "difficult", "no_next_agreed", "unreachable", "amount_unknown",
      "eta_unknown", "model_unknown",
    ]
    let headings = [
      "queue", "brief", "goal", "channel", "talking_points", "objections", "switch", "message_draft",
      "warnings", "due", "deadline", "overdue", "priority", "reason", "nothing_due",
    ]
    var ui =
      Stage.allCases.map { "stage_\($0.rawValue)" } + actions.map { "action_\($0)" } + levers.map { "lever_\($0)" }
    ui += Channel.allCases.map { "channel_\($0.rawValue)" } + Outcome.allCases.map { "outcome_\($0.rawValue)" }
    ui += ChurnReason.allCases.map { "churn_\($0.rawValue)" } + TalkingPointKind.allCases.map { "kind_\($0.rawValue)" }
    ui += TopicKind.allCases.map { "topic_kind_\($0.rawValue)" } + segments.map { "segment_\($0)" } + headings
    return [
      ("goals", actions, "action code"), ("channels", actions, "action code"),
      ("reasons", actions + fragments, "action code and reason fragment"), ("warnings", warnings, "warning"),
      ("switch_texts", levers, "lever"), ("ui", ui, "interface text"),
    ]
  }

  func checkLabels() {
    let l = playbook.labels
    let present: [String: [String: String]] = [
      "goals": l.goals, "channels": l.channels, "reasons": l.reasons, "warnings": l.warnings,
      "switch_texts": l.switchTexts, "ui": l.ui,
    ]
    for (section, keys, what) in Self.requiredLabelKeys {
      let have = present[section] ?? [:]
      let missing = keys.filter { have[$0] == nil }
      guard !missing.isEmpty else { continue }
      error(
        "labels", [section],
        .labelsMissing(section: section, keys: missing.map { "`\($0)`" }.joined(separator: ", "), what: what))
    }
    let channels = Channel.allCases.map(\.rawValue)
    for (action, channel) in l.channels.sorted(by: { $0.key < $1.key }) where !channels.contains(channel) {
      error("labels", ["channels", action], .unknownChannel(channel: channel, known: channels.joined(separator: ", ")))
    }
  }
}
