import CoachCore
import Foundation

/// Where a PostgreSQL database is, from `--db`/`COACH_DB`:
/// `postgres://user[:password]@host[:port]/database`, `postgresql://…`, or `…?host=/socket/dir` for a unix socket
/// (the server's `.s.PGSQL.PORT` file in that folder). A bad URL is refused naming what was wrong and what is
/// accepted, never repeating the password.
public struct PostgresURL: Sendable, Hashable {
  public var user: String
  public var password: String?
  /// Where `password` came from: the URL, or (`findingPassword`) `PGPASSWORD` or the password file.
  public var passwordSource: PasswordSource?
  /// The password file looked in (`findingPassword`, when neither the URL nor `PGPASSWORD` had one), and why it was
  /// passed over, if it was.
  public var passwordFile: String?
  public var passwordFileProblem: PasswordFileProblem?
  /// A host name or address (nil with a socket folder).
  public var host: String?
  public var port: Int
  /// The folder holding the server's unix socket (`?host=/dir`).
  public var socketFolder: String?
  public var database: String
  /// `?sslmode=` as libpq reads it: none (the default: a group's server on its own network or a unix socket),
  /// TLS if the server offers it, TLS always (no certificate check), TLS with the server's certificate checked
  /// against trusted roots, and with its host name too.
  public enum TLSMode: String, Sendable, CaseIterable {
    case disable, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
  }
  public var tls: TLSMode = .disable
  /// `?sslrootcert=`: a PEM file of the roots the server's certificate is checked against (else the system's).
  public var rootCertificate: String?

  /// The URL with its password replaced by `***`: what messages show.
  public var redacted: String {
    let shown = host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? ""
    var s = "postgres://\(user)\(passwordSource == .url ? ":***" : "")@\(shown)"
    if host != nil { s += ":\(port)" }
    s += "/\(database)"
    var query: [String] = []
    if let socketFolder { query.append("host=\(socketFolder)") }
    if tls != .disable { query.append("sslmode=\(tls.rawValue)") }
    if let rootCertificate { query.append("sslrootcert=\(rootCertificate)") }
    if !query.isEmpty { s += "?" + query.joined(separator: "&") }
    return s
  }

  /// The server as messages name it: `host:port` or the socket file.
  public var server: String {
    if let socketFolder { return "\(socketFolder)/.s.PGSQL.\(port)" }
    return "\(host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "localhost"):\(port)"
  }

  /// Whether `text` is meant as a PostgreSQL URL (its scheme), whatever else it holds.
  public static func isPostgres(_ text: String) -> Bool {
    guard let range = text.range(of: "://") else { return false }
    return ["postgres", "postgresql"].contains(text[..<range.lowerBound].lowercased())
  }

  /// The scheme of `text` when it is a URL of another kind than PostgreSQL's (`mysql://…`, `file://…`): a letter,
  /// then letters, digits, `+`, `-` or `.`, then `://`. Such a `--db` is refused rather than taken for a file name.
  public static func otherScheme(_ text: String) -> String? {
    guard !isPostgres(text), let range = text.range(of: "://") else { return nil }
    let scheme = text[..<range.lowerBound]
    guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
      scheme.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || "0123456789+-.".unicodeScalars.contains($0))
      })
    else { return nil }
    return String(scheme)
  }

  /// Parses `text` (a `postgres://` or `postgresql://` URL) or throws `badDatabaseURL`.
  public init(_ text: String) throws {
    func bad(_ problem: ErrorText.DatabaseURLProblem) -> CoachError {
      CoachError.refused(.badDatabaseURL(url: Self.hidingPassword(text), problem: problem))
    }
    guard Self.isPostgres(text) else { throw bad(.notAURL) }
    if let rawPort = Self.rawPort(text) { throw bad(.badPort(given: rawPort)) }
    guard let parts = URLComponents(string: text) else { throw bad(.notAURL) }
    guard let user = parts.user.flatMap({ $0.removingPercentEncoding ?? $0 }), !user.isEmpty else {
      throw bad(.noUser)
    }
    self.user = user
    self.password = parts.password.map { $0.removingPercentEncoding ?? $0 }
    if password != nil { passwordSource = .url }
    let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
    guard !path.isEmpty, !path.contains("/") else { throw bad(.noDatabase) }
    self.database = path.removingPercentEncoding ?? path
    let port = parts.port ?? 5432
    guard (1...65535).contains(port) else { throw bad(.badPort(given: String(port))) }
    self.port = port
    var socket: String?
    for item in parts.queryItems ?? [] {
      switch item.name {
      case "host":
        guard let dir = item.value, dir.hasPrefix("/") else { throw bad(.badSocketFolder(given: item.value ?? "")) }
        socket = dir
      case "sslmode":
        guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
          throw bad(.badSSLMode(given: item.value ?? ""))
        }
        tls = mode
      case "sslrootcert":
        guard let path = item.value, !path.isEmpty, FileManager.default.isReadableFile(atPath: path) else {
          throw bad(.badRootCert(given: item.value ?? ""))
        }
        rootCertificate = path
      default:
        throw bad(.unknownParameter(name: item.name))
      }
    }
    if rootCertificate != nil, ![.verifyCA, .verifyFull].contains(tls) {
      throw bad(.badRootCert(given: rootCertificate ?? ""))
    }
    // An IPv6 address is written in brackets (`[::1]`); the connection takes the address without them.
    let host = parts.host.flatMap { $0.isEmpty ? nil : $0 }.map {
      $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0
    }
    guard host != nil || socket != nil else { throw bad(.noHost) }
    self.socketFolder = socket
    self.host = socket == nil ? host : nil
  }

  /// `text` with whatever sits between `user:` and `@` replaced by `***`.
  public static func hidingPassword(_ text: String) -> String {
    guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else {
      return text
    }
    let credentials = text[scheme.upperBound..<at]
    guard let colon = credentials.firstIndex(of: ":") else { return text }
    return String(text[..<colon]) + ":***" + String(text[at...])
  }

  /// The port as written after `host:` when it is there but not a number (URLComponents then gives none).
  static func rawPort(_ text: String) -> String? {
    guard let scheme = text.range(of: "://") else { return nil }
    var rest = text[scheme.upperBound...]
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    let hostPart = rest.prefix { $0 != "/" && $0 != "?" }
    guard !hostPart.hasSuffix("]"), let colon = hostPart.lastIndex(of: ":") else { return nil }
    let port = hostPart[hostPart.index(after: colon)...]
    return Int(port) == nil ? String(port) : nil
  }
}
