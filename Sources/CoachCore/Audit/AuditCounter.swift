import Foundation

/// Counts one lead's part of its consultant's audit figures. Every follow-up comes from
/// `FollowUpEngine.followUps` and `nextAction`, so the audit judges with the same rules as `coach next`.
/// A class: the chunks' closure called a struct's methods on a copy of it, retaining and releasing its context,
/// window and lists for every lead.
final class AuditCounter: Sendable {
  let window: AuditWindow
  let ctx: EngineContext
  /// The figures whose follow-ups are collected into `AuditFigures.listed` (and snoozes into `snoozed`), if any.
  let lists: Set<AuditList>
  /// The dealership topics running on each day of the window (`WhatWorks`).
  let createdByDay: [[CreatedTopic]]

  init(window: AuditWindow, ctx: EngineContext, lists: Set<AuditList> = []) {
    self.window = window
    self.ctx = ctx
    self.lists = lists
    createdByDay = Self.createdTopics(window, ctx)
  }

  /// The instant the audit looks at for "now" states: the end of the window, or `now` when sooner.
  var asOf: Date { min(window.end, ctx.now) }

  /// Adds the lead's part to `f`. With `owner`, only what happened while `owner` had the lead (a lead handed over,
  /// `LeadSnapshot.ownerChanges`); without, all of it (a lead that always had one consultant). `replay` is the lead's
  /// replay over the window when already made (it does not depend on the owner).
  func add(_ lead: LeadSnapshot, owner: String? = nil, replay: Replay? = nil, to f: inout AuditFigures) {
    guard lead.createdAt < window.end else {
      // Created after the period: in none of its figures, but overdue now all the same (`overdue_now` counts the
      // leads `coach alerts` lists, whatever the period).
      countCurrent(lead, owner, after: Replay(leadID: lead.id, now: ctx.now), &f)
      return
    }
    if lead.createdAt <= asOf, counts(lead, at: asOf, for: owner), stage(of: lead, at: asOf).isOpen {
      f.leadsOpen += 1
    }
    countTouches(lead, owner, &f)
    countNewLead(lead, owner, &f)
    let replay = replay ?? FollowUpEngine.replay(lead, ctx, from: window.start, to: window.end)
    let records = owner == nil ? replay.records : replay.records.filter { counts(lead, at: settled($0), for: owner) }
    countFollowUps(records, &f)
    if !lists.isEmpty { listFollowUps(records, of: lead, owner: owner, &f) }
    countCurrent(lead, owner, after: replay, &f)
    for topic in lead.topics where topic.category == .buried {
      if window.contains(topic.buriedAt), counts(lead, at: topic.buriedAt, for: owner) { f.buriedLeft += 1 }
      if let resolved = topic.resolvedAt, window.contains(resolved), counts(lead, at: resolved, for: owner) {
        f.buriedResolved += 1
      }
    }
    countStages(lead, owner, &f)
    countSnoozes(lead, owner, &f)
    countWhatWorks(lead, owner, &f)
  }

  /// Counts the lead's current follow-up when it is `owner`'s at `now`: in `overdue_now` (and its list) when past its
  /// deadline; in `pending` when not due yet and its deadline falls in the window (a period reaching past `now`: the
  /// follow-ups now scheduled, as those due but with their deadline ahead are).
  private func countCurrent(_ lead: LeadSnapshot, _ owner: String?, after replay: Replay, _ f: inout AuditFigures) {
    guard counts(lead, at: ctx.now, for: owner),
      let current = FollowUpEngine.currentAction(lead, after: replay, in: ctx)
    else { return }
    let list: AuditList
    if current.dueAt > ctx.now, window.end > ctx.now {
      guard current.deadline > window.start, current.deadline <= window.end, lead.createdAt < window.end else { return }
      f.pending += 1
      list = .pending
    } else {
      guard DueAction.overdueDays(deadline: current.deadline, now: ctx.now) > 0 else { return }
      f.overdueNow += 1
      list = .overdue
    }
    if lists.contains(list) {
      f.listed.append(
        AuditFollowUp(
          leadID: lead.id, name: lead.name, consultant: owner ?? lead.consultant ?? "", code: current.code,
          dueAt: current.dueAt, deadline: current.deadline, fulfilledAt: nil, list: list))
    }
  }

