import CoachPostgres
import Foundation
import GRDB
import TestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A dealership on a temp database, set up through the real `coach` binary: an admin, a team lead, two consultants
/// of one team, passwords, and a lead for each consultant.
struct Showroom {
  let dir: URL
  /// The database `coach` runs on: a SQLite file in `dir`, or a PostgreSQL URL (`Showroom(demo:on:)`).
  var db: String { postgres ?? dir.appendingPathComponent("coach.sqlite").path }
  private(set) var postgres: String?
  let now = "2026-11-24T09:00:00+08:00"
  let zone = "Asia/Shanghai"
  /// Lead ids: 王芳 belongs to alice, 李雷 to bob.
  private(set) var aliceLead = ""
  private(set) var bobLead = ""
  static let password = "correct horse 42"

  init() throws {
    dir = try TempFolder.make(prefix: "coach-serve")
    try coach(["init"])
    try coach(["user", "add", "boss", "--role", "admin"])
    try coach(["user", "add", "lena", "--role", "lead", "--team", "east", "--as", "boss"])
    try coach(["user", "add", "alice", "--role", "consultant", "--team", "east", "--as", "boss"])
    try coach(["user", "add", "bob", "--role", "consultant", "--team", "east", "--as", "boss"])
    for name in ["boss", "lena", "alice", "bob"] {
      try coach(["user", "passwd", name, "--password-stdin", "--as", "boss"], stdin: Self.password + "\n")
    }
    aliceLead =
      try coach([
        "lead", "add", "--name", "王芳", "--phone", "13812345678", "--consultant", "alice", "--json", "--as", "boss",
      ])
      .json()["id"] as? String ?? ""
    bobLead =
      try coach([
        "lead", "add", "--name", "李雷", "--phone", "13987654321", "--consultant", "bob", "--json", "--as", "boss",
      ])
      .json()["id"] as? String ?? ""
  }

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
    func json() throws -> [String: Any] {
      try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] ?? [:]
    }
  }

  static var binary: URL {
    get throws {
      for bundle in Bundle.allBundles + [Bundle.main] {
        for url in [
          bundle.bundleURL.appendingPathComponent("coach"),
          bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("coach"),
        ]
        where FileManager.default.isExecutableFile(atPath: url.path) {
          return url
        }
      }
      throw HarnessError.binaryMissing
    }
  }

  var environment: [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["COACH_DB"] = db
    env["COACH_NOW"] = now
    env["COACH_TZ"] = zone
    env["COACH_LANG"] = "en"
    env["NO_COLOR"] = "1"
    env["COACH_USER"] = nil
    env["XDG_CONFIG_HOME"] = dir.appendingPathComponent("config").path
    return env
  }

  /// Runs `coach ARGS` to completion; a failure to set up is the test's failure.
  @discardableResult
  func coach(_ args: [String], stdin: String? = nil, expecting status: Int32? = 0) throws -> Result {
    let p = Process()
    p.executableURL = try Self.binary
    p.arguments = args
    p.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    (p.standardOutput, p.standardError, p.standardInput) = (out, err, input)
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let r = Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
    if let status { #expect(r.status == status, "coach \(args.joined(separator: " ")): \(r.stderr)") }
    return r
  }
}

enum HarnessError: Error { case binaryMissing, noListeningLine(String), timeout, noPostgres }

extension Showroom {
  /// The PostgreSQL server the tests may use (`.ci/run` starts one and sets `COACH_TEST_POSTGRES_URL`).
  static let postgresAdmin: PostgresURL? = {
    guard let text = ProcessInfo.processInfo.environment["COACH_TEST_POSTGRES_URL"], !text.isEmpty else { return nil }
    return try? PostgresURL(text)
  }()
}

/// The real `coach serve --port 0` on a showroom's database, spoken to over loopback with URLSession.
final class Server: @unchecked Sendable {
  let process = Process()
  let baseURL: URL
  private let stdout = Pipe()
  private let logURL: URL
  let session: URLSession

