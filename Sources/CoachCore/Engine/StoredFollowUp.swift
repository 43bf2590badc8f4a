import Foundation

/// A lead's follow-up as it can be kept in the store between commands, so that `next` reads an index
/// instead of replaying every lead a consultant ever had.
///
/// Worked out at `asOf` from a history that holds nothing later than `asOf`, it says what the rules will answer
/// at every instant from `asOf` until `wakeAt`, as long as nothing is recorded for the lead (every write clears it:
/// the store's triggers) and the playbook and zone are the same (`FollowUpFingerprint`):
/// - `due == nil`: nothing is due before `wakeAt` (the lead is not in the queue);
/// - `due != nil`: that follow-up is the lead's current action all along, and its priority never exceeds `bound`.
///
/// Why it holds: with no new record, the rules' answers change only when one of them falls due (the soonest of
/// those not yet due is the next change) or when a due occasion lapses at its deadline (birthday, car's birthday,
/// holiday: the rule then answers with the next one); the yearly rules answer with the first occasion still open,
/// which only moves later. Until the earlier of those instants the set of due follow-ups, and so the one selected,
/// stays the same; and a due follow-up's priority only grows with time (days overdue, ripeness), so its value at the
/// end of the span bounds it. A test compares it with full replays after thousands of random writes and clock moves.
public struct StoredFollowUp: Sendable, Hashable {
  public var asOf: Date
  /// Until when the answer holds (`Date.distantFuture` when nothing will ever fall due).
  public var wakeAt: Date
  /// The lead's current action when one is due at `asOf`.
  public var due: Held?
  /// The highest priority the due action reaches before `wakeAt` (0 when none is due).
  public var bound: Double

  /// A due follow-up as kept: enough to tell, at a later instant, whether it is overdue.
  public struct Held: Sendable, Hashable {
    public var code: ActionCode
    public var dueAt: Date
    public var deadline: Date
    public var detail: String?
    /// The lead's part of the priority (`Priority.base`), which holds as long as the row does: the action's priority
    /// at any instant comes from the row alone (`action(leadID:in:)`). Nil when not read.
    public var base: Double?

    public init(code: ActionCode, dueAt: Date, deadline: Date, detail: String?, base: Double? = nil) {
      (self.code, self.dueAt, self.deadline, self.detail, self.base) = (code, dueAt, deadline, detail, base)
    }

    /// The action this follow-up is at `ctx.now`, while its row holds, from the row alone: what
    /// `FollowUpEngine.unexplainedAction` gives for the lead then. Nil when the row's `base` was not read.
    public func action(leadID: LeadID, in ctx: EngineContext) -> DueAction? {
      guard let base else { return nil }
      return DueAction(
        leadID: leadID, code: code, dueAt: dueAt, deadline: deadline,
        overdueDays: DueAction.overdueDays(deadline: deadline, now: ctx.now),
        priority: Priority.of(code: code, dueAt: dueAt, deadline: deadline, base: base, now: ctx.now), reason: "",
        detail: detail)
    }

    /// The action this follow-up is at `ctx.now`, while its row holds: what `FollowUpEngine.unexplainedAction`
    /// gives for the lead then, without replaying its touches. The priority reads only the lead's fields, tags and
    /// stage events (the stage its history ends in, the deposit paid), so a lead loaded without its activity
    /// (`LeadFilter.withActivity`) is enough.
    public func action(for lead: LeadSnapshot, in ctx: EngineContext) -> DueAction {
      FollowUpEngine.action(
        code: code, dueAt: dueAt, deadline: deadline, detail: detail, LeadHistory(lead, asOf: ctx.now), ctx,
        reason: "")
    }
  }

  public init(asOf: Date, wakeAt: Date, due: Held?, bound: Double) {
    (self.asOf, self.wakeAt, self.due, self.bound) = (asOf, wakeAt, due, bound)
  }

  /// Whether this answer may be used at `now`: worked out no later than it, and not yet woken.
  public func holds(at now: Date) -> Bool { asOf <= now && now < wakeAt }
}

