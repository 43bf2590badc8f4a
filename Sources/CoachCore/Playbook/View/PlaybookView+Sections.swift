import Foundation

// MARK: - Topics, labels, holidays

extension PlaybookView {
  /// All topics summarised, or one buried kind, dug-up rule or created topic by id.
  static func topics(_ topics: Topics, _ id: String?) throws -> PlaybookView {
    guard let id else {
      var lines = topics.buried.sorted { $0.key < $1.key }.map { "buried  \($0.key)  \($0.value.name)" }
      lines += topics.dugUp.map { "dug_up  \($0.id)  \($0.area): \($0.profileKeys.joined(separator: ", "))" }
      lines += topics.created.map { t in
        let when = t.recurrence ?? "\(t.from ?? "…") to \(t.to ?? "…")"
        return "created  \(t.id)  \(t.title)  (\(when))"
      }
      lines.append("(`coach playbook show topics ID` shows one in full)")
      return PlaybookView(title: "topics", value: topics, text: lines.joined(separator: "\n"))
    }
    if let kind = topics.buried[id] { return PlaybookView(title: "topics.buried.\(id)", value: kind) }
    if let rule = topics.dugUp.first(where: { $0.id == id }) {
      return PlaybookView(title: "topics.dug_up.\(id)", value: rule)
    }
    if let created = topics.created.first(where: { $0.id == id }) {
      return PlaybookView(title: "topics.created.\(id)", value: created)
    }
    throw unknown(
      id, in: "topics", known: topics.buried.keys.sorted() + topics.dugUp.map(\.id) + topics.created.map(\.id))
  }

  /// All labels, one mapping (`goals`, `ui`, …), or one key of any mapping (`winback`, `goals.winback`).
  static func labels(_ labels: Labels, _ id: String?) throws -> PlaybookView {
    let maps: [(String, [String: String])] = [
      ("goals", labels.goals), ("channels", labels.channels), ("reasons", labels.reasons),
      ("warnings", labels.warnings), ("switch_texts", labels.switchTexts), ("ui", labels.ui),
    ]
    guard let id else { return PlaybookView(title: "labels", value: labels) }
    if id == "dealership" { return PlaybookView(title: "labels.dealership", value: labels.dealership) }
    if let map = maps.first(where: { $0.0 == id }) { return PlaybookView(title: "labels.\(id)", value: map.1) }
    let parts = id.split(separator: ".", maxSplits: 1).map(String.init)
    let hits = maps.filter { parts.count == 2 ? $0.0 == parts[0] : true }.compactMap { name, map in
      map[parts.last ?? id].map { (name, $0) }
    }
    guard !hits.isEmpty else {
      throw unknown(id, in: "labels", known: ["dealership"] + maps.map(\.0) + ["or a key such as goals.winback"])
    }
    let found = Dictionary(hits, uniquingKeysWith: { a, _ in a })
    let text = hits.map { "\($0.0).\(parts.last ?? id): \($0.1)" }.joined(separator: "\n")
    return PlaybookView(title: "labels.\(id)", value: found, text: text)
  }
}

/// A holiday with the next day the engine will greet for it.
struct HolidayView: Encodable, Sendable {
  var id: String
  var name: String
  var fixed: String?
  var dates: [String]?
  var message: String
  /// The next day on or after today when it falls (nil when no listed date is ahead).
  var next: String?

  init(_ h: Holiday, today: LocalDate) {
    id = h.id
    name = h.name
    fixed = h.fixed
    dates = h.dates
    message = h.message
    next = h.days(in: today.year...(today.year + 1)).filter { $0 >= today }.min()?.description
  }
}
