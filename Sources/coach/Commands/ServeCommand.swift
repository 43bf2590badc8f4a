import ArgumentParser
import CoachCore
import CoachServer
import Dispatch
import Foundation

extension CoachCommand {
  /// `coach serve`: the coach in a browser and over HTTP, on the same store, rules and roles.
  struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract:
        "Serve the coach over HTTP: pages for phones and desktops, a JSON API, calendar feeds (stop: SIGTERM/SIGINT).")
    @Option(
      help: "Address to listen on (default 127.0.0.1: put a TLS reverse proxy in front for the showroom network).")
    var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one; the first line printed names it).") var port = 8080
    @Option(help: "Seconds a login lasts (default 8 hours).") var sessionSeconds = 28_800
    @Flag(help: "Mark the session cookie Secure (behind a TLS reverse proxy).") var secureCookies = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard (0...65_535).contains(port) else { throw ValidationError(OptionRuleText.port.text(global.ui)) }
      guard sessionSeconds > 0 else { throw ValidationError(OptionRuleText.sessionSeconds.text(global.ui)) }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      var settings = ServerSettings(
        host: host, port: port, env: env,
        pinnedNow: (global.now ?? ProcessInfo.processInfo.environment["COACH_NOW"]) != nil ? env.now : nil)
      settings.sessionLifetime = TimeInterval(sessionSeconds)
      settings.secureCookies = secureCookies
      // A playbook that does not load is refused now (exit 65), not on the first request.
      _ = try Playbooks.load(env)
      let done = DispatchSemaphore(value: 0)
      let outcome = ServerExit()
      Task.detached {
        do {
          try await runServer(settings) { host, port in
            outcome.listening()
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
          }
        } catch {
          outcome.set(error)
        }
        done.signal()
      }
      done.wait()
      if let error = outcome.error {
        if outcome.hasListened || error is CoachError { throw error }
        throw CoachError.rejected(
          code: "cannot_listen",
          message: "cannot listen on \(host):\(port): \(error); give another --port (0 picks a free one) or --host")
      }
    }
  }
}

/// The error the server stopped with, handed from its task to the waiting command.
private final class ServerExit: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?
  private var started = false
  var error: (any Error)? { lock.withLock { stored } }
  /// Whether the server had begun to accept connections (a later error is not about the address).
  var hasListened: Bool { lock.withLock { started } }
  func set(_ error: any Error) { lock.withLock { stored = error } }
  func listening() { lock.withLock { started = true } }
}
