import Foundation

/// What snoozes do to a lead's follow-ups, applied to the rules' answers before one is selected: the one place the
/// hold lives (the rules themselves do not know it). A snooze set by `ctx.now` holds the lead's sales follow-ups
/// (every action that is not care: `ActionCode.isCare`) until it ends: 00:00 of its day, or when it was lifted. A
/// sales follow-up that fell due before that is moved to it, its deadline with it (the same time to act, counted from
/// then), also once the snooze is over: the days it held do not count as overdue. Care occasions (birthdays,
/// holidays, the 3-day callback, after-sales issues) stay as the rules set them. The audit's replay asks the same at
/// each instant it replays (`asOf`), so that past figures honour the snoozes set by then.
enum Snoozing {
  static func held(_ pending: [Occurrence], _ lead: LeadSnapshot, _ ctx: EngineContext) -> [Occurrence] {
    held(pending, lead, ctx, asOf: ctx.now)
  }

  /// The rules' answers at `t` as the snoozes set by `t` hold them.
  static func held(_ pending: [Occurrence], _ lead: LeadSnapshot, _ ctx: EngineContext, asOf t: Date) -> [Occurrence] {
    guard !lead.snoozes.isEmpty, let resume = resumption(lead, ctx, asOf: t) else { return pending }
    return pending.map { occurrence in
      guard !occurrence.code.isCare, occurrence.dueAt < resume else { return occurrence }
      var moved = occurrence
      moved.dueAt = resume
      moved.deadline = occurrence.deadline.addingTimeInterval(resume.timeIntervalSince(occurrence.dueAt))
      return moved
    }
  }

  /// When the latest of the snoozes set by `t` ends (its day begins, or it was lifted, as recorded by `ctx.now`); nil
  /// when none was set.
  static func resumption(_ lead: LeadSnapshot, _ ctx: EngineContext, asOf t: Date) -> Date? {
    var latest: Date?
    for snooze in lead.snoozes where snooze.at <= t {
      let end = min(snooze.until.startOfDay(in: ctx.zone), snooze.clearedAt ?? .distantFuture)
      if end > snooze.at, end > latest ?? .distantPast { latest = end }
    }
    return latest
  }
}
