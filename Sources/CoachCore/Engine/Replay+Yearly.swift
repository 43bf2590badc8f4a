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
  private var events: Int
  private var kept: [Occurrence?]
  private static let codes: [ActionCode] = [.birthday, .carBirthday, .holiday]

  /// The answers found in `pending`, all of the rules' answers for `h`.
  init(_ pending: [Occurrence], _ h: LeadHistory, zone: CivilZone) {
    year = LocalDate(h.at, in: zone).year
    events = h.events.count
    kept = Self.codes.map { code in pending.first { $0.code == code } }
  }

  /// `Rules.all(h, ctx)` at a later instant than the one these answers and `before` (all of the rules' answers)
  /// were found for; `changedAfter` is that earlier instant when something was recorded since (then the rules
  /// that do not read the time are asked again), nil when only the time moved.
  mutating func all(_ h: LeadHistory, changedAfter last: Date?, _ before: [Occurrence], _ ctx: EngineContext)
    -> [Occurrence]
  {
    let now = LocalDate(h.at, in: ctx.civil).year
    let fresh = now != year || h.events.count != events
    year = now
    events = h.events.count
    var asked = false
    for (i, code) in Self.codes.enumerated() {
      guard let occurrence = kept[i] else {
        if fresh {
          kept[i] = Rules.pending(code, h, ctx)
          asked = true
        }
        continue
      }
      let touched = last.map { last in h.touches.contains { $0.at > last && occurrence.isFulfilled(by: $0) } } ?? false
      if fresh || h.at >= occurrence.deadline || touched {
        kept[i] = Rules.pending(code, h, ctx)
        asked = true
      }
    }
    // Nothing recorded and every kept answer still holds: the answers are `before`'s, in the same order.
    if last == nil && !asked { return before }
    return Rules.codes.compactMap { code in
      switch code {
      case .birthday: return kept[0]
      case .carBirthday: return kept[1]
      case .holiday: return kept[2]
      default: return last == nil ? before.first { $0.code == code } : Rules.pending(code, h, ctx)
      }
    }
  }
}
