import Foundation
import Testing

@testable import CoachCore

/// The audit loads only the touches from its replay's lead-in on, plus each lead's last touch and last contact
/// before it (`Audit.touchesSince`): every lead's follow-ups, its overdue state and the whole report must be
/// exactly the whole history's, on the data sets and windows of `AuditReplayEquivalenceTests`.
@Suite struct AuditTouchWindowTests {
  typealias Case = AuditReplayEquivalenceTests.Case

  static func windowed(_ leads: [LeadSnapshot], since: Date) -> [LeadSnapshot] {
    leads.map { $0.keepingTouches(since: since) }
  }

  @Test("the lead-in's touches give the whole history's follow-ups", arguments: AuditReplayEquivalenceTests.cases)
  func followUpsMatchTheWholeHistory(_ c: Case) {
    let (ctx, leads, windows) = AuditReplayEquivalenceTests.setUp(c)
    var left = 0
    var all = 0
    for w in windows {
      let since = Audit.touchesSince(w, ctx: ctx)
      for lead in leads {
        let kept = lead.keepingTouches(since: since)
        left += lead.touches.count - kept.touches.count
        all += lead.touches.count
        let full = FollowUpEngine.replay(lead, ctx, from: w.start, to: w.end)
        let part = FollowUpEngine.replay(kept, ctx, from: w.start, to: w.end)
        #expect(part.records == full.records, "lead \(lead.id), window \(w.from)–\(w.to)")
        #expect(
          FollowUpEngine.isOverdue(kept, after: part, in: ctx) == FollowUpEngine.isOverdue(lead, after: full, in: ctx),
          "lead \(lead.id) overdue now")
      }
    }
    // Demo histories are short (most of a lead's touches are recent), so only a few percent fall before the cut.
    #expect(left * 30 > all, "the window must leave touches out (\(left) of \(all))")
  }

  @Test("the report from the lead-in's touches is the whole history's", arguments: AuditReplayEquivalenceTests.cases)
  func reportMatchesTheWholeHistory(_ c: Case) {
    let (ctx, leads, windows) = AuditReplayEquivalenceTests.setUp(c)
    let names = Array(Set(leads.compactMap(\.consultant))).sorted()
    for w in windows {
      let whole = Audit.build(leads: leads, consultants: names, exports: [], window: w, ctx: ctx)
      let part = Audit.build(
        leads: Self.windowed(leads, since: Audit.touchesSince(w, ctx: ctx)), consultants: names, exports: [], window: w,
        ctx: ctx)
      #expect(
        AuditReplayEquivalenceTests.sorted(part) == AuditReplayEquivalenceTests.sorted(whole),
        "window \(w.from)–\(w.to)")
    }
  }

  /// The comparison can fail: cutting the history at the window's first day instead, without the lead-in, or
  /// keeping no touch from before the cut, changes some lead's follow-ups.
  @Test func aShorterHistoryChangesTheFollowUps() {
    let (ctx, leads, windows) = AuditReplayEquivalenceTests.setUp(AuditReplayEquivalenceTests.cases[0])
    let w = windows[0]
    let since = Audit.touchesSince(w, ctx: ctx)
    func differs(_ cut: (LeadSnapshot) -> LeadSnapshot) -> Bool {
      leads.contains { lead in
        FollowUpEngine.replay(cut(lead), ctx, from: w.start, to: w.end).records
          != FollowUpEngine.replay(lead, ctx, from: w.start, to: w.end).records
      }
    }
    #expect(differs { $0.keepingTouches(since: w.start) })
    #expect(
      differs { lead in
        var kept = lead
        kept.touches = lead.touches.filter { $0.at >= since }
        return kept
      })
  }
}
