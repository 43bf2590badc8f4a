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
  /// The figure whose follow-ups were listed (`coach audit --list`), if any.
  public var list: AuditList?
  /// Its follow-ups, oldest deadline first: as many as the figure counts.
  public var listed: [AuditFollowUp] { team.listed }
}

public enum Audit {
  /// The touches an audit of `window` reads: those from this instant on, plus each lead's last touch and last
  /// contact before it (`LeadSnapshot.keepingTouches(since:)`). The replay starts here at the earliest and reads,
  /// at each of its instants, only the last touch and last contact by then, as ranking does; touches are counted
  /// only inside the window, which starts later. So a loader may leave out the rest of the history.
  public static func touchesSince(_ window: AuditWindow, ctx: EngineContext) -> Date {
    FollowUpEngine.replayStart(from: window.start, zone: ctx.civil)
  }

  /// Audits `consultants` (names of users with role consultant) over `window`, from their `leads` and the export log.
  /// Leads of anyone else are ignored; a consultant without leads gets no row.
  public static func build(
    leads: [LeadSnapshot], consultants: [String], exports: [AuditExport], window: AuditWindow, ctx: EngineContext,
    list: AuditList? = nil
  ) -> AuditReport {
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, leads.count / 500))
    let size = (leads.count + parts - 1) / max(1, parts)
    // Taking a slice of an array cannot fail: `try?` never gives nil here.
    let counted = try? AuditTally.counting(
      chunks: parts, consultants: consultants, window: window, ctx: ctx, list: list
    ) { i in
      Array(leads[min(leads.count, i * size)..<min(leads.count, (i + 1) * size)])
    }
    return report(counted ?? [:], exports: exports, window: window, ctx: ctx, list: list)
  }

  /// `build(leads:…)` over leads loaded in chunks (`load(0)` … `load(chunks - 1)`, e.g. a few thousand ids each):
  /// every core takes the next chunk, loads it, counts it and lets it go, so only a few chunks are ever in memory.
  /// The figures are sums, so they do not depend on how the leads are cut or in which order the chunks are counted.
  public static func build(
    chunks: Int, load: @Sendable (Int) throws -> [LeadSnapshot], consultants: [String], exports: [AuditExport],
    window: AuditWindow, ctx: EngineContext, list: AuditList? = nil
  ) throws -> AuditReport {
    let counted = try AuditTally.counting(
      chunks: chunks, consultants: consultants, window: window, ctx: ctx, list: list, load: load)
    return report(counted, exports: exports, window: window, ctx: ctx, list: list)
  }

  /// The report from each consultant's figures and the export log.
  static func report(
    _ counted: [String: AuditFigures], exports: [AuditExport], window: AuditWindow, ctx: EngineContext,
    list: AuditList? = nil
  ) -> AuditReport {
    var byName = counted
    for export in exports where window.contains(export.at) {
      guard let actor = export.actor, byName[actor] != nil else { continue }
      byName[actor]?.exports += 1
      byName[actor]?.exportRows += export.rows
    }
    let rows = byName.keys.sorted().compactMap { name in
      byName[name].map { ConsultantAudit(consultant: name, figures: $0) }
    }
    var team = AuditFigures(window)
    for row in rows { team.add(row.figures) }
    team.listed.sort(by: AuditFollowUp.ordered)
    return AuditReport(window: window, now: ctx.now, consultants: rows, team: team, list: list)
  }
}
