import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach doctor`: integrity, schema version, orphan rows, trigger-kept tables, row counts and overdue follow-ups;
  /// `--rebuild-derived` first repairs the trigger-kept tables.
  struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "doctor",
      abstract: "Check the database: integrity, schema version, orphan rows, derived tables, overdue follow-ups.",
      discussion: """
        Exit 0 when healthy, 65 when problems are found (listed on stderr). Overdue leads are counted, not a problem. \
        The derived tables (delivery, last_touch) are kept by triggers from stage events and touches; \
        --rebuild-derived rewrites their wrong rows from those sources in one transaction, then checks as usual. \
        Without --quick it also compares each lead's stored follow-up (follow_up, what next reads) with a \
        replay of its history; --rebuild-derived clears them all, and the next reader works them out again.
        """)
    @Flag(help: "Skip the overdue count (the slow part on a large database).") var quick = false
    @Flag(help: "First rewrite the rows of the derived tables that differ from their sources (safe at any time).")
    var rebuildDerived = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.openExisting(env, for: "coach doctor")
      let rebuilt = rebuildDerived ? try session.db.rebuildDerived() : nil
      // The stored follow-ups are worked out again by the next reader (`next`) once cleared.
      if rebuildDerived { try session.db.clearFollowUps() }
      var report = try session.db.health()
      var overdue: Int?
      var seen = 0
      if !quick {
        let ctx = try EngineSetup.context(env, session: session, salesStats: false)
        let replayed = try FollowUpIndex.replayAll(session, ctx: ctx)
        overdue = replayed.filter { ($0.action?.overdueDays ?? 0) > 0 }.count
        seen = replayed.count
        let wrong = try FollowUpIndex.wrongLeads(session, replayed, ctx: ctx)
        if wrong > 0 { report.derived["follow_up"] = wrong }
      }
      if env.json {
        try Output(env: env).json(DoctorJSON(report, database: env.dbPath, overdue: overdue, rebuilt: rebuilt))
      } else {
        let say = { (line: DoctorText) in print(line.text(env.ui)) }
        say(.database(env.dbPath))
        if let rebuilt { say(.rebuilt(Self.describe(rebuilt, env.ui))) }
        say(.integrity(report.integrity.prefix(3).joined(separator: "; ")))
        say(.schema(version: report.schemaVersion, known: report.knownSchemaVersion, journal: report.journalMode))
        say(.orphans(report.orphans))
        say(.derived(report.derived))
        say(.rows(report.counts))
        if let overdue { say(.overdue(count: overdue, of: seen)) }
        say(.verdict(healthy: report.isHealthy))
      }
      if !report.isHealthy {
        for p in report.problems(env.ui) { FileHandle.standardError.write(Data("coach doctor: \(p)\n".utf8)) }
        throw ExitCode(65)
      }
    }

    /// `delivery nothing to change, last_touch 3 leads (6 rows removed, 6 written)`.
    static func describe(_ rebuilt: DerivedRepair, _ ui: UILanguage) -> String {
      rebuilt.tables.sorted { $0.key < $1.key }.map { key, c in
        let repair = DoctorText.repaired(
          table: key, wrongLeads: c.wrongLeads, removed: c.rowsRemoved, written: c.rowsWritten)
        return repair.text(ui)
      }.joined(separator: ", ")
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
  /// Leads whose rows in a derived table differ from their sources, by table (only tables with such leads).
  let derived: [String: Int]
  /// What `--rebuild-derived` changed, by table; absent without it.
  let rebuilt: [String: RebuiltJSON]?
  /// Leads the acting user sees whose follow-up is past its deadline; absent with `--quick`.
  let overdue: Int?
  let problems: [String]

  init(_ r: HealthReport, database: String, overdue: Int?, rebuilt: DerivedRepair? = nil) {
    self.database = database
    healthy = r.isHealthy
    integrity = r.integrity
    schema_version = r.schemaVersion
    known_schema_version = r.knownSchemaVersion
    journal_mode = r.journalMode
    orphans = r.orphans
    counts = r.counts
    derived = r.derived
    self.rebuilt = rebuilt?.tables.mapValues {
      RebuiltJSON(wrong_leads: $0.wrongLeads, rows_removed: $0.rowsRemoved, rows_written: $0.rowsWritten)
    }
    self.overdue = overdue
    problems = r.problems
  }
}

/// One derived table in `coach doctor --rebuild-derived --json`.
struct RebuiltJSON: Encodable {
  let wrong_leads: Int
  let rows_removed: Int
  let rows_written: Int
}
