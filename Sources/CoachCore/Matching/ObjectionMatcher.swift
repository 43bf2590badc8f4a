import Foundation

/// One playbook objection that a customer's words resemble.
public struct ObjectionMatch: Codable, Sendable, Hashable {
  /// The objection code (e.g. `wait_too_long`).
  public var code: String
  /// How well the text matches, 0...1 (roughly: the IDF-weighted share of the text found in the examples).
  public var score: Double

  public init(code: String, score: Double) {
    self.code = code
    self.score = score
  }
}

/// What a customer actually said when they raised an objection, as the showroom recorded it.
public struct LearnedPhrasing: Sendable, Hashable {
  public var code: String
  public var text: String

  public init(code: String, text: String) {
    self.code = code
    self.text = text
  }
}

/// Offline matcher from what a customer said to playbook objection codes (BM25, no segmenter).
///
/// Every code is one document made of its examples in every language, its concepts and the
/// showroom's recorded phrasings; Chinese is indexed as character unigrams and bigrams, English as
/// stemmed words without stop words, and every word class of the vocabulary a text names adds one
/// `@class` token (which stands for the class word's own tokens where no document holds them: a competitor's
/// model name is evidence for `vs_competitor`, not unknown words). A long text scores as its best clause when that beats the whole. Small talk of
/// the vocabulary is a document too: when it wins, nothing matches.
public struct ObjectionMatcher: Sendable {
  /// Scores below this are not reported: the text does not resemble any objection well enough.
  public static var defaultThreshold: Double { MatcherTuning.standard.threshold }

  /// One code's examples and concepts (words, or `@class` ids).
  struct Entry {
    var code: String
    var examples: [String]
    var concepts: [String] = []
    /// The showroom's recorded phrasings: one more document of the code, apart from the playbook's
    /// (so that many of them do not dilute the trainer's examples).
    var learned: [String] = []
  }

  let tuning: MatcherTuning
  private let codes: [String]
  /// The playbook's documents, the showroom's, and small talk's, each with the index into `codes`
  /// of every document's owner. Apart, so that each keeps its own document lengths; a code scores
  /// its best document over all.
  private let indexes: [(index: BM25Index, owners: [Int])]
  private let vocabulary: MatchVocabulary
  /// Index into `codes` of the small-talk pseudo-code, if the vocabulary has small talk.
  private let smallTalk: Int?

  /// Builds a matcher from code/example pairs; entries with the same code are merged.
  public init(entries: [(code: String, examples: [String])]) {
    self.init(entries: entries.map { Entry(code: $0.code, examples: $0.examples) }, tuning: .standard)
  }

  /// Builds a matcher from playbook objections of one or more languages, merged by code.
  /// An objection's title counts as one more example; `learned` phrasings are more examples;
  /// `vocabularies` (every language's) and the catalog's `competitorNames` give the word classes.
  public init(
    objections: [Objection], vocabularies: [Vocabulary] = [], learned: [LearnedPhrasing] = [],
    competitorNames: [String] = []
  ) {
    let known = Set(objections.map(\.code))
    let entries =
      objections.map { Entry(code: $0.code, examples: [$0.title] + $0.examples, concepts: $0.concepts ?? []) }
      + learned.filter { known.contains($0.code) }.map { Entry(code: $0.code, examples: [], learned: [$0.text]) }
    self.init(
      entries: entries,
      background: objections.map { [$0.approach, $0.response, $0.followUpQuestion].joined(separator: "\n") },
      tuning: .standard,
      vocabulary: MatchVocabulary(vocabularies: vocabularies, extraWords: ["competitor": competitorNames]),
      smallTalk: vocabularies.flatMap { $0.smallTalk ?? [] })
  }

