import ArgumentParser
import CoachCore
import Foundation

extension CoachCommand {
  /// `coach objection TEXT`: match what a customer said to the playbook's responses (no database needed).
  struct ObjectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "objection", abstract: "Match what a customer said (zh or en) to playbook responses.")
    @Argument(help: "What the customer said.") var text: [String]
    @Option(help: "At most N matches.") var limit = 3
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      try FreeText.require(text.joined(separator: " "), option: "TEXT")
      let set = try Playbooks.loadSet(env)
      guard let playbook = set.playbook(env.language) else {
        throw CoachError.refused(.noLanguageFolder(language: env.language, found: set.languages.keys.sorted()))
      }
      let objections = set.languages.keys.sorted().flatMap { set.languages[$0]?.objections ?? [] }
      let matcher = ObjectionMatcher(objections: objections)
      let matches = matcher.match(text.joined(separator: " "), limit: max(1, limit)).compactMap { m -> MatchJSON? in
        guard let o = playbook.objection(m.code) else { return nil }
        return MatchJSON(
          code: m.code, score: (m.score * 1000).rounded() / 1000, title: o.title, response: o.response.trimmed,
          script: [o.response.trimmed, o.followUpQuestion.trimmed].joined(separator: "\n"), approach: o.approach.trimmed)
      }
      let out = Output(env: env)
      if env.json { return try out.json(["matches": matches]) }
      if matches.isEmpty {
        return out.line(playbook.labels.ui["no_match"] ?? "no objection in the playbook matches well enough; try other words")
      }
      for (i, m) in matches.enumerated() {
        out.line(Output.bold("\(i + 1). \(m.title) [\(m.code)] \(String(format: "%.2f", m.score))"))
        out.line("   \(m.approach)")
        for l in m.script.split(separator: "\n") { out.line("   » \(l)") }
      }
    }
  }
}

struct MatchJSON: Encodable {
  let code: String
  let score: Double
  let title: String
  let response: String
  let script: String
  let approach: String
}

extension String {
  var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
