import CoachCore
import CoachStoreAPI
import Foundation

/// `coach import leads|touches FILE`: a CSV file (UTF-8 or GBK) or an `.xlsx` sheet read into the database in one
/// transaction, bad rows skipped and reported by line (or, `strict`, the whole file refused), or only checked
/// (`dryRun`). Leads are imported by anyone who may write (unknown consultants are created); touches only for
/// leads the acting user sees (the session's scope).
package struct ImportFile: Sendable {
  package var kind: ImportSchema.Kind
  package var path: String
  /// The sheet of a workbook (nil: the first); refused for a CSV file.
  package var sheet: String?
  package var strict = false
  package var dryRun = false
  /// `HEADER=field`, as typed (`--map`).
  package var map: [String] = []

  package init(_ kind: ImportSchema.Kind, path: String) { (self.kind, self.path) = (kind, path) }

  package var isWorkbook: Bool { XLSXSource.isWorkbook(path: path) }

  /// What needs no database, done before it is opened, so that a bad `--map`, a file that cannot be read (or a
  /// workbook without the sheet, or a playbook that does not load) creates and opens nothing: `--map` checked against
  /// the kind's columns, the file checked readable, and the names of every playbook's labels and models.
  package func prepare(_ env: RunEnvironment) throws -> Prepared {
    let schema: ImportSchema = kind == .leads ? .leads : .touches
    let headerMap = try ImportOptions.headerMap(map, schema: schema)
    let source = try source(env.ui)
    let vocabulary = Self.vocabulary(try Playbooks.loadSet(env), language: env.language)
    return Prepared(input: self, source: source, vocabulary: vocabulary, headerMap: headerMap)
  }

  /// The session the import runs in: a dry run opens the database when it exists, else an empty one in memory
  /// (it creates no file).
  package func openSession(_ env: RunEnvironment) throws -> Session {
    try dryRun ? Session.openForReading(env) : Session.open(env)
  }

  /// `prepare` then `Prepared.run`, for a caller holding a session already. `warn` gets the header's warnings.
  package func run(_ session: Session, warn: ([String]) -> Void) throws -> ImportReport {
    try prepare(session.env).run(session, warn: warn)
  }

  /// The whole command: `prepare`, the session (`openSession`), `Prepared.run`. A refused import (a bad header, an
  /// unclosed quote, `--strict`) leaves no database file behind when there was none before it (`NewDatabaseFile`).
  package func run(_ env: RunEnvironment, warn: ([String]) -> Void) throws -> ImportReport {
    let prepared = try prepare(env)
    let file = NewDatabaseFile(env)
    let session = try openSession(env)
    do {
      return try prepared.run(session, warn: warn)
    } catch {
      file.remove(session.db)
      throw error
    }
  }

  /// The file, checked readable (and, for a workbook, its sheet found) before anything starts.
  private func source(_ ui: UILanguage) throws -> any ImportSource {
    if isWorkbook {
      let source = XLSXSource(path: path, sheet: sheet)
      try source.check()
      return source
    }
    if sheet != nil { throw CoachError.usage(OptionRuleText.sheetOfCSV(path: path).text(ui)) }
    return try CSVFile(path: path)
  }

  /// Every language's labels and model names; the run's language first (its names are the ones messages show).
  private static func vocabulary(_ set: PlaybookSet, language: String) -> ImportVocabulary {
    let order = set.languages.keys.sorted { a, b in (a == language ? 0 : 1, a) < (b == language ? 0 : 1, b) }
    return ImportVocabulary(playbooks: order.compactMap { set.languages[$0] })
  }
}

// MARK: - Running it