  /// `background` texts (e.g. the playbook's responses) only teach the matcher which words are
  /// common in playbook language; they never match.
  init(
    entries: [Entry], background: [String] = [], tuning: MatcherTuning,
    vocabulary: MatchVocabulary = .empty, smallTalk: [String] = []
  ) {
    self.vocabulary = vocabulary
    var codes: [String] = []
    var merged: [Entry] = []
    for entry in entries {
      if let at = codes.firstIndex(of: entry.code) {
        merged[at].examples += entry.examples
        merged[at].concepts += entry.concepts
        merged[at].learned += entry.learned
      } else {
        codes.append(entry.code)
        merged.append(entry)
      }
    }
    self.smallTalk = smallTalk.isEmpty ? nil : codes.count
    if !smallTalk.isEmpty { codes.append("") }
    let tokens = { (text: String) in Self.tokens(text, vocabulary: vocabulary) }
    var documents: [[String]] = []
    var owners: [Int] = []
    var learnedDocuments: [[String]] = []
    var learnedOwners: [Int] = []
    // A document keeps the class tokens of the classes its code claims in its concepts: a class an
    // example happens to name ("今天" in "今天就定") is no evidence for the code. Small talk claims
    // the classes no objection claims (days and times).
    let claimed = merged.map { Set($0.concepts.filter { $0.hasPrefix("@") }) }
    let unclaimed = Set(vocabulary.classIDs.map { "@" + $0 }).subtracting(claimed.reduce([], { $0.union($1) }))
    let claimedTokens = { (text: String, classes: Set<String>) in
      tokens(text).filter { !$0.hasPrefix("@") || classes.contains($0) }
    }
    for (owner, entry) in merged.enumerated() {
      let tokens = { (text: String) in claimedTokens(text, claimed[owner]) }
      let concepts = entry.concepts.flatMap { $0.hasPrefix("@") ? [$0] : tokens($0) }
      switch tuning.granularity {
      case .perCode:
        documents.append(entry.examples.flatMap(tokens) + concepts)
        owners.append(owner)
      case .perExample:
        documents += entry.examples.map(tokens) + (concepts.isEmpty ? [] : [concepts])
        owners += Array(repeating: owner, count: entry.examples.count + (concepts.isEmpty ? 0 : 1))
      }
      if !entry.learned.isEmpty {
        learnedDocuments.append(entry.learned.flatMap(tokens))
        learnedOwners.append(owner)
      }
    }
    self.codes = codes
    let backgroundTokens = tuning.useBackground ? background.map(tokens) : []
    var indexes = [(index: BM25Index(documents: documents, background: backgroundTokens), owners: owners)]
    // The other indexes learn word rarity from the playbook too (their own texts are few).
    if !learnedDocuments.isEmpty {
      indexes.append((BM25Index(documents: learnedDocuments, background: documents + backgroundTokens), learnedOwners))
    }
    // Small talk phrases are short and many: one document each, so that a long list does not
    // weaken every phrase.
    if let smallTalkOwner = self.smallTalk {
      let phrases = smallTalk.map { claimedTokens($0, unclaimed) }
      indexes.append(
        (
          BM25Index(documents: phrases, background: documents + backgroundTokens),
          Array(repeating: smallTalkOwner, count: phrases.count)
        ))
    }
    self.indexes = indexes
    self.tuning = tuning
  }

  /// Objections resembling `text`, best first, at most `limit`; empty when none clears the threshold
  /// or when the text reads as small talk.
  public func match(_ text: String, limit: Int = 3) -> [ObjectionMatch] {
    let ranked = rank(text)
    let smallTalk = ranked.first { $0.smallTalk }?.strength ?? 0
    let best = ranked.first { !$0.smallTalk }?.strength ?? 0
    guard smallTalk * tuning.smallTalkFactor < best else { return [] }
    return Array(
      ranked.lazy.filter { !$0.smallTalk }.map(\.match)
        .prefix { $0.score >= tuning.threshold && $0.score > 0 }.prefix(max(limit, 0)))
  }

  /// The `limit` objections closest to `text` whatever their score (for "did you mean"), best first.
  public func closest(_ text: String, limit: Int = 3) -> [ObjectionMatch] {
    Array(rank(text).lazy.filter { !$0.smallTalk && $0.match.score > 0 }.map(\.match).prefix(max(limit, 0)))
  }

  /// Every code's score for `text`, best first; ties keep code order (small talk left out).
  func scoreAll(_ text: String) -> [ObjectionMatch] {
    rank(text).filter { !$0.smallTalk }.map(\.match)
  }

  // MARK: - Scoring

  private struct Ranked {
    /// The code and its reported score (`reported(strength)`, below 1).
    var match: ObjectionMatch
    /// The score before it is capped at 1: ranks codes whose documents repeat the text's words.
    var strength: Double
    var smallTalk: Bool
  }

  private func rank(_ text: String) -> [Ranked] {
    let prepared = vocabulary.prepare(text, named: true)
    var best = score(queryTokens(prepared.text, prepared))
    let clauses = Clauses.split(prepared.text)
    if clauses.count > 1 {
      for clause in clauses {
        let tokens = queryTokens(clause, vocabulary.prepare(clause, named: true))
        guard tokens.count >= tuning.minimumClauseTokens else { continue }
        // A story (three clauses or more) with a scheduling clause in it is no small talk: small talk is judged
        // on the whole text there.
        for (code, value) in score(tokens).enumerated() where code != smallTalk || clauses.count <= 2 {
          best[code] = max(best[code], value * tuning.clauseFactor)
        }
      }
    }
    return best.enumerated()
      .sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
      .map {
        Ranked(
          match: ObjectionMatch(code: codes[$0.offset], score: Self.reported($0.element)), strength: $0.element,
          smallTalk: $0.offset == smallTalk)
      }
  }

