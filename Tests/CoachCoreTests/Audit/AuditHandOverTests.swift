import Foundation
import Testing

@testable import CoachCore

/// A lead handed to another consultant in the window: each part counts for the one who had the lead then.
@Suite struct AuditHandOverTests {
  func handedOver() -> LeadSnapshot {
    var lead = AuditFixture.lead(
      "H", "zhang", created: "2025-06-20T09:00:00+08:00",
      touches: [
        Fixture.touch(1, "2025-07-02T10:00:00+08:00"), Fixture.touch(2, "2025-07-03T10:00:00+08:00"),
        Fixture.touch(3, "2025-07-10T10:00:00+08:00"),
      ])
    lead.ownerChanges = [OwnerChange(at: Fixture.at("2025-07-05T12:00:00+08:00"), from: "lina", to: "zhang")]
    return lead
  }

  @Test func theOwnerAtATimeIsTheOneAChangeAfterItTookTheLeadFrom() {
    let lead = handedOver()
    #expect(lead.consultant(at: Fixture.at("2025-07-01T00:00:00+08:00")) == "lina")
    #expect(lead.consultant(at: Fixture.at("2025-07-05T12:00:00+08:00")) == "zhang")  // at the change: the new one
    #expect(lead.consultant(at: Fixture.at("2025-07-09T00:00:00+08:00")) == "zhang")
    #expect(lead.owners == ["lina", "zhang"])
    var twice = lead
    twice.ownerChanges.append(OwnerChange(at: Fixture.at("2025-07-08T00:00:00+08:00"), from: "zhang", to: "wang"))
    twice.consultant = "wang"
    #expect(twice.consultant(at: Fixture.at("2025-07-06T00:00:00+08:00")) == "zhang")
    #expect(twice.owners == ["lina", "zhang", "wang"])
  }

  @Test func touchesAndFollowUpsSplitAtTheHandOverAndAddUpToTheWhole() throws {
    let ctx = Fixture.ctx("2025-07-15T12:00:00+08:00")
    let window = try AuditFixture.window()
    let split = Audit.build(
      leads: [handedOver()], consultants: ["lina", "zhang"], exports: [], window: window, ctx: ctx)
    var kept = handedOver()
    kept.ownerChanges = []
    let whole = Audit.build(leads: [kept], consultants: ["lina", "zhang"], exports: [], window: window, ctx: ctx)
    let lina = try #require(split.consultants.first { $0.consultant == "lina" }).figures
    let zhang = try #require(split.consultants.first { $0.consultant == "zhang" }).figures
    #expect((lina.touches, zhang.touches) == (2, 1))
    #expect((lina.leadsOpen, zhang.leadsOpen) == (0, 1))
    #expect(lina.due + zhang.due == whole.team.due && lina.onTime + zhang.onTime == whole.team.onTime)
    #expect(split.team.touches == whole.team.touches && split.team.missed == whole.team.missed)
    #expect(split.team.overdueNow == whole.team.overdueNow && lina.overdueNow == 0)
    #expect(whole.consultants.map(\.consultant) == ["zhang"])
  }

  @Test func anEarlierOwnerWithNothingInTheWindowGetsNoRow() throws {
    var lead = handedOver()
    lead.ownerChanges = [OwnerChange(at: Fixture.at("2025-06-21T12:00:00+08:00"), from: "lina", to: "zhang")]
    let report = Audit.build(
      leads: [lead], consultants: ["lina", "zhang"], exports: [], window: try AuditFixture.window(),
      ctx: Fixture.ctx("2025-07-15T12:00:00+08:00"))
    #expect(report.consultants.map(\.consultant) == ["zhang"])
  }

  @Test func aNewLeadsFirstResponseBelongsToWhoeverHadItWhenItWasSettled() throws {
    var lead = AuditFixture.lead(
      "N", "zhang", created: "2025-07-02T09:00:00+08:00", touches: [Fixture.touch(1, "2025-07-02T14:00:00+08:00")])
    lead.ownerChanges = [OwnerChange(at: Fixture.at("2025-07-02T09:30:00+08:00"), from: "lina", to: "zhang")]
    let ctx = Fixture.ctx("2025-07-15T12:00:00+08:00")
    func firstResponses(_ lead: LeadSnapshot) throws -> [String: Int] {
      let report = Audit.build(
        leads: [lead], consultants: ["lina", "zhang"], exports: [], window: try AuditFixture.window(), ctx: ctx)
      return Dictionary(
        uniqueKeysWithValues: report.consultants.map { ($0.consultant, $0.figures.firstResponse.leads) })
    }
    // Handed over half an hour in, first touched by the new owner within the day: the new owner's.
    let handed = try firstResponses(lead)
    #expect(handed["zhang"] == 1 && handed["lina", default: 0] == 0, "\(handed)")
    // Never touched, handed over two days in: the first owner let the limit pass.
    var late = lead
    late.touches = []
    late.ownerChanges = [OwnerChange(at: Fixture.at("2025-07-04T09:00:00+08:00"), from: "lina", to: "zhang")]
    let lapsed = try firstResponses(late)
    #expect(lapsed["lina"] == 1 && lapsed["zhang"] == 0, "\(lapsed)")
  }

  @Test func theSourceReportCountsEachStepForWhoeverHadTheLeadThen() throws {
    var lead = AuditFixture.lead(
      "S", "lina", created: "2025-07-02T09:00:00+08:00",
      events: [StageEvent(from: .prospect, to: .deposit, at: Fixture.at("2025-07-08T10:00:00+08:00"))],
      touches: [Fixture.touch(1, "2025-07-02T10:00:00+08:00")], stage: .deposit)
    lead.source = "展厅"
    lead.ownerChanges = [OwnerChange(at: Fixture.at("2025-07-05T09:00:00+08:00"), from: "zhang", to: "lina")]
    let report = Audit.build(
      leads: [lead], consultants: ["lina", "zhang"], exports: [], window: try AuditFixture.window(),
      ctx: Fixture.ctx("2025-07-15T12:00:00+08:00"))
    func tally(_ name: String) -> SourceTally? {
      report.consultants.first { $0.consultant == name }?.figures.sources["展厅"]
    }
    #expect(tally("zhang") == SourceTally(leads: 1, contacted: 1, deposits: 0, delivered: 0))
    #expect(tally("lina") == SourceTally(leads: 0, contacted: 0, deposits: 1, delivered: 0))
    #expect(report.consultants.first { $0.consultant == "lina" }?.figures.deposits == 1, "as the funnel counts it")
  }
}
