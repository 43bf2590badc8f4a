import CoachCore
import CoachStoreAPI
import Foundation

/// Builds what the engine needs for one run: the playbook, the clock, the zone and the dealership's own sales.
package enum EngineSetup {
  /// `salesStats` (a group-wide query) only where switch arguments can be built: due actions never read it.
  package static func context(_ env: RunEnvironment, session: Session, salesStats: Bool = true) throws -> EngineContext
  {
    EngineContext(
      playbook: try Playbooks.load(env), now: env.now, zone: env.zone, consultantName: session.user?.name,
      stats: salesStats ? try session.db.salesStats(now: env.now) : SalesStats())
  }

  /// Fetches the dealership's sales figures into `ctx` when `lead`'s brief for `action` carries switch arguments.
  package static func addSalesStats(
    to ctx: inout EngineContext, for lead: LeadSnapshot, action: DueAction, session: Session
  ) throws {
    guard SwitchAdvisor.isWorthOffering(lead, action: action.code, in: ctx) else { return }
    ctx.stats = try session.db.salesStats(now: ctx.now)
  }

  /// The leads `next` and `alerts` rank at `now`: a consultant's own; a lead's team (with `team`), an admin's all.
  /// `own` (`alerts` without `--team`, as the contract scopes it): the acting user's own leads whatever the role.
  /// Loaded without touch notes and profile facts, and with only the touches ranking at `now` reads
  /// (`keepingTouches(since:)`): the brief's lead is loaded again in full.
  package static func workingSet(_ session: Session, team: Bool, own: Bool = false, now: Date) throws -> LeadFilter {
    try scopeFilter(session, team: team, own: own).lean(touchesSince: now)
  }

  package static func scopeFilter(_ session: Session, team: Bool, own: Bool = false) throws -> LeadFilter {
    guard let user = session.user, let id = user.id else { return LeadFilter(scope: .all) }
    if own && !team { return LeadFilter(scope: .own(userID: id)) }
    if team {
      guard user.role == .lead || user.role.isAdmin else {
        throw CoachError.refused(.notAllowed(.teamView, user: user.name, role: user.role.rawValue))
      }
      return LeadFilter(scope: session.scope)
    }
    if user.role == .consultant || user.role == .trainer { return LeadFilter(scope: .own(userID: id)) }
    return LeadFilter(scope: session.scope)
  }

  /// `evaluate` over the leads of `filter`, loaded and evaluated in parts of consecutive ids on every core and
  /// joined in id order. Each part is read whole in one transaction, so every lead is consistent in itself; a write
  /// landing between two parts shows in the later one only, as if that part had been read a moment later.
  package static func inParts<T: Sendable>(
    _ session: Session, _ filter: LeadFilter, _ evaluate: @escaping @Sendable ([LeadSnapshot]) -> [T]
  ) throws -> [T] {
    let ids = try session.db.leadIDs(filter)
    guard ids.count >= LoadParts.minimum * 2, ProcessInfo.processInfo.activeProcessorCount > 1 else {
      return evaluate(try session.db.snapshots(filter))
    }
    let parts = LoadParts.parts(ids).map { $0.first!...$0.last! }
    let db = session.db
    return try Chunks.map(parts.count) { i in
      var part = filter
      part.idRange = parts[i]
      return evaluate(try db.snapshots(part))
    }
  }

  /// `inParts` over only the leads `ids` (ascending) of `filter` (the stored follow-ups' stale or due leads). A
  /// part whose ids are dense (a first read, most leads due) is read as a range, as `inParts` reads, and the others
  /// dropped: thousands of ids cost more to look up one by one than the range they nearly cover.
  package static func inParts<T: Sendable>(
    _ session: Session, _ filter: LeadFilter, ids: [Int64], _ evaluate: @escaping @Sendable ([LeadSnapshot]) -> [T]
  ) throws -> [T] {
    guard !ids.isEmpty else { return [] }
    let parts =
      ids.count >= LoadParts.minimum * 2 && ProcessInfo.processInfo.activeProcessorCount > 1
      ? LoadParts.parts(ids) : [ids[...]]
    let db = session.db
    return try Chunks.map(parts.count) { i in
      let ids = parts[i]
      var part = filter
      guard let first = ids.first, let last = ids.last, last - first < 2 * Int64(ids.count) else {
        part.leadIDs = ids.map { LeadID($0) }
        return evaluate(try db.snapshots(part))
      }
      part.idRange = first...last
      let wanted = Set(ids)
      return evaluate(try db.snapshots(part).filter { wanted.contains($0.id.rawValue) })
    }
  }
}

/// How many leads are loaded and evaluated at a time: the one part policy of `next`, `alerts` and the audit.
package enum LoadParts {
  /// Fewer leads than twice this are read in one go (`next`, `alerts`).
  package static let minimum = 400
  /// More are cut into parts of at most this many: parts of 2,500 rather than 5,000 took a team's `alerts` (25k
  /// leads) from 140 to 124 ms (a part's leads stay in the processor's caches, and the last parts leave a core idle
  /// for less time); the audit counts parts of this size and drops them, so its memory stays flat.
  package static let maximum = 2_500

  /// `ids` (ascending) cut into parts of at most `maximum`, as many per core.
  static func parts(_ ids: [Int64]) -> [ArraySlice<Int64>] {
    let size = Chunks.partSize(ids.count, cores: ProcessInfo.processInfo.activeProcessorCount, maximum: maximum)
    return stride(from: 0, to: ids.count, by: size).map { ids[$0..<min(ids.count, $0 + size)] }
  }
}
