import Foundation

/// Counts chunks of leads on every core (`Chunks.map`): each chunk is loaded, its leads counted into the chunk's own
/// figures and dropped; the chunks' figures are summed at the end (sums do not depend on the split).
enum AuditTally {
  /// Figures per consultant of `consultants` from every chunk; the first error a load throws, if any.
  static func counting(
    chunks: Int, consultants: [String], window: AuditWindow, ctx: EngineContext, list: AuditList? = nil,
    load: @Sendable (Int) throws -> [LeadSnapshot]
  ) throws -> [String: AuditFigures] {
    let names = Set(consultants)
    let counter = AuditCounter(window: window, ctx: ctx, list: list)
    let parts = try Chunks.map(chunks) { i -> [[String: AuditFigures]] in
      var local: [String: AuditFigures] = [:]
      for lead in try load(i) {
        guard let name = lead.consultant, names.contains(name) else { continue }
        counter.add(lead, to: &local[name, default: AuditFigures(window)])
      }
      return [local]
    }
    var merged: [String: AuditFigures] = [:]
    for part in parts {
      for (name, f) in part { merged[name, default: AuditFigures(window)].add(f) }
    }
    return merged
  }
}
