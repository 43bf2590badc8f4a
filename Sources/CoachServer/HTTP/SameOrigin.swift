import Foundation
import Hummingbird

/// Login CSRF: another site's page posting a login would sign the browser in to an account of the attacker's
/// choosing. A login has no session yet, hence no CSRF token to check as the other forms do; what the browser says
/// of where the post came from is checked instead: its `Origin`, else its `Referer`, must name this server (the
/// host and port the request was sent to: `Host`). Without either (a script, `curl`) the login is taken; `Origin:
/// null` (a sandboxed or privacy-stripped page) is another site. The pages send `Referrer-Policy: same-origin`, so
/// a browser names this server's origin on its own forms' posts.
enum SameOrigin {
  /// Throws 403 (`csrf`) when the request says it comes from a page of another origin.
  static func check(_ request: Request) throws {
    let origin = request.headers[.origin] ?? request.headers[.referer]
    guard let origin else { return }
    // HTTP/1.1's `Host` (HTTP/2's `:authority`) is the request's authority.
    guard let host = request.head.authority, same(origin, host: host) else {
      throw ServerRefusal.crossOrigin(origin)
    }
  }

  /// Whether `url` (an origin or a whole URL) has the host and port of `host` (a `Host` header: `name[:port]`), a
  /// port left out being the default of the URL's scheme.
  static func same(_ url: String, host: String) -> Bool {
    guard let given = URLComponents(string: url), let scheme = given.scheme?.lowercased(),
      let defaultPort = ["http": 80, "https": 443][scheme], let name = given.host, !name.isEmpty,
      let (hostName, hostPort) = split(host)
    else { return false }
    return bare(name) == bare(hostName) && (given.port ?? defaultPort) == (hostPort ?? defaultPort)
  }

  /// `name[:port]` or `[v6]:port` → the name and the port, if any; nil when the port is not a number.
  static func split(_ host: String) -> (String, Int?)? {
    let host = host.trimmingCharacters(in: .whitespaces)
    let colon: String.Index?
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      colon = host[close...].firstIndex(of: ":")
    } else {
      colon = host.lastIndex(of: ":")
    }
    guard let colon else { return (host, nil) }
    guard let port = Int(host[host.index(after: colon)...]) else { return nil }
    return (String(host[..<colon]), port)
  }

  /// A host name compared without case and IPv6 brackets.
  private static func bare(_ name: String) -> String {
    name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
  }
}
