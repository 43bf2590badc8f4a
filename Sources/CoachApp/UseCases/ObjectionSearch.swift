import CoachCore
import Foundation

/// `coach objection TEXT`: what a customer said, matched to the playbook's objections (every language's examples and
/// the showroom's recorded phrasings), each with its response, follow-up question and approach, and for a named
/// competitor the catalog's line on it. The command line and `coach serve`'s search box call this.
package enum ObjectionSearch {
  package struct Result: Sendable {
    /// `coach objection --json`'s `matches`, best first.
    package let matches: [MatchJSON]
    /// When nothing matches well enough: the nearest objections, for a "did you mean".
    package let closest: [Objection]
    package let playbook: Playbook
  }

  /// At most `limit` (1 or more) matches of `said` (not blank: the caller checks it, naming its own input).
  package static func run(_ env: RunEnvironment, said: String, limit: Int, learned: [LearnedPhrasing]) throws -> Result
  {
    let set = try Playbooks.loadSet(env)
    guard let playbook = set.playbook(env.language) else {
      throw CoachError.refused(.noLanguageFolder(language: env.language, found: set.languages.keys.sorted()))
    }
    let matcher = set.objectionMatcher(learned: learned)
    let competitor = set.competitorNamed(in: said, language: env.language)
    let matches = matcher.match(said, limit: max(1, limit)).compactMap { m -> MatchJSON? in
      guard let o = playbook.objection(m.code) else { return nil }
      let rival = m.code == "vs_competitor" ? competitor : nil
      let response = trim(rival?.competitor.answer ?? o.response)
      return MatchJSON(
        code: m.code, score: (m.score * 1000).rounded() / 1000, title: o.title, response: response,
        script: [response, trim(o.followUpQuestion)].joined(separator: "\n"), approach: trim(o.approach),
        competitor: rival.map {
          CompetitorJSON(name: $0.competitor.name, model: $0.model.code, weakness: $0.competitor.weakness)
        })
    }
    let closest = matches.isEmpty ? matcher.closest(said, limit: 3).compactMap { playbook.objection($0.code) } : []
    return Result(matches: matches, closest: closest, playbook: playbook)
  }

  private static func trim(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// One match of `coach objection --json`.
package struct MatchJSON: Encodable, Sendable {
  package let code: String
  package let score: Double
  package let title: String
  package let response: String
  package let script: String
  package let approach: String
  /// The catalog's competitor the customer named (vs_competitor only); `response` is its one-liner.
  package let competitor: CompetitorJSON?
}

package struct CompetitorJSON: Encodable, Sendable {
  package let name: String
  /// Catalog code of our model this competitor is listed against.
  package let model: String
  package let weakness: String
}
