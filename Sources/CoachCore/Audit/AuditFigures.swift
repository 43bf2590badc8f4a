import Foundation

/// Follow-ups of one kind that fell due, and how many of them were done on time.
public struct DueTally: Sendable, Hashable {
  public var due = 0
  public var onTime = 0

  public init(due: Int = 0, onTime: Int = 0) {
    self.due = due
    self.onTime = onTime
  }

  /// `onTime / due`, nil when nothing was due.
  public var rate: Double? { due > 0 ? Double(onTime) / Double(due) : nil }

  static func + (l: DueTally, r: DueTally) -> DueTally { DueTally(due: l.due + r.due, onTime: l.onTime + r.onTime) }
}

/// The audit's counts for one consultant or the team; the team's are the sum of its consultants'.
public struct AuditFigures: Sendable, Hashable {
  /// Leads in prospect, deposit or waiting_for_delivery at the end of the window (or at `now` if sooner).
  public var leadsOpen = 0
  /// Touches made in the window, and by channel.
  public var touches = 0
  public var touchesByChannel: [Channel: Int] = [:]
  /// Follow-ups whose deadline fell in the window and has passed at `now`: on time + late + missed.
  public var due = 0
  public var onTime = 0
  public var late = 0
  public var missed = 0
  /// Follow-ups whose deadline is in the window but still ahead at `now` (not judged yet, not in `due`).
  public var pending = 0
  /// Leads whose current action is past its deadline at `now`.
  public var overdueNow = 0
  public var callback3day = DueTally()
  public var issue7day = DueTally()
  /// Touches that reached the customer of an open lead, and those that ended without an agreed next contact.
  public var contacts = 0
  public var contactsWithoutNext = 0
  /// Buried topics left (raised) and resolved in the window.
  public var buriedLeft = 0
  public var buriedResolved = 0
  public var churnByReason: [ChurnReason: Int] = [:]
  /// Funnel: leads that became prospects (new or reactivated), deposits taken, cars delivered in the window.
  public var prospects = 0
  public var deposits = 0
  public var delivered = 0
  /// Days from becoming a prospect to the deposit, and from the deposit to delivery, for each one in the window.
  public var daysToDeposit: [Double] = []
  public var daysToDelivery: [Double] = []
  /// Exports the consultant made (export log) and their rows.
  public var exports = 0
  public var exportRows = 0
  /// Per week of `AuditWindow.weeks`: follow-ups due and on time.
  public var weekly: [DueTally]
  /// Speed to lead: how soon the leads created in the window were first touched.
  public var firstResponse = FirstResponse()
  /// Touches per day of the window and channel.
  public var activity: DailyActivity

  /// Nothing to count: no lead open, no touch, contact or stage change, no follow-up due or pending, none overdue,
  /// no export.
  public var isIdle: Bool {
    leadsOpen == 0 && touches == 0 && contacts == 0 && due == 0 && pending == 0 && overdueNow == 0
      && prospects == 0 && deposits == 0 && delivered == 0 && exports == 0 && buriedLeft == 0
  }
  /// Leads created in the window by source ("" when none was recorded), and how far they got.
  public var sources: [String: SourceTally] = [:]
  /// The follow-ups behind one figure, when the audit was asked for a list (`AuditList`); empty otherwise.
  public var listed: [AuditFollowUp] = []
  /// Snoozes set in the window on the leads (`coach snooze`), and leads a snooze holds at the end of the window (or
  /// now if sooner).
  public var snoozes = 0
  public var snoozedNow = 0
  /// The snoozes behind `snoozes`, when the audit was asked for them (`--list snoozes`); empty otherwise.
  public var snoozed: [AuditSnooze] = []
  /// What works: by objection code, objections heard in the window and whether the deal advanced a stage within
  /// `WhatWorks.days`; by dealership topic id, contacts where the brief offered it and whether a deposit followed.
  public var objectionOutcomes: [String: OutcomeTally] = [:]
  public var topicOutcomes: [String: OutcomeTally] = [:]
  /// By switch lever, each lever argued with at a touch of an open deal in the window (`coach touch --lever`) and
  /// whether a deposit or a model switch followed within `WhatWorks.days`.
  public var leverOutcomes: [Lever: OutcomeTally] = [:]

  public init(weeks: Int, days: Int = 0) {
    weekly = Array(repeating: DueTally(), count: weeks)
    activity = DailyActivity(days: days)
  }

  /// Empty figures for `window`: one trend entry per week, one activity entry per day.
  public init(_ window: AuditWindow) { self.init(weeks: window.weeks.count, days: window.days) }

  /// `onTime / due`, nil when nothing was due.
  public var onTimeRate: Double? { DueTally(due: due, onTime: onTime).rate }
  /// Contacts without an agreed next contact, as a share of contacts; nil without contacts.
  public var withoutNextRate: Double? { contacts > 0 ? Double(contactsWithoutNext) / Double(contacts) : nil }
  /// Deposits per new prospect and deliveries per deposit in the window; nil when the denominator is 0.
  public var depositRate: Double? { prospects > 0 ? Double(deposits) / Double(prospects) : nil }
  public var deliveryRate: Double? { deposits > 0 ? Double(delivered) / Double(deposits) : nil }
  public var medianDaysToDeposit: Double? { Self.median(daysToDeposit) }
  public var medianDaysToDelivery: Double? { Self.median(daysToDelivery) }
  public var churned: Int { churnByReason.values.reduce(0, +) }

  /// Adds another consultant's figures (the team's are the sum).
  public mutating func add(_ o: AuditFigures) {
    leadsOpen += o.leadsOpen
    touches += o.touches
    touchesByChannel.merge(o.touchesByChannel, uniquingKeysWith: +)
    due += o.due
    onTime += o.onTime
    late += o.late
    missed += o.missed
    pending += o.pending
    overdueNow += o.overdueNow
    callback3day = callback3day + o.callback3day
    issue7day = issue7day + o.issue7day
    contacts += o.contacts
    contactsWithoutNext += o.contactsWithoutNext
    buriedLeft += o.buriedLeft
    buriedResolved += o.buriedResolved
    churnByReason.merge(o.churnByReason, uniquingKeysWith: +)
    prospects += o.prospects
    deposits += o.deposits
    delivered += o.delivered
    daysToDeposit += o.daysToDeposit
    daysToDelivery += o.daysToDelivery
    exports += o.exports
    exportRows += o.exportRows
    weekly = zip(weekly, o.weekly).map(+)
    firstResponse.add(o.firstResponse)
    activity.add(o.activity)
    sources.merge(o.sources, uniquingKeysWith: +)
    listed += o.listed
    snoozes += o.snoozes
    snoozedNow += o.snoozedNow
    snoozed += o.snoozed
    objectionOutcomes.merge(o.objectionOutcomes, uniquingKeysWith: +)
    topicOutcomes.merge(o.topicOutcomes, uniquingKeysWith: +)
    leverOutcomes.merge(o.leverOutcomes, uniquingKeysWith: +)
  }

  /// The middle value (mean of the two middle ones for an even count), one decimal; nil when empty.
  static func median(_ xs: [Double]) -> Double? {
    guard !xs.isEmpty else { return nil }
    let s = xs.sorted()
    let m = s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    return (m * 10).rounded() / 10
  }
}
