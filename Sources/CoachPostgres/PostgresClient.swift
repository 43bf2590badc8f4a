import CoachCore
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A value bound to a `$n` parameter: never spliced into SQL text.
protocol PGArg: Sendable {
  func bind(into b: inout PostgresBindings) throws
}

extension String: PGArg { func bind(into b: inout PostgresBindings) throws { try b.append(self) } }
extension Int64: PGArg { func bind(into b: inout PostgresBindings) throws { try b.append(self) } }
extension Int: PGArg { func bind(into b: inout PostgresBindings) throws { try b.append(Int64(self)) } }
extension Double: PGArg { func bind(into b: inout PostgresBindings) throws { try b.append(self) } }
extension Bool: PGArg { func bind(into b: inout PostgresBindings) throws { try b.append(self) } }
extension Date: PGArg {
  /// Milliseconds, cut as SQLite's stored text cuts them (`yyyy-MM-dd HH:mm:ss.SSS`): the same `Date` back.
  func bind(into b: inout PostgresBindings) throws {
    try b.append(Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000))
  }
}
extension Optional: PGArg where Wrapped: PGArg {
  func bind(into b: inout PostgresBindings) throws {
    switch self {
    case .none: b.appendNull()
    case .some(let value): try value.bind(into: &b)
    }
  }
}

/// One row, read by column position.
struct PGRow {
  let cells: PostgresRandomAccessRow

  init(_ row: PostgresRow) { cells = row.makeRandomAccess() }

  func get<T: PostgresDecodable>(_ i: Int, _: T.Type = T.self) throws -> T { try cells[i].decode(T.self) }
  func text(_ i: Int) throws -> String? { try cells[i].decode(String?.self) }
  func int(_ i: Int) throws -> Int64? { try cells[i].decode(Int64?.self) }
  func date(_ i: Int) throws -> Date? { try cells[i].decode(Date?.self) }
  func double(_ i: Int) throws -> Double? { try cells[i].decode(Double?.self) }
}

/// Statements on one connection, each waited for on the calling thread (never one of the client's event loops).
struct PGConnection {
  let connection: PostgresConnection
  let logger: Logger

  /// `sql` with `?` placeholders numbered `$1`, `$2`… (outside quoted text), and its arguments bound.
  static func query(_ sql: String, _ args: [any PGArg]) throws -> PostgresQuery {
    var out = ""
    out.reserveCapacity(sql.count + 8)
    var n = 0
    var quoted = false
    for ch in sql {
      if ch == "'" { quoted.toggle() }
      if ch == "?" && !quoted {
        n += 1
        out += "$\(n)"
      } else {
        out.append(ch)
      }
    }
    precondition(n == args.count, "\(n) placeholders, \(args.count) arguments: \(sql)")
    var binds = PostgresBindings(capacity: args.count)
    for a in args { try a.bind(into: &binds) }
    return PostgresQuery(unsafeSQL: out, binds: binds)
  }

  /// Every row of a parameterized statement.
  func rows(_ sql: String, _ args: [any PGArg] = []) throws -> [PGRow] {
    try rawRows(sql, args).map(PGRow.init)
  }

  /// Every row of a parameterized statement as PostgresNIO gives it, for reading with `PGCursor`. The rows are
  /// handed over one by one as they arrive (`query(_:logger:_:)`) and gathered here: PostgresNIO's own gathering
  /// (`query(…).wait().rows`) copies the rows gathered so far at every network read, which grows with the square of
  /// the rows. A million rows (the overdue follow-ups of a group's admin) took 7.5 s of copying that way.
  func rawRows(_ sql: String, _ args: [any PGArg] = []) throws -> [PostgresRow] {
    let gathered = GatheredRows()
    _ = try connection.query(try Self.query(sql, args), logger: logger) { row in gathered.rows.append(row) }.wait()
    return gathered.rows
  }

  /// The first row of a statement that gives one record (`SELECT ROW(array_agg(…), …)`: many values in one row), to
  /// read with the cursor; nil when it gives no row.
  func record(_ sql: String, _ args: [any PGArg] = []) throws -> PGCursor? {
    try rawRows(sql, args).first.map { try PGCursor(record: $0) }
  }

  /// Runs a statement; returns the rows it changed.
  @discardableResult
  func execute(_ sql: String, _ args: [any PGArg] = []) throws -> Int {
    try connection.query(try Self.query(sql, args), logger: logger).wait().metadata.rows ?? 0
  }

  /// A statement's first column of its first row.
  func scalar<T: PostgresDecodable>(_ sql: String, _ args: [any PGArg] = [], as: T.Type = T.self) throws -> T?
  where T._DecodableType == T {
    try rows(sql, args).first.map { try $0.cells[0].decode(T?.self) } ?? nil
  }

  /// Several statements of fixed text (DDL, `;`-separated), run one after another: no values are bound.
  func script(_ sql: String) throws {
    for statement in Self.statements(sql) {
      _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
    }
  }