  /// Adds the part of a lead handed over (`LeadSnapshot.ownerChanges`) that falls to each of `names` who had it:
  /// the current consultant gets a row as for any lead of theirs, an earlier one only when something counts.
  func add(handedOver lead: LeadSnapshot, names: Set<String>, into table: inout [String: AuditFigures]) {
    // One replay for all of them: each owner's part is cut from the same follow-ups (none for a lead created later).
    let replay =
      lead.createdAt < window.end ? FollowUpEngine.replay(lead, ctx, from: window.start, to: window.end) : nil
    for owner in lead.owners where names.contains(owner) {
      var f = AuditFigures(window)
      add(lead, owner: owner, replay: replay, to: &f)
      guard owner == lead.consultant || f != AuditFigures(window) else { continue }
      table[owner, default: AuditFigures(window)].add(f)
    }
  }

  /// Whether what happened at `t` counts for `owner`: always without one (the lead was never handed over).
  @inline(__always)
  func counts(_ lead: LeadSnapshot, at t: Date, for owner: String?) -> Bool {
    owner == nil || lead.consultant(at: t) == owner
  }

  /// When a new lead's first response was settled, and so whose it was (as its `first_contact` follow-up): its first
  /// touch when within the playbook's limit, else when the limit passed, or `now` while both are ahead.
  func firstResponseSettled(_ lead: LeadSnapshot) -> Date {
    let limit = lead.createdAt.addingTimeInterval(Double(ctx.playbook.cadence.firstContactHours) * 3_600)
    return min(lead.touches.first?.at ?? limit, limit, ctx.now)
  }

  /// When a follow-up was settled, and so whose it was: fulfilled, or at its deadline, or still open at `now`.
  func settled(_ record: FollowUpRecord) -> Date {
    min(record.fulfilledAt ?? record.deadline, record.deadline, ctx.now)
  }

  /// The lead's stage at `t` (its first stage before any change).
  func stage(of lead: LeadSnapshot, at t: Date) -> Stage {
    if let last = lead.events.last(where: { $0.at <= t }) { return last.to }
    return lead.events.first.map { $0.from ?? $0.to } ?? lead.stage
  }

  func countTouches(_ lead: LeadSnapshot, _ owner: String?, _ f: inout AuditFigures) {
    for touch in lead.touches where window.contains(touch.at) && counts(lead, at: touch.at, for: owner) {
      f.touches += 1
      f.touchesByChannel[touch.channel, default: 0] += 1
      f.activity.add(day: window.dayIndex(of: touch.at), touch.channel)
      guard touch.outcome.isContact, stage(of: lead, at: touch.at).isOpen else { continue }
      f.contacts += 1
      if touch.nextAt == nil { f.contactsWithoutNext += 1 }
    }
  }

  /// Speed to lead and the source report: a lead created in the window (by `now`), when it was first touched (if by
  /// `now`), and how far it got by `now`. With `owner` (a lead handed over), each part for whoever had the lead then:
  /// the lead and its first response when that was settled (`firstResponseSettled`), its first contact, deposit and
  /// delivery when they happened (as the funnel counts them).
  func countNewLead(_ lead: LeadSnapshot, _ owner: String?, _ f: inout AuditFigures) {
    guard window.contains(lead.createdAt), lead.createdAt <= ctx.now else { return }
    let mine = { (t: Date?) in t.map { self.counts(lead, at: $0, for: owner) } ?? false }
    let isNew = mine(firstResponseSettled(lead))
    // A lead whose touches begin before it was created came with its history (an import of older leads without
    // `created_at`, then their touches): its first touch answered no new lead, and counted as a response of 0
    // minutes it made speed to lead look perfect. It is left out of speed to lead (and still counts as a lead).
    let history = lead.touches.first.map { $0.at < lead.createdAt } ?? false
    if isNew, !history {
      // Touches are oldest first; a lead created in the window has all of them loaded (`Audit.touchesSince`).
      let first = lead.touches.first.flatMap { $0.at <= ctx.now ? $0.at : nil }
      f.firstResponse.add(
        created: lead.createdAt, firstTouch: first, limitHours: ctx.playbook.cadence.firstContactHours, now: ctx.now)
    }
    let contacted = mine(lead.touches.first { $0.at <= ctx.now && $0.outcome.isContact }?.at)
    let deposit = mine(reached(lead, [.deposit, .waitingForDelivery, .delivered], by: ctx.now))
    let delivered = mine(reached(lead, [.delivered], by: ctx.now))
    guard isNew || contacted || deposit || delivered else { return }
    f.sources[lead.source ?? "", default: SourceTally()] =
      f.sources[lead.source ?? "", default: SourceTally()]
      + SourceTally(
        leads: isNew ? 1 : 0, contacted: contacted ? 1 : 0, deposits: deposit ? 1 : 0, delivered: delivered ? 1 : 0)
  }

