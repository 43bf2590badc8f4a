import Foundation
import TestSupport
import Testing

/// Runs the real `coach` binary on a temp database, with a pinned clock and zone.
struct CLI {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String

    /// stdout parsed as a JSON object.
    func json() throws -> [String: Any] {
      let obj = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
      guard let dict = obj as? [String: Any] else { throw CLIError.notAnObject(stdout) }
      return dict
    }
  }

  enum CLIError: Error { case notAnObject(String), binaryMissing }

  let dir: URL
  /// The database the commands run on: a file in `dir`, or a PostgreSQL URL (`CLI(engine: .postgres)`).
  var db: String { postgresURL ?? dir.appendingPathComponent("coach.sqlite").path }
  var postgresURL: String?
  var now = "2026-11-24T09:00:00+08:00"
  var zone = "Asia/Shanghai"
  var user: String?

  /// A fresh temp folder for this test, removed when the tests exit.
  init() throws {
    dir = try TempFolder.make(prefix: "coach-cli")
    // `COACH_TEST_CLI_ENGINE=postgres` runs every CLI test on a new PostgreSQL database of its own (on the server of
    // COACH_TEST_POSTGRES_URL) instead of a SQLite file: the whole suite on the second engine.
    if ProcessInfo.processInfo.environment["COACH_TEST_CLI_ENGINE"] == "postgres" {
      postgresURL = try PostgresCLI.freshDatabaseURL()
    }
  }

  /// A fresh database on `engine`: a new SQLite file, or a new database on the test server (`PostgresCLI`).
  init(engine: Engine) throws {
    try self.init()
    switch engine {
    case .sqlite: postgresURL = nil
    case .postgres: if postgresURL == nil { postgresURL = try PostgresCLI.freshDatabaseURL() }
    }
  }

  /// Whether `COACH_TEST_CLI_ENGINE=postgres` runs this suite on PostgreSQL (tests of SQLite's own file operations,
  /// `coach backup` and `coach restore`, are then skipped: PostgresCLITests checks their refusal there).
  static var suiteOnPostgres: Bool { ProcessInfo.processInfo.environment["COACH_TEST_CLI_ENGINE"] == "postgres" }

  static var binary: URL {
    get throws {
      var candidates: [URL] = []
      for bundle in Bundle.allBundles + [Bundle.main] {
        candidates.append(bundle.bundleURL.appendingPathComponent("coach"))
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("coach"))
      }
      guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CLIError.binaryMissing
      }
      return found
    }
  }

  /// Runs `coach ARGS` with `--db`, `--now`, `--tz` (and `--as` when set) pinned through the environment.
  /// `readerGone`: stdout is a pipe nobody reads (its read end closed before the run, as `| head` leaves it).
  @discardableResult
  func run(
    _ args: [String], stdin: Data? = nil, env extra: [String: String] = [:], readerGone: Bool = false
  ) throws -> Result {
    let p = Process()
    p.executableURL = try CLI.binary
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["COACH_DB"] = db
    env["COACH_NOW"] = now
    env["COACH_TZ"] = zone
    env["COACH_LANG"] = "en"
    env["NO_COLOR"] = "1"
    env["COACH_USER"] = user
    env["XDG_CONFIG_HOME"] = dir.appendingPathComponent("config").path
    for (k, v) in extra { env[k] = v }
    p.environment = env
    p.currentDirectoryURL = dir
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    if readerGone { try out.fileHandleForReading.close() }
    if let stdin {
      let inPipe = Pipe()
      p.standardInput = inPipe
      try p.run()
      inPipe.fileHandleForWriting.write(stdin)
      try inPipe.fileHandleForWriting.close()
    } else {
      p.standardInput = FileHandle.nullDevice
      try p.run()
    }
    let o = readerGone ? Data() : out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  /// Adds a lead and returns its id (`--allow-duplicate`: tests add many leads with the same default phone;
  /// `RefusalCLITests` checks the refusal without it).
  func addLead(_ extra: [String] = []) throws -> String {
    let r = try run(["lead", "add", "--name", "王芳", "--phone", "13812345678", "--allow-duplicate", "--json"] + extra)
    #expect(r.status == 0, "lead add failed: \(r.stderr)")
    return try r.json()["id"] as? String ?? ""
  }
}

extension CLI {
  /// A temp database holding the demo data, acting as its team lead 王经理 (the audit and alerts tests start here).
  static func demoAsTeamLead() throws -> CLI {
    var cli = try CLI()
    let r = try cli.run(["demo"])
    #expect(r.status == 0, "demo failed: \(r.stderr)")
    cli.user = "王经理"
    return cli
  }
}