extension ImportFile {
  /// An import whose file and playbooks are ready: what remains needs the database.
  package struct Prepared: Sendable {
    let input: ImportFile
    let source: any ImportSource
    let vocabulary: ImportVocabulary
    let headerMap: [String: String]

    /// Reads the whole file in one transaction (rolled back for a dry run); a strict refusal is exit 65 naming the
    /// first bad lines. Leads must name models of the catalog; times must not be after `--now`.
    package func run(_ session: Session, warn: ([String]) -> Void) throws -> ImportReport {
      let env = session.env
      let models = input.kind == .leads ? try Playbooks.load(env).models.map(\.code) : nil
      var options = ImportOptions(
        zone: env.zone, fileName: input.path, knownModels: models, vocabulary: vocabulary, headerMap: headerMap,
        language: env.ui)
      options.now = env.now
      if input.kind == .leads {
        let users = try session.db.users()
        options.deactivated = Set(users.filter { !$0.isActive }.map(\.name))
        options.nonOwners = Dictionary(
          users.filter { !$0.role.ownsLeads }.map { ($0.name, $0.role) },
          uniquingKeysWith: { a, _ in a })
      }
      // As `lead add` and `user add` allow: only an admin's import adds consultants; a consultant's rows are their own.
      if input.kind == .leads, !session.isAdmin, let user = session.user {
        options.consultants = ImportConsultants(
          own: user.role == .consultant ? user.name : nil, known: Set(try session.users().map(\.name)))
      }
      let result: ImportResult
      do {
        switch input.kind {
        case .leads:
          result = try session.db.importLeads(
            from: source, options: options, strict: input.strict, now: env.now, actor: session.actor,
            dryRun: input.dryRun, warn: warn)
        case .touches:
          result = try session.db.importTouches(
            from: source, options: options, strict: input.strict, actor: session.actor, scope: session.scope,
            dryRun: input.dryRun, warn: warn)
        }
      } catch CoachError.rejected(let code, let message)
        where code == "bad_csv_header" && input.isWorkbook
        && input.sheet == nil
      {
        // A workbook's first sheet without the header (a notes page before the data): name the sheets there are.
        guard let sheets = try? XLSXSource(path: input.path).defaultSheet(), !sheets.others.isEmpty else {
          throw CoachError.rejected(code: code, message: message)
        }
        let hint = ImportHeaderText.otherSheets(read: sheets.read, others: sheets.others).text(env.ui)
        throw CoachError.rejected(code: code, message: message + hint)
      } catch ImportFailure.strict(let errors) {
        let shown = errors.prefix(5).map { "\(input.path):\($0.line): \($0.reason)" }
        throw CoachError.rejected(
          code: "bad_rows", message: ImportReportText.strictRefusal(count: errors.count, shown: shown).text(env.ui))
      }
      var report = ImportReport(result, kind: input.kind, workbook: input.isWorkbook, language: env.ui)
      if let shared = try Self.sharedPhones(result, session) { report.warnings.append(shared) }
      warn(report.warnings)
      return report
    }

    /// The warning naming leads imported with a phone an earlier lead has (the first five), each by its line and
    /// external id or name: the earlier row of the file, or the earlier lead and its consultant when the importing
    /// user may open it, else only that there is one.
    private static func sharedPhones(_ result: ImportResult, _ session: Session) throws -> String? {
      let all = result.sharedPhones
      guard !all.isEmpty else { return nil }
      let shown = Array(all.prefix(5))
      let before = Set(shown.compactMap { if case .lead(let id) = $0.earlier { LeadID(id) } else { nil } })
      // The ones the user may open, with their consultants, in one read (none of their history is needed).
      let open = Dictionary(
        uniqueKeysWithValues: try session.db.snapshots(
          LeadFilter(scope: session.scope, leadIDs: Array(before)).lean(touchesSince: session.env.now)
        ).map { ($0.id.rawValue, $0.consultant) })
      let items = shown.map { s in
        let earlier: SharedPhoneEarlier =
          switch s.earlier {
          case .row(let line): .file(line: line)
          case .lead(let id): open.keys.contains(id) ? .lead(id, consultant: open[id] ?? nil) : .hidden
          }
        return ImportReportText.sharedPhone(line: s.line, lead: s.label, phone: Phone.mask(s.phone), earlier: earlier)
          .text(session.env.ui)
      }
      return ImportReportText.sharedPhones(count: all.count, shown: items, dryRun: result.dryRun).text(session.env.ui)
    }
  }
}
