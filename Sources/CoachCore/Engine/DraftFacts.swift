import Foundation

/// A fact a customer-facing message may carry. Drafts are filled with these and nothing else: what staff type
/// about a customer (notes, topic texts, profile values, tags) has no case here, so it cannot reach a draft.
public enum DraftFact: String, CaseIterable, Sendable {
  case customer, consultant, dealership, model, eta, holiday, years, topic

  /// Facts every draft has (the customer's and consultant's names, the dealership).
  public static let alwaysKnown: Set<DraftFact> = [.customer, .consultant, .dealership]

  /// Facts that are always known for a message of `occasion` (a holiday greeting knows its holiday).
  public static func alwaysKnown(for occasion: String) -> Set<DraftFact> {
    occasion == ActionCode.holiday.rawValue ? alwaysKnown.union([.holiday]) : alwaysKnown
  }

  /// The `{placeholders}` of `text`, as written (known facts or not), as `Template.fill` reads them.
  public static func placeholders(in text: String) -> [String] { Template.slots(in: text) }
}

/// The facts known for one lead's draft, each from a structured field.
struct DraftFacts {
  private(set) var values: [DraftFact: String] = [:]
  /// The words a message says the consultant in, when no name is known (`your_consultant`: `销售顾问`, `your sales
  /// consultant`); nil when a name is.
  private var title: String?
  /// Where the name would be, until `fill` words it.
  private static let unnamed = "\u{1}"

  /// A catalog name as a customer is told it: without the bracketed note that tells consultants two models apart
  /// (`极光 S50 (老款)` → `极光 S50`: an owner is not told their car is the "previous generation").
  static func customerName(_ name: String) -> String {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    guard let close = trimmed.last, close == ")" || close == "）",
      let open = trimmed.lastIndex(where: { $0 == "(" || $0 == "（" }), open > trimmed.startIndex
    else { return name }
    let bare = trimmed[..<open].trimmingCharacters(in: .whitespaces)
    return bare.isEmpty ? name : bare
  }

  init(action: DueAction, _ h: LeadHistory, _ ctx: EngineContext) {
    let pb = ctx.playbook
    values[.customer] = h.lead.name
    if let name = h.lead.consultant ?? ctx.consultantName {
      values[.consultant] = name
    } else {
      // Nobody's name to sign with (a lead nobody owns, read without a user): the messages' words for the
      // consultant take its place, said once (`unnamed`).
      values[.consultant] = Self.unnamed
      title = pb.labels.ui(.yourConsultant) ?? ""
    }
    values[.dealership] = pb.labels.dealership
    values[.model] = pb.model(h.lead.model).map { Self.customerName($0.name) }
    // A promised day that has passed is never presented as still expected: nor one that will have passed by the
    // time the message can be sent (a brief for an action not yet due, `next --lead`, drafts the message for then).
    let sent = max(ctx.today, LocalDate(action.dueAt, in: ctx.civil))
    if let eta = h.eta, !(eta < sent) { values[.eta] = DateText.day(eta, chinese: ctx.isChinese) }
    if action.code == .holiday { values[.holiday] = pb.care.holidays.first { $0.id == action.detail }?.name }
    if action.code == .carBirthday, let years = action.detail, Int(years) != nil { values[.years] = years }
    // The loose end left last time, in its kind's customer wording (never the consultant's note).
    if let topic = h.openTopics(.buried).last { values[.topic] = pb.topics.buried[topic.kind.rawValue]?.draftPhrase }
    values = values.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  /// `text` filled, or nil when it names a fact that is unknown here (or no fact at all).
  func fill(_ text: String) -> String? {
    var unknown = false
    let filled = Template.fill(text) { name in
      guard let fact = DraftFact(rawValue: name), let value = values[fact] else {
        unknown = true
        return nil
      }
      return value
    }
    guard !unknown else { return nil }
    guard let title else { return filled }
    // The templates name the consultant beside their title (`销售顾问{consultant}`, `{consultant}, your sales
    // consultant`) or alone (`{dealership}的{consultant}`, `{consultant} from …`): the title stands for both.
    return
      filled
      .replacingOccurrences(of: title + Self.unnamed, with: title)
      .replacingOccurrences(of: Self.unnamed + ", " + title, with: title)
      .replacingOccurrences(of: Self.unnamed, with: title)
  }
}

/// Days as a message to a customer writes them: `2027年1月15日`, `15 Jan 2027`.
enum DateText {
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  static func day(_ d: LocalDate, chinese: Bool) -> String {
    chinese ? "\(d.year)年\(d.month)月\(d.day)日" : "\(d.day) \(months[d.month - 1]) \(d.year)"
  }
}
