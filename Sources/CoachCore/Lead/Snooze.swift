import Foundation

/// A hold on a lead's sales follow-ups until a day ("customer abroad until the 15th"), with who set it, when and why.
/// Care occasions (birthdays, holidays, the 3-day callback, after-sales issues) still come due while it holds.
public struct Snooze: Hashable, Codable, Sendable {
  public var id: Int64
  /// The day the follow-ups resume: they are held until 00:00 of it in the zone.
  public var until: LocalDate
  public var reason: String
  /// Who set it (the acting user), and when (`--now`).
  public var actor: String?
  public var at: Date
  /// When it was lifted before its day (`coach snooze ID --clear`), and by whom.
  public var clearedAt: Date?
  public var clearedBy: String?

  public init(
    id: Int64, until: LocalDate, reason: String, actor: String?, at: Date, clearedAt: Date? = nil,
    clearedBy: String? = nil
  ) {
    self.id = id
    self.until = until
    self.reason = reason
    self.actor = actor
    self.at = at
    self.clearedAt = clearedAt
    self.clearedBy = clearedBy
  }

  /// Whether it holds at `t`: set by then, not lifted by then, and its day not yet begun in `zone`.
  public func holds(at t: Date, in zone: TimeZone) -> Bool {
    at <= t && (clearedAt.map { $0 > t } ?? true) && t < until.startOfDay(in: zone)
  }
}

extension LeadSnapshot {
  /// The snooze holding the lead's sales follow-ups at `t`, if any (the latest set, when several overlap).
  public func snooze(at t: Date, in zone: TimeZone) -> Snooze? {
    snoozes.last { $0.holds(at: t, in: zone) }
  }
}
