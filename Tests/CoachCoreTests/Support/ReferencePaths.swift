import Foundation

@testable import CoachCore

// The one-call paths tests use as references and shorthands: each is what the production path computes part by
// part (candidates then ranking, chunked audits, replay records), kept here so that none is public API.

extension Queue {
  /// Leads whose action is due at `ctx.now` (`due_at` ≤ now), most urgent first, at most `limit`.
  static func build(leads: [LeadSnapshot], ctx: EngineContext, limit: Int = 10) -> [QueueEntry] {
    build(candidates: FollowUpEngine.dueCandidates(for: leads, in: ctx), ctx: ctx, limit: limit)
  }
}

extension Alerts {
  /// Leads whose current action is past its deadline at `ctx.now`: most overdue first, then most urgent, then id.
  /// Without `explained` the reasons are left empty (a table that does not show them skips most of the work).
  static func build(leads: [LeadSnapshot], ctx: EngineContext, explained: Bool = true) -> [AlertEntry] {
    merged([ranked(leads: leads, ctx: ctx, explained: explained)])
  }
}

extension FollowUpEngine {
  /// The lead's follow-ups whose deadline falls in `from < deadline ≤ to` (a deadline "on" a day is that day's end),
  /// replayed from its history with the same rules as `nextAction`. A follow-up counts once it has been the lead's
  /// current action while due, or when a touch fulfilled it just before it fell due.
  static func followUps(
    for lead: LeadSnapshot, in ctx: EngineContext, from: Date, to: Date
  ) -> [FollowUpRecord] {
    replay(lead, ctx, from: from, to: to).records
  }
}

extension Audit {
  /// Audits `consultants` (names of users with role consultant) over `window`, from their `leads` and the export log.
  /// Leads of anyone else are ignored; a consultant without leads gets no row. With `compare`, the period before
  /// (`AuditWindow.previous`) is counted too; its touches must be loaded (`touchesSince(window.previous)`).
  static func build(
    leads: [LeadSnapshot], consultants: [String], exports: [AuditExport], window: AuditWindow, ctx: EngineContext,
    list: AuditList? = nil, compare: Bool = false
  ) -> AuditReport {
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, leads.count / 500))
    let size = (leads.count + parts - 1) / max(1, parts)
    // Taking a slice of an array cannot fail: `try?` never gives nil here.
    let counted = try? AuditTally.counting(
      chunks: parts, consultants: consultants, windows: windows(window, compare: compare), ctx: ctx,
      lists: lists(list, drillDown: false)
    ) { i in
      Array(leads[min(leads.count, i * size)..<min(leads.count, (i + 1) * size)])
    }
    return report(counted ?? [], exports: exports, window: window, ctx: ctx, list: list, compare: compare)
  }
}

extension DefaultPlaybook {
  /// Loads the bundled playbook in every language from its YAML files (what `decodedSet` gives without parsing).
  static func load() throws -> PlaybookSet { try PlaybookSet.load(files: files) }
}
