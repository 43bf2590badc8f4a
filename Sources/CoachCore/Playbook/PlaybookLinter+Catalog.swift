import Foundation

// MARK: - Cadence, holidays, topics, models

extension LintContext {
  static let segments = ["sedan", "suv", "mpv", "ev"]
  static let areas = ["person", "car", "life"]

  func checkCadence() {
    let c = playbook.cadence
    let grades = Grade.allCases.map(\.rawValue)
    for (key, days) in c.followUpDays.sorted(by: { $0.key < $1.key }) {
      if !grades.contains(key) {
        error(
          "cadence", ["follow_up_days", key], "unknown grade `\(key)`; grades are \(grades.joined(separator: ", "))")
      } else if days <= 0 {
        error("cadence", ["follow_up_days", key], "interval must be at least 1 day, found \(days)")
      }
    }
    for grade in grades where c.followUpDays[grade] == nil {
      warning("cadence", ["follow_up_days"], "no interval for grade \(grade); default_follow_up_days is used")
    }
    let tiers = Tier.allCases.map(\.rawValue)
    for (key, factor) in c.tierFactor.sorted(by: { $0.key < $1.key }) {
      if !tiers.contains(key) {
        error("cadence", ["tier_factor", key], "unknown tier `\(key)`; tiers are \(tiers.joined(separator: ", "))")
      } else if factor <= 0 {
        error("cadence", ["tier_factor", key], "factor must be above 0, found \(factor)")
      }
    }
    for (key, value) in [
      ("first_contact_hours", c.firstContactHours), ("default_follow_up_days", c.defaultFollowUpDays),
      ("delivery_update_days", c.deliveryUpdateDays),
    ] where value <= 0 {
      error("cadence", [key], "must be at least 1, found \(value)")
    }
  }

  func checkHolidays() {
    let holidays = playbook.care.holidays
    checkDuplicates("care", holidays.map(\.id), what: "holiday id") { ["holidays", $0, "id"] }
    let messageIds = Set(playbook.messages.map(\.id))
    for (i, h) in holidays.enumerated() {
      let at: [any Sendable] = ["holidays", i]
      switch (h.fixed, h.dates) {
      case (let fixed?, nil):
        if LocalDate("2024-\(fixed)") == nil {
          error("care", at + ["fixed"], "holiday `\(h.id)`: `\(fixed)` is not a day; write month-day like \"10-01\"")
        }
      case (nil, let dates?):
        for (j, d) in dates.enumerated() where LocalDate(d) == nil {
          error(
            "care", at + ["dates", j], "holiday `\(h.id)`: `\(d)` is not a date; write YYYY-MM-DD like \"2026-02-17\"")
        }
        let parsed = dates.compactMap(LocalDate.init)
        if !parsed.isEmpty, !parsed.contains(where: { $0 >= today }) {
          warning("care", at + ["dates"], "holiday `\(h.id)`: every date is past; add the coming years' dates")
        }
      default:
        error(
          "care", at, "holiday `\(h.id)` needs exactly one of `fixed:` (month-day) or `dates:` (a list of YYYY-MM-DD)")
      }
      if !messageIds.contains(h.message) {
        error("care", at + ["message"], "holiday `\(h.id)`: no message template `\(h.message)` in messages.yaml")
      }
    }
  }

  func checkTopics() {
    let t = playbook.topics
    let kinds = TopicKind.allCases.map(\.rawValue)
    for key in t.buried.keys.sorted() where !kinds.contains(key) {
      error("topics", ["buried", key], "unknown buried kind `\(key)`; kinds are \(kinds.joined(separator: ", "))")
    }
    for kind in kinds where t.buried[kind] == nil {
      error(
        "topics", ["buried"], "missing buried kind `\(kind)`; every kind needs a name, draft_phrase and how_to_raise")
    }
    for (key, guide) in t.buried.sorted(by: { $0.key < $1.key }) {
      // The opener is said to the customer and the draft phrase sent: neither may carry the consultant's note.
      for (field, text) in [("how_to_raise", guide.howToRaise), ("draft_phrase", guide.draftPhrase)]
      where !DraftFact.placeholders(in: text).isEmpty {
        error(
          "topics", ["buried", key, field],
          "buried kind `\(key)`: \(field) is said or sent to the customer and takes no placeholder "
            + "(\(DraftFact.placeholders(in: text).map { "{\($0)}" }.joined(separator: ", "))); "
            + "the consultant's note stays internal")
      }
    }
    checkDuplicates("topics", t.dugUp.map(\.id), what: "dug_up id") { ["dug_up", $0, "id"] }
    for (i, rule) in t.dugUp.enumerated() {
      if !Self.areas.contains(rule.area) {
        error(
          "topics", ["dug_up", i, "area"], "rule `\(rule.id)`: unknown area `\(rule.area)`; use person, car or life")
      }
      if rule.profileKeys.isEmpty {
        error("topics", ["dug_up", i, "profile_keys"], "rule `\(rule.id)` needs at least one profile key")
      }
    }
    checkDuplicates("topics", t.created.map(\.id), what: "created topic id") { ["created", $0, "id"] }
    for (i, topic) in t.created.enumerated() { checkCreated(topic, at: ["created", i]) }
  }

