import Dispatch

/// Runs blocking work (SQLite reads and writes, the engine) on a Dispatch thread, off Swift's cooperative pool, so
/// that the event loops and other requests keep moving while one request waits for the database.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
  }
}
