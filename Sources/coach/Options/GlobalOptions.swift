import ArgumentParser
import CoachApp
import CoachCore
import Foundation

/// Options every command accepts, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The database: a SQLite file, or a PostgreSQL URL postgres://USER@HOST:PORT/DB (env COACH_DB; default a SQLite "
        + "file in the user's data folder)."))
  var db: String?

  @Option(help: "Playbook folder with zh-CN/ and en/ (env COACH_PLAYBOOKS; default the bundled playbook).")
  var playbooks: String?

  @Option(name: .customLong("as"), help: "Acting user (env COACH_USER).")
  var actingUser: String?

  @Option(help: "Pin the clock: ISO 8601 with offset or Z, or YYYY-MM-DD (env COACH_NOW).")
  var now: String?

  @Option(help: "IANA time zone for due dates and display (env COACH_TZ; default the system zone).")
  var tz: String?

  @Option(help: "Language of playbook text and labels: zh-CN or en (env COACH_LANG; default from LANG).")
  var lang: String?

  @Flag(help: "Machine output: one JSON document on stdout.")
  var json = false

  /// The language of coach's own words, for the checks a command makes before its run (`validate()`): `--lang`,
  /// else `COACH_LANG`, else `LANG`, as `RunEnvironment` resolves it.
  var ui: UILanguage { RunEnvironment.interfaceLanguage(args: lang.map { ["--lang", $0] } ?? []) }
}

extension RunEnvironment {
  /// Resolves the global options against the process environment (`COACH_*`, `LANG`, `HOME`, …).
  init(_ o: GlobalOptions, env: [String: String] = ProcessInfo.processInfo.environment) throws {
    try self.init(
      RunOptions(
        db: o.db, playbooks: o.playbooks, actingUser: o.actingUser, now: o.now, tz: o.tz, lang: o.lang, json: o.json),
      env: env)
  }
}

extension SavedUser {
  static func write(_ name: String, to path: String) throws {
    let dir = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try SafeFile.write(Data((name + "\n").utf8), to: path)
  }
}