  /// `sql` cut at each `;` that ends a statement: not inside quotes, quoted identifiers, dollar-quoted bodies
  /// (`$$ … $$` of PL/pgSQL functions) or `--` comments.
  static func statements(_ sql: String) -> [String] {
    var out: [String] = []
    var current = ""
    var inSingle = false
    var inDouble = false
    var inDollar = false
    var inComment = false
    var previous: Character = " "
    for ch in sql {
      current.append(ch)
      if inComment {
        if ch == "\n" { inComment = false }
      } else if inSingle {
        if ch == "'" { inSingle = false }
      } else if inDouble {
        if ch == "\"" { inDouble = false }
      } else if inDollar {
        if ch == "$" && previous == "$" {
          inDollar = false
          previous = " "
          continue
        }
      } else if ch == "-" && previous == "-" {
        inComment = true
      } else if ch == "'" {
        inSingle = true
      } else if ch == "\"" {
        inDouble = true
      } else if ch == "$" && previous == "$" {
        inDollar = true
        previous = " "
        continue
      } else if ch == ";" {
        let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if statement != ";" { out.append(statement) }
        current = ""
      }
      previous = ch
    }
    let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
    if !rest.isEmpty { out.append(rest) }
    return out
  }
}

/// A few connections to one database, reused by the writes and reads of one process (a command, or `coach serve`'s
/// requests), on one event-loop group of this client's own.
final class PGPool: Sendable {
  /// The client's own event loops: a caller blocks on their futures from its own thread, never from one of these.
  static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

  let url: PostgresURL
  let configuration: PostgresConnection.Configuration
  let logger: Logger
  private let idle = NIOLockedValueBox<[PostgresConnection]>([])
  private let nextID = ManagedAtomicCounter()
  static let keptIdle = 8

  init(url: PostgresURL) throws {
    self.url = url
    var config: PostgresConnection.Configuration
    if let socket = url.socketFolder {
      // As libpq: a unix socket is not encrypted (it never leaves the machine), whatever `sslmode` says.
      config = .init(
        unixSocketPath: "\(socket)/.s.PGSQL.\(url.port)", username: url.user, password: url.password,
        database: url.database)
    } else {
      config = .init(
        host: url.host ?? "localhost", port: url.port, username: url.user, password: url.password,
        database: url.database, tls: try Self.tls(url))
    }
    config.options.connectTimeout = .seconds(10)
    // Sessions in UTC: times are stored and compared as UTC instants whatever the server's zone.
    config.options.additionalStartupParameters = [("TimeZone", "UTC"), ("application_name", "coach")]
    configuration = config
    var logger = Logger(label: "coach.postgres")
    logger.logLevel = .critical
    self.logger = logger
  }

  /// The connection's TLS as `sslmode` asks (libpq's meanings): `prefer` and `require` encrypt without checking the
  /// server's certificate, `verify-ca` checks it against the trusted roots (`sslrootcert`, else the system's),
  /// `verify-full` its host name too.
  static func tls(_ url: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
    guard url.tls != .disable else { return .disable }
    var tls = TLSConfiguration.makeClientConfiguration()
    switch url.tls {
    case .disable, .prefer, .require: tls.certificateVerification = .none
    case .verifyCA: tls.certificateVerification = .noHostnameVerification
    case .verifyFull: tls.certificateVerification = .fullVerification
    }
    if let root = url.rootCertificate {
      do {
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(root))
      } catch {
        throw CoachError.refused(.badDatabaseURL(url: url.redacted, problem: .badRootCert(given: root)))
      }
    }
    let context = try NIOSSLContext(configuration: tls)
    return url.tls == .prefer ? .prefer(context) : .require(context)
  }

  func connect() throws -> PostgresConnection {
    do {
      return try PostgresConnection.connect(
        on: Self.group.next(), configuration: configuration, id: nextID.next(), logger: logger
      ).wait()
    } catch let error as PSQLError where error.code == .authMechanismRequiresPassword {
      throw CoachError.refused(
        .databasePasswordNeeded(
          url: url.redacted, server: url.server, user: url.user, file: url.passwordFile ?? "~/.pgpass",
          problem: url.passwordFileProblem))
    } catch {
      var reason = PGErrors.describe(error)
      // A wrong password that did not come from the URL: say where it came from.
      if PGErrors.state(error) == "28P01" {
        switch url.passwordSource {
        case .environment?: reason += " (the password of PGPASSWORD)"
        case .file?: reason += " (the password of \(url.passwordFile ?? "the password file"))"
        case .url?, nil: break
        }
      }
      throw CoachError.refused(.databaseUnreachable(url: url.redacted, server: url.server, reason: reason))
    }
  }

  /// Runs `body` on an idle connection (or a new one), then keeps the connection for the next caller.
  func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
    let connection = try idle.withLockedValue { $0.popLast() } ?? connect()
    do {
      let result = try body(PGConnection(connection: connection, logger: logger))
      release(connection)
      return result
    } catch {
      release(connection)
      throw error
    }
  }

  private func release(_ connection: PostgresConnection) {
    if connection.isClosed { return }
    let kept = idle.withLockedValue { idle -> Bool in
      guard idle.count < Self.keptIdle else { return false }
      idle.append(connection)
      return true
    }
    if !kept { try? connection.close().wait() }
  }

  deinit { close() }

  /// Closes every idle connection (tests open many stores).
  func close() {
    for connection in idle.withLockedValue({ idle -> [PostgresConnection] in
      defer { idle = [] }
      return idle
    }) {
      try? connection.close().wait()
    }
  }

  /// How many times a transaction is tried: 20 writers on the same two leads at once (StoreContractTests with
  /// COACH_TEST_WRITERS=20x500) needed more than the 20 tries of before.
  static let attempts = 100

  /// One transaction: all of `body` or none of it. Writes run SERIALIZABLE and are tried again (up to `attempts`
  /// times) when the server reports a serialization failure or deadlock, so concurrent writers never lose each
  /// other's work.
  ///
  /// `rollingBack`: the transaction ends with ROLLBACK even when `body` returns (a dry run checks everything against
  /// the real database and keeps nothing). Errors other than the server's (the caller's own) pass through unchanged.
  func transaction<T>(
    isolation: String = "SERIALIZABLE", readOnly: Bool = false, rollingBack: Bool = false,
    _ body: (PGConnection) throws -> T
  ) throws -> T {
    var attempt = 0
    while true {
      attempt += 1
      do {
        return try withConnection { c in
          try c.script("BEGIN ISOLATION LEVEL \(isolation)\(readOnly ? " READ ONLY" : "")")
          do {
            let result = try body(c)
            try c.execute(rollingBack ? "ROLLBACK" : "COMMIT")
            return result
          } catch {
            if !c.connection.isClosed { _ = try? c.execute("ROLLBACK") }
            throw error
          }
        }
      } catch  where PGErrors.isRetryable(error) && attempt < Self.attempts {
        // A random wait that grows with the attempts (to 100 ms): writers that collided spread out.
        usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 20)))))
      } catch let error as PSQLError {
        if PGErrors.isReadOnlyServer(error) {
          throw CoachError.refused(.readOnlyDatabase(url: url.redacted, server: url.server))
        }
        throw PGErrors.coachError(error)
      }
    }
  }
}

