import Foundation

/// Okapi BM25 over a fixed set of token documents.
///
/// Tokens no text has ever contained count with the highest IDF, so a query made mostly of
/// unknown words scores low.
struct BM25Index: Sendable {
  let k1: Double
  let b: Double
  private let termFrequencies: [[String: Int]]
  private let lengths: [Double]
  private let averageLength: Double
  private let documentFrequency: [String: Int]
  private let corpusSize: Double

  /// `background` documents only inform IDF (how common a token is in playbook language); they
  /// are never scored.
  init(documents: [[String]], background: [[String]] = [], k1: Double = 1.2, b: Double = 0.75) {
    self.k1 = k1
    self.b = b
    let termFrequencies = documents.map { tokens in
      var counts = [String: Int](minimumCapacity: tokens.count)
      for token in tokens { counts[token, default: 0] += 1 }
      return counts
    }
    self.termFrequencies = termFrequencies
    lengths = documents.map { Double($0.count) }
    let total = lengths.reduce(0, +)
    averageLength = documents.isEmpty ? 1 : max(total / Double(documents.count), 1)
    // One hash look-up per token: a term counts once per text (documents, then background).
    var counted = [String: TextCount](minimumCapacity: termFrequencies.reduce(0) { $0 + $1.count })
    for (text, counts) in termFrequencies.enumerated() {
      for term in counts.keys { counted[term, default: TextCount()].count(in: text) }
    }
    for (index, doc) in background.enumerated() {
      for term in doc { counted[term, default: TextCount()].count(in: documents.count + index) }
    }
    documentFrequency = counted.mapValues(\.frequency)
    corpusSize = Double(documents.count + background.count)
  }

  var count: Int { termFrequencies.count }

  /// Whether any document or background text holds `term`.
  func knows(_ term: String) -> Bool { documentFrequency[term] != nil }

  /// For every document, whether it holds at least one of `tokens`.
  func contains(any tokens: [String]) -> [Bool] {
    termFrequencies.map { doc in tokens.contains { doc[$0] != nil } }
  }

  /// Robertson-Sparck Jones IDF with the +1 that keeps it positive.
  func idf(_ term: String) -> Double {
    let n = Double(documentFrequency[term] ?? 0)
    return log(1 + (corpusSize - n + 0.5) / (n + 0.5))
  }

  /// Score of every document for the query tokens: BM25 divided by the query's IDF mass (the
  /// score it would get if each token occurred once in a document of average length), so about
  /// 0...1 but above 1 when a document repeats the query's tokens. `weight` scales each query
  /// token's share (CJK unigrams count less than bigrams).
  func scores(for query: [String], weight: (String) -> Double = { _ in 1 }) -> [Double] {
    let weights = query.reduce(into: [String: Double]()) { $0[$1, default: 0] += weight($1) }
    let idfs = Dictionary(uniqueKeysWithValues: weights.keys.map { ($0, idf($0)) })
    let ceiling = weights.reduce(0.0) { $0 + $1.value * (idfs[$1.key] ?? 0) }
    guard ceiling > 0 else { return Array(repeating: 0, count: count) }
    return termFrequencies.indices.map { index in
      let doc = termFrequencies[index]
      let norm = k1 * (1 - b + b * lengths[index] / averageLength)
      var sum = 0.0
      for (term, queryWeight) in weights {
        guard let tf = doc[term] else { continue }
        let saturation = Double(tf) * (k1 + 1) / (Double(tf) + norm)
        sum += queryWeight * (idfs[term] ?? 0) * saturation
      }
      return sum / ceiling
    }
  }
}

/// How many texts a term occurs in, counting each text once (texts are visited one after another).
private struct TextCount {
  var frequency = 0
  var lastText = -1

  mutating func count(in text: Int) {
    guard text != lastText else { return }
    frequency += 1
    lastText = text
  }
}