  /// Starts the server and waits (at most 20 s) for its first line, `listening on http://127.0.0.1:PORT`.
  init(_ showroom: Showroom, extra: [String] = []) throws {
    process.executableURL = try Showroom.binary
    process.arguments = ["serve", "--port", "0"] + extra
    process.environment = showroom.environment
    process.standardOutput = stdout
    logURL = showroom.dir.appendingPathComponent("serve-\(UUID().uuidString).log")
    FileManager.default.createFile(atPath: logURL.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: logURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let line = try Self.firstLine(stdout.fileHandleForReading, within: 20)
    guard line.hasPrefix("listening on http://127.0.0.1:"),
      let url = URL(string: String(line.dropFirst("listening on ".count)))
    else {
      process.terminate()
      throw HarnessError.noListeningLine(line)
    }
    baseURL = url
    let config = URLSessionConfiguration.ephemeral
    config.httpCookieAcceptPolicy = .never
    config.httpShouldSetCookies = false
    config.httpCookieStorage = nil
    config.timeoutIntervalForRequest = 30
    session = URLSession(configuration: config, delegate: NoRedirects(), delegateQueue: nil)
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  /// Reads bytes up to the first line break, giving up after `seconds`.
  static func firstLine(_ handle: FileHandle, within seconds: Double) throws -> String {
    let box = LineBox()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var bytes: [UInt8] = []
      while true {
        let chunk = handle.readData(ofLength: 1)
        if chunk.isEmpty || chunk.first == UInt8(ascii: "\n") { break }
        bytes.append(contentsOf: chunk)
      }
      box.line = String(decoding: bytes, as: UTF8.self)
      done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { throw HarnessError.timeout }
    return box.line
  }

  final class LineBox: @unchecked Sendable { var line = "" }

  struct Reply {
    let status: Int
    let headers: [String: String]
    let body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:] }
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    /// The session cookie's value from `Set-Cookie`.
    var sessionCookie: String? {
      guard let set = header("Set-Cookie"), let range = set.range(of: "coach_session=") else { return nil }
      return String(set[range.upperBound...].prefix { $0 != ";" })
    }
  }

  /// One request; `cookie` is the session cookie's value.
  func send(
    _ method: String, _ path: String, json: Any? = nil, form: String? = nil, cookie: String? = nil,
    headers: [String: String] = [:]
  ) async throws -> Reply {
    var request = URLRequest(url: URL(string: path, relativeTo: baseURL)!)
    request.httpMethod = method
    if let json {
      request.httpBody = try JSONSerialization.data(withJSONObject: json)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let form {
      request.httpBody = Data(form.utf8)
      request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    }
    if let cookie { request.setValue("coach_session=\(cookie)", forHTTPHeaderField: "Cookie") }
    for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
    let (data, response) = try await withCheckedThrowingContinuation {
      (c: CheckedContinuation<(Data, URLResponse?), any Error>) in
      session.dataTask(with: request) { data, response, error in
        if let error { return c.resume(throwing: error) }
        c.resume(returning: (data ?? Data(), response))
      }.resume()
    }
    let http = response as? HTTPURLResponse
    var headers: [String: String] = [:]
    for pair in http?.allHeaderFields ?? [:] { headers["\(pair.key)"] = "\(pair.value)" }
    return Reply(status: http?.statusCode ?? 0, headers: headers, body: data)
  }

  /// Logs `user` in; returns the cookie and the CSRF token.
  func login(_ user: String, password: String = Showroom.password) async throws -> (cookie: String, csrf: String) {
    let r = try await send("POST", "/api/v1/login", json: ["user": user, "password": password])
    #expect(r.status == 200, "login \(user): \(r.status) \(r.text)")
    return (r.sessionCookie ?? "", try r.json()["csrf_token"] as? String ?? "")
  }

  /// SIGTERM, then the exit status (at most 20 s).
  func stop() throws -> Int32 {
    process.terminate()
    let deadline = Date().addingTimeInterval(20)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    guard !process.isRunning else {
      kill(process.processIdentifier, SIGKILL)
      throw HarnessError.timeout
    }
    return process.terminationStatus
  }

  /// What the server wrote to stderr (its request log), once it has stopped.
  func log() -> String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }
}

/// Hands redirects back to the test instead of following them.
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}

extension Showroom {
  /// The text values a query reads straight from the database file (what the server and the CLI stored).
  func strings(_ sql: String) throws -> [String] {
    try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: sql) }
  }
}

extension Showroom {
  /// The bundled demo dealership (`coach demo`): 李娜 (consultant), 王经理 (team lead) and 周主任 (admin) get
  /// `password`.
  /// `postgres`: on a new database of the PostgreSQL server of `COACH_TEST_POSTGRES_URL` instead of a SQLite file.
  init(demo: Void, postgres: Bool = false) throws {
    dir = try TempFolder.make(prefix: "coach-serve-demo")
    if postgres {
      guard let admin = Self.postgresAdmin else { throw HarnessError.noPostgres }
      let url = try PostgresStore.createScratchDatabase(admin: admin, prefix: "coach_serve")
      self.postgres =
        "postgres://\(url.user)@\(url.host ?? ""):\(url.port)/\(url.database)"
        + (url.socketFolder.map { "?host=\($0)" } ?? "")
    }
    try coach(["demo"])
    for name in ["李娜", "王经理", "周主任"] {
      try coach(["user", "passwd", name, "--password-stdin", "--as", "周主任"], stdin: Self.password + "\n")
    }
  }
}
