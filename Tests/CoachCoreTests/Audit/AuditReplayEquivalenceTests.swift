import Foundation
import Testing

@testable import CoachCore

/// The audit's replay keeps answers from step to step and reuses them at `now`; these tests check it gives exactly
/// what asking every rule at every step gives (`ReferenceReplay`), lead by lead, on demo and seeded data sets in
/// several zones and windows (one across a new year, one of a whole year), and that the audit's figures do not
/// depend on how the leads are cut into chunks (but for the order of the day lists behind the medians).
@Suite struct AuditReplayEquivalenceTests {
  struct Case: Sendable, CustomStringConvertible {
    var seed: UInt64
    var leads: Int
    var now: String
    var zone: String
    /// The bundled zh-CN playbook (its holiday calendar), else the engine tests' playbook.
    var bundled: Bool
    var description: String { "seed \(seed) \(zone) \(now)" }
  }

  static let cases = [
    Case(seed: 42, leads: 200, now: "2026-11-24T09:00:00+08:00", zone: "Asia/Shanghai", bundled: true),
    Case(seed: 7, leads: 600, now: "2026-01-20T18:00:00+08:00", zone: "Asia/Shanghai", bundled: true),
    Case(seed: 11, leads: 600, now: "2025-03-12T08:00:00-04:00", zone: "America/New_York", bundled: false),
    Case(seed: 3, leads: 400, now: "2025-04-08T10:00:00-04:00", zone: "America/Santiago", bundled: false),
  ]

  static func setUp(_ c: Case) -> (EngineContext, [LeadSnapshot], [AuditWindow]) {
    let zone = TimeZone(identifier: c.zone) ?? .gmt
    let now = Fixture.at(c.now)
    let bundled = c.bundled ? (try? DefaultPlaybook.load())?.playbook("zh-CN") : nil
    let ctx = Fixture.ctx(c.now, zone: zone, playbook: bundled ?? Fixture.playbook)
    let leads = DemoData.generate(now: now, zone: zone, seed: c.seed, leads: c.leads).leads.enumerated().map {
      withSnoozes($1, $0, now: now, zone: zone)
    }
    let today = LocalDate(now, in: zone)
    let windows = [
      try? AuditWindow.lastDays(30, endingOn: today, zone: zone),
      try? AuditWindow(from: today.adding(days: -119), to: today.adding(days: -60), zone: zone),
      try? AuditWindow(
        from: LocalDate(year: today.year - 1, month: 12, day: 10), to: LocalDate(year: today.year, month: 1, day: 25),
        zone: zone),
      try? AuditWindow(from: today.adding(days: -364), to: today.adding(days: 20), zone: zone),
    ].compactMap { $0 }
    return (ctx, leads, windows)
  }

  /// Every fifth lead snoozed some days after it came in, for 3 to 17 days; every other one of those lifted two days
  /// after it was set; every fifteenth snoozed again, overlapping. Only snoozes set by `now`.
  static func withSnoozes(_ lead: LeadSnapshot, _ i: Int, now: Date, zone: TimeZone) -> LeadSnapshot {
    guard i % 5 == 0 else { return lead }
    var lead = lead
    let at = lead.createdAt.addingTimeInterval(Double(i % 40) * 86_400 + 3_600)
    let until = LocalDate(at, in: zone).adding(days: 3 + i % 15)
    let cleared = i % 10 == 0 ? at.addingTimeInterval(2 * 86_400) : nil
    lead.snoozes = [Snooze(id: 1, until: until, reason: "r", actor: nil, at: at, clearedAt: cleared)]
    if i % 15 == 0 {
      let again = at.addingTimeInterval(5 * 86_400)
      lead.snoozes.append(Snooze(id: 2, until: until.adding(days: 9), reason: "r", actor: nil, at: again))
    }
    lead.snoozes = lead.snoozes.filter { $0.at <= now }.map {
      var snooze = $0
      if let cleared = snooze.clearedAt, cleared > now { snooze.clearedAt = nil }
      return snooze
    }
    return lead
  }

  @Test("the replay gives what asking every rule at every step gives", arguments: cases)
  func replayMatchesReference(_ c: Case) {
    let (ctx, leads, windows) = Self.setUp(c)
    #expect(windows.count == 4)
    var compared = 0
    var heldBySnoozes = 0
    for lead in leads {
      for w in windows {
        let fast = FollowUpEngine.replay(lead, ctx, from: w.start, to: w.end)
        let plain = ReferenceReplay.followUps(for: lead, in: ctx, from: w.start, to: w.end)
        #expect(fast.records == plain, "lead \(lead.id), window \(w.from)–\(w.to)")
        if !lead.snoozes.isEmpty {
          var unsnoozed = lead
          unsnoozed.snoozes = []
          if FollowUpEngine.replay(unsnoozed, ctx, from: w.start, to: w.end).records != plain { heldBySnoozes += 1 }
        }
        #expect(FollowUpEngine.followUps(for: lead, in: ctx, from: w.start, to: w.end) == plain)
        let overdue = (FollowUpEngine.unexplainedAction(for: lead, in: ctx)?.overdueDays ?? 0) > 0
        #expect(FollowUpEngine.isOverdue(lead, after: fast, in: ctx) == overdue, "lead \(lead.id) overdue now")
        compared += plain.count
      }
    }
    #expect(compared > leads.count)  // the windows hold follow-ups to compare
    #expect(heldBySnoozes > 10)  // the snoozes held follow-ups the replays had to agree on
  }

  @Test("the audit's figures do not depend on the chunks", arguments: [1, 7, 64, 1_000])
  func chunksDoNotChangeFigures(_ size: Int) throws {
    let (ctx, leads, windows) = Self.setUp(Self.cases[1])
    let names = Array(Set(leads.compactMap(\.consultant))).sorted()
    for w in windows {
      let whole = Audit.build(leads: leads, consultants: names, exports: [], window: w, ctx: ctx)
      let chunked = try Audit.build(
        chunks: (leads.count + size - 1) / size,
        load: { i in Array(leads[(i * size)..<min(leads.count, (i + 1) * size)]) },
        consultants: names, exports: [], window: w, ctx: ctx)
      #expect(Self.sorted(chunked) == Self.sorted(whole))
      #expect(whole.team.due > 0)
    }
  }

  /// The report with its day lists sorted: they are only ever read as medians, and their order follows the chunks.
  static func sorted(_ report: AuditReport) -> AuditReport {
    func sorted(_ f: AuditFigures) -> AuditFigures {
      var f = f
      f.daysToDeposit.sort()
      f.daysToDelivery.sort()
      return f
    }
    var report = report
    report.team = sorted(report.team)
    report.consultants = report.consultants.map {
      ConsultantAudit(consultant: $0.consultant, figures: sorted($0.figures))
    }
    return report
  }
}
