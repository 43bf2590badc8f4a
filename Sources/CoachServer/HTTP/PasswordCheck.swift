import CoachApp
import Foundation
import Synchronization

/// A login's password check (bcrypt: about a quarter of a second of a core each) and how long the last one took. A
/// login the limiter refuses whatever the password is refused without a check, and waits as long as one instead,
/// on no core: made-up names past an address's limit kept both cores hashing, and the answer, its time too, does not
/// tell a name that exists from one that does not. Tests give a check that counts its calls.
final class PasswordCheck: Sendable {
  private let check: @Sendable (_ password: String, _ hash: String) -> Bool
  private let lastTook: Mutex<Duration>

  init(
    _ check: @escaping @Sendable (_ password: String, _ hash: String) -> Bool = { Passwords.verify($0, hash: $1) },
    typical: Duration = .milliseconds(250)
  ) {
    self.check = check
    lastTook = Mutex(typical)
  }

  /// Whether `password` is the one `hash` was made of (blocking: call it off the event loop).
  func verify(_ password: String, hash: String) -> Bool {
    var ok = false
    let took = ContinuousClock().measure { ok = check(password, hash) }
    lastTook.withLock { $0 = took }
    return ok
  }

  /// Waits as long as the last check took, instead of making one.
  func waitAsLongAsACheck() async throws {
    try await Task.sleep(for: lastTook.withLock { $0 })
  }
}
