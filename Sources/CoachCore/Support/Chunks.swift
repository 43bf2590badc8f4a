import Foundation

/// Work cut into chunks and run on every core.
public enum Chunks {
  /// `work(i)` for each chunk `i` in `0..<count`, on `workers` threads (each worker takes the next chunk; by default
  /// one per core), joined in chunk order, so the result is what running them one after another gives. The first
  /// error thrown, if any, is thrown. More workers than cores pay when `work` waits (on a database server's answer):
  /// a waiting worker leaves its core to another.
  public static func map<T: Sendable>(
    _ count: Int, workers: Int? = nil, _ work: @Sendable (Int) throws -> [T]
  ) throws -> [T] {
    guard count > 1 else { return count == 1 ? try work(0) : [] }
    let shared = Shared<T>(count: count)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let workers = max(1, min(workers ?? cores, count))
    guard workers > cores else {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in shared.run(work) }
      return try shared.joined()
    }
    // Dispatch runs no more threads than cores at once: these workers get threads of their own.
    withoutActuallyEscaping(work) { work in
      let box = WorkBox(work)
      let done = DispatchGroup()
      for _ in 0..<workers {
        done.enter()
        Thread {
          box.run(shared)
          done.leave()
        }.start()
      }
      done.wait()
      // A finished thread may still hold its block: only the box, now empty, refers to `work` past this point.
      box.empty()
    }
    return try shared.joined()
  }

  /// The size of parts of at most `maximum` of `count` items on `cores` cores: as many parts as a multiple of the
  /// cores, of equal size, so each core takes the same number of them (5 parts on 2 cores left one core idle for a
  /// fifth of `alerts --team`).
  public static func partSize(_ count: Int, cores: Int, maximum: Int) -> Int {
    let (cores, maximum) = (max(1, cores), max(1, maximum))
    let rounds = max(1, (count + cores * maximum - 1) / (cores * maximum))
    return max(1, (count + cores * rounds - 1) / (cores * rounds))
  }

  /// `ids` (ascending) cut into ranges of at most `size` of them: with the filter they came from, each range is
  /// exactly those ids.
  public static func idRanges(_ ids: [Int64], size: Int) -> [ClosedRange<Int64>] {
    let step = max(1, size)
    return stride(from: 0, to: ids.count, by: step).map { ids[$0]...ids[min(ids.count, $0 + step) - 1] }
  }

  /// `ids` cut into ranges of `size` consecutive ids (the last may be shorter), in order.
  public static func spans(_ ids: ClosedRange<Int64>, size: Int) -> [ClosedRange<Int64>] {
    let step = Int64(max(1, size))
    return stride(from: ids.lowerBound, through: ids.upperBound, by: Int(step)).map { start in
      start...(ids.upperBound - start < step ? ids.upperBound : start + step - 1)
    }
  }

  /// The work of `map`'s own threads, emptied before `map` returns.
  private final class WorkBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var work: ((Int) throws -> [T])?

    init(_ work: @escaping (Int) throws -> [T]) { self.work = work }

    func run(_ shared: Shared<T>) {
      lock.lock()
      let work = self.work
      lock.unlock()
      if let work { shared.run(work) }
    }

    func empty() {
      lock.lock()
      work = nil
      lock.unlock()
    }
  }

  /// The next chunk, each chunk's result and the first error, under one lock.
  private final class Shared<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[T]]
    private var taken = 0
    private var error: Error?

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func next() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard taken < slots.count, error == nil else { return nil }
      taken += 1
      return taken - 1
    }

    /// Takes the next chunk and runs `work` on it until none is left (or one failed).
    func run(_ work: (Int) throws -> [T]) {
      while let i = next() {
        do { set(i, try work(i)) } catch { fail(error) }
      }
    }

    func set(_ i: Int, _ result: [T]) {
      lock.lock()
      slots[i] = result
      lock.unlock()
    }

    func fail(_ e: Error) {
      lock.lock()
      if error == nil { error = e }
      lock.unlock()
    }

    func joined() throws -> [T] {
      lock.lock()
      defer { lock.unlock() }
      if let error { throw error }
      return slots.flatMap { $0 }
    }
  }
}
