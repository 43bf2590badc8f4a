import CoachApp
import CoachCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes results: JSON for scripts, text for people.
struct Output {
  let env: RunEnvironment

  /// Colour only on a terminal and when NO_COLOR is not set.
  static let colourEnabled: Bool = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) != 0

  func encoder() -> JSONEncoder { Output.encoder(zone: env.zone) }

  static func encoder(zone: TimeZone) -> JSONEncoder { JSONOutput.encoder(zone: zone) }

  /// Prints one JSON document on stdout.
  func json<T: Encodable>(_ value: T) throws {
    Output.write(try encoder().encode(value) + Data("\n".utf8))
  }

  /// Writes `data` on stdout. A reader that went away (`coach lead list --json | head`) ends the run quietly with
  /// status 141, as a broken pipe ends other tools; Foundation's `write(_:)` crashed with a backtrace instead, once
  /// the PostgreSQL client had set SIGPIPE aside. Any other failure (a full disk) is said, status 74.
  static func write(_ data: Data) {
    do {
      try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
      let cause = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError) ?? (error as NSError)
      if cause.domain == NSPOSIXErrorDomain && cause.code == Int(EPIPE) { exit(141) }
      let message = "coach: the output could not be written: \(cause.localizedDescription)\n"
      FileHandle.standardError.write(Data(message.utf8))
      exit(74)
    }
  }

  func line(_ text: String = "") { print(text) }

  /// `Session.openForReading` for a command: a path with no database yet is said on stderr (the result stays the
  /// empty one, exit 0, as a first run reads it).
  static func reading(_ env: RunEnvironment) throws -> Session {
    try Session.openForReading(env) { path in
      FileHandle.standardError.write(Data("coach: \(UIText.noDatabaseYet(path: path).text(env.ui))\n".utf8))
    }
  }

  /// Coach's own words in the run's language.
  func say(_ text: UIText) -> String { text.text(env.ui) }

  /// Prints what a command did, in the run's language.
  func confirm(_ text: DoneText) { print(text.text(env.ui)) }

  /// `王芳 ⚠ 警示 VIP`: a name with its well-known tags, the warning first and red, as a team lead must see it
  /// everywhere (free tags stay in `lead show` and the JSON, to keep tables narrow).
  func nameWithTags(_ name: String, _ tags: [String]) -> String {
    let known = [KnownTag.warning, KnownTag.vip, KnownTag.fleet, KnownTag.difficult]
    let ordered = known.filter { k in tags.contains { $0.lowercased() == k } }
    let marks = ordered.map { tag in
      tag.lowercased() == KnownTag.warning ? Output.red(say(.tag(tag))) : say(.tag(tag))
    }
    return ([name] + marks).joined(separator: " ")
  }

  /// Local time for people: `2025-07-10 10:00`.
  func time(_ date: Date?) -> String {
    guard let date else { return "-" }
    return Digits.minute(date, in: env.zone)
  }

  /// A time a day begins at (a due day, a next contact agreed as a day) as the day alone; any other as `time`.
  func day(_ date: Date) -> String { Digits.agreed(date, in: env.zone) }

  /// A deadline for people: one at midnight is the day before's end (`Digits.deadline`).
  func deadline(_ date: Date) -> String { Digits.deadline(date, in: env.zone) }

  static func bold(_ s: String) -> String { colourEnabled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
  static func red(_ s: String) -> String { colourEnabled ? "\u{1B}[31;1m\(s)\u{1B}[0m" : s }
  static func yellow(_ s: String) -> String { colourEnabled ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
  static func dim(_ s: String) -> String { colourEnabled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}

extension TextTable {
  /// A table with left-aligned columns named `headers`, each in lower case as every table of the command line
  /// names its columns (`due`, not the `Due` a line of the brief starts with; `VIP` and Chinese as they are).
  init(headers: [String]) { self.init(columns: headers.map { Column(Self.columnName($0)) }) }

  /// `header` with its first letter in lower case when it starts a capitalised word (`Due`, `Days overdue`).
  static func columnName(_ header: String) -> String {
    guard let first = header.first, first.isUppercase, header.dropFirst().first?.isLowercase == true else {
      return header
    }
    return first.lowercased() + header.dropFirst()
  }

  /// Renders `rows` under the headers, coloured when the terminal allows.
  func render(_ rows: [[String]]) -> String {
    var table = self
    for row in rows { table.addRow(row) }
    return table.render(color: Output.colourEnabled)
  }
}
