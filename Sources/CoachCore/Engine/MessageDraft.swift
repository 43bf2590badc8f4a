import Foundation

/// A personal message from the library: names the customer, recalls something shared, signed by the consultant.
enum MessageDraft {
  /// The template for the action (a holiday's own template first), filled for this lead.
  static func text(for action: DueAction, _ h: LeadHistory, _ ctx: EngineContext) -> String {
    let pb = ctx.playbook
    let holiday = action.code == .holiday ? pb.care.holidays.first { $0.id == action.detail } : nil
    let template =
      holiday.flatMap { day in pb.messages.first { $0.id == day.message } }
      ?? pb.messages.first { $0.occasion == action.code.rawValue }
      ?? pb.messages.first { $0.occasion == "long_time_no_see" }
    guard let template else { return "" }
    let values = [
      "customer": h.lead.name,
      "consultant": h.lead.consultant ?? ctx.consultantName ?? pb.labels.ui["your_consultant"] ?? "",
      "dealership": pb.labels.dealership,
      "detail": (action.code == .issue7day ? openIssue(action, h) : nil) ?? recall(h) ?? "",
      "holiday": holiday?.name ?? "",
      "model": pb.model(h.lead.model)?.name ?? h.lead.model ?? "",
      "eta": h.eta?.description ?? "",
      "years": action.code == .carBirthday ? (action.detail ?? "") : "",
    ]
    return Template.fill(template.text, values)
  }

  /// For the 7-day issue follow-up, the issue itself (its topic id is the action's detail).
  static func openIssue(_ action: DueAction, _ h: LeadHistory) -> String? {
    let open = h.topics.filter { $0.category == .issue && $0.resolvedAt == nil }
    return (open.first { String($0.id) == action.detail } ?? open.first)?.text
  }

  /// Something shared to recall: the latest touch note, else the latest resolved topic, else a profile fact.
  static func recall(_ h: LeadHistory) -> String? {
    if let note = h.touches.reversed().compactMap({ $0.note?.trimmingCharacters(in: .whitespaces) })
      .first(where: { !$0.isEmpty })
    {
      return note
    }
    let resolved = h.topics.filter { $0.resolvedAt != nil }.max { ($0.resolvedAt ?? .distantPast) < ($1.resolvedAt ?? .distantPast) }
    return resolved?.text ?? h.lead.profile.first?.value
  }
}
