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
  /// The period before, of as many days, when the audit was asked to compare (`coach audit --compare`).
  public var previous: AuditComparison?
  /// The figure whose follow-ups were listed (`coach audit --list`), if any.
  public var list: AuditList?
  /// Its follow-ups, oldest deadline first: as many as the figure counts.
  public var listed: [AuditFollowUp] { team.listed }
  /// With a drill-down (`Audit.build(…, drillDown: true)`), the follow-ups behind figure `list` of `figures`.
  public func listed(_ list: AuditList, of figures: AuditFigures) -> [AuditFollowUp] {
    figures.listed.filter { $0.list == list }
  }
  /// With `--list snoozes`: the snoozes set in the window, in the order they were set (as many as `snoozes`).
  public var snoozed: [AuditSnooze] { team.snoozed }
  /// A dealer group's audit over several stores: one row per store (`rollUp`); empty for one store.
  public var stores: [StoreAudit] = []
  /// Each consultant's store code, when `stores` is filled.
  public var storeOf: [String: String] = [:]
  /// The consultants of the report who were deactivated (they left): their rows say so.
  public var deactivated: Set<String> = []
}

/// The same figures over the period just before the audited one, for the changes a report shows.
public struct AuditComparison: Sendable, Hashable {
  public var window: AuditWindow
  /// Consultants by name (those with leads then).
  public var consultants: [ConsultantAudit]
  public var team: AuditFigures

  /// The consultant's figures then; empty figures when they had no row.
  public func figures(of consultant: String) -> AuditFigures {
    consultants.first { $0.consultant == consultant }?.figures ?? AuditFigures(window)
  }
}

public enum Audit {
  /// The touches an audit of `window` reads: those from this instant on, plus each lead's last touch and last
  /// contact before it (`LeadSnapshot.keepingTouches(since:)`). The replay starts here at the earliest and reads,
  /// at each of its instants, only the last touch and last contact by then, as ranking does; touches are counted
  /// only inside the window, which starts later. So a loader may leave out the rest of the history.
  public static func touchesSince(_ window: AuditWindow, ctx: EngineContext) -> Date {
    FollowUpEngine.replayStart(from: window.start, ctx)
  }

  /// Audits `consultants` (names of users with role consultant) over `window`, from their leads loaded in chunks
  /// (`load(0)` … `load(chunks - 1)`, e.g. a few thousand ids each) and the export log. Leads of anyone else are
  /// ignored; a consultant without leads gets no row. With `compare`, the period before (`AuditWindow.previous`) is
  /// counted too; its touches must be loaded (`touchesSince(window.previous)`). Every core takes the next chunk, loads it, counts it and lets it go, so only a few chunks are ever in memory.
  /// The figures are sums, so they do not depend on how the leads are cut or in which order the chunks are counted.
  /// `workers`: how many chunks are loaded and counted at once (`Chunks.map`; one per core by default).
  public static func build(
    chunks: Int, workers: Int? = nil, load: @Sendable (Int) throws -> [LeadSnapshot], consultants: [String],
    exports: [AuditExport], window: AuditWindow, ctx: EngineContext, list: AuditList? = nil, compare: Bool = false,
    drillDown: Bool = false
  ) throws -> AuditReport {
    let counted = try AuditTally.counting(
      chunks: chunks, workers: workers, consultants: consultants, windows: windows(window, compare: compare), ctx: ctx,
      lists: lists(list, drillDown: drillDown),
      load: load)
    return report(counted, exports: exports, window: window, ctx: ctx, list: list, compare: compare)
  }

  /// The figures whose follow-ups are collected: `list`, or with `drillDown` (the HTML report's links) every one.
  static func lists(_ list: AuditList?, drillDown: Bool) -> Set<AuditList> {
    drillDown ? Set(AuditList.allCases) : Set([list].compactMap { $0 })
  }

  static func windows(_ window: AuditWindow, compare: Bool) -> [AuditWindow] {
    compare ? [window, window.previous] : [window]
  }

  /// The report from each window's figures per consultant and the export log.
  static func report(
    _ counted: [[String: AuditFigures]], exports: [AuditExport], window: AuditWindow, ctx: EngineContext,
    list: AuditList?, compare: Bool
  ) -> AuditReport {
    var (rows, team) = self.rows(counted.first ?? [:], exports: exports, window: window)
    team.listed.sort(by: AuditFollowUp.ordered)
    team.snoozed.sort(by: AuditSnooze.ordered)
    for i in rows.indices where !rows[i].figures.listed.isEmpty || !rows[i].figures.snoozed.isEmpty {
      rows[i].figures.listed.sort(by: AuditFollowUp.ordered)
      rows[i].figures.snoozed.sort(by: AuditSnooze.ordered)
    }
    var report = AuditReport(window: window, now: ctx.now, consultants: rows, team: team, list: list)
    if compare {
      let before = window.previous
      (rows, team) = self.rows(counted.count > 1 ? counted[1] : [:], exports: exports, window: before)
      report.previous = AuditComparison(window: before, consultants: rows, team: team)
    }
    return report
  }

  /// Rows by consultant name, with their exports in `window`, and the team's sum.
  static func rows(
    _ counted: [String: AuditFigures], exports: [AuditExport], window: AuditWindow
  ) -> ([ConsultantAudit], AuditFigures) {
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
    return (rows, team)
  }
}

/// One store's row of a dealer group's audit: the sum of its consultants' figures.
public struct StoreAudit: Sendable, Hashable {
  /// The store's code (what `--store` takes) and name.
  public var store: String
  public var name: String
  public var figures: AuditFigures
  /// The same over the period before, with `--compare`.
  public var previous: AuditFigures?

  /// `[SH-01] 上海一店`: the row's label in the table and the report.
  public var label: String { "[\(store)] \(name)" }
}

extension AuditReport {
  /// A consultant's row label: `李娜 (SH-01)` in a group's audit over several stores, else the name.
  public func label(of consultant: String) -> String {
    storeOf[consultant].map { "\(consultant) (\($0))" } ?? consultant
  }

  /// The group roll-up: one row per store, in the order given, summing the consultants `storeOf` places there
  /// (a consultant of no store is in no row). Empty when fewer than two stores have consultants in the report.
  public func rollUp(stores: [(code: String, name: String)], storeOf: [String: String]) -> [StoreAudit] {
    let rows = stores.compactMap { store -> StoreAudit? in
      let members = consultants.filter { storeOf[$0.consultant] == store.code }
      guard !members.isEmpty else { return nil }
      var figures = AuditFigures(window)
      for m in members { figures.add(m.figures) }
      var before: AuditFigures?
      if let previous {
        var sum = AuditFigures(previous.window)
        for m in members { sum.add(previous.figures(of: m.consultant)) }
        before = sum
      }
      return StoreAudit(store: store.code, name: store.name, figures: figures, previous: before)
    }
    return rows.count >= 2 ? rows : []
  }
}
