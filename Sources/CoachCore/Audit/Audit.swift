import Foundation

/// An export from the export log, as the audit counts it.
public struct AuditExport: Sendable, Hashable {
  public var actor: String?
  public var at: Date
  public var rows: Int

  public init(actor: String?, at: Date, rows: Int) {
    self.actor = actor
    self.at = at
    self.rows = rows
  }
}

/// One consultant's row of the audit.
public struct ConsultantAudit: Sendable, Hashable {
  public var consultant: String
  public var figures: AuditFigures
}

/// The team-lead audit of follow-up compliance over a window (docs/AUDIT.md).
public struct AuditReport: Sendable, Hashable {
  public var window: AuditWindow
  /// The instant the audit was made (`--now`).
  public var now: Date
  /// Consultants by name.
  public var consultants: [ConsultantAudit]
  /// The sum of the consultants' figures.
  public var team: AuditFigures
}

public enum Audit {
  /// Audits `consultants` (names of users with role consultant) over `window`, from their `leads` and the export log.
  /// Leads of anyone else are ignored; a consultant without leads gets no row.
  public static func build(
    leads: [LeadSnapshot], consultants: [String], exports: [AuditExport], window: AuditWindow, ctx: EngineContext
  ) -> AuditReport {
    let names = Set(consultants)
    let counter = AuditCounter(window: window, ctx: ctx)
    let weeks = window.weeks.count
    let owned = leads.filter { $0.consultant.map(names.contains) ?? false }
    var byName = figures(for: owned, counter: counter, weeks: weeks)
    for export in exports where window.contains(export.at) {
      guard let actor = export.actor, byName[actor] != nil else { continue }
      byName[actor]?.exports += 1
      byName[actor]?.exportRows += export.rows
    }
    let rows = byName.keys.sorted().compactMap { name in
      byName[name].map { ConsultantAudit(consultant: name, figures: $0) }
    }
    var team = AuditFigures(weeks: weeks)
    for row in rows { team.add(row.figures) }
    return AuditReport(window: window, now: ctx.now, consultants: rows, team: team)
  }

  /// Counts leads on every core: the replay is the costly part and leads are independent.
  static func figures(for leads: [LeadSnapshot], counter: AuditCounter, weeks: Int) -> [String: AuditFigures] {
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, leads.count / 500))
    let results = PartResults(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var local: [String: AuditFigures] = [:]
      for i in stride(from: part, to: leads.count, by: parts) {
        let lead = leads[i]
        guard let name = lead.consultant else { continue }
        counter.add(lead, to: &local[name, default: AuditFigures(weeks: weeks)])
      }
      results.set(part, local)
    }
    var merged: [String: AuditFigures] = [:]
    for part in results.all {
      for (name, f) in part { merged[name, default: AuditFigures(weeks: weeks)].add(f) }
    }
    return merged
  }
}

/// Per-part results written from `concurrentPerform`, each slot by one iteration only.
private final class PartResults: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [[String: AuditFigures]]

  init(count: Int) { slots = Array(repeating: [:], count: count) }

  func set(_ i: Int, _ value: [String: AuditFigures]) {
    lock.lock()
    slots[i] = value
    lock.unlock()
  }

  var all: [[String: AuditFigures]] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
