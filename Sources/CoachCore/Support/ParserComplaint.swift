/// What the command-line parser refused, read from its own (English) message, so that coach can say it in one or
/// two lines in the user's language: what was wrong, then what is accepted (`UIText.badCommandLine`).
public struct ParserComplaint: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `--channel fax`: the value, the option (`--channel`), and the values it takes when the parser listed them.
    case invalidValue(value: String, option: String, choices: [String], reason: String?)
    /// A required option or argument left out: `--outcome <outcome>`, `<id>`.
    case missingArgument(String)
    /// An option given without its value: `--note`.
    case missingValue(String)
    case unknownOption(String, suggestion: String?)
    case unexpected([String])
    /// A word where a command was expected (`coach nxt`), with the commands there and the nearest one, if close.
    case unknownCommand(word: String, commands: [String], suggestion: String?)
    /// An option written before the command that takes it (`coach --db X next`), and that command (`coach next`).
    case optionBeforeCommand(option: String, command: String)
    /// Anything else, as the parser or a command's own check worded it.
    case other(String)
  }

  public var kind: Kind
  /// The option's help line as the parser gave it (`--outcome <outcome>  reached, no_answer, declined or visited.`).
  public var help: String?
  /// The command the line was for (`coach touch`), whose `--help` lists every option.
  public var command: String

  public init(kind: Kind, help: String? = nil, command: String) {
    self.kind = kind
    self.help = help
    self.command = command
  }

  /// Reads the parser's full message: its `Error:` line (with a bulleted list of values, if any), `Help:` line and
  /// `Usage:` line; `command` is used when the message has no usage line.
  public init(parsing message: String, command fallback: String = "coach") {
    var first: [Substring] = []
    var bullets: [String] = []
    var help: String?
    var command = fallback
    for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("- ") && help == nil {
        bullets.append(String(trimmed.dropFirst(2)))
      } else if line.hasPrefix("Help:") {
        help = String(line.dropFirst(5).drop { $0 == " " })
      } else if line.hasPrefix("Usage:") {
        let usage = line.dropFirst(6).drop { $0 == " " }
        // `coach touch [<options>] <id> …`: the command is the words before the first option or argument.
        let words = usage.split(separator: " ").prefix {
          !$0.hasPrefix("[") && !$0.hasPrefix("<") && !$0.hasPrefix("-")
        }
        if !words.isEmpty { command = words.joined(separator: " ") }
      } else if line.hasPrefix("  See '") {
        continue
      } else if bullets.isEmpty && help == nil {
        first.append(line)
      }
    }
    var text = first.joined(separator: " ")
    if text.hasPrefix("Error: ") { text.removeFirst(7) }
    self.init(kind: Self.kind(of: text, bullets: bullets), help: help, command: command)
  }

  static func kind(of text: String, bullets: [String]) -> Kind {
    if let rest = text.after("The value '"), let (value, tail) = rest.split(at: "' is invalid for '"),
      let (target, more) = tail.split(at: "'")
    {
      var choices = bullets
      var reason: String?
      if let list = more.after(". Please provide one of ") {
        if !list.hasPrefix("the following") { choices = quoted(list) }
      } else if let why = more.after(": "), !why.isEmpty {
        reason = why
      }
      return .invalidValue(value: value, option: name(of: target), choices: choices, reason: reason)
    }
    if let rest = text.after("Missing expected argument '"), let (target, _) = rest.split(at: "'") {
      return .missingArgument(target)
    }
    if let rest = text.after("Missing value for '"), let (target, _) = rest.split(at: "'") {
      return .missingValue(name(of: target))
    }
    if let rest = text.after("Unknown option '"), let (option, tail) = rest.split(at: "'") {
      return .unknownOption(option, suggestion: tail.after(". Did you mean '").flatMap { $0.split(at: "'")?.0 })
    }
    if let rest = text.after("Unexpected argument '"), let (word, _) = rest.split(at: "'") {
      return .unexpected([word])
    }
    if let range = text.range(of: " unexpected arguments: ") {
      return .unexpected(quoted(String(text[range.upperBound...])))
    }
    return .other(text)
  }

  /// `--limit <limit>` → `--limit`; `<id>` stays as it is.
  static func name(of target: String) -> String {
    target.hasPrefix("-") ? String(target.prefix { $0 != " " }) : target
  }

  /// The words between single quotes: `'table', 'json', 'csv' or 'html'` → table, json, csv, html.
  static func quoted(_ list: String) -> [String] {
    list.split(separator: "'", omittingEmptySubsequences: false).enumerated().compactMap { i, part in
      i % 2 == 1 ? String(part) : nil
    }
  }

  /// The closest of `candidates` to a mistyped `word` (one edit for a word of up to three letters, two for a longer
  /// one, or a word it begins), if one is.
  public static func nearest(_ word: String, in candidates: [String]) -> String? {
    if word.count >= 2, let prefixed = candidates.first(where: { $0.hasPrefix(word) }) { return prefixed }
    let limit = word.count <= 3 ? 1 : 2
    let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= limit }
    return scored.min { $0.1 < $1.1 }?.0
  }

  /// Levenshtein distance over characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var diagonal = row[0]
      row[0] = i
      for j in 1...b.count {
        let above = row[j]
        row[j] = a[i - 1] == b[j - 1] ? diagonal : 1 + min(diagonal, above, row[j - 1])
        diagonal = above
      }
    }
    return row[b.count]
  }
}

extension String {
  /// The text after the first `marker` when the string starts with it, else nil.
  fileprivate func after(_ marker: String) -> String? {
    hasPrefix(marker) ? String(dropFirst(marker.count)) : nil
  }

  /// The text before and after the first `separator`, if it occurs.
  fileprivate func split(at separator: String) -> (String, String)? {
    guard let r = range(of: separator) else { return nil }
    return (String(self[..<r.lowerBound]), String(self[r.upperBound...]))
  }
}
