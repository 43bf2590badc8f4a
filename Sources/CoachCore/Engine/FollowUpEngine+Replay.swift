import Foundation

// MARK: - History replay for the audit

extension FollowUpEngine {
  /// How far before a window the replay starts (days): longer than any follow-up of `playbook` can stay open, from
  /// the day it may be done early (`Rules.earlyWindowDays` before it falls due) to its deadline, plus a day. So every
  /// follow-up whose deadline falls in the window falls due, or is done early, after the replay's start, and is seen
  /// as a replay of the lead's whole history sees it. Only one kind is not: one done before it fell due, and before
  /// that start (an agreed call due weeks after the touch that agreed it, done early long before the window).
  /// The spans: `grace_hours` after an interval follow-up falls due, `first_contact_hours` after a lead's creation,
  /// `issue_fix_days` after an issue is raised, `callback_days` after the day of delivery, a birthday's or holiday's
  /// reminder days and the day itself; a snooze moves a deadline with its due time, so the span stays.
  public static func replayLeadInDays(_ playbook: Playbook) -> Int {
    let cadence = playbook.cadence
    let care = playbook.care
    let hours = max(cadence.graceHours, cadence.firstContactHours, 0)
    let longest = max(
      (hours + 23) / 24, care.issueFixDays, care.callbackDays, care.birthdayRemindDaysBefore + 1,
      care.holidayRemindDaysBefore + 1, 1)
    return longest + Rules.earlyWindowDays + 1
  }

  /// Where the replay for a window starting at `from` begins at the earliest (a lead created later starts then).
  public static func replayStart(from: Date, _ ctx: EngineContext) -> Date {
    from.adding(days: -replayLeadInDays(ctx.playbook), in: ctx.civil)
  }

  /// The records whose deadline falls after `from` and by `to`, by deadline, then the code's precedence.
  static func inWindow(_ records: [FollowUpRecord], from: Date, to: Date) -> [FollowUpRecord] {
    records.filter { $0.deadline > from && $0.deadline <= to }
      .sorted { ($0.deadline, $0.code.precedence) < ($1.deadline, $1.code.precedence) }
  }

  /// The replay behind `followUps`, its records already cut to the window and sorted.
  static func replay(_ lead: LeadSnapshot, _ ctx: EngineContext, from: Date, to: Date) -> Replay {
    var replay = Replay(leadID: lead.id, now: ctx.now)
    replay.run(lead, ctx, from: max(lead.createdAt, replayStart(from: from, ctx)), through: to)
    replay.records = inWindow(replay.records, from: from, to: to)
    return replay
  }

  /// Whether the lead's current action at `ctx.now` is past its deadline (`unexplainedAction(…).overdueDays > 0`),
  /// from the rules' answers at `now` when `replay` reached `now`, else worked out afresh.
  static func isOverdue(_ lead: LeadSnapshot, after replay: Replay, in ctx: EngineContext) -> Bool {
    overdueAction(lead, after: replay, in: ctx) != nil
  }

  /// The lead's current action at `ctx.now` when it is past its deadline (the one `isOverdue` finds), else nil.
  static func overdueAction(_ lead: LeadSnapshot, after replay: Replay, in ctx: EngineContext) -> Occurrence? {
    guard let action = currentAction(lead, after: replay, in: ctx),
      DueAction.overdueDays(deadline: action.deadline, now: ctx.now) > 0
    else { return nil }
    return action
  }

  /// The lead's current action at `ctx.now` (due, overdue or still ahead), from the rules' answers at `now` when
  /// `replay` reached `now`, else worked out afresh.
  static func currentAction(_ lead: LeadSnapshot, after replay: Replay, in ctx: EngineContext) -> Occurrence? {
    current(replay.pendingAtNow ?? Rules.all(LeadHistory(lead, asOf: ctx.now), ctx), lead, ctx)
  }
}

/// Walks the lead's history instant by instant: each touch, stage change, topic change, due time and lapse.
/// It keeps the lead's id and `now` only, not the lead and context themselves (copying those retains all their
/// arrays and strings, for every lead of the audit).
struct Replay {
  let leadID: LeadID
  let now: Date
  /// Follow-ups that fell due while current, not yet ended.
  var running: [Occurrence.Key: Occurrence] = [:]
  var seen: Set<Occurrence.Key> = []
  /// The follow-up last found in `seen` or put there: the selected one is mostly the same from step to step.
  var lastSeen: Occurrence?
  var records: [FollowUpRecord] = []
  /// All of the rules' answers at `ctx.now` (as `nextAction` finds them), when the replay went on until `now`.
  var pendingAtNow: [Occurrence]?

  init(leadID: LeadID, now: Date) {
    self.leadID = leadID
    self.now = now
  }

  /// Every instant after `start` where the lead's history changes (a touch, a stage change, a topic raised or
  /// resolved, the lead's creation, a snooze set), in order, each once.
  func historyInstants(_ lead: LeadSnapshot, after start: Date) -> [Date] {
    var times: [Date] = []
    for snooze in lead.snoozes where snooze.at > start { times.append(snooze.at) }
    for touch in lead.touches where touch.at > start { times.append(touch.at) }
    for event in lead.events where event.at > start { times.append(event.at) }
    for topic in lead.topics {
      if topic.buriedAt > start { times.append(topic.buriedAt) }
      if let resolved = topic.resolvedAt, resolved > start { times.append(resolved) }
    }
    if lead.createdAt > start { times.append(lead.createdAt) }
    times.sort()
    var unique: [Date] = []
    unique.reserveCapacity(times.count)
    for time in times where time != unique.last { unique.append(time) }
    return unique
  }

