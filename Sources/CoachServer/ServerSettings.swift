import CoachApp
import Foundation

/// How `coach serve` runs: where it listens, the run environment every request starts from, and its security knobs.
package struct ServerSettings: Sendable {
  package var host: String
  package var port: Int
  /// Zone, language, database, playbooks; `now` is used only when `pinnedNow` is set.
  package var env: RunEnvironment
  /// `--now` pins the server's clock for every request (tests, replays); nil: the wall clock.
  package var pinnedNow: Date?
  /// A session ends this long after login (wall-clock time, whatever `--now` says).
  package var sessionLifetime: TimeInterval = 8 * 3600
  /// Adds `Secure` to the session cookie: set it behind a TLS reverse proxy.
  package var secureCookies = false
  /// Failed logins allowed per user and per address within `loginWindow` before 429.
  package var loginFailuresPerUser = 5
  package var loginFailuresPerAddress = 20
  package var loginWindow: TimeInterval = 15 * 60

  package init(host: String, port: Int, env: RunEnvironment, pinnedNow: Date?) {
    self.host = host
    self.port = port
    self.env = env
    self.pinnedNow = pinnedNow
  }

  /// The business clock: `--now`, or the wall clock at the time of the request.
  package func now() -> Date { pinnedNow ?? Date() }

  /// The run environment of one request: the clock's now, and the language asked for.
  package func env(language: String?, json: Bool) -> RunEnvironment {
    var e = env
    e.now = now()
    if let language { e.language = language }
    e.json = json
    return e
  }
}