  /// When the lead first was at one of `stages`, up to `t` (its recorded first stage included; its creation when it
  /// has no stage history and is at one now); nil if it was not.
  func reached(_ lead: LeadSnapshot, _ stages: Set<Stage>, by t: Date) -> Date? {
    guard !lead.events.isEmpty else { return stages.contains(lead.stage) ? lead.createdAt : nil }
    return lead.events.first { $0.at <= t && stages.contains($0.to) }?.at
  }

  /// Counts the lead's follow-ups with a deadline in the window (`FollowUpEngine.followUps`).
  func countFollowUps(_ records: [FollowUpRecord], _ f: inout AuditFigures) {
    for record in records {
      let kind = AuditList.of(record, now: ctx.now)
      guard kind != .pending else {
        f.pending += 1
        continue
      }
      let onTime = kind == .onTime
      f.due += 1
      switch kind {
      case .onTime: f.onTime += 1
      case .late: f.late += 1
      case .missed, .pending, .overdue, .snoozes: f.missed += 1
      }
      let week = window.weekIndex(ofDeadline: record.deadline)
      if f.weekly.indices.contains(week) {
        f.weekly[week].due += 1
        if onTime { f.weekly[week].onTime += 1 }
      }
      if record.code == .callback3day {
        f.callback3day.due += 1
        if onTime { f.callback3day.onTime += 1 }
      } else if record.code == .issue7day {
        f.issue7day.due += 1
        if onTime { f.issue7day.onTime += 1 }
      }
    }
  }

  /// The lead's follow-ups of the window behind the figures `lists` (sorted for the report by `Audit`).
  func listFollowUps(_ records: [FollowUpRecord], of lead: LeadSnapshot, owner: String?, _ f: inout AuditFigures) {
    for record in records {
      let kind = AuditList.of(record, now: ctx.now)
      guard lists.contains(kind) else { continue }
      f.listed.append(
        AuditFollowUp(
          leadID: lead.id, name: lead.name, consultant: owner ?? lead.consultant ?? "", code: record.code,
          dueAt: record.dueAt,
          deadline: record.deadline, fulfilledAt: record.fulfilledAt, list: kind))
    }
  }

  /// Funnel and churn from the stage changes made in the window (a lead's first, recorded stage is not a change).
  func countStages(_ lead: LeadSnapshot, _ owner: String?, _ f: inout AuditFigures) {
    // A new ETA kept at the same stage (`lead edit --eta`) is not a change.
    for (i, event) in lead.events.enumerated()
    where window.contains(event.at) && event.entersStage && counts(lead, at: event.at, for: owner) {
      let before = lead.events[..<i]
      switch event.to {
      case .prospect where event.from == nil || event.from == .churned:
        f.prospects += 1
      case .deposit where event.from != nil:
        f.deposits += 1
        let since = before.lastEntering(.prospect)?.at ?? lead.createdAt
        f.daysToDeposit.append(days(since, event.at))
      case .delivered where event.from != nil:
        f.delivered += 1
        if let since = before.lastEntering(.deposit)?.at { f.daysToDelivery.append(days(since, event.at)) }
      case .churned:
        f.churnByReason[event.reason ?? .other, default: 0] += 1
      default:
        break
      }
    }
  }

  func days(_ a: Date, _ b: Date) -> Double { max(0, b.timeIntervalSince(a) / 86_400) }
}
