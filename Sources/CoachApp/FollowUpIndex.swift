import CoachCore
import CoachStore
import Foundation

/// How `next` finds the leads to rank from the stored follow-ups (`StoredFollowUp`, kept per lead by the
/// store): only the leads whose stored answer does not hold at `now` (cleared by a write, woken, made with another
/// playbook or zone) are replayed in full, and their new answers stored; of the leads a holding answer says are due,
/// `next` replays the most promising by their priority bound until none left could enter its queue. The outputs are
/// the full replay's, byte for byte (`FollowUpIndexTests`).
package struct FollowUpIndex {
  let session: Session
  let filter: LeadFilter
  let ctx: EngineContext
  let fingerprint: String
  /// Leads whose stored answer does not hold at `now`, with the `rev` they were read at.
  private var stale: [FollowUpRow] = []
  /// Leads a holding stored answer says are due.
  private var held: [FollowUpRow] = []

  /// How many leads are replayed in full (their answers then stored), and how many a holding answer says are due.
  package var staleCount: Int { stale.count }
  package var heldCount: Int { held.count }

  package init(_ session: Session, _ filter: LeadFilter, ctx: EngineContext, need: FollowUpNeed) throws {
    self.session = session
    self.filter = filter
    self.ctx = ctx
    fingerprint = FollowUpFingerprint.of(ctx.playbook, zone: ctx.zone)
    for row in try session.db.followUps(filter, need: need, now: ctx.now, fingerprint: fingerprint) {
      if let stored = row.stored, stored.holds(at: ctx.now) {
        guard stored.due != nil else { continue }
        held.append(row)
      } else {
        stale.append(row)
      }
    }
  }

  /// The `limit` most urgent due candidates, as the full replay ranks them.
  package func mostUrgent(limit: Int) throws -> [DueCandidate] {
    let now = ctx.now
    let ranking = ctx
    let found = try replayStale { lead, action in
      action.flatMap { $0.isDue(at: now) ? DueCandidate(lead: lead, action: $0) : nil }
    } reduce: {
      FollowUpEngine.mostUrgentCandidates($0, limit: limit)
    }
    var top = FollowUpEngine.mostUrgentCandidates(found, limit: limit)
    // Highest bound first: once the queue is full and the next bound is below its last priority, no lead left can
    // enter it (a lead's priority never exceeds its bound; equal priorities go on, as the due time may decide).
    let order = held.sorted { ($0.stored?.bound ?? 0) > ($1.stored?.bound ?? 0) }
    var next = 0
    var batch = 32
    while next < order.count {
      if top.count >= limit, let last = top.last, (order[next].stored?.bound ?? 0) < last.action.priority { break }
      let ids = order[next..<min(order.count, next + batch)].map(\.leadID)
      next += ids.count
      batch = min(batch * 2, LoadParts.maximum)
      var part = filter
      part.leadIDs = ids
      let due = FollowUpEngine.dueCandidates(for: try session.db.snapshots(part), in: ranking)
      top = FollowUpEngine.mostUrgentCandidates(top + due, limit: limit)
    }
    return top
  }

  /// Writes new stored answers as one transaction. A store that cannot be written (a read-only copy) still
  /// answers: the next reader works them out again.
  private func store(_ rows: [FollowUpRow]) {
    _ = try? session.db.storeFollowUps(rows, fingerprint: fingerprint)
  }

  /// Replays the stale leads in parts on every core and stores their new answers: `pick` keeps what a part gives
  /// of each lead and its ranking action, `reduce` what a part keeps of those.
  private func replayStale<T: Sendable>(
    _ pick: @escaping @Sendable (LeadSnapshot, DueAction?) -> T?, reduce: @escaping @Sendable ([T]) -> [T]
  ) throws -> [T] {
    guard !stale.isEmpty else { return [] }
    let revs = Dictionary(stale.map { ($0.leadID, $0.rev) }, uniquingKeysWith: { a, _ in a })
    let ranking = ctx
    let parts: [Part<T>] = try Self.inParts(session, filter, ids: stale.map(\.leadID).sorted()) { leads in
      var kept: [T] = []
      var rows: [FollowUpRow] = []
      for lead in leads {
        let (action, stored) = FollowUpEngine.rankedState(for: lead, in: ranking)
        if let value = pick(lead, action) { kept.append(value) }
        if let stored, let id = Int64(lead.id), let rev = revs[id] {
          rows.append(FollowUpRow(leadID: id, rev: rev, stored: stored))
        }
      }
      return [Part(kept: reduce(kept), rows: rows)]
    }
    store(parts.flatMap(\.rows))
    return parts.flatMap(\.kept)
  }

  private struct Part<T: Sendable>: Sendable {
    var kept: [T]
    var rows: [FollowUpRow]
  }

  /// `evaluate` over the leads `ids` (ascending) of `filter`, loaded in parts on every core (`LoadParts`).
  static func inParts<T: Sendable>(
    _ session: Session, _ filter: LeadFilter, ids: [Int64], _ evaluate: @escaping @Sendable ([LeadSnapshot]) -> [T]
  ) throws -> [T] {
    guard !ids.isEmpty else { return [] }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let size =
      ids.count >= LoadParts.minimum * 2 && cores > 1
      ? Chunks.partSize(ids.count, cores: cores, maximum: LoadParts.maximum) : ids.count
    let parts = stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min(ids.count, $0 + size)]) }
    let db = session.db
    return try Chunks.map(parts.count) { i in
      let ids = parts[i]
      var part = filter
      // Dense ids (a first read, or most leads due) read as a range, as the full replay does, and the others dropped: a
      // list of thousands of ids costs more to look up one by one than the range it nearly covers.
      guard let first = ids.first, let last = ids.last, last - first < 2 * Int64(ids.count) else {
        part.leadIDs = ids
        return evaluate(try db.snapshots(part))
      }
      part.idRange = first...last
      let wanted = Set(ids)
      return evaluate(try db.snapshots(part).filter { Int64($0.id).map(wanted.contains) ?? false })
    }
  }

  /// `coach doctor`: the leads of `leads` whose stored answer holds at `now` but says otherwise than their replay (a
  /// due lead stored as quiet, another action, a bound below the priority). Always 0 unless a write went around the
  /// store's triggers or a rule changed without `FollowUpFingerprint.rulesVersion`.
  package static func wrongLeads(_ session: Session, _ leads: [LeadSnapshot], ctx: EngineContext) throws -> Int {
    let fingerprint = FollowUpFingerprint.of(ctx.playbook, zone: ctx.zone)
    let rows = try session.db.followUps(
      LeadFilter(scope: session.scope), need: .all, now: ctx.now, fingerprint: fingerprint)
    var stored: [String: StoredFollowUp] = [:]
    for row in rows {
      if let s = row.stored, s.holds(at: ctx.now) { stored[String(row.leadID)] = s }
    }
    return leads.filter { lead in
      guard let s = stored[lead.id] else { return false }
      guard let action = FollowUpEngine.unexplainedAction(for: lead, in: ctx), action.isDue(at: ctx.now) else {
        return s.due != nil
      }
      guard let due = s.due else { return true }
      return due.code != action.code || due.dueAt != action.dueAt || due.deadline != action.deadline
        || due.detail != action.detail || s.bound < action.priority
    }.count
  }
}
