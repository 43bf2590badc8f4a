import Foundation

/// Counts chunks of leads on every core: each worker takes the next chunk, loads it, counts its leads into its own
/// figures and drops it; the workers' figures are summed at the end (sums do not depend on the split).
enum AuditTally {
  /// Figures per consultant of `consultants` from every chunk; the first error a load throws, if any.
  static func counting(
    chunks: Int, consultants: [String], window: AuditWindow, ctx: EngineContext, load: @Sendable (Int) throws -> [LeadSnapshot]
  ) throws -> [String: AuditFigures] {
    let names = Set(consultants)
    let counter = AuditCounter(window: window, ctx: ctx)
    let weeks = window.weeks.count
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chunks))
    let shared = Shared(chunks: chunks, workers: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var local: [String: AuditFigures] = [:]
      while let i = shared.nextChunk() {
        do {
          for lead in try load(i) {
            guard let name = lead.consultant, names.contains(name) else { continue }
            counter.add(lead, to: &local[name, default: AuditFigures(weeks: weeks)])
          }
        } catch {
          shared.fail(error)
        }
      }
      shared.set(worker, local)
    }
    if let error = shared.error { throw error }
    var merged: [String: AuditFigures] = [:]
    for part in shared.results {
      for (name, f) in part { merged[name, default: AuditFigures(weeks: weeks)].add(f) }
    }
    return merged
  }

  /// The chunk counter, the first error and each worker's figures, shared by the workers under one lock.
  private final class Shared: @unchecked Sendable {
    private let lock = NSLock()
    private let chunks: Int
    private var next = 0
    private var slots: [[String: AuditFigures]]
    private var firstError: Error?

    init(chunks: Int, workers: Int) {
      self.chunks = chunks
      slots = Array(repeating: [:], count: workers)
    }

    /// The next chunk to count, nil when all are taken or a load failed.
    func nextChunk() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < chunks, firstError == nil else { return nil }
      next += 1
      return next - 1
    }

    func fail(_ error: Error) {
      lock.lock()
      if firstError == nil { firstError = error }
      lock.unlock()
    }

    func set(_ worker: Int, _ value: [String: AuditFigures]) {
      lock.lock()
      slots[worker] = value
      lock.unlock()
    }

    var error: Error? {
      lock.lock()
      defer { lock.unlock() }
      return firstError
    }

    var results: [[String: AuditFigures]] {
      lock.lock()
      defer { lock.unlock() }
      return slots
    }
  }
}
