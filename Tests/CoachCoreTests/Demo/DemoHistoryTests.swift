import CoachCore
import Foundation
import Testing

@Suite struct DemoHistoryTests {
  let leads = DemoFixture.demo.leads
  let now = DemoFixture.now
  let today = DemoFixture.today

  /// Clocks that stress the day arithmetic: just after midnight, a leap day, a DST change, a year start.
  static let clocks: [(String, String)] = [
    ("2025-07-10T10:00:00+08:00", "Asia/Shanghai"),
    ("2025-07-10T00:05:00+08:00", "Asia/Shanghai"),
    ("2028-02-28T23:59:00+08:00", "Asia/Shanghai"),
    ("2025-03-09T12:00:00-04:00", "America/New_York"),
    ("2026-01-01T08:30:00Z", "UTC"),
  ]

  @Test("every time is at or before now, except agreed next contacts and ETAs", arguments: clocks)
  func timesAreNotInTheFuture(clock: (String, String)) {
    let now = DemoFixture.date(clock.0)
    let zone = TimeZone(identifier: clock.1) ?? .gmt
    let today = LocalDate(now, in: zone)
    for lead in DemoData.generate(now: now, zone: zone, seed: 5, leads: 300).leads {
      #expect(lead.createdAt <= now, "\(lead.id) created")
      #expect(lead.events.allSatisfy { $0.at <= now && $0.at >= lead.createdAt }, "\(lead.id) events")
      #expect(lead.events.allSatisfy { ($0.date ?? today) <= today }, "\(lead.id) delivery date")
      #expect(lead.touches.allSatisfy { $0.at <= now && $0.at >= lead.createdAt }, "\(lead.id) touches")
      #expect(lead.touches.allSatisfy { t in t.nextAt.map { $0 > t.at } ?? true }, "\(lead.id) next after touch")
      #expect(lead.topics.allSatisfy { $0.buriedAt <= now && ($0.resolvedAt ?? now) <= now }, "\(lead.id) topics")
      #expect(zip(lead.events, lead.events.dropFirst()).allSatisfy { $0.at <= $1.at }, "\(lead.id) event order")
      #expect(zip(lead.touches, lead.touches.dropFirst()).allSatisfy { $0.at <= $1.at }, "\(lead.id) touch order")
      #expect(zip(lead.topics, lead.topics.dropFirst()).allSatisfy { $0.buriedAt <= $1.buriedAt }, "\(lead.id) topics")
    }
  }

  @Test func stageHistoriesAreLegalAndCarryWhatEachStageNeeds() {
    for lead in leads {
      #expect(lead.events.first?.from == nil && lead.events.first?.to == .prospect, "\(lead.id) creation")
      #expect(lead.events.last?.to == lead.stage, "\(lead.id) ends at its stage")
      for (a, b) in zip(lead.events, lead.events.dropFirst()) {
        #expect(b.from == a.to && StageMachine.isLegal(from: a.to, to: b.to), "\(lead.id) \(a.to)>\(b.to)")
      }
      for event in lead.events {
        switch event.to {
        case .deposit: #expect((2_000...20_000).contains(event.amount ?? 0) && event.model != nil, "\(lead.id)")
        case .waitingForDelivery: #expect(event.eta != nil, "\(lead.id) eta")
        case .delivered: #expect(event.date != nil, "\(lead.id) date")
        case .churned: #expect(event.reason != nil, "\(lead.id) reason")
        case .prospect: break
        }
      }
    }
  }

  @Test func touchAndTopicIDsAreUniqueAndResolutionsPointToALaterTouchOfTheLead() {
    let touchIDs = leads.flatMap { $0.touches.map(\.id) }
    #expect(Set(touchIDs).count == touchIDs.count)
    let topicIDs = leads.flatMap { $0.topics.map(\.id) }
    #expect(Set(topicIDs).count == topicIDs.count)
    for lead in leads {
      for topic in lead.topics where !topic.isOpen {
        let touch = lead.touches.first { $0.id == topic.resolvedByTouch }
        #expect(touch?.at == topic.resolvedAt, "\(lead.id) topic \(topic.id)")
        #expect((topic.resolvedAt ?? .distantPast) >= topic.buriedAt)
      }
    }
  }

  @Test func touchesLookLikeAConsultantsRecord() {
    #expect(leads.allSatisfy { lead in lead.touches.allSatisfy { $0.actor == lead.consultant } })
    let touches = leads.flatMap(\.touches)
    #expect(Set(touches.map(\.channel)) == Set(Channel.allCases))
    #expect(Set(touches.map(\.outcome)) == Set(Outcome.allCases))
    #expect(touches.allSatisfy { !($0.note ?? "").isEmpty })
    #expect(touches.contains { $0.note?.contains("试驾") == true })
    let heard = Set(touches.flatMap(\.objections))
    #expect(heard.count >= 12)
    let ninetyDaysAgo = now.addingTimeInterval(-90 * 86_400)
    let recent = leads.map { $0.touches.filter { $0.at >= ninetyDaysAgo }.count }
    #expect(recent.allSatisfy { $0 <= 22 })
  }

  @Test func agreedNextContactsAreSometimesDueAndSometimesAhead() {
    let agreed = leads.filter(\.stage.isOpen).compactMap { $0.touches.last?.nextAt }
    #expect(agreed.contains { $0 <= now })
    #expect(agreed.contains { $0 > now })
  }

  @Test func theQueueHasEveryKindOfWork() {
    let startOfToday = today.startOfDay(in: DemoFixture.zone)
    let fresh = leads.filter { $0.touches.isEmpty && $0.createdAt >= startOfToday }
    #expect(fresh.count >= 3, "new leads today, never touched")
    let unreachable = leads.filter {
      $0.touches.count >= 3 && $0.touches.suffix(3).allSatisfy { $0.outcome == .noAnswer }
    }
    #expect(!unreachable.isEmpty)
    let late = leads.filter { $0.stage == .waitingForDelivery && ($0.eta ?? today) < today }
    #expect(late.count >= 3)
    #expect(late.contains { $0.model == "S50N" } || late.contains { $0.model == "X60" })
    let noCallback = leads.filter { lead in
      guard let day = lead.deliveredOn, let at = lead.currentStageEvent?.at else { return false }
      return day.days(to: today) <= 2 && !lead.touches.contains { $0.at >= at.addingTimeInterval(-86_400) }
    }
    #expect(noCallback.count >= 2)
    let openIssue = leads.filter { $0.stage == .delivered && $0.topics.contains { $0.category == .issue && $0.isOpen } }
    #expect(!openIssue.isEmpty)
    #expect(leads.contains { $0.topics.contains { $0.category == .issue && !$0.isOpen } })
  }

  @Test func buriedTopicsAreOpenOrResolvedAndOfEveryKind() {
    let buried = leads.flatMap(\.topics).filter { $0.category == .buried }
    #expect(buried.contains { $0.isOpen })
    #expect(buried.contains { !$0.isOpen })
    #expect(Set(buried.map(\.kind)) == Set(TopicKind.allCases))
    #expect(buried.allSatisfy { !$0.text.contains("{") && $0.buriedBy != nil })
  }
}
