import CoachCore
import CoachStoreAPI
import Foundation

/// How `next` finds the leads to rank from the stored follow-ups (`StoredFollowUp`, kept per lead by the
/// store): only the leads whose stored answer does not hold at `now` (cleared by a write, woken, made with another
/// playbook or zone) are replayed in full, and their new answers stored; the leads a holding answer says are due are
/// ranked from their rows (the follow-up and the lead's part of the priority), highest bound first until none left
/// could enter the queue, and only the queue's own leads are loaded. The outputs are the full replay's, byte for byte
/// (`FollowUpIndexTests`).
package struct FollowUpIndex {
  let session: Session
  let filter: LeadFilter
  let ctx: EngineContext
  let fingerprint: String
  /// How many held leads one read asks for (their replays go a few at a time within it).
  let pageSize: Int?
  /// Leads whose stored answer does not hold at `now`, with the `rev` they were read at.
  private var stale: [FollowUpRow] = []

  /// How many leads are replayed in full (their answers then stored).
  package var staleCount: Int { stale.count }

  package init(_ session: Session, _ filter: LeadFilter, ctx: EngineContext, pageSize: Int? = nil) throws {
    self.pageSize = pageSize
    self.session = session
    var filter = filter
    // Asked once for the reads below (each read asking again cost the server a count of the scope per read).
    filter.followUpsByOwner = try filter.followUpsByOwner ?? session.db.followUpsByOwner(filter)
    self.filter = filter
    self.ctx = ctx
    fingerprint = FollowUpFingerprint.of(ctx.playbook, zone: ctx.zone)
    stale = try session.db.followUps(filter, need: .stale, now: ctx.now, fingerprint: fingerprint)
  }

  /// Every lead a holding stored answer says is due, highest bound first.
  package func heldDue() throws -> [HeldDue] {
    try session.db.heldDueFollowUps(filter, now: ctx.now, fingerprint: fingerprint, offset: 0, limit: Int.max)
  }

  /// The `limit` most urgent due candidates, as the full replay ranks them.
  package func mostUrgent(limit: Int) throws -> [DueCandidate] {
    let replayedTop = FollowUpEngine.mostUrgentCandidates(
      try replayStale { FollowUpEngine.mostUrgentCandidates($0, limit: limit) }, limit: limit)
    var loaded = Dictionary(replayedTop.map { ($0.lead.id, $0.lead) }, uniquingKeysWith: { first, _ in first })
    // The queue so far, most urgent first. A held lead's action comes from its row alone (its follow-up and the
    // lead's part of the priority): no lead is loaded or replayed to rank it.
    var top = replayedTop.map(\.action)
    func enter(_ action: DueAction) {
      let at = top.firstIndex { Priority.isMoreUrgent(action, than: $0) } ?? top.count
      guard at < limit else { return }
      top.insert(action, at: at)
      if top.count > limit { top.removeLast() }
    }
    // Highest bound first: once the queue is full and the next bound is below its last priority, no lead left can
    // enter it (a lead's priority never exceeds its bound; equal priorities go on, as the due time may decide).
    func closed(_ bound: Double) -> Bool {
      guard top.count >= limit, let last = top.last else { return false }
      return bound < last.priority
    }
    // The stale leads' new answers were stored above: they are replayed already. (A lead written by someone else
    // between the two reads is in neither: the next request has it, as a request begun a moment later would.)
    let replayed = Set(stale.map(\.leadID))
    let page = pageSize ?? max(64, 4 * limit)
    var offset = 0
    pages: while true {
      let held = try session.db.heldDueFollowUps(
        filter, now: ctx.now, fingerprint: fingerprint, offset: offset, limit: page)
      for row in held {
        if closed(row.bound) { break pages }
        if !replayed.contains(row.leadID), let action = row.due.action(leadID: row.leadID, in: ctx) { enter(action) }
      }
      if held.count < page { break }
      offset += held.count
    }
    // The queue's held leads, loaded as the working set loads them (their actions stay: a row's is the replay's while
    // it holds).
    let missing = top.map(\.leadID).filter { loaded[$0] == nil }
    if !missing.isEmpty {
      var part = filter
      part.leadIDs = missing.sorted()
      for lead in try session.db.snapshots(part) { loaded[lead.id] = lead }
    }
    return top.compactMap { action in loaded[action.leadID].map { DueCandidate(lead: $0, action: action) } }
  }

  /// The overdue follow-ups (`coach alerts`' table), as the full replay finds them: the stale leads replayed (their
  /// answers stored), each part's alerts in alert order (`Alerts.merged` joins them); and the other leads whose
  /// stored follow-up is past its deadline, read from the index alone (`AlertTable` loads the few it shows).
  package func overdue() throws -> (replayed: [[Alerts.Ranked]], held: [HeldOverdue]) {
    let ranking = ctx
    let replayed = try replayStale { [Alerts.ranked($0, ctx: ranking)] }
    // As in `mostUrgent`: the stale leads' new answers were stored above, and they were replayed already.
    let stale = Set(stale.map(\.leadID))
    let held = try session.db.overdueFollowUps(filter, now: ctx.now, fingerprint: fingerprint)
    return (replayed, stale.isEmpty ? held : held.filter { !stale.contains($0.leadID) })
  }

  /// Replays the stale leads in parts on every core, keeping what `keep` takes of each part's due candidates, and
  /// stores their new answers as one transaction. A store that cannot be written (a read-only copy) still answers:
  /// the next reader works them out again.
  private func replayStale<T: Sendable>(_ keep: @escaping @Sendable ([DueCandidate]) -> [T]) throws -> [T] {
    guard !stale.isEmpty else { return [] }
    let revs = Dictionary(stale.map { ($0.leadID, $0.rev) }, uniquingKeysWith: { a, _ in a })
    let ranking = ctx
    let parts: [Replayed<T>] = try EngineSetup.inParts(
      session, filter, ids: stale.map(\.leadID.rawValue).sorted()
    ) { leads in
      var due: [DueCandidate] = []
      var rows: [FollowUpRow] = []
      for lead in leads {
        let (action, stored) = FollowUpEngine.rankedState(for: lead, in: ranking)
        if let action, action.isDue(at: ranking.now) { due.append(DueCandidate(lead: lead, action: action)) }
        if let stored, let rev = revs[lead.id] {
          rows.append(FollowUpRow(leadID: lead.id, rev: rev, stored: stored))
        }
      }
      return [Replayed(kept: keep(due), rows: rows)]
    }
    _ = try? session.db.storeFollowUps(parts.flatMap(\.rows), fingerprint: fingerprint)
    return parts.flatMap(\.kept)
  }

  /// What one part of the stale leads gave: what was kept of its due candidates, and the answers to store.
  private struct Replayed<T: Sendable>: Sendable {
    var kept: [T]
    var rows: [FollowUpRow]
  }

  /// A lead's answer at `now` as `coach doctor` checks it: its current action (`unexplainedAction`) and the lead's
  /// part of the priority (`priorityBase`).
  package struct ReplayedAnswer: Sendable {
    package let leadID: LeadID
    package let action: DueAction?
    package let base: Double
  }

  /// Every lead of the session's scope replayed at `ctx.now`, loaded as `next` loads its working set (without notes,
  /// profile facts and contact details, and with only the touches ranking at `now` reads) in parts on every core,
  /// each part dropped once replayed: `coach doctor` on 100k leads loaded every touch of every lead at once before
  /// (26 s and 0.5 GB on SQLite, 53 s and 1.2 GB on PostgreSQL).
  package static func replayAll(_ session: Session, ctx: EngineContext) throws -> [ReplayedAnswer] {
    let filter = LeadFilter(scope: session.scope).lean(touchesSince: ctx.now)
    return try EngineSetup.inParts(session, filter) { leads in
      leads.map { lead in
        let (action, base) = FollowUpEngine.replayedAnswer(for: lead, in: ctx)
        return ReplayedAnswer(leadID: lead.id, action: action, base: base)
      }
    }
  }

  /// `coach doctor`: the leads of `replayed` (`replayAll`) whose stored answer holds at `now` but says otherwise than
  /// the replay (a due lead stored as quiet, another action, a bound below the priority). Always 0 unless a write
  /// went around the store's triggers or a rule changed without `FollowUpFingerprint.rulesVersion`.
  package static func wrongLeads(_ session: Session, _ replayed: [ReplayedAnswer], ctx: EngineContext) throws -> Int {
    let fingerprint = FollowUpFingerprint.of(ctx.playbook, zone: ctx.zone)
    let rows = try session.db.followUps(
      LeadFilter(scope: session.scope), need: .all, now: ctx.now, fingerprint: fingerprint)
    var stored: [LeadID: StoredFollowUp] = [:]
    for row in rows {
      if let s = row.stored, s.holds(at: ctx.now) { stored[row.leadID] = s }
    }
    return replayed.filter { lead in
      guard let s = stored[lead.leadID] else { return false }
      guard let action = lead.action, action.isDue(at: ctx.now) else { return s.due != nil }
      guard let due = s.due else { return true }
      return due.code != action.code || due.dueAt != action.dueAt || due.deadline != action.deadline
        || due.detail != action.detail || s.bound < action.priority || due.base != lead.base
    }.count
  }
}
