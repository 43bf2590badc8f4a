import Foundation

/// What works (issue 18): how often something a consultant met or offered was followed by progress within
/// `WhatWorks.days` days. Each case is judged once its days have passed, whenever progress came; until then it is
/// pending. A rate is given only from `minimumSample` judged cases: below that it is "too few to judge".
public enum WhatWorks {
  /// Days after the objection or the contact within which progress counts.
  public static let days = 14
  /// Judged cases below which no rate is given.
  public static let minimumSample = 10
}

/// Cases of one kind (an objection code, a dealership topic) and how many were followed by progress.
public struct OutcomeTally: Sendable, Hashable {
  /// Cases in the window: judged ones, those followed by progress (all judged), and those still within their days.
  public var judged = 0
  public var advanced = 0
  public var pending = 0

  public init(judged: Int = 0, advanced: Int = 0, pending: Int = 0) {
    self.judged = judged
    self.advanced = advanced
    self.pending = pending
  }

  public var cases: Int { judged + pending }
  /// Whether the judged cases are enough to give a rate (`WhatWorks.minimumSample`).
  public var isEnough: Bool { judged >= WhatWorks.minimumSample }
  /// `advanced / judged` from enough cases; nil otherwise.
  public var rate: Double? { isEnough ? Double(advanced) / Double(judged) : nil }

  static func + (l: OutcomeTally, r: OutcomeTally) -> OutcomeTally {
    OutcomeTally(judged: l.judged + r.judged, advanced: l.advanced + r.advanced, pending: l.pending + r.pending)
  }

  /// One case: progress at `progress` (if any) after `at`, judged at `now` once its days are over. A case still within
  /// them is pending even when it advanced already: judging early wins at once while losses wait their 14 days would
  /// make every recent kind read 100 %.
  mutating func add(at: Date, progress: Date?, now: Date) {
    let limit = at.addingTimeInterval(Double(WhatWorks.days) * 86_400)
    guard limit <= now else {
      pending += 1
      return
    }
    judged += 1
    if let progress, progress <= limit { advanced += 1 }
  }
}

extension AuditCounter {
  /// Objections heard in the window (each code of each touch of an open deal) and whether the deal moved forward a
  /// stage within `WhatWorks.days`; contacts with a prospect in the window, each dealership topic the brief offered
  /// that day (running and aimed at the lead), and whether a deposit followed within those days; switch levers argued
  /// with at a touch of an open deal, and whether a deposit or a model switch followed within them.
  func countWhatWorks(_ lead: LeadSnapshot, _ owner: String?, _ f: inout AuditFigures) {
    for touch in lead.touches where window.contains(touch.at) && counts(lead, at: touch.at, for: owner) {
      let heard = !touch.objections.isEmpty
      let offered = touch.outcome.isContact && !createdByDay.isEmpty
      guard heard || offered || !touch.levers.isEmpty else { continue }
      let stage = self.stage(of: lead, at: touch.at)
      guard stage.isOpen else { continue }
      if !touch.levers.isEmpty {
        let taken = lead.events.first { $0.at > touch.at && Self.isDepositOrSwitch($0) }?.at
        for lever in Set(touch.levers) {
          f.leverOutcomes[lever, default: OutcomeTally()].add(at: touch.at, progress: taken, now: ctx.now)
        }
      }
      if heard {
        let advance = lead.events.first { $0.at > touch.at && Self.isAdvance($0) }?.at
        for code in Set(touch.objections) {
          f.objectionOutcomes[code, default: OutcomeTally()].add(at: touch.at, progress: advance, now: ctx.now)
        }
      }
      guard offered, stage == .prospect else { continue }
      let day = window.dayIndex(of: touch.at)
      guard createdByDay.indices.contains(day), !createdByDay[day].isEmpty else { continue }
      let deposit = lead.events.first { $0.at > touch.at && $0.from != nil && $0.to == .deposit && $0.entersStage }?.at
      for topic in createdByDay[day] where topic.targets(lead, stage: stage) {
        f.topicOutcomes[topic.id, default: OutcomeTally()].add(at: touch.at, progress: deposit, now: ctx.now)
      }
    }
  }

  /// A change forward along the sale: prospect → deposit → waiting_for_delivery → delivered.
  static func isAdvance(_ e: StageEvent) -> Bool {
    guard let from = e.from, let a = order.firstIndex(of: from), let b = order.firstIndex(of: e.to) else {
      return false
    }
    return b > a
  }

  static let order: [Stage] = [.prospect, .deposit, .waitingForDelivery, .delivered]

  /// What a switch argument is for: a deposit taken, or a stage change on the way to delivery that recorded a model
  /// switch (`coach stage … --model`, the way a switch to a model that comes sooner is recorded). A lead's first,
  /// recorded stage is neither, nor is a loss.
  static func isDepositOrSwitch(_ e: StageEvent) -> Bool {
    e.from != nil && e.entersStage && (e.to == .deposit || (e.model != nil && e.to != .churned))
  }

  /// The dealership topics running on each day of `window` (worked out once per audit, not per touch).
  static func createdTopics(_ window: AuditWindow, _ ctx: EngineContext) -> [[CreatedTopic]] {
    let topics = ctx.playbook.topics.created
    guard !topics.isEmpty else { return [] }
    return (0..<window.days).map { i in topics.filter { $0.isActive(on: window.from.adding(days: i), zone: ctx.zone) } }
  }
}
