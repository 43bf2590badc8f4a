import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach doctor`: integrity, schema version, orphan rows, row counts and overdue follow-ups.
  struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "doctor",
      abstract: "Check the database: integrity, schema version, orphan rows, overdue follow-ups.",
      discussion: "Exit 0 when healthy, 65 when problems are found (listed on stderr). Overdue leads are counted, not a problem.")
    @Flag(help: "Skip the overdue count (the slow part on a large database).") var quick = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      let report = try session.db.health()
      var overdue: Int?
      var seen = 0
      if !quick {
        let ctx = try EngineSetup.context(env, session: session, salesStats: false)
        let leads = try session.db.snapshots(LeadFilter(scope: session.scope))
        overdue = leads.filter { (FollowUpEngine.unexplainedAction(for: $0, in: ctx)?.overdueDays ?? 0) > 0 }.count
        seen = leads.count
      }
      if env.json {
        try Output(env: env).json(DoctorJSON(report, database: env.dbPath, overdue: overdue))
      } else {
        print("database     \(env.dbPath)")
        print("integrity    \(report.integrity.prefix(3).joined(separator: "; "))")
        print("schema       \(report.schemaVersion) (this coach knows \(report.knownSchemaVersion)), journal \(report.journalMode)")
        print("orphan rows  \(report.orphans.isEmpty ? "none" : report.orphans.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("rows         " + report.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        if let overdue { print("overdue      \(overdue) of \(seen) leads you see") }
        print(report.isHealthy ? "healthy" : "problems found")
      }
      if !report.isHealthy {
        for p in report.problems { FileHandle.standardError.write(Data("coach doctor: \(p)\n".utf8)) }
        throw ExitCode(65)
      }
    }
  }
}

/// `coach doctor --json`.
struct DoctorJSON: Encodable {
  let database: String
  let healthy: Bool
  let integrity: [String]
  let schema_version: String
  let known_schema_version: String
  let journal_mode: String
  let orphans: [String: Int]
  let counts: [String: Int]
  /// Leads the acting user sees whose follow-up is past its deadline; absent with `--quick`.
  let overdue: Int?
  let problems: [String]

  init(_ r: HealthReport, database: String, overdue: Int?) {
    self.database = database
    healthy = r.isHealthy
    integrity = r.integrity
    schema_version = r.schemaVersion
    known_schema_version = r.knownSchemaVersion
    journal_mode = r.journalMode
    orphans = r.orphans
    counts = r.counts
    self.overdue = overdue
    problems = r.problems
  }
}
