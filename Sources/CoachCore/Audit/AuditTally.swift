import Foundation

/// Counts chunks of leads on every core (`Chunks.map`): each chunk is loaded, its leads counted into the chunk's own
/// figures and dropped; the chunks' figures are summed at the end (sums do not depend on the split).
enum AuditTally {
  /// Figures per consultant of `consultants` from every chunk, one table per window of `windows` (the audited one,
  /// then the one it is compared with, if any); the first error a load throws, if any.
  static func counting(
    chunks: Int, workers: Int? = nil, consultants: [String], windows: [AuditWindow], ctx: EngineContext,
    lists: Set<AuditList> = [], load: @Sendable (Int) throws -> [LeadSnapshot]
  ) throws -> [[String: AuditFigures]] {
    let names = Set(consultants)
    // Only the audited window lists its follow-ups.
    let counters = windows.enumerated().map { AuditCounter(window: $1, ctx: ctx, lists: $0 == 0 ? lists : []) }
    guard let current = counters.first else { return [] }
    let previous = counters.count > 1 ? counters[1] : nil
    let parts = try Chunks.map(chunks, workers: workers) { i -> [[[String: AuditFigures]]] in
      var now: [String: AuditFigures] = [:], before: [String: AuditFigures] = [:]
      // Each lead is read in place (a loop over the leads copied each one out, retaining all its strings and arrays).
      let leads = try load(i)
      for k in leads.indices {
        guard leads[k].ownerChanges.isEmpty else {
          current.add(handedOver: leads[k], names: names, into: &now)
          previous?.add(handedOver: leads[k], names: names, into: &before)
          continue
        }
        guard let name = leads[k].consultant, names.contains(name) else { continue }
        current.add(leads[k], to: &now[name, default: AuditFigures(current.window)])
        if let previous { previous.add(leads[k], to: &before[name, default: AuditFigures(previous.window)]) }
      }
      return [previous == nil ? [now] : [now, before]]
    }
    var merged: [[String: AuditFigures]] = Array(repeating: [:], count: counters.count)
    for part in parts {
      for (w, table) in part.enumerated() {
        for (name, f) in table { merged[w][name, default: AuditFigures(counters[w].window)].add(f) }
      }
    }
    return merged
  }
}