  func checkCreated(_ topic: CreatedTopic, at: [any Sendable]) {
    let from = topic.from.flatMap(LocalDate.init)
    let to = topic.to.flatMap(LocalDate.init)
    if let text = topic.from, from == nil {
      error("topics", at + ["from"], "`\(text)` is not a date; write YYYY-MM-DD")
    }
    if let text = topic.to, to == nil { error("topics", at + ["to"], "`\(text)` is not a date; write YYYY-MM-DD") }
    if let from, let to, to < from {
      error("topics", at + ["to"], "created topic `\(topic.id)` ends (\(to)) before it starts (\(from))")
    }
    if let to, to < today {
      warning("topics", at + ["to"], "created topic `\(topic.id)` ended on \(to); remove it or give it new dates")
    }
    if let rule = topic.recurrence, !Self.validRecurrence(rule) {
      error("topics", at + ["recurrence"], "`\(rule)` is not a recurrence; use weekly:1-7 (1 Monday) or monthly:1-31")
    }
    for (j, code) in (topic.models ?? []).enumerated() where playbook.model(code) == nil {
      error(
        "topics", at + ["models", j],
        "created topic `\(topic.id)`: model `\(code)` is not in models.yaml; known: \(modelCodes)")
    }
    let stages = Stage.allCases.map(\.rawValue)
    for (j, s) in (topic.stages ?? []).enumerated() where !stages.contains(s) {
      error("topics", at + ["stages", j], "unknown stage `\(s)`; stages are \(stages.joined(separator: ", "))")
    }
    let grades = Grade.allCases.map(\.rawValue)
    for (j, g) in (topic.grades ?? []).enumerated() where !grades.contains(g) {
      error("topics", at + ["grades", j], "unknown grade `\(g)`; grades are \(grades.joined(separator: ", "))")
    }
  }

  static func validRecurrence(_ rule: String) -> Bool {
    let parts = rule.split(separator: ":")
    guard parts.count == 2, let n = Int(parts[1]) else { return false }
    switch parts[0] {
    case "weekly": return (1...7).contains(n)
    case "monthly": return (1...31).contains(n)
    default: return false
    }
  }

  var modelCodes: String { playbook.models.map(\.code).joined(separator: ", ") }

  func checkModels() {
    let models = playbook.models
    checkDuplicates("models", models.map(\.code), what: "model code") { [$0, "code"] }
    for (i, m) in models.enumerated() {
      if !Self.segments.contains(m.segment) {
        error(
          "models", [i, "segment"],
          "model `\(m.code)`: unknown segment `\(m.segment)`; use \(Self.segments.joined(separator: ", "))")
      }
      if let old = m.replaces, playbook.model(old) == nil || old.caseInsensitiveCompare(m.code) == .orderedSame {
        error(
          "models", [i, "replaces"],
          "model `\(m.code)` replaces `\(old)`, which is not another model in the catalog; known: \(modelCodes)")
      }
      if let p = m.prestige, !(1...3).contains(p) {
        error("models", [i, "prestige"], "model `\(m.code)`: prestige must be 1, 2 or 3, found \(p)")
      }
      if m.seats < 1 {
        error("models", [i, "seats"], "model `\(m.code)`: seats must be 1 or more, found \(m.seats)")
      }
      if m.price <= 0 || m.waitWeeks < 0 {
        error("models", [i], "model `\(m.code)`: price must be above 0 and wait_weeks 0 or more")
      }
    }
  }
}
