import Foundation
import Testing

@testable import CoachCore

/// Ranking loads only the touches from the clock on, plus the last touch and the last contact before it
/// (`keepingTouches(since:)`), and no profile facts: the current action, with its reason, must be exactly the
/// whole lead's.
@Suite struct TouchWindowTests {
  /// Every lead of a demo set, at each of `days` consecutive clocks (so birthdays, car birthdays and holidays
  /// open and close across the window), with the playbook's reminder days as shipped and widened. Touches after
  /// a clock are in the lead as a loader would give them (the rules ignore them).
  func check(seed: UInt64, leads: Int, from iso: String, days: Int, zone: String, language: String, remind: Int?) throws
  {
    let zone = try #require(TimeZone(identifier: zone))
    let start = Fixture.at(iso)
    var playbook = try #require(try DefaultPlaybook.load().playbook(language))
    if let remind {
      playbook.care.birthdayRemindDaysBefore = remind
      playbook.care.holidayRemindDaysBefore = remind + 2
    }
    // Generated at the last clock: every clock lies inside the history, with touches just before and after it.
    let end = start.addingTimeInterval(Double(days) * 86_400)
    let data = DemoData.generate(now: end, zone: zone, seed: seed, leads: leads).leads
    var compared = 0
    var windowed = 0
    for day in 0..<days {
      let now = start.addingTimeInterval(Double(day) * 86_400 + Double(day % 5) * 3_607)
      let ctx = EngineContext(playbook: playbook, now: now, zone: zone, consultantName: "李娜")
      // The clock itself (what `next` loads), and a window a few days earlier.
      let since = day % 2 == 0 ? now : now.addingTimeInterval(-3 * 86_400)
      for lead in data {
        var kept = lead.keepingTouches(since: since)
        kept.profile = []  // ranking loads no profile facts either (only a brief reads them)
        if kept.touches.count < lead.touches.count { windowed += 1 }
        let full = FollowUpEngine.nextAction(for: lead, in: ctx)
        let part = FollowUpEngine.nextAction(for: kept, in: ctx)
        compared += 1
        if full != part {
          Issue.record(
            "lead \(lead.id) at \(now): full history \(String(describing: full)) != window \(String(describing: part))")
          return
        }
      }
      let fullQueue = Queue.build(leads: data, ctx: ctx, limit: 20)
      let partQueue = Queue.build(
        leads: data.map {
          var kept = $0.keepingTouches(since: since)
          kept.profile = []
          return kept
        }, ctx: ctx, limit: 20)
      #expect(fullQueue == partQueue)
    }
    #expect(compared == days * data.count)
    #expect(windowed > compared / 4, "the window must actually leave touches out (\(windowed) of \(compared))")
  }

  @Test func demoShanghaiOverAMonthAroundNewYear() throws {
    try check(
      seed: 42, leads: 200, from: "2026-12-20T09:00:00+08:00", days: 45, zone: "Asia/Shanghai", language: "zh-CN",
      remind: nil)
  }

  @Test func widerRemindersAndDSTInNewYork() throws {
    try check(
      seed: 7, leads: 300, from: "2025-10-20T23:30:00-04:00", days: 30, zone: "America/New_York", language: "en",
      remind: 6)
  }

  @Test func keepsTheLastTouchAndTheLastContactBeforeTheWindow() {
    let t0 = Fixture.at("2026-01-01T09:00:00+08:00")
    func touch(_ day: Double, _ outcome: Outcome) -> Touch {
      Touch(id: Int64(day), at: t0.addingTimeInterval(day * 86_400), channel: .call, outcome: outcome)
    }
    let lead = LeadSnapshot(
      id: 1, name: "王", createdAt: t0,
      touches: [touch(1, .reached), touch(2, .visited), touch(3, .noAnswer), touch(4, .noAnswer), touch(10, .reached)])
    let kept = lead.keepingTouches(since: t0.addingTimeInterval(9 * 86_400))
    #expect(kept.touches.map(\.id) == [2, 4, 10])
    #expect(kept.touchesSince != nil)
    #expect(lead.keepingTouches(since: t0).touches.map(\.id) == [1, 2, 3, 4, 10])
  }
}
