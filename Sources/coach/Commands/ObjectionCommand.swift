import ArgumentParser
import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach objection TEXT`: match what a customer said to the playbook's responses (no database needed; the
  /// showroom's recorded phrasings join the examples when the database exists).
  struct ObjectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "objection", abstract: "Match what a customer said (zh or en) to playbook responses.")
    @Argument(help: "What the customer said.") var text: [String]
    @Option(parsing: .unconditional, help: "At most N matches (1 or more).") var limit = 3
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard limit >= 1 else { throw ValidationError(OptionRuleText.limitFromOne.text(global.ui)) }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      let zh = env.language.hasPrefix("zh")
      let said = text.joined(separator: " ")
      try FreeText.require(said, option: "TEXT")
      let found = try ObjectionSearch.run(env, said: said, limit: limit, learned: Self.recordedPhrasings(env))
      let (matches, playbook) = (found.matches, found.playbook)
      let out = Output(env: env)
      if env.json { return try out.json(["matches": matches]) }
      if matches.isEmpty {
        out.line(playbook.labels.ui(.noMatch) ?? "no objection in the playbook matches well enough; try other words")
        let closest = found.closest
        guard !closest.isEmpty else { return }
        out.line(playbook.labels.ui(.didYouMean) ?? (zh ? "您是不是想说：" : "did you mean:"))
        for (i, o) in closest.enumerated() {
          out.line("  \(i + 1). \(o.title) [\(o.code)]")
          if let first = o.response.trimmed.split(separator: "\n").first { out.line("     » \(first)") }
        }
        out.line("  coach playbook show objections CODE")
        return
      }
      for (i, m) in matches.enumerated() {
        out.line(Output.bold("\(i + 1). \(m.title) [\(m.code)] \(String(format: "%.2f", m.score))"))
        if let rival = m.competitor { out.line("   " + rival.name + playbook.colon + rival.weakness) }
        out.line("   \(m.approach)")
        for l in m.script.split(separator: "\n") { out.line("   » \(l)") }
      }
    }

    /// The showroom's recorded phrasings when the database exists; none otherwise (never creates one, and a
    /// database that cannot be read only costs the showroom's examples, with a note on stderr).
    static func recordedPhrasings(_ env: RunEnvironment) -> [LearnedPhrasing] {
      if env.postgres == nil {
        let attributes = try? FileManager.default.attributesOfItem(atPath: env.dbPath)
        guard let size = attributes?[.size] as? Int, size > 0 else { return [] }
      }
      do {
        return try env.openStore().recordedPhrasings().map(\.learned)
      } catch {
        FileHandle.standardError.write(Data("coach: matching without the showroom's phrasings: \(error)\n".utf8))
        return []
      }
    }
  }
}

extension String {
  var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