extension FollowUpEngine {
  /// `unexplainedAction` at `ctx.now`, with what may be stored of it: nil when the lead has records later than
  /// `ctx.now` (a clock set back), whose answer at `ctx.now` says nothing of later instants.
  public static func rankedState(for lead: LeadSnapshot, in ctx: EngineContext) -> (
    action: DueAction?, stored: StoredFollowUp?
  ) {
    let h = LeadHistory(lead, asOf: ctx.now)
    let pending = Snoozing.held(Rules.all(h, ctx), lead, ctx)
    guard let occurrence = Rules.select(pending, at: ctx.now) else {
      return (
        nil,
        lead.lastRecord <= ctx.now ? StoredFollowUp(asOf: ctx.now, wakeAt: .distantFuture, due: nil, bound: 0) : nil
      )
    }
    let action = action(occurrence, h, ctx, explained: false)
    guard lead.lastRecord <= ctx.now else { return (action, nil) }
    var wake = Date.distantFuture
    for other in pending {
      if !other.isDue(at: ctx.now) {
        wake = min(wake, other.dueAt)
      } else if other.lapses {
        wake = min(wake, other.deadline)
      }
    }
    guard action.isDue(at: ctx.now) else {
      return (action, StoredFollowUp(asOf: ctx.now, wakeAt: wake, due: nil, bound: 0))
    }
    // The priority at the end of the span, or once it stops growing (a week past the deadline, fully ripe).
    let base = Priority.base(lead: h.lead, stage: h.stage, deposit: h.depositAmount, ctx: ctx)
    let bound = Priority.of(
      code: occurrence.code, dueAt: occurrence.dueAt, deadline: occurrence.deadline, base: base,
      now: min(wake, occurrence.deadline.addingTimeInterval(8 * 86_400)))
    let held = StoredFollowUp.Held(
      code: occurrence.code, dueAt: occurrence.dueAt, deadline: occurrence.deadline, detail: occurrence.detail,
      base: base)
    return (action, StoredFollowUp(asOf: ctx.now, wakeAt: wake, due: held, bound: max(bound, action.priority)))
  }
}

extension FollowUpEngine {
  /// What `coach doctor` holds a stored row to: the lead's `unexplainedAction` at `ctx.now` and its part of a
  /// priority then (`StoredFollowUp.Held.base`), from one history of the lead.
  public static func replayedAnswer(for lead: LeadSnapshot, in ctx: EngineContext) -> (action: DueAction?, base: Double)
  {
    let h = LeadHistory(lead, asOf: ctx.now)
    return (
      unexplainedAction(h, lead, ctx), Priority.base(lead: h.lead, stage: h.stage, deposit: h.depositAmount, ctx: ctx)
    )
  }
}

extension LeadSnapshot {
  /// The time of the latest thing recorded for the lead (created, touched, moved, a topic raised or resolved, a
  /// snooze set or lifted): the rules' answers from then on change only with the clock.
  public var lastRecord: Date {
    var last = createdAt
    for touch in touches where touch.at > last { last = touch.at }
    for event in events where event.at > last { last = event.at }
    for topic in topics {
      if topic.buriedAt > last { last = topic.buriedAt }
      if let resolved = topic.resolvedAt, resolved > last { last = resolved }
    }
    for snooze in snoozes {
      if snooze.at > last { last = snooze.at }
      if let cleared = snooze.clearedAt, cleared > last { last = cleared }
    }
    return last
  }
}

/// What a stored follow-up was worked out with besides the lead: the rules' version, the zone and the playbook
/// settings the rules and the priority read. A store keeps it with each row; a row made with another is redone.
public enum FollowUpFingerprint {
  /// Raise when a rule's answer or the priority changes for the same lead, playbook and zone.
  static let rulesVersion = 3

  public static func of(_ playbook: Playbook, zone: TimeZone) -> String {
    var text = "rules \(rulesVersion) \(FollowUpRules.table.map(\.code.rawValue).joined(separator: ","))\n"
    text += "zone \(zone.identifier)\n"
    let c = playbook.cadence
    text += "cadence \(c.firstContactHours) \(c.graceHours) \(c.defaultFollowUpDays) \(c.deliveryUpdateDays)"
    text += " \(c.followUpDays.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))"
    text += " \(c.tierFactor.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))\n"
    let k = playbook.care
    text += "care \(k.callbackDays) \(k.issueFixDays) \(k.birthdayRemindDaysBefore) \(k.carBirthday)"
    text += " \(k.referralFirstDays) \(k.referralEveryDays) \(k.winbackFirstDays) \(k.winbackEveryDays)"
    text += " \(k.holidayRemindDaysBefore)\n"
    for holiday in k.holidays {
      text += "holiday \(holiday.id) \(holiday.fixed ?? "-") \((holiday.dates ?? []).joined(separator: ","))\n"
    }
    for model in playbook.models { text += "model \(model.code) \(model.price)\n" }
    // FNV-1a, 64 bits: stable across runs and machines (Swift's `Hasher` is seeded per process).
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return String(hash, radix: 16)
  }
}
