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
          "cadence", ["follow_up_days", key],
          .unknownCode(kind: "grade", code: key, known: grades.joined(separator: ", ")))
      } else if days <= 0 {
        error("cadence", ["follow_up_days", key], .intervalTooShort(found: "\(days)"))
      }
    }
    for grade in grades where c.followUpDays[grade] == nil {
      warning("cadence", ["follow_up_days"], .noInterval(grade: grade))
    }
    let tiers = Tier.allCases.map(\.rawValue)
    for (key, factor) in c.tierFactor.sorted(by: { $0.key < $1.key }) {
      if !tiers.contains(key) {
        error(
          "cadence", ["tier_factor", key], .unknownCode(kind: "tier", code: key, known: tiers.joined(separator: ", ")))
      } else if factor <= 0 {
        error("cadence", ["tier_factor", key], .factorNotPositive(found: "\(factor)"))
      }
    }
    for (key, value) in [
      ("first_contact_hours", c.firstContactHours), ("default_follow_up_days", c.defaultFollowUpDays),
      ("delivery_update_days", c.deliveryUpdateDays),
    ] where value <= 0 {
      error("cadence", [key], .mustBeAtLeastOne(found: "\(value)"))
    }
    checkEscalation(c)
  }

  /// The escalation limits: at least one each, the team lead's first-contact limit after the consultant's; when
  /// left out, the default used is named.
  func checkEscalation(_ c: Cadence) {
    if let days = c.escalateAfterDays {
      if days <= 0 { error("cadence", ["escalate_after_days"], .mustBeAtLeastOne(found: "\(days)")) }
    } else {
      warning("cadence", [], .noEscalation(key: "escalate_after_days", fallback: "\(c.escalationDays)"))
    }
    if let hours = c.firstContactEscalateHours {
      if hours <= 0 {
        error("cadence", ["first_contact_escalate_hours"], .mustBeAtLeastOne(found: "\(hours)"))
      } else if hours <= c.firstContactHours {
        error(
          "cadence", ["first_contact_escalate_hours"],
          .escalationNotAfterLimit(hours: hours, limit: c.firstContactHours))
      }
    } else {
      warning(
        "cadence", [], .noEscalation(key: "first_contact_escalate_hours", fallback: "\(c.firstContactEscalationHours)"))
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
          error("care", at + ["fixed"], .holidayBadDay(id: h.id, given: fixed))
        }
      case (nil, let dates?):
        for (j, d) in dates.enumerated() where LocalDate(d) == nil {
          error("care", at + ["dates", j], .holidayBadDate(id: h.id, given: d))
        }
        let parsed = dates.compactMap(LocalDate.init)
        if !parsed.isEmpty, !parsed.contains(where: { $0 >= today }) {
          warning("care", at + ["dates"], .holidayAllPast(id: h.id))
        }
      default:
        error("care", at, .holidayNeedsOne(id: h.id))
      }
      if !messageIds.contains(h.message) {
        error("care", at + ["message"], .holidayNoMessage(id: h.id, message: h.message))
      }
    }
  }

  func checkTopics() {
    let t = playbook.topics
    let kinds = TopicKind.allCases.map(\.rawValue)
    for key in t.buried.keys.sorted() where !kinds.contains(key) {
      error(
        "topics", ["buried", key], .unknownCode(kind: "buried kind", code: key, known: kinds.joined(separator: ", ")))
    }
    for kind in kinds where t.buried[kind] == nil {
      error("topics", ["buried"], .missingBuriedKind(kind: kind))
    }
    for (key, guide) in t.buried.sorted(by: { $0.key < $1.key }) {
      // The opener is said to the customer and the draft phrase sent: neither may carry the consultant's note.
      for (field, text) in [("how_to_raise", guide.howToRaise), ("draft_phrase", guide.draftPhrase)]
      where !DraftFact.placeholders(in: text).isEmpty {
        let found = DraftFact.placeholders(in: text).map { "{\($0)}" }.joined(separator: ", ")
        error("topics", ["buried", key, field], .openerTakesNoPlaceholder(kind: key, field: field, found: found))
      }
    }
    checkDuplicates("topics", t.dugUp.map(\.id), what: "dug_up id") { ["dug_up", $0, "id"] }
    for (i, rule) in t.dugUp.enumerated() {
      if !Self.areas.contains(rule.area) {
        error("topics", ["dug_up", i, "area"], .unknownArea(rule: rule.id, area: rule.area))
      }
      if rule.profileKeys.isEmpty {
        error("topics", ["dug_up", i, "profile_keys"], .ruleNeedsProfileKey(rule: rule.id))
      }
    }
    checkDuplicates("topics", t.created.map(\.id), what: "created topic id") { ["created", $0, "id"] }
    for (i, topic) in t.created.enumerated() { checkCreated(topic, at: ["created", i]) }
  }

  func checkCreated(_ topic: CreatedTopic, at: [any Sendable]) {
    let from = topic.from.flatMap(LocalDate.init)
    let to = topic.to.flatMap(LocalDate.init)
    if let text = topic.from, from == nil {
      error("topics", at + ["from"], .notADate(given: text))
    }
    if let text = topic.to, to == nil { error("topics", at + ["to"], .notADate(given: text)) }
    if let from, let to, to < from {
      error("topics", at + ["to"], .endsBeforeStart(id: topic.id, from: from.description, to: to.description))
    }
    if let to, to < today {
      warning("topics", at + ["to"], .ended(id: topic.id, on: to.description))
    }
    if let rule = topic.recurrence, !Self.validRecurrence(rule) {
      error("topics", at + ["recurrence"], .badRecurrence(given: rule))
    }
    for (j, code) in (topic.models ?? []).enumerated() where playbook.model(code) == nil {
      error("topics", at + ["models", j], .topicUnknownModel(id: topic.id, code: code, known: modelCodes))
    }
    let stages = Stage.allCases.map(\.rawValue)
    for (j, s) in (topic.stages ?? []).enumerated() where !stages.contains(s) {
      error("topics", at + ["stages", j], .unknownCode(kind: "stage", code: s, known: stages.joined(separator: ", ")))
    }
    let grades = Grade.allCases.map(\.rawValue)
    for (j, g) in (topic.grades ?? []).enumerated() where !grades.contains(g) {
      error("topics", at + ["grades", j], .unknownCode(kind: "grade", code: g, known: grades.joined(separator: ", ")))
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
          .unknownSegment(code: m.code, segment: m.segment, known: Self.segments.joined(separator: ", ")))
      }
      if let old = m.replaces, playbook.model(old) == nil || old.caseInsensitiveCompare(m.code) == .orderedSame {
        error("models", [i, "replaces"], .badReplaces(code: m.code, old: old, known: modelCodes))
      }
      if let p = m.prestige, !(1...3).contains(p) {
        error("models", [i, "prestige"], .badPrestige(code: m.code, found: "\(p)"))
      }
      if m.seats < 1 {
        error("models", [i, "seats"], .badSeats(code: m.code, found: m.seats))
      }
      if m.price <= 0 || m.waitWeeks < 0 {
        error("models", [i], .badPriceOrWait(code: m.code))
      }
    }
  }
}
