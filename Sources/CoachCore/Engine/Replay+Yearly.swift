import Foundation

/// The answers of the rules that read the time (birthday, car's birthday, holiday) at one instant of the replay,
/// kept from step to step. Each of these rules returns the first of a list of occasions, a list that depends only
/// on the stage changes and on the year of `h.at` (the years around it), whose deadline is still ahead and that
/// no touch fulfilled. While the stage changes and the year stay the same, an occasion passed over stays passed
/// over (its deadline falls further behind, and touches are only ever added), so the kept answer still holds
/// unless its own deadline has passed or a new touch fulfils it; a missing answer holds for the rest of the year.
/// The replay asks a rule again only then.
struct YearlyOccasions {
  private var year: Int
  /// Instants certain to fall in `year` (empty when the zone's offset changes in that year): inside, the year of
  /// `h.at` is known without working out its day.
  private var yearSpan: Range<Date>
  private var events: Int
  private var kept: [Occurrence?]
  private static let codes = FollowUpRules.clockCodes

  /// The answers found in `pending`, all of the rules' answers for `h`.
  init(_ pending: [Occurrence], _ h: LeadHistory, zone: CivilZone) {
    year = LocalDate(h.at, in: zone).year
    yearSpan = Self.span(of: year, zone)
    events = h.events.count
    kept = Self.codes.map { code in pending.first { $0.code == code } }
  }

  /// `Rules.all(h, ctx)` at a later instant than the one these answers and `before` (all of the rules' answers)
  /// were found for; `changedAfter` is that earlier instant when something was recorded since (then the rules
  /// that do not read the time are asked again), nil when only the time moved.
  mutating func all(_ h: LeadHistory, changedAfter last: Date?, _ before: [Occurrence], _ ctx: EngineContext)
    -> [Occurrence]
  {
    let now = yearSpan.contains(h.at) ? year : LocalDate(h.at, in: ctx.civil).year
    let fresh = now != year || h.events.count != events
    if now != year { yearSpan = Self.span(of: now, ctx.civil) }
    year = now
    events = h.events.count
    var asked = false
    for (i, code) in Self.codes.enumerated() {
      guard let occurrence = kept[i] else {
        if fresh {
          kept[i] = FollowUpRules.table[code.precedence].pending(h, ctx)
          asked = true
        }
        continue
      }
      let touched = last.map { last in h.touches.contains { $0.at > last && occurrence.isFulfilled(by: $0) } } ?? false
      if fresh || h.at >= occurrence.deadline || touched {
        kept[i] = FollowUpRules.table[code.precedence].pending(h, ctx)
        asked = true
      }
    }
    // Nothing recorded and every kept answer still holds: the answers are `before`'s, in the same order.
    if last == nil && !asked { return before }
    var answers: [Occurrence] = []
    answers.reserveCapacity(FollowUpRules.table.count)
    guard last == nil else {
      var clock = 0  // the kept answers are in `codes` order, which is the table's
      for i in FollowUpRules.table.indices {
        if FollowUpRules.readsClock[i] {
          if let kept = kept[clock] { answers.append(kept) }
          clock += 1
        } else if let answer = FollowUpRules.table[i].pending(h, ctx) {
          answers.append(answer)
        }
      }
      return answers
    }
    // Only the time moved: `before`'s other answers stand, in precedence order (one per code), and the kept
    // answers take the yearly codes' places among them.
    var next = 0
    for i in before.indices where !FollowUpRules.readsClock[before[i].code.precedence] {
      let rank = before[i].code.precedence
      while next < Self.codes.count && Self.codes[next].precedence < rank {
        if let kept = kept[next] { answers.append(kept) }
        next += 1
      }
      answers.append(before[i])
    }
    for i in next..<Self.codes.count { if let kept = kept[i] { answers.append(kept) } }
    return answers
  }

  /// From 00:00 on January 1 of `year` to 00:00 on January 1 of the next, when one steady offset of `zone` covers
  /// both (every instant between then has its day in `year`); else empty.
  private static func span(of year: Int, _ zone: CivilZone) -> Range<Date> {
    let start = LocalDate(year: year, month: 1, day: 1).startOfDay(in: zone)
    let end = LocalDate(year: year + 1, month: 1, day: 1).startOfDay(in: zone)
    guard start < end, start.timeIntervalSince1970 >= zone.steady.from, end.timeIntervalSince1970 < zone.steady.until,
      LocalDate(start, in: zone).year == year, LocalDate(end, in: zone).year == year + 1
    else { return start..<start }
    return start..<end
  }
}
