import Foundation

@testable import CoachCore

/// The audit replay as it was before it kept answers from step to step: every instant of the lead's history
/// (lead-in included), and at every step every rule asked again from a history built afresh. Slow and plain:
/// `AuditReplayEquivalenceTests` checks the replay the audit uses against it. Snoozes hold what they hold at every
/// step, as for the current action.
struct ReferenceReplay {
  let lead: LeadSnapshot
  let ctx: EngineContext
  var running: [Occurrence.Key: Occurrence] = [:]
  var seen: Set<Occurrence.Key> = []
  var records: [FollowUpRecord] = []

  /// `FollowUpEngine.followUps` worked out the plain way.
  static func followUps(for lead: LeadSnapshot, in ctx: EngineContext, from: Date, to: Date) -> [FollowUpRecord] {
    var replay = ReferenceReplay(lead: lead, ctx: ctx)
    let leadIn = from.adding(days: -FollowUpEngine.replayLeadInDays(ctx.playbook), in: ctx.zone)
    replay.run(from: max(lead.createdAt, leadIn), through: to)
    return FollowUpEngine.inWindow(replay.records, from: from, to: to)
  }

  mutating func run(from start: Date, through horizon: Date) {
    let topicTimes = lead.topics.flatMap { [$0.buriedAt] + ($0.resolvedAt.map { [$0] } ?? []) }
    let snoozeTimes = lead.snoozes.map(\.at)
    let instants = Array(
      Set(lead.touches.map(\.at) + lead.events.map(\.at) + topicTimes + snoozeTimes + [lead.createdAt])
    ).sorted()
    var t = start
    var previous: Occurrence?
    while true {
      let h = LeadHistory(lead, asOf: t)
      // The rules' answers as the snoozes set by `t` hold them.
      let pending = Snoozing.held(Rules.all(h, ctx), lead, ctx, asOf: t)
      for (key, occ) in running where !pending.contains(where: { $0.key == key }) { finish(occ, endedAt: t, h) }
      if let early = previous, !early.countsFromLastTouch, !seen.contains(early.key),
        !pending.contains(where: { $0.key == early.key }),
        let touch = h.touches.last(where: { $0.at == t }), early.isFulfilled(by: touch)
      {
        record(early, fulfilledAt: t)
      }
      let selected = Rules.select(pending, at: t)
      if let selected, selected.isDue(at: t), !seen.contains(selected.key) {
        seen.insert(selected.key)
        running[selected.key] = selected
      }
      previous = selected
      if t > horizon && running.values.allSatisfy({ $0.deadline > horizon }) { break }
      var next = instants.first { $0 > t }
      for occ in pending {
        if occ.dueAt > t { next = min(next ?? occ.dueAt, occ.dueAt) }
        if occ.lapses && occ.deadline > t { next = min(next ?? occ.deadline, occ.deadline) }
      }
      guard let next, next <= ctx.now else { break }
      t = next
    }
    for occ in running.values { record(occ, fulfilledAt: nil) }
  }

  mutating func finish(_ occ: Occurrence, endedAt t: Date, _ h: LeadHistory) {
    running[occ.key] = nil
    let touched = h.touches.contains { $0.at == t && occ.isFulfilled(by: $0) }
    record(occ, fulfilledAt: !touched && occ.lapses && t >= occ.deadline ? nil : t)
  }

  mutating func record(_ occ: Occurrence, fulfilledAt: Date?) {
    seen.insert(occ.key)
    let status: FollowUpStatus
    if let fulfilledAt {
      status = fulfilledAt <= occ.deadline ? .onTime : .late
    } else {
      status = ctx.now >= occ.deadline ? .missed : .open
    }
    records.append(
      FollowUpRecord(
        leadID: lead.id, code: occ.code, dueAt: occ.dueAt, deadline: occ.deadline, detail: occ.detail,
        fulfilledAt: fulfilledAt, status: status))
  }
}
