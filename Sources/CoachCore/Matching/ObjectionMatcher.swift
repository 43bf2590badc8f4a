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

/// Offline matcher from what a customer said to playbook objection codes (BM25, no segmenter).
///
/// Every code is one document made of all its examples in every language; Chinese is indexed
/// as character unigrams and bigrams, English as stemmed words without stop words. A score is
/// BM25 relative to the text's own IDF mass, capped at 1 and calibrated per script (MatcherTuning).
public struct ObjectionMatcher: Sendable {
  /// Scores below this are not reported: the text does not resemble any objection well enough.
  public static var defaultThreshold: Double { MatcherTuning.standard.threshold }

  let tuning: MatcherTuning
  private let codes: [String]
  /// For each document, the index into `codes` it belongs to.
  private let owners: [Int]
  private let index: BM25Index

  /// Builds a matcher from code/example pairs; entries with the same code are merged.
  public init(entries: [(code: String, examples: [String])]) {
    self.init(entries: entries, tuning: .standard)
  }

  /// Builds a matcher from playbook objections of one or more languages, merged by code.
  /// An objection's title counts as one more example.
  public init(objections: [Objection]) {
    self.init(
      entries: objections.map { (code: $0.code, examples: [$0.title] + $0.examples) },
      background: objections.map { [$0.approach, $0.response, $0.followUpQuestion].joined(separator: "\n") },
      tuning: .standard)
  }

  /// `background` texts (e.g. the playbook's responses) only teach the matcher which words are
  /// common in playbook language; they never match.
  init(entries: [(code: String, examples: [String])], background: [String] = [], tuning: MatcherTuning) {
    var codes: [String] = []
    var examples: [[String]] = []
    for entry in entries {
      if let at = codes.firstIndex(of: entry.code) {
        examples[at] += entry.examples
      } else {
        codes.append(entry.code)
        examples.append(entry.examples)
      }
    }
    var documents: [[String]] = []
    var owners: [Int] = []
    for (owner, list) in examples.enumerated() {
      switch tuning.granularity {
      case .perCode:
        documents.append(list.flatMap(Tokenizer.tokens))
        owners.append(owner)
      case .perExample:
        documents += list.map(Tokenizer.tokens)
        owners += Array(repeating: owner, count: list.count)
      }
    }
    self.codes = codes
    self.owners = owners
    let backgroundTokens = tuning.useBackground ? background.map(Tokenizer.tokens) : []
    self.index = BM25Index(documents: documents, background: backgroundTokens)
    self.tuning = tuning
  }

  /// Objections resembling `text`, best first, at most `limit`; empty when none clears the threshold.
  public func match(_ text: String, limit: Int = 3) -> [ObjectionMatch] {
    Array(scoreAll(text).prefix { $0.score >= tuning.threshold && $0.score > 0 }.prefix(max(limit, 0)))
  }

  /// Every code's score for `text` (best over its documents), best first; ties keep code order.
  func scoreAll(_ text: String) -> [ObjectionMatch] {
    let tokens = Tokenizer.tokens(text)
    guard !tokens.isEmpty else { return [] }
    var best = Array(repeating: 0.0, count: codes.count)
    for (document, score) in index.scores(for: tokens, weight: weight).enumerated() {
      best[owners[document]] = max(best[owners[document]], score)
    }
    let cjkShare = Double(tokens.filter { $0.allSatisfy(Tokenizer.isCJK) }.count) / Double(tokens.count)
    let exponent = 1 - cjkShare * (1 - tuning.cjkExponent)
    return best.enumerated()
      .sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
      .map { ObjectionMatch(code: codes[$0.offset], score: pow(min($0.element, 1), exponent)) }
  }

  /// A query token's weight: a lone CJK character says less than a bigram or an English word.
  private func weight(_ token: String) -> Double {
    token.count == 1 && token.allSatisfy(Tokenizer.isCJK) ? tuning.unigramWeight : 1
  }
}
