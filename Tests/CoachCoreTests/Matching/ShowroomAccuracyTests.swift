import Foundation
import Testing

@testable import CoachCore

/// Accuracy on the showroom fixtures (issue 13): `showroom.tsv` (utterances written before reading the
/// playbook's examples, kept as a regression set) and `showroom-heldout.tsv` (written before the next round
/// of tuning). Two figures per fixture and language: the playbook alone, and 5-fold cross-validation where
/// the other four folds' rows are the showroom's recorded phrasings (as `coach touch --said` records them);
/// no fixture row ever becomes a playbook example (`fixturesAreNotInThePlaybook`).
@Suite struct ShowroomAccuracyTests {
  struct Figures {
    var top1 = 0
    var top3 = 0
    var coded = 0
    var noneRight = 0
    var none = 0
    var confusions: [String: Int] = [:]
    var misses: [String] = []

    mutating func add(_ phrase: MatchingFixtures.Phrase, _ matcher: ObjectionMatcher) {
      let matches = matcher.match(phrase.text, limit: 3)
      guard let expected = phrase.code else {
        none += 1
        if matches.isEmpty { noneRight += 1 } else { misses.append("  none <- \(matches[0].code): \(phrase.text)") }
        return
      }
      coded += 1
      if matches.first?.code == expected {
        top1 += 1
      } else {
        let got = matches.first?.code ?? "nothing"
        confusions["\(expected) -> \(got)", default: 0] += 1
        misses.append("  \(expected) -> \(got): \(phrase.text)")
      }
      let top = matches.isEmpty ? matcher.closest(phrase.text, limit: 3) : matches
      if top.contains(where: { $0.code == expected }) { top3 += 1 }
    }

    func rate(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    var top1Rate: Double { rate(top1, coded) }
    var top3Rate: Double { rate(top3, coded) }
    var noneRate: Double { rate(noneRight, none) }

    func report(_ label: String) -> String {
      let pct = { (x: Double) in String(format: "%.1f%%", x * 100) }
      var lines = [
        "[showroom] \(label): top-1 \(top1)/\(coded) = \(pct(top1Rate)), top-3 \(top3)/\(coded) = \(pct(top3Rate)), "
          + "small talk -> none \(noneRight)/\(none) = \(pct(noneRate))"
      ]
      lines += confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { "[showroom]   confusion \($0.key) x\($0.value)" }
      lines += misses.map { "[showroom] \($0)" }
      return lines.joined(separator: "\n")
    }
  }

  static let folds = 5

  /// Issue 13's targets: top-1 >= 92 %, top-3 >= 98 %, small talk -> none >= 95 %, per language, every fixture.
  /// (English met them once negations and "only" became two-word tokens: `EnglishPairs`; held-out Chinese top-3
  /// went from 48/49 to 49/49 once a model name the playbook never spells out stopped counting as unknown words:
  /// `MatchVocabulary.Prepared.namedTokens`.)
  enum Targets {
    static let top1 = 0.92
    static let top3 = 0.98
    static let none = 0.95
  }

  /// The playbook alone: what a new dealership gets on day one.
  static func playbookOnly(_ language: String, fixture: String = "showroom") throws -> Figures {
    let matcher = try MatchingFixtures.playbookSet().objectionMatcher()
    var figures = Figures()
    for phrase in try MatchingFixtures.showroomFixture(fixture) where phrase.language == language {
      figures.add(phrase, matcher)
    }
    return figures
  }

  /// Cross-validation: row i is in fold i % 5; each fold is matched with the other folds' rows of both
  /// languages recorded as the showroom's phrasings.
  static func crossValidated(_ language: String, fixture: String = "showroom") throws -> Figures {
    let set = try MatchingFixtures.playbookSet()
    let rows = try MatchingFixtures.showroomFixture(fixture)
    var figures = Figures()
    for fold in 0..<folds {
      let learned = rows.enumerated().compactMap { index, row in
        index % folds == fold ? nil : row.code.map { LearnedPhrasing(code: $0, text: row.text) }
      }
      let matcher = set.objectionMatcher(learned: learned)
      for (index, phrase) in rows.enumerated() where index % folds == fold && phrase.language == language {
        figures.add(phrase, matcher)
      }
    }
    return figures
  }

  @Test("fixture: at least 150 rows per language, every code, 40 small-talk rows", arguments: ["zh", "en"])
  func fixtureIsBigEnough(language: String) throws {
    let rows = try MatchingFixtures.showroom().filter { $0.language == language }
    #expect(rows.count >= 150)
    #expect(rows.filter { $0.code == nil }.count >= 40)
    let codes = Set(try MatchingFixtures.playbookSet().objectionMatcher().scoreAll("x").map(\.code))
    #expect(Set(rows.compactMap(\.code)) == codes)
  }

  @Test("held-out fixture: every code in both languages, at least 10 small-talk rows", arguments: ["zh", "en"])
  func heldOutCoversEveryCode(language: String) throws {
    let rows = try MatchingFixtures.heldOut().filter { $0.language == language }
    #expect(rows.filter { $0.code == nil }.count >= 10)
    let codes = Set(try MatchingFixtures.playbookSet().objectionMatcher().scoreAll("x").map(\.code))
    #expect(Set(rows.compactMap(\.code)) == codes)
  }

  @Test("no fixture row is a playbook example or small-talk phrase (the fixtures measure generalisation)")
  func fixturesAreNotInThePlaybook() throws {
    let set = try MatchingFixtures.playbookSet()
    let books = set.languages.values
    let known = Set(
      books.flatMap { $0.objections.flatMap { [$0.title] + $0.examples } + ($0.vocabulary?.smallTalk ?? []) }
        .map(Self.key))
    let copied = try (MatchingFixtures.showroom() + MatchingFixtures.heldOut()).map(\.text)
      .filter { known.contains(Self.key($0)) }
    #expect(copied == [])
  }

  static func key(_ text: String) -> String {
    MatchVocabulary.compact(MatchVocabulary.fold(text)).filter { $0.isLetter || $0.isNumber }
  }

  @Test(
    "showroom fixtures, playbook alone: top-1 >= 92%, top-3 >= 98%, small talk -> none >= 95%",
    arguments: ["showroom", "heldout"], ["zh", "en"])
  func playbookAlone(fixture: String, language: String) throws {
    let figures = try Self.playbookOnly(language, fixture: fixture)
    print(figures.report("\(fixture) \(language) playbook alone"))
    #expect(figures.top1Rate >= Targets.top1)
    #expect(figures.top3Rate >= Targets.top3)
    #expect(figures.noneRate >= Targets.none)
  }

  @Test(
    "showroom fixtures, 5-fold cross-validation with recorded phrasings: the same targets",
    arguments: ["showroom", "heldout"], ["zh", "en"])
  func crossValidation(fixture: String, language: String) throws {
    let figures = try Self.crossValidated(language, fixture: fixture)
    print(figures.report("\(fixture) \(language) 5-fold cross-validation"))
    #expect(figures.top1Rate >= Targets.top1)
    #expect(figures.top3Rate >= Targets.top3)
    #expect(figures.noneRate >= Targets.none)
  }
}
