import Foundation
import Testing

/// The README's "A consultant's day" runs as written on the demo data: every command exits 0.
@Suite struct ReadmeExampleTests {
  static var readme: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("README.md")
  }

  /// The command lines of the first ```sh block after `heading`: continuations joined, comments and blanks dropped.
  static func commands(after heading: String) throws -> [String] {
    let text = try String(contentsOf: readme, encoding: .utf8)
    let section = try #require(text.range(of: heading)).upperBound
    let start = try #require(text.range(of: "```sh\n", range: section..<text.endIndex)).upperBound
    let end = try #require(text.range(of: "\n```", range: start..<text.endIndex)).lowerBound
    return text[start..<end].replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").compactMap { line in
      let code = line.components(separatedBy: "  #").first?.trimmingCharacters(in: .whitespaces) ?? ""
      return code.isEmpty || code.hasPrefix("#") ? nil : code
    }
  }

  /// Words of a shell line: spaces split, double quotes group (all the README uses).
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var inWord = false
    for ch in line {
      if ch == "\"" {
        quoted.toggle()
        inWord = true
      } else if ch == " " && !quoted {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(ch)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }

  @Test func aConsultantsDayRunsOnTheDemoData() throws {
    let cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    let lines = try Self.commands(after: "## A consultant's day")
    #expect(lines.count >= 8)
    var env: [String: String] = [:]
    for line in lines {
      var words = Self.words(line)
      if words.first == "export" {
        for pair in words.dropFirst() {
          let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
          if kv.count == 2 && kv[0] != "COACH_DB" { env[kv[0]] = kv[1] }
        }
        continue
      }
      #expect(words.removeFirst() == "coach", "\(line)")
      let r = try cli.run(words, env: env)
      #expect(r.status == 0, "README: `\(line)` exited \(r.status): \(r.stderr)")
    }
    #expect(env["COACH_USER"] == "李娜" && env["COACH_NOW"] != nil)
  }
}
