import CoachCore
import CoachStoreAPI
import Foundation

/// `coach audit` and `GET /api/v1/audit`: follow-up compliance per consultant in a window of days (team leads, admins).
package struct AuditRun {
  package let report: AuditReport
  package let access: AuditAccessLog
  package let ctx: EngineContext

  /// `from`/`to` as typed (`YYYY-MM-DD` in the zone; default the 30 days ending today); `consultant` narrows to one;
  /// `list` collects the follow-ups behind one figure; `compare` also counts the period before; `drillDown` collects
  /// the follow-ups (and snoozes) behind every figure, for the HTML report's links.
  package static func build(
    _ session: Session, from: String?, to: String?, consultant: String?, list: AuditList? = nil, compare: Bool = false,
    drillDown: Bool = false, store: String? = nil
  ) throws -> AuditRun {
    let env = session.env
    try AuditAccess.check(session)
    let session = try store.map { try session.within(store: $0) } ?? session
    let last = try to.map { try env.date($0, option: "--to") } ?? env.today
    let first = try from.map { try env.date($0, option: "--from") } ?? last.adding(days: -29)
    if to == nil, first > last { throw CoachError.refused(.fromAfterDefaultTo(from: first, today: last)) }
    let window = try AuditWindow(from: first, to: last, zone: env.zone)
    let ctx = try EngineSetup.context(env, session: session, salesStats: false)
    // With compare the period before is replayed too: its touches are loaded, and its exports.
    let earliest = compare ? window.previous : window
    let (filter, counted) = try AuditAccess.consultants(
      session, only: consultant, since: Audit.touchesSince(earliest, ctx: ctx))
    let names = counted.map(\.name)
    let exports = try session.db.exports(from: earliest.start, to: window.end).map {
      AuditExport(actor: $0.actor, at: $0.at, rows: $0.rows)
    }
    // A part at a time (each read whole in one transaction), counted on every core and dropped.
    let parts = try session.db.leadIDRanges(filter, size: LoadParts.maximum)
    let db = session.db
    var report = try Audit.build(
      chunks: parts.count, workers: db.loadsAtOnce,
      load: { i in
        var part = filter
        part.idRange = parts[i]
        return try db.snapshots(part)
      },
      consultants: names, exports: exports, window: window, ctx: ctx, list: list, compare: compare, drillDown: drillDown
    )
    report.deactivated = Set(counted.filter { !$0.isActive }.map(\.name))
    // A team lead is counted for the leads they hold or held (parked with them, or theirs as a consultant before a
    // promotion): one with nothing in the period has no row.
    let teamLeads = Set(counted.filter { $0.role != .consultant }.map(\.name))
    if consultant == nil { report.consultants.removeAll { teamLeads.contains($0.consultant) && $0.figures.isIdle } }
    let access = try AuditAccessLog.load(session, window: window, consultants: names)
    if session.storeID == nil, case let stores = try session.db.stores(), !stores.isEmpty {
      let code = Dictionary(uniqueKeysWithValues: stores.map { ($0.id, $0.code) })
      let storeOf = try session.db.users().reduce(into: [String: String]()) { map, user in
        if let id = user.storeId, let c = code[id] { map[user.name] = c }
      }
      report.stores = report.rollUp(stores: stores.map { ($0.code, $0.name) }, storeOf: storeOf)
      report.storeOf = report.stores.isEmpty ? [:] : storeOf
    }
    return AuditRun(report: report, access: access, ctx: ctx)
  }

  /// The `coach audit --json` document.
  package var json: AuditJSON {
    var doc = AuditJSON(report)
    doc.data_access = access.entries.map(AccessEntryJSON.init)
    doc.transfers = access.transfers.map(TransferJSON.init)
    return doc
  }

  /// One JSON document, its rates and medians written alike (`1.0`, not `1`): the CLI's and the API's.
  package static func data<T: Encodable>(_ value: T, zone: TimeZone) throws -> Data {
    JSONDecimals.pointed(try JSONOutput.encoder(zone: zone).encode(value)) + Data("\n".utf8)
  }
}

extension AuditRun {
  /// `coach audit --format html` and `coach serve`'s `/audit/report`: the report as one self-contained page (charts,
  /// and with `drillDown` the follow-ups behind every figure); `time` formats a time for people, `generated` is now.
  package func htmlPage(time: @escaping (Date) -> String, generated: Date) -> String {
    let playbook = ctx.playbook
    var page = AuditHTML(
      report: report, labels: AuditLabels(playbook), dealership: playbook.labels.dealership, generated: time(generated))
    page.access = access
    page.drillDown = true
    page.time = time
    return page.render()
  }
}
