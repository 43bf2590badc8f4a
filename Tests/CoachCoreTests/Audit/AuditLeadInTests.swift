import Foundation
import Testing

@testable import CoachCore

private typealias F = Fixture

/// The audit's replay starts `FollowUpEngine.replayLeadInDays` before the period, as long as the playbook's longest
/// follow-up can stay open plus two days (9 days with the shipped playbook): it finds what a replay of each lead's
/// whole history finds, but for follow-ups done before they fell due and before that start (AUDIT.md).
@Suite struct AuditLeadInTests {
  typealias Case = AuditReplayEquivalenceTests.Case

  /// `Replay.run` from the lead's creation, its records cut to the window as `FollowUpEngine.replay` cuts them.
  static func wholeHistory(_ lead: LeadSnapshot, _ ctx: EngineContext, _ w: AuditWindow) -> [FollowUpRecord] {
    var replay = Replay(leadID: lead.id, now: ctx.now)
    replay.run(lead, ctx, from: lead.createdAt, through: w.end)
    return FollowUpEngine.inWindow(replay.records, from: w.start, to: w.end)
  }

  @Test("the lead-in finds the whole history's follow-ups", arguments: AuditReplayEquivalenceTests.cases)
  func leadInFindsTheWholeHistorysFollowUps(_ c: Case) {
    let (ctx, leads, windows) = AuditReplayEquivalenceTests.setUp(c)
    var compared = 0
    var startedLater = 0
    for w in windows {
      let start = FollowUpEngine.replayStart(from: w.start, ctx)
      for lead in leads {
        let part = FollowUpEngine.replay(lead, ctx, from: w.start, to: w.end).records
        let whole = Self.wholeHistory(lead, ctx, w)
        if lead.createdAt < start { startedLater += 1 }
        #expect(part.allSatisfy(whole.contains), "lead \(lead.id), window \(w.from)–\(w.to): a follow-up too many")
        for missing in whole where !part.contains(missing) {
          let doneEarly = missing.fulfilledAt.map { $0 < missing.dueAt && $0 <= start } ?? false
          #expect(doneEarly, "lead \(lead.id), window \(w.from)–\(w.to): \(missing) not found")
        }
        compared += whole.count
      }
    }
    #expect(compared > leads.count)  // the windows hold follow-ups to compare
    #expect(startedLater * 2 > leads.count)  // and many replays start after the lead's creation, not at it
  }

  @Test func theLeadInFollowsThePlaybooksLongestSpan() throws {
    let shipped = try #require(try DefaultPlaybook.load().playbook("zh-CN"))
    #expect(FollowUpEngine.replayLeadInDays(shipped) == 9)  // issue_fix_days 7, then a day to do it early and one more
    var playbook = shipped
    playbook.care.issueFixDays = 30
    #expect(FollowUpEngine.replayLeadInDays(playbook) == 32)
    playbook.cadence.graceHours = 24 * 40 + 1
    #expect(FollowUpEngine.replayLeadInDays(playbook) == 43)
    playbook.care.birthdayRemindDaysBefore = 60
    #expect(FollowUpEngine.replayLeadInDays(playbook) == 63)
    playbook.care.holidayRemindDaysBefore = 90
    #expect(FollowUpEngine.replayLeadInDays(playbook) == 93)
  }

  /// A birthday on 07-05 reminded 20 days ahead falls due on 06-15; an after-sales issue raised on 06-18 comes first
  /// (it outranks a greeting) until it is fixed on 07-10; the greeting is sent on the birthday meanwhile. A replay
  /// that starts after the issue came (06-22, 9 days before the period, as the shipped playbook's lead-in) never
  /// selects the greeting, so it misses it; this playbook's lead-in (23 days: 06-08) starts before the greeting fell
  /// due and finds it, as the whole history does.
  @Test func aLeadInShorterThanTheLongestSpanLosesAFollowUp() throws {
    var playbook = Fixture.makePlaybook(holidays: [])
    playbook.care.birthdayRemindDaysBefore = 20
    #expect(FollowUpEngine.replayLeadInDays(playbook) == 23)
    var issue = Topic(id: 7, category: .issue, text: "rattle in the door", buriedAt: F.at("2025-06-18T10:00:00+08:00"))
    issue.resolvedAt = F.at("2025-07-10T10:00:00+08:00")
    let owner = F.owner(
      delivered: "2024-03-15T15:00:00+08:00", deliveredOn: "2024-03-15", birthday: "1990-07-05",
      touches: [
        F.touch(2, "2024-03-16T10:00:00+08:00"), F.touch(3, "2025-06-01T10:00:00+08:00"),
        F.touch(4, "2025-07-05T10:00:00+08:00"),
      ], topics: [issue])
    let ctx = F.ctx("2025-07-31T09:00:00+08:00", playbook: playbook)
    let w = try AuditWindow(
      from: try #require(LocalDate("2025-07-01")), to: try #require(LocalDate("2025-07-30")), zone: F.shanghai)
    let found = FollowUpEngine.replay(owner, ctx, from: w.start, to: w.end).records
    #expect(found == Self.wholeHistory(owner, ctx, w))
    let greeting = try #require(found.first { $0.code == .birthday })
    #expect(greeting.status == .onTime)
    var late = Replay(leadID: owner.id, now: ctx.now)
    late.run(owner, ctx, from: w.start.adding(days: -9, in: F.shanghai), through: w.end)
    #expect(!late.records.contains(greeting))
  }
}
