import Foundation

// MARK: - Choosing what to show

extension PlaybookView {
  /// The section (and entry `id`) of `playbook`; `today` dates the holidays' next days.
  /// Throws `.usage` for an unknown section and `.rejected` for an unknown id, naming what exists.
  public static func select(_ playbook: Playbook, section: String, id: String?, today: LocalDate) throws -> PlaybookView
  {
    switch section {
    case "cadence": return try field(playbook.cadence, "cadence", id)
    case "care": return try field(playbook.care, "care", id)
    case "holidays":
      let holidays = playbook.care.holidays.map { HolidayView($0, today: today) }
      return try entry(holidays, "holidays", id, key: \.id) {
        "\($0.id)  \($0.name)  next: \($0.next ?? "none listed")"
      }
    case "topics": return try topics(playbook.topics, id)
    case "objections":
      return try entry(playbook.objections, section, id, key: \.code) { "\($0.code)  \($0.title)" }
    case "models":
      return try entry(playbook.models, section, id, key: \.code) {
        "\($0.code)  \($0.name)  \($0.segment)  \($0.price)  wait \($0.waitWeeks) weeks"
      }
    case "messages":
      return try entry(playbook.messages, section, id, key: \.id) { "\($0.id)  (\($0.occasion))" }
    case "labels": return try labels(playbook.labels, id)
    default:
      throw CoachError.usage("unknown section `\(section)`; sections: \(sections.joined(separator: ", "))")
    }
  }

  /// A whole struct, or one of its fields by its YAML key.
  static func field<T: Encodable>(_ value: T, _ section: String, _ id: String?) throws -> PlaybookView {
    guard let id else { return PlaybookView(title: section, value: value) }
    let fields = Mirror(reflecting: value).children.compactMap { child -> (String, Any)? in
      child.label.map { ($0.snakeCased, child.value) }
    }
    guard let found = fields.first(where: { $0.0 == id }) else {
      throw unknown(id, in: section, known: fields.map(\.0))
    }
    let encodable = found.1 as? any Encodable
    return PlaybookView(
      title: "\(section).\(id)", value: encodable ?? "\(found.1)",
      text: ValueText.field(id, found.1, "").joined(separator: "\n"))
  }

  /// A list section: a one-line summary per entry, or the entry with `id` in full.
  static func entry<T: Encodable>(
    _ items: [T], _ section: String, _ id: String?, key: KeyPath<T, String>, summary: (T) -> String
  ) throws -> PlaybookView {
    guard let id else {
      let hint = "(`coach playbook show \(section) ID` shows one in full)"
      return PlaybookView(title: section, value: items, text: (items.map(summary) + [hint]).joined(separator: "\n"))
    }
    guard let item = items.first(where: { $0[keyPath: key].caseInsensitiveCompare(id) == .orderedSame }) else {
      throw unknown(id, in: section, known: items.map { $0[keyPath: key] })
    }
    return PlaybookView(title: "\(section).\(item[keyPath: key])", value: item)
  }

  static func unknown(_ id: String, in section: String, known: [String]) -> CoachError {
    .rejected(code: "unknown_id", message: "no `\(id)` in \(section); known: \(known.joined(separator: ", "))")
  }
}