/// A process-wide connection id counter.
final class ManagedAtomicCounter: Sendable {
  private let value = NIOLockedValueBox(0)
  func next() -> Int {
    value.withLockedValue { v in
      v += 1
      return v
    }
  }
}

enum PGErrors {
  /// The SQLSTATE of a server error.
  static func state(_ error: any Error) -> String? {
    (error as? PSQLError)?.serverInfo?[.sqlState]
  }

  /// Serialization failure (40001) or deadlock (40P01): the transaction is run again.
  static func isRetryable(_ error: any Error) -> Bool {
    ["40001", "40P01"].contains(state(error) ?? "")
  }

  /// A write refused because the server takes none: a hot standby (no SERIALIZABLE there, 0A000; no writes during
  /// recovery) or a read-only transaction by the database's default (25006).
  static func isReadOnlyServer(_ error: any Error) -> Bool {
    let message = (error as? PSQLError)?.serverInfo?[.message] ?? ""
    return state(error) == "25006" || (state(error) == "0A000" && message.contains("hot standby"))
  }

  /// The server's own message (or the connection's failure) in a line.
  static func describe(_ error: any Error) -> String {
    if let e = error as? PSQLError {
      if let message = e.serverInfo?[.message] {
        return message + (e.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
      }
      if let underlying = e.underlying { return plain(underlying) }
      if e.code == .sslUnsupported {
        return "the server does not serve TLS (ssl is off there): sslmode=require and the verify modes need it"
      }
      return "\(e.code)"
    }
    return plain(error)
  }

  /// A connection's failure in words (the libraries' own descriptions nest their types and error numbers).
  static func plain(_ error: any Error) -> String {
    if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
    if let failed = error as? NIOConnectionError {
      if let first = failed.connectionErrors.first { return plain(first.error) }
      if failed.dnsAError != nil || failed.dnsAAAAError != nil { return "the host name \(failed.host) is not known" }
    }
    if error is SocketAddressError || "\(error)".hasPrefix("DNS error") { return "the host name is not known" }
    if error is NIOSSLExtraError {
      return "the server's TLS certificate does not name this host (verify-full checks the name)"
    }
    if case .handshakeFailed = error as? NIOSSLError {
      return "the TLS handshake failed: the server's certificate is not signed by a trusted root (sslrootcert=), or "
        + "the server does not serve TLS"
    }
    return "\(error)"
  }

  static func coachError(_ error: any Error) -> CoachError {
    CoachError.internalError("PostgreSQL: \(describe(error))")
  }
}

/// The rows of one statement, appended on the connection's event loop (one row at a time, in order) and read by the
/// caller once the statement's future has completed, which orders the two.
private final class GatheredRows: @unchecked Sendable {
  var rows: [PostgresRow] = []
}
