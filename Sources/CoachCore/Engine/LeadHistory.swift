import Foundation

/// A lead as it stood at one instant: only the touches, events and topics recorded by then.
/// Every rule reads the lead through this view, so `nextAction` (at `now`) and the audit replay
/// (at every past instant) apply the same rules to the same facts.
struct LeadHistory {
  let lead: LeadSnapshot
  private(set) var at: Date
  /// Views into the lead's own arrays (no copies) when they are in time order, as stored.
  private(set) var touches: ArraySlice<Touch>
  private(set) var events: ArraySlice<StageEvent>
  /// Topics raised by `at`; a resolution after `at` is not yet known.
  private(set) var topics: [Topic]
  private(set) var stage: Stage

  init(_ lead: LeadSnapshot, asOf t: Date) {
    self.lead = lead
    self.at = t
    (touches, events, topics, stage) = LeadHistory.view(of: lead, asOf: t)
  }

  /// Moves to a later `t` at which something may have been recorded since `at`: the view `LeadHistory(lead,
  /// asOf: t)` gives, without copying the lead (a copy retains and releases each of its strings and arrays, at
  /// every instant of every lead's audit replay).
  mutating func advance(to t: Date) {
    at = t
    (touches, events, topics, stage) = LeadHistory.view(of: lead, asOf: t)
  }

  /// What was recorded of `lead` by `t`: its touches, events and topics (a resolution after `t` not yet known), and
  /// its stage then (its first stage before any change).
  private static func view(of lead: LeadSnapshot, asOf t: Date) -> (
    ArraySlice<Touch>, ArraySlice<StageEvent>, [Topic], Stage
  ) {
    let events = known(lead.events, by: t) { $0.at }
    let topics =
      lead.topics.allSatisfy({ $0.buriedAt <= t && ($0.resolvedAt ?? t) <= t })
      ? lead.topics
      : lead.topics.filter { $0.buriedAt <= t }.map { topic in
        var seen = topic
        if let resolved = topic.resolvedAt, resolved > t { seen.resolvedAt = nil }
        return seen
      }
    let stage = events.last?.to ?? lead.events.first.map { $0.from ?? .prospect } ?? lead.stage
    return (known(lead.touches, by: t) { $0.at }, events, topics, stage)
  }

  /// Moves to `t` when nothing was recorded between `at` and `t` (the replay between two records): no copy.
  mutating func move(to t: Date) { at = t }

  /// The elements recorded by `t`, in their order: a prefix of `all` when it is sorted by time, else a filtered copy.
  static func known<T>(_ all: [T], by t: Date, _ time: (T) -> Date) -> ArraySlice<T> {
    var n = 0
    while n < all.count, time(all[n]) <= t { n += 1 }
    var rest = n
    while rest < all.count, time(all[rest]) > t { rest += 1 }
    return rest == all.count ? all[..<n] : ArraySlice(all.filter { time($0) <= t })
  }

  var lastTouch: Touch? { touches.last }

  /// The last touch that reached or met the customer (an unanswered call is none).
  var lastContact: Touch? { touches.last { $0.outcome.isContact } }

  /// How many touches in a row, ending with the last, went unanswered.
  var trailingNoAnswer: Int {
    var n = 0
    for touch in touches.reversed() {
      guard touch.outcome == .noAnswer else { break }
      n += 1
    }
    return n
  }

  /// The latest event that entered `stage`.
  func entered(_ stage: Stage) -> StageEvent? { events.lastEntering(stage) }

  /// Whether the lead ever left its first stage (reactivated, deposit, …).
  var hasStageChanges: Bool { events.contains { $0.from != nil } }

  /// The promised delivery day as known by then.
  var eta: LocalDate? { events.last { $0.eta != nil }?.eta }

  /// When the promised day last changed to a different day (the first promise is not a change).
  var etaChangedAt: Date? {
    var previous: LocalDate?
    var changedAt: Date?
    for event in events {
      guard let eta = event.eta else { continue }
      if let previous, previous != eta { changedAt = event.at }
      previous = eta
    }
    return changedAt
  }

  /// When the car counts as late: the end of the promised day, for a waiting customer (or a deposit with an ETA).
  func lateFrom(_ zone: CivilZone) -> Date? {
    guard stage == .waitingForDelivery || stage == .deposit, let eta else { return nil }
    return eta.endOfDay(in: zone)
  }

  /// Whether the car is past its promised day at `now` (`lateFrom` has come).
  func isLate(at now: Date, in zone: CivilZone) -> Bool { lateFrom(zone).map { $0 <= now } ?? false }

  var depositAmount: Double? { entered(.deposit)?.amount }

  /// The delivery event and day, when delivered by then: the day recorded with it (`stage delivered --date`), else
  /// the day of the event in `zone` (a lead imported at `delivered` has no day recorded: its delivery is taken as its
  /// creation, as the import's warning says, and the care after it counts from then).
  func delivery(_ zone: CivilZone) -> (event: StageEvent, day: LocalDate)? {
    guard stage == .delivered, let event = entered(.delivered) else { return nil }
    return (event, event.date ?? LocalDate(event.at, in: zone))
  }

  /// Open topics of one category, oldest first.
  func openTopics(_ category: Topic.Category) -> [Topic] {
    topics.filter { $0.category == category && $0.isOpen }.sorted { ($0.buriedAt, $0.id) < ($1.buriedAt, $1.id) }
  }
}
