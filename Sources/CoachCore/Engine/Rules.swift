import Foundation

/// The rules of "When actions fall due" (CONTRACT.md): the shapes they share, and how one is chosen. Each code's
/// rule is its entry in `FollowUpRules`; the bodies are in `Rules+Sales.swift` and `Rules+Care.swift`.
enum Rules {
  /// A touch this long before a fixed-time follow-up falls due still fulfils it
  /// (the contract's "last touch before the due time").
  static let earlyWindowDays = 1

  /// Every pending follow-up, in precedence order.
  static func all(_ h: LeadHistory, _ ctx: EngineContext) -> [Occurrence] {
    var found: [Occurrence] = []
    found.reserveCapacity(FollowUpRules.table.count)
    // By index: a loop over the rules copied each one (its closures retained and released) at every call.
    for i in FollowUpRules.table.indices {
      if let occurrence = FollowUpRules.table[i].pending(h, ctx) { found.append(occurrence) }
    }
    return found
  }

  /// One action at a time: of those due, the first in precedence order; if none is due, the soonest to come.
  /// One pass by index, no array of the due ones: of equals the first wins, as with `min`.
  static func select(_ pending: [Occurrence], at t: Date) -> Occurrence? {
    var due: Int?
    var soonest: Int?
    for i in pending.indices {
      let rank = pending[i].code.precedence
      let dueAt = pending[i].dueAt
      if pending[i].isDue(at: t) {
        if let d = due {
          if (rank, dueAt) < (pending[d].code.precedence, pending[d].dueAt) { due = i }
        } else {
          due = i
        }
      }
      if let s = soonest {
        if (dueAt, rank) < (pending[s].dueAt, pending[s].code.precedence) { soonest = i }
      } else {
        soonest = i
      }
    }
    guard let chosen = due ?? soonest else { return nil }
    return pending[chosen]
  }

  // MARK: - Shared shapes

  /// An interval follow-up counted from the last touch: deadline = due + grace hours.
  static func interval(_ code: ActionCode, due: Date, _ ctx: EngineContext, detail: String? = nil) -> Occurrence {
    Occurrence(
      code: code, dueAt: due, deadline: graceEnd(after: due, ctx), detail: detail, opensAt: due,
      countsFromLastTouch: true)
  }

  /// The end of the playbook's grace after `due`: whole days of it are calendar days in the zone (24 hours of grace
  /// after 00:00 end at the next 00:00, also across a change of clocks), any other length is hours.
  static func graceEnd(after due: Date, _ ctx: EngineContext) -> Date {
    let hours = ctx.playbook.cadence.graceHours
    guard hours > 0, hours % 24 == 0 else { return due.adding(hours: Double(hours)) }
    return due.adding(days: hours / 24, in: ctx.civil)
  }

  /// A series that starts at a fixed time (`first`) and then recurs every `every` days since the last touch.
  /// A touch within the early window before `first` already counts for it.
  static func series(_ code: ActionCode, first: Date, everyDays every: Int, _ h: LeadHistory, _ ctx: EngineContext)
    -> Occurrence
  {
    let opens = first.adding(days: -earlyWindowDays, in: ctx.civil)
    guard let last = h.lastTouch, last.at >= opens else {
      var occurrence = interval(code, due: first, ctx)
      occurrence.opensAt = opens
      occurrence.countsFromLastTouch = false
      return occurrence
    }
    return interval(code, due: last.at.adding(days: every, in: ctx.civil), ctx)
  }

  /// A day-bound occasion: due at 00:00 of `dueDay`, deadline the end of `day`, lapsing after it.
  static func occasion(
    _ code: ActionCode, day: LocalDate, dueDay: LocalDate, detail: String?, _ zone: CivilZone
  ) -> Occurrence {
    Occurrence(
      code: code, dueAt: dueDay.startOfDay(in: zone), deadline: day.endOfDay(in: zone), detail: detail,
      opensAt: dueDay.adding(days: -earlyWindowDays).startOfDay(in: zone), lapses: true)
  }

  /// The occasion on `day` when still open at `h.at` (the detail is only made for it).
  static func openOccasion(
    _ code: ActionCode, day: LocalDate, dueDay: LocalDate, _ h: LeadHistory, _ zone: CivilZone,
    _ detail: () -> String
  ) -> Occurrence? {
    let deadline = day.endOfDay(in: zone)
    guard deadline > h.at, deadline > h.lead.createdAt else { return nil }
    let occurrence = occasion(code, day: day, dueDay: dueDay, detail: detail(), zone)
    return isOpen(occurrence, h) ? occurrence : nil
  }

  /// Whether an occasion is still open at `h.at`: its deadline neither past nor before the lead existed,
  /// and no touch fulfilled it. Of a lead's open occasions of one code, the soonest is the pending one.
  static func isOpen(_ occurrence: Occurrence, _ h: LeadHistory) -> Bool {
    occurrence.deadline > h.at && occurrence.deadline > h.lead.createdAt && occurrence.fulfilment(in: h.touches) == nil
  }

  /// Years around `h.at` to look for yearly occasions in (a fulfilled one gives way to next year's).
  static func years(around h: LeadHistory, _ ctx: EngineContext) -> ClosedRange<Int> {
    let year = LocalDate(h.at, in: ctx.civil).year
    return (year - 1)...(year + 2)
  }

  /// The tier multiplier on relationship intervals; D (no potential yet) is followed more loosely.
  static func tierFactor(_ tier: Tier?, _ ctx: EngineContext) -> Double {
    guard let tier else { return 1 }
    let factor = ctx.playbook.cadence.tierFactor[tier.rawValue] ?? (tier == .d ? 1.5 : 1)
    return factor > 0 ? factor : 1
  }
}
