import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand {
  /// `coach import leads|touches FILE.csv`: one transaction; bad rows reported by line.
  struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import", abstract: "Import leads or touches from CSV (UTF-8 or GBK), all in one transaction.",
      subcommands: [Leads.self, Touches.self])

    struct Leads: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Import leads (external_id, name, phone, …).")
      @Argument(help: "The CSV file.") var file: String
      @Flag(help: "Refuse the whole file if any row is bad.") var strict = false
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        let models = try Playbooks.load(env).models.map(\.code)
        let source = try ImportFile(path: file)
        let options = ImportOptions(zone: env.zone, fileName: file, knownModels: models)
        let result = try ImportIO.run(file: file) {
          try session.db.importLeads(
            from: source, options: options, strict: strict, now: env.now, actor: session.actor, warn: ImportIO.warn)
        }
        try ImportIO.report(result, env: env, noun: "leads")
      }
    }

    struct Touches: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Import touches (lead_external_id, at, channel, outcome, …).")
      @Argument(help: "The CSV file.") var file: String
      @Flag(help: "Refuse the whole file if any row is bad.") var strict = false
      @OptionGroup var global: GlobalOptions

      func run() throws {
        let env = try RunEnvironment(global)
        let session = try Session.open(env)
        let source = try ImportFile(path: file)
        let options = ImportOptions(zone: env.zone, fileName: file)
        let result = try ImportIO.run(file: file) {
          try session.db.importTouches(
            from: source, options: options, strict: strict, actor: session.actor, scope: session.scope,
            warn: ImportIO.warn)
        }
        try ImportIO.report(result, env: env, noun: "touches")
      }
    }
  }
}

/// Header warnings and reporting shared by both imports.
enum ImportIO {
  static func warn(_ warnings: [String]) {
    for w in warnings { FileHandle.standardError.write(Data("coach: warning: \(w)\n".utf8)) }
  }

  /// Runs the import and turns a strict refusal into exit 65 naming the lines.
  static func run(file: String, _ body: () throws -> ImportResult) throws -> ImportResult {
    do {
      return try body()
    } catch ImportFailure.strict(let errors) {
      let shown = errors.prefix(5).map { "\(file):\($0.line): \($0.reason)" }.joined(separator: "; ")
      let more = errors.count > 5 ? " (and \(errors.count - 5) more)" : ""
      throw CoachError.rejected(
        code: "bad_rows", message: "--strict: \(errors.count) bad rows, nothing imported: \(shown)\(more)")
    }
  }

  static func report(_ result: ImportResult, env: RunEnvironment, noun: String) throws {
    if env.json {
      try Output(env: env).json(
        ImportResultJSON(imported: result.imported, skipped: result.skipped.map { .init(line: $0.line, reason: $0.reason) }))
      return
    }
    let out = Output(env: env)
    out.confirm(
      .imported(count: result.imported, noun: noun, encoding: result.encoding.rawValue, skipped: result.skipped.count))
    for e in result.skipped { out.confirm(.skippedLine(line: e.line, reason: e.reason)) }
    if !result.createdConsultants.isEmpty { out.confirm(.newConsultants(result.createdConsultants)) }
  }
}

struct ImportResultJSON: Encodable {
  struct Skipped: Encodable {
    let line: Int
    let reason: String
  }
  let imported: Int
  let skipped: [Skipped]
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
    .rejected(code: "unreadable_file", message: "cannot read \(path): check the path and permissions")
  }
}

/// `read(2)` (the name is taken inside `ImportFile`).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