  /// Replays from `start` until `ctx.now`, or sooner once past `horizon` with nothing running that ends by it.
  /// Between two history instants only the time moves: the history and the rules that do not read the time
  /// are carried over from the previous step instead of being worked out again; the yearly occasions are asked
  /// again only when their kept answer can have changed (`YearlyOccasions`), across records too. At each instant the
  /// snoozes set by then hold the lead's sales follow-ups as they hold the current one (`Snoozing`): a follow-up due
  /// inside a snooze comes due at its end, its deadline moved with it, and one running when a snooze is set gives way
  /// to it (ended then, as when circumstances end it).
  mutating func run(_ lead: LeadSnapshot, _ ctx: EngineContext, from start: Date, through horizon: Date) {
    let instants = historyInstants(lead, after: start)
    var nextInstant = 0
    var h = LeadHistory(lead, asOf: start)
    var pending = Rules.all(h, ctx)
    var yearly = YearlyOccasions(pending, h, zone: ctx.civil)
    var known = nextInstant
    var t = start
    var previous: Occurrence?
    while true {
      if t != h.at {
        if known == nextInstant {
          h.move(to: t)
          pending = yearly.all(h, changedAfter: nil, pending, ctx)
        } else {
          let last = h.at
          h.advance(to: t)
          pending = yearly.all(h, changedAfter: last, pending, ctx)
          known = nextInstant
        }
      }
      // The answers as the snoozes set by `t` hold them (the rules' own answers go on to the next step).
      let active = lead.snoozes.isEmpty ? pending : Snoozing.held(pending, lead, ctx, asOf: t)
      if !running.isEmpty {
        for (key, occ) in running where !active.contains(where: { $0.has(key) }) { finish(occ, endedAt: t, h) }
      }
      if let early = previous, !early.countsFromLastTouch,
        !active.contains(where: { $0.hasSameKey(as: early) }), !seen.contains(early.key),
        let touch = h.touches.last(where: { $0.at == t }), early.isFulfilled(by: touch)
      {
        record(early, fulfilledAt: t)
      }
      let selected = Rules.select(active, at: t)
      if let selected, selected.isDue(at: t), !(lastSeen?.hasSameKey(as: selected) ?? false) {
        let key = selected.key
        if seen.insert(key).inserted { running[key] = selected }
        lastSeen = selected
      }
      previous = selected
      if t > horizon && running.values.allSatisfy({ $0.deadline > horizon }) { break }
      var next = nextInstant < instants.count ? instants[nextInstant] : nil
      for i in active.indices {
        let dueAt = active[i].dueAt
        if dueAt > t { next = min(next ?? dueAt, dueAt) }
        let deadline = active[i].deadline
        if active[i].lapses && deadline > t { next = min(next ?? deadline, deadline) }
      }
      guard let next, next <= ctx.now else {
        // Nothing is recorded between `t` and `now`: the rules' answers at `now` follow from those at `t`.
        if t <= ctx.now {
          h.move(to: ctx.now)
          pendingAtNow = t == ctx.now ? pending : yearly.all(h, changedAfter: nil, pending, ctx)
        }
        break
      }
      t = next
      if nextInstant < instants.count && instants[nextInstant] <= t { nextInstant += 1 }
    }
    for occ in running.values { record(occ, fulfilledAt: nil) }
  }

  /// A running follow-up stopped being pending at `t`: a touch fulfilled it, it lapsed, or circumstances ended it
  /// (the car was delivered, the issue resolved, the lead moved on), which counts as done at `t`.
  mutating func finish(_ occ: Occurrence, endedAt t: Date, _ h: LeadHistory) {
    running[occ.key] = nil
    let touched = h.touches.contains { $0.at == t && occ.isFulfilled(by: $0) }
    if !touched && occ.lapses && t >= occ.deadline {
      record(occ, fulfilledAt: nil)
    } else {
      record(occ, fulfilledAt: t)
    }
  }

  mutating func record(_ occ: Occurrence, fulfilledAt: Date?) {
    seen.insert(occ.key)
    let status: FollowUpStatus
    if let fulfilledAt {
      status = fulfilledAt <= occ.deadline ? .onTime : .late
    } else {
      status = now >= occ.deadline ? .missed : .open
    }
    records.append(
      FollowUpRecord(
        leadID: leadID, code: occ.code, dueAt: occ.dueAt, deadline: occ.deadline, detail: occ.detail,
        fulfilledAt: fulfilledAt, status: status))
  }
}

extension Occurrence {
  /// `key == k`, without building a key.
  @inline(__always)
  func has(_ k: Key) -> Bool { code == k.code && dueAt == k.dueAt && detail == k.detail }

  /// `key == other.key`, without building either key.
  @inline(__always)
  func hasSameKey(as other: Occurrence) -> Bool {
    code == other.code && dueAt == other.dueAt && detail == other.detail
  }
}
