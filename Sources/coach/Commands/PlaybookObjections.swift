import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand.PlaybookCommand {
  /// `coach playbook objections --learned`: what customers of this showroom actually said, per objection code, with
  /// the phrasings the playbook alone matches wrongly first, so a trainer can promote good ones into the playbook.
  struct Objections: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "objections",
      abstract: "List the objection codes, or (--learned) the phrasings recorded with `coach touch --said`.")
    @Flag(help: "The recorded phrasings per code, those the playbook alone gets wrong first.") var learned = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let set = try Playbooks.loadSet(env)
      guard let playbook = set.playbook(env.language) else {
        throw CoachError.rejected(code: "invalid_playbook", message: "the playbook has no \(env.language)/ folder")
      }
      let out = Output(env: env)
      guard learned else {
        if env.json {
          return try out.json(["objections": playbook.objections.map { ["code": $0.code, "title": $0.title] }])
        }
        for o in playbook.objections { out.line("\(o.code)  \(o.title)") }
        return
      }
      let session = try Output.reading(env)
      let review = LearnedReview(
        phrasings: try session.db.recordedPhrasings(), matcher: set.objectionMatcher(), playbook: playbook)
      if env.json { return try out.json(["learned": review.codes]) }
      let zh = env.language.hasPrefix("zh")
      if review.codes.isEmpty {
        return out.line(
          zh
            ? "还没有记录客户原话：coach touch … --objection CODE --said \"原话\""
            : "no phrasings recorded yet: coach touch … --objection CODE --said \"what they said\"")
      }
      for code in review.codes {
        out.line(
          Output.bold(
            "\(code.title) [\(code.code)]: \(code.phrasings.count), \(code.misclassified) "
              + (zh ? "条匹配错误" : "matched wrongly")))
        for p in code.phrasings {
          let got = p.matched ?? (zh ? "无匹配" : "no match")
          out.line(p.misclassified ? "  ✗ \(p.text)  → \(got)" : "  ✓ \(p.text)")
        }
      }
    }
  }
}

/// The recorded phrasings grouped by code, each checked against the playbook alone (without the showroom's
/// phrasings, which would include itself); codes with the most wrongly matched phrasings first.
struct LearnedReview {
  struct Phrasing: Encodable {
    let text: String
    let at: String
    let lead_id: LeadID
    /// What the playbook alone matches (null: nothing).
    let matched: String?
    let misclassified: Bool
  }

  struct Code: Encodable {
    let code: String
    let title: String
    let misclassified: Int
    let phrasings: [Phrasing]
  }

  let codes: [Code]

  init(phrasings: [RecordedPhrasing], matcher: ObjectionMatcher, playbook: Playbook) {
    let formatter = ISO8601DateFormatter()
    let grouped = Dictionary(grouping: phrasings, by: \.code)
    codes = grouped.map { code, list in
      let checked = list.map { p -> Phrasing in
        let matched = matcher.match(p.text, limit: 1).first?.code
        return Phrasing(
          text: p.text, at: formatter.string(from: p.at), lead_id: p.leadID, matched: matched,
          misclassified: matched != code)
      }
      let ordered = checked.filter(\.misclassified) + checked.filter { !$0.misclassified }
      return Code(
        code: code, title: playbook.objection(code)?.title ?? code,
        misclassified: checked.filter(\.misclassified).count, phrasings: ordered)
    }.sorted { $0.misclassified != $1.misclassified ? $0.misclassified > $1.misclassified : $0.code < $1.code }
  }
}
