import CoachCore
import CoachStoreAPI
import Foundation

/// The calendar feed of `coach serve` (`/ics/TOKEN.ics`): the current follow-up of each of a user's leads that is
/// due now or falls due within `days`, as RFC 5545 text a phone's calendar subscribes to.
package struct FollowUpCalendar {
  package struct Item: Sendable, Hashable {
    package let leadID: LeadID
    package let customer: String
    package let action: ActionCode
    package let dueAt: Date
    package let deadline: Date
  }

  package let owner: String
  package let items: [Item]
  package let ctx: EngineContext

  /// The follow-ups of the leads `session`'s user works (a consultant's own), due by `now + days`.
  package static func build(_ session: Session, days: Int = 14) throws -> FollowUpCalendar {
    let env = session.env
    let ctx = try EngineSetup.context(env, session: session, salesStats: false)
    let horizon = env.now.addingTimeInterval(Double(days) * 86_400)
    let items = try EngineSetup.inParts(session, try EngineSetup.workingSet(session, team: false, now: env.now)) {
      leads in
      leads.compactMap { lead -> Item? in
        guard let a = FollowUpEngine.unexplainedAction(for: lead, in: ctx), a.dueAt <= horizon else { return nil }
        return Item(leadID: lead.id, customer: lead.name, action: a.code, dueAt: a.dueAt, deadline: a.deadline)
      }
    }
    return FollowUpCalendar(
      owner: session.user?.name ?? "", items: items.sorted { ($0.dueAt, $0.leadID) < ($1.dueAt, $1.leadID) }, ctx: ctx)
  }

  /// The VCALENDAR: one VEVENT per item (customer and action in SUMMARY, the deadline as DTEND) with a VALARM.
  /// Only the customer's name, the lead id and the action: no phone number, no notes.
  package func ics(host: String) -> String {
    let labels = ctx.playbook.labels
    let stamp = Self.utc(ctx.now)
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coach//follow-ups//\(ctx.playbook.language)", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape("coach · \(owner)"),
    ]
    for item in items {
      let label = labels.ui(.action, item.action.rawValue) ?? item.action.rawValue
      // DTEND must come after DTSTART: an action due at its deadline starts a quarter of an hour before it.
      let start = min(item.dueAt, item.deadline.addingTimeInterval(-15 * 60))
      lines += [
        "BEGIN:VEVENT",
        "UID:" + Self.escape("\(item.leadID)-\(item.action.rawValue)-\(Int(item.dueAt.timeIntervalSince1970))@\(host)"),
        "DTSTAMP:\(stamp)", "DTSTART:\(Self.utc(start))", "DTEND:\(Self.utc(item.deadline))",
        "SUMMARY:" + Self.escape("\(item.customer) · \(label)"),
        "DESCRIPTION:" + Self.escape("\(label) (#\(item.leadID))"),
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DESCRIPTION:" + Self.escape("\(item.customer) · \(label)"),
        "END:VALARM", "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  /// `20251110T013000Z`.
  package static func utc(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
    return String(format: "%04d", c.year ?? 0) + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute)
      + two(c.second) + "Z"
  }

  /// TEXT escaping of RFC 5545 §3.3.11.
  package static func escape(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n", "\r\n", "\r": out += "\\n"
      default: out.append(ch)
      }
    }
    return out
  }

  /// Folds a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1).
  package static func fold(_ line: String) -> String {
    var out = ""
    var width = 0
    for scalar in line.unicodeScalars {
      let n = String(scalar).utf8.count
      if width + n > 75 {
        out += "\r\n "
        width = 1
      }
      out.unicodeScalars.append(scalar)
      width += n
    }
    return out
  }
}