  /// Scores up to this one are reported as they are; above it they close on 1 without reaching it.
  static let softCapFrom = 0.8
  /// How far above `softCapFrom` a strength must go to close two thirds of the rest of the way to 1: strengths reach
  /// about 2 when a text repeats an example's words.
  static let softCapScale = 0.6

  /// A strength as the score a user reads, in 0…1 and in the same order: as it is up to `softCapFrom` (the
  /// threshold's scale), then closing on 1, so that codes that all clear the bar by far no longer read 1.00 each
  /// ("I need some time to decide": think_it_over 0.96, ask_family 0.95, just_looking 0.86; capped, 1.00 for all).
  static func reported(_ strength: Double) -> Double {
    guard strength > softCapFrom else { return max(strength, 0) }
    return softCapFrom + (1 - softCapFrom) * (1 - exp(-(strength - softCapFrom) / softCapScale))
  }

  /// A query's tokens: the words of `text` and the classes it names, less the words of class names that no index
  /// knows (`MatchVocabulary.Prepared.namedTokens`: the class token stands for them).
  private func queryTokens(_ text: String, _ prepared: MatchVocabulary.Prepared) -> [String] {
    let words = Tokenizer.tokens(text)
    let unknown = prepared.namedTokens.filter { token in !indexes.contains { $0.index.knows(token) } }
    return (unknown.isEmpty ? words : words.filter { !unknown.contains($0) }) + prepared.classTokens
  }

  /// Every code's calibrated score for one list of tokens: about 0...1, above 1 when a code's documents repeat
  /// the text's words (ranked as such, reported as 1; capping before ranking left such codes tied).
  private func score(_ tokens: [String]) -> [Double] {
    guard !tokens.isEmpty else { return Array(repeating: 0, count: codes.count) }
    var best = Array(repeating: 0.0, count: codes.count)
    // Only words, content bigrams and classes are evidence: a code whose documents share nothing
    // but single characters or function-character bigrams with the text scores 0.
    let strong = tokens.filter { weight($0) > tuning.unigramWeight }
    for (number, (index, owners)) in indexes.enumerated() {
      let factor = number > 0 && owners.first != smallTalk ? tuning.learnedFactor : 1
      let evidence = index.contains(any: strong)
      // A two-word token no text of the index holds is left out: its words count already, and as an unknown
      // token it would only lower every score ("don't pressure me" is about pressure, pair or not).
      let known = tokens.filter { !EnglishPairs.isPair($0) || index.knows($0) }
      for (document, score) in index.scores(for: known, weight: weight).enumerated() where evidence[document] {
        best[owners[document]] = max(best[owners[document]], score * factor)
      }
    }
    let words = tokens.filter { !$0.hasPrefix("@") }
    let cjkShare =
      words.isEmpty ? 0 : Double(words.filter { $0.allSatisfy(Tokenizer.isCJK) }.count) / Double(words.count)
    let exponent = 1 - cjkShare * (1 - tuning.cjkExponent)
    return best.map { pow($0, exponent) }
  }

  /// A text's tokens: its words after the vocabulary's folding and spellings, then its class tokens.
  static func tokens(_ text: String, vocabulary: MatchVocabulary) -> [String] {
    let prepared = vocabulary.prepare(text)
    return Tokenizer.tokens(prepared.text) + prepared.classTokens
  }

  /// A query token's weight: a lone CJK character says less than a bigram or an English word; a
  /// word class named says more.
  /// A bigram of two function characters ("这么", "那就") says as little as one character; one with a
  /// single function character ("定了") somewhat more.
  private func weight(_ token: String) -> Double {
    if token.hasPrefix("@") { return tuning.classWeight }
    guard token.allSatisfy(Tokenizer.isCJK) else { return 1 }
    if token.count == 1 { return tuning.unigramWeight }
    let functional = token.filter { ChineseCharacters.stop.contains($0) }.count
    return functional == 0 ? 1 : functional == 1 ? tuning.halfFunctionalWeight : tuning.unigramWeight
  }
}

/// Splits a prepared text into clauses at punctuation and at "but"-like words.
enum Clauses {
  static let separators: Set<Character> = [
    ",", ".", "!", "?", ";", ":", "\n", "，", "。", "！", "？", "；", "：", "、", "…", "~",
  ]
  static let joiners = ["但是", "可是", "不过", "结果", " but ", " and now ", " though "]

  static func split(_ text: String) -> [String] {
    var marked = text
    for joiner in joiners where marked.contains(joiner) {
      marked = marked.replacingOccurrences(of: joiner, with: "\n")
    }
    return marked.split(whereSeparator: { separators.contains($0) })
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }
}
