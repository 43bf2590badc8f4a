import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach import leads|touches FILE` (CSV in UTF-8 or GBK, or .xlsx): one transaction; bad rows reported by line.
  struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import leads or touches from CSV (UTF-8 or GBK) or .xlsx, all in one transaction.",
      subcommands: [Leads.self, Touches.self])

    struct Leads: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Import leads (external_id, name, phone, … or 客户姓名, 手机号, …).")
      @OptionGroup var file: ImportFileOptions
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let source = try file.source()
        let playbooks = try Playbooks.loadSet(env)
        let session = try file.dryRun ? Session.openForDryRun(env) : Session.open(env)
        let models = try Playbooks.load(env).models.map(\.code)
        let options = ImportOptions(
          zone: env.zone, fileName: file.file, knownModels: models,
          vocabulary: ImportIO.vocabulary(playbooks, language: env.language),
          headerMap: try ImportOptions.headerMap(file.map, schema: .leads), language: env.ui)
        let result = try ImportIO.run(file: file.file, env: env) {
          try session.db.importLeads(
            from: source, options: options, strict: file.strict, now: env.now, actor: session.actor,
            dryRun: file.dryRun, warn: ImportIO.warn)
        }
        try ImportIO.report(result, env: env, noun: "leads", workbook: file.isWorkbook)
      }
    }

    struct Touches: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Import touches (lead_external_id, at, channel, outcome, … or 客户编号, 跟进时间, …).")
      @OptionGroup var file: ImportFileOptions
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let source = try file.source()
        let playbooks = try Playbooks.loadSet(env)
        let session = try file.dryRun ? Session.openForDryRun(env) : Session.open(env)
        let options = ImportOptions(
          zone: env.zone, fileName: file.file,
          vocabulary: ImportIO.vocabulary(playbooks, language: env.language),
          headerMap: try ImportOptions.headerMap(file.map, schema: .touches), language: env.ui)
        let result = try ImportIO.run(file: file.file, env: env) {
          try session.db.importTouches(
            from: source, options: options, strict: file.strict, actor: session.actor, scope: session.scope,
            dryRun: file.dryRun, warn: ImportIO.warn)
        }
        try ImportIO.report(result, env: env, noun: "touches", workbook: file.isWorkbook)
      }
    }
  }
}

/// The file and how to read it: shared by both imports.
struct ImportFileOptions: ParsableArguments {
  @Argument(help: "The file: CSV (UTF-8 or GBK) or .xlsx.") var file: String
  @Flag(help: "Refuse the whole file if any row is bad.") var strict = false
  @Flag(help: "Read and check the whole file and report, writing nothing.") var dryRun = false
  @Option(help: "The sheet of an .xlsx file (default: the first).") var sheet: String?
  @Option(
    help: ArgumentHelp(
      "Read column HEADER as FIELD (repeatable), like --map '意向金额=profile'.", valueName: "HEADER=FIELD"))
  var map: [String] = []

  var isWorkbook: Bool { XLSXSource.isWorkbook(path: file) }

  /// The file as an import source, checked readable (and, for a workbook, its sheet found) before anything starts.
  func source() throws -> any ImportSource {
    if isWorkbook {
      let source = XLSXSource(path: file, sheet: sheet)
      try source.check()
      return source
    }
    if sheet != nil { throw CoachError.usage("--sheet is for .xlsx files; \(file) is read as CSV") }
    return try ImportFile(path: file)
  }
}

/// Header warnings and reporting shared by both imports.
enum ImportIO {
  /// Every language's labels and model names; the run's language first (its names are the ones messages show).
  static func vocabulary(_ set: PlaybookSet, language: String) -> ImportVocabulary {
    let order = set.languages.keys.sorted { a, b in (a == language ? 0 : 1, a) < (b == language ? 0 : 1, b) }
    return ImportVocabulary(playbooks: order.compactMap { set.languages[$0] })
  }

  static func warn(_ warnings: [String]) {
    for w in warnings { FileHandle.standardError.write(Data("coach: warning: \(w)\n".utf8)) }
  }

  /// Runs the import and turns a strict refusal into exit 65 naming the lines.
  static func run(file: String, env: RunEnvironment, _ body: () throws -> ImportResult) throws -> ImportResult {
    do {
      return try body()
    } catch ImportFailure.strict(let errors) {
      let shown = errors.prefix(5).map { "\(file):\($0.line): \($0.reason)" }
      throw CoachError.rejected(
        code: "bad_rows", message: ImportReportText.strictRefusal(count: errors.count, shown: shown).text(env.ui))
    }
  }

  static func report(_ result: ImportResult, env: RunEnvironment, noun: String, workbook: Bool = false) throws {
    let columns = (result.header?.recognised ?? []).map { ImportResultJSON.Column(header: $0.header, field: $0.column) }
    if env.json {
      try Output(env: env).json(
        ImportResultJSON(
          imported: result.imported, skipped: result.skipped.map { .init(line: $0.line, reason: $0.reason) },
          dryRun: result.dryRun, columns: columns, ignoredColumns: result.header?.ignoredColumns ?? [],
          newConsultants: result.createdConsultants))
      return
    }
    let out = Output(env: env)
    let format = workbook ? "xlsx" : result.encoding.rawValue
    guard result.dryRun else {
      out.confirm(.imported(count: result.imported, noun: noun, encoding: format, skipped: result.skipped.count))
      for e in result.skipped { out.confirm(.skippedLine(line: e.line, reason: e.reason)) }
      if !result.createdConsultants.isEmpty { out.confirm(.newConsultants(result.createdConsultants)) }
      return
    }
    let say = { (line: ImportReportText) in print(line.text(env.ui)) }
    say(.dryRun(count: result.imported, noun: noun, format: format, skipped: result.skipped.count))
    for e in result.skipped { say(.badRow(line: e.line, reason: e.reason)) }
    say(.columns(columns.map { (header: $0.header, field: $0.field) }))
    if let ignored = result.header?.ignoredColumns, !ignored.isEmpty { say(.ignoredColumns(ignored)) }
    if !result.createdConsultants.isEmpty { say(.wouldCreate(result.createdConsultants)) }
  }
}

/// `{"imported": N, "skipped": [{"line", "reason"}]}` plus what a user checks before importing for real.
struct ImportResultJSON: Encodable {
  struct Skipped: Encodable {
    let line: Int
    let reason: String
  }
  /// A header cell and the field it was read as.
  struct Column: Encodable {
    let header: String
    let field: String
  }
  let imported: Int
  let skipped: [Skipped]
  let dryRun: Bool
  let columns: [Column]
  let ignoredColumns: [String]
  let newConsultants: [String]

  enum CodingKeys: String, CodingKey {
    case imported, skipped, columns
    case dryRun = "dry_run"
    case ignoredColumns = "ignored_columns"
    case newConsultants = "new_consultants"
  }
}

/// An import file read in 1 MiB chunks with `read(2)`: memory stays bounded whatever the file's size.
struct ImportFile: CSVByteSource {
  let path: String

  /// Fails now (`unreadable_file`) when the file cannot be opened, before any transaction starts.
  init(path: String) throws {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Self.unreadable(path) }
    close(fd)
  }

  func read(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Self.unreadable(path) }
    defer { close(fd) }
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
    defer { buffer.deallocate() }
    while true {
      let n = readBytes(fd, buffer.baseAddress, buffer.count)
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw Self.unreadable(path) }
      if n == 0 { return }
      try body(UnsafeBufferPointer(rebasing: buffer[..<n]))
    }
  }

  private static func unreadable(_ path: String) -> CoachError {
    .refused(.unreadableFile(path: path))
  }
}

/// `read(2)` (the name is taken inside `ImportFile`).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
