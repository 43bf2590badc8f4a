import CoachCore
import CoachPostgres
import CoachStore
import CoachStoreAPI
import Foundation

/// The global options as given on the command line (nil: not given), before the environment fills them in.
package struct RunOptions: Sendable {
  package var db, playbooks, actingUser, now, tz, lang: String?
  package var json: Bool

  package init(
    db: String? = nil, playbooks: String? = nil, actingUser: String? = nil, now: String? = nil, tz: String? = nil,
    lang: String? = nil, json: Bool = false
  ) {
    (self.db, self.playbooks, self.actingUser, self.now, self.tz, self.lang, self.json) =
      (db, playbooks, actingUser, now, tz, lang, json)
  }
}

/// The resolved clock, zone, language and paths of one run. The only place coach reads the wall clock.
package struct RunEnvironment: Sendable {
  package var now: Date
  package var zone: TimeZone
  package var language: String
  /// The SQLite file, or for PostgreSQL its URL with the password hidden (what outputs name as the database).
  package var dbPath: String
  /// The PostgreSQL database of a `postgres://` / `postgresql://` `--db` or `COACH_DB` (nil: a SQLite file).
  package var postgres: PostgresURL?
  package var playbookDir: String?
  package var actingUserName: String?
  /// Where `coach user use` saves the default acting user.
  package var configPath: String
  package var json: Bool

  /// The database this run names: PostgreSQL for a `postgres://` URL, else the SQLite file (created if missing).
  /// `emptyFileIsNew`: an empty (0-byte) file is taken as a new database (a restore into it) instead of refused.
  package func openStore(emptyFileIsNew: Bool = false) throws -> any CoachDataStore {
    if let postgres { return try PostgresStore.open(postgres) }
    return try AppDatabase.open(path: dbPath, emptyFileIsNew: emptyFileIsNew)
  }

  /// The store a long-running server opens: a SQLite file is read through a memory map (`AppDatabase.open`).
  package func openServerStore() throws -> any CoachDataStore {
    if let postgres { return try PostgresStore.open(postgres) }
    return try AppDatabase.open(path: dbPath, mappedBytes: Self.serverMappedBytes)
  }

  /// 1 GiB of address space: a dealer's file fits; the pages count as resident only once read, and the kernel
  /// may drop them (they are the file's own page cache, shared by every connection).
  package static let serverMappedBytes = 1 << 30

  package static let languages = ["zh-CN", "en"]

  package init(_ o: RunOptions, env: [String: String] = ProcessInfo.processInfo.environment) throws {
    let tzName = o.tz ?? env["COACH_TZ"]
    if let tzName {
      guard let zone = TimeZone(identifier: tzName) else {
        throw CoachError.refused(.badZone(given: tzName))
      }
      self.zone = zone
    } else {
      self.zone = TimeZone.current
    }
    if let text = o.now ?? env["COACH_NOW"] {
      guard let now = TimeParsing.instant(text, zone: zone) else {
        throw CoachError.refused(.badNow(given: text))
      }
      self.now = now
    } else {
      self.now = Date()
    }
    if let lang = o.lang ?? env["COACH_LANG"] {
      guard let match = Self.languages.first(where: { $0.caseInsensitiveCompare(lang) == .orderedSame }) else {
        throw CoachError.refused(.badLanguage(given: lang))
      }
      self.language = match
    } else {
      let sys = (env["LC_ALL"] ?? env["LANG"] ?? "").lowercased()
      self.language = sys.hasPrefix("en") ? "en" : "zh-CN"
    }
    if let db = o.db ?? env["COACH_DB"], !db.isEmpty {
      // A server URL is never a file name: a `postgres://` URL runs on PostgreSQL, or is refused when unusable.
      if PostgresURL.isPostgres(db) {
        let url = try PostgresURL(db).findingPassword(env: env)
        self.postgres = url
        self.dbPath = url.redacted
      } else if let scheme = PostgresURL.otherScheme(db) {
        throw CoachError.refused(
          .badDatabaseURL(url: PostgresURL.hidingPassword(db), problem: .otherScheme(scheme: scheme)))
      } else {
        self.dbPath = db
      }
    } else {
      let home = env["HOME"] ?? NSHomeDirectory()
      let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
      self.dbPath = data + "/coach/coach.sqlite"
    }
    self.playbookDir = o.playbooks ?? env["COACH_PLAYBOOKS"].flatMap { $0.isEmpty ? nil : $0 }
    self.configPath = Self.configPath(env)
    self.actingUserName =
      o.actingUser ?? env["COACH_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? SavedUser.read(configPath)
    self.json = o.json
  }

  package static func configPath(_ env: [String: String]) -> String {
    let home = env["HOME"] ?? NSHomeDirectory()
    let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
    return config + "/coach/user"
  }

  /// The interface language of a command line before (or without) parsing it: `--lang X` or `--lang=X`, else
  /// `COACH_LANG`, else `LC_ALL`/`LANG`, as `init` resolves it; an unsupported value falls back to the default.
  package static func interfaceLanguage(args: [String], env: [String: String] = ProcessInfo.processInfo.environment)
    -> UILanguage
  {
    var given: String?
    for (i, a) in args.enumerated() {
      if a == "--lang", i + 1 < args.count { given = args[i + 1] }
      if a.hasPrefix("--lang=") { given = String(a.dropFirst("--lang=".count)) }
    }
    if let lang = given ?? env["COACH_LANG"],
      languages.contains(where: { $0.caseInsensitiveCompare(lang) == .orderedSame })
    {
      return UILanguage(code: lang)
    }
    return UILanguage(code: (env["LC_ALL"] ?? env["LANG"] ?? "").lowercased().hasPrefix("en") ? "en" : "zh-CN")
  }

  /// The language of coach's own words in this run.
  package var ui: UILanguage { UILanguage(code: language) }

  /// Today in the run's zone.
  package var today: LocalDate { LocalDate(now, in: zone) }

  /// Parses a `YYYY-MM-DD` option value or throws a usage error naming the option.
  package func date(_ text: String, option: String) throws -> LocalDate {
    guard let d = LocalDate(text) else {
      throw CoachError.refused(.badDate(option: option, given: text))
    }
    return d
  }

  /// Parses an instant option value (ISO 8601; bare date = 00:00 in the zone).
  package func instant(_ text: String, option: String) throws -> Date {
    guard let d = TimeParsing.instant(text, zone: zone) else {
      throw CoachError.refused(.badTime(option: option, given: text))
    }
    return d
  }
}

/// The default acting user saved by `coach user use` (one name in a file of the OS user's config folder).
package enum SavedUser {
  package static func read(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return name.isEmpty ? nil : name
  }
}
