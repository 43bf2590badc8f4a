/// Failed logins counted per user name and per address over a sliding window: past a name's limit, logins for that
/// name are refused with 429 until old failures age out; past an address's limit, a login from there goes in only
/// with the right password (`Verdict.onlyIfRight`), and only for a name without a failure in the window (one guess
/// per name, where a name alone has five). Behind a proxy the whole showroom shares one address: twenty
/// made-up names from anyone there locked every user out, the admin too, and told them their password was wrong too
/// often. Each name still gets its own few guesses. Wall-clock time, whatever `--now` says. Kept in memory: a
/// restart forgets it, which costs an attacker a restart they cannot cause.
actor LoginLimiter {
  /// What a login attempt may do.
  enum Verdict: Equatable {
    case go
    /// The address is past its limit: only the right password goes in; a wrong one is refused as limited.
    case onlyIfRight(wait: Int)
    /// The name is past its limit: refused whatever the password.
    case refused(wait: Int)
  }

  private let perUser: Int
  private let perAddress: Int
  private let window: Duration
  private var failures: [String: [ContinuousClock.Instant]] = [:]
  /// Keys are pruned once the table grows past this, so a flood of names cannot grow memory without bound.
  private let pruneAbove = 10_000

  init(perUser: Int, perAddress: Int, window: Duration) {
    self.perUser = perUser
    self.perAddress = perAddress
    self.window = window
  }

  /// Counts a login attempt for `user` from `address` before its password is checked (so that attempts made at
  /// once cannot all slip under the limit); returns the seconds to wait instead when the limit is reached.
  func begin(user: String, address: String?) -> Verdict {
    let now = ContinuousClock.now
    func wait(_ key: String, _ limit: Int) -> Int? {
      let recent = live(key, now: now)
      guard recent.count >= limit, let oldest = recent.first else { return nil }
      return max(1, Int((oldest + window - now).components.seconds) + 1)
    }
    if let w = wait("user:" + user, perUser) { return .refused(wait: w) }
    let addressWait = address.flatMap { wait("address:" + $0, perAddress) }
    // Past the address's limit each name gets one guess, not its own five: a spray over many names from one address
    // gets one password per name per window, and the name's next attempt from anywhere waits with it.
    if let w = addressWait, !live("user:" + user, now: now).isEmpty { return .refused(wait: w) }
    if failures.count > pruneAbove { failures = failures.filter { $0.value.contains { now - $0 < window } } }
    for (key, _) in keys(user: user, address: address) { failures[key, default: []].append(now) }
    return addressWait.map { .onlyIfRight(wait: $0) } ?? .go
  }

  /// A right password: the attempt is taken back from the address, and the user's failures are forgotten (one good
  /// password does not excuse a spray from that address).
  func succeeded(user: String, address: String?) {
    failures["user:" + user] = nil
    if let address, var recent = failures["address:" + address], !recent.isEmpty {
      recent.removeLast()
      failures["address:" + address] = recent.isEmpty ? nil : recent
    }
  }

  private func keys(user: String, address: String?) -> [(String, Int)] {
    [("user:" + user, perUser)] + (address.map { [("address:" + $0, perAddress)] } ?? [])
  }

  private func live(_ key: String, now: ContinuousClock.Instant) -> [ContinuousClock.Instant] {
    let kept = (failures[key] ?? []).filter { now - $0 < window }
    failures[key] = kept.isEmpty ? nil : kept
    return kept
  }
}
