/// Two-word English tokens: a negation or "only" joined to the word it bears on ("not fair" → `not+fair`,
/// "only one" → `only+one`, "can't choose" → `not+choos`).
///
/// Both words of such a pair are stop words or too common alone ("not", "only", "one"), so without the pair
/// "There's only one in the showroom" and "it's not fair" lose what they say. The pair is added beside the
/// second word's own token; an article between them is skipped ("not a fair price"); any other stop word,
/// a number, a Chinese run or punctuation other than white space ends the pair.
struct EnglishPairs {
  /// Words that negate what follows, contractions without their apostrophe.
  static let negations: Set<String> = [
    "not", "no", "never", "cant", "cannot", "dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "werent",
    "havent", "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "aint",
  ]
  /// Words that single out what follows.
  static let exclusives: Set<String> = ["only", "just"]
  static let articles: Set<String> = ["a", "an", "the"]

  /// The pending modifier (`not` or `only`), waiting for the word it bears on.
  private var pending: String?

  /// The pair token the word `word` (with `stem`, a stop word or not) completes, if any.
  mutating func next(_ word: String, stem: String, isStop: Bool) -> String? {
    if Self.negations.contains(word) {
      pending = "not"
      return nil
    }
    if Self.exclusives.contains(word) {
      pending = "only"
      return nil
    }
    if Self.articles.contains(word) { return nil }
    defer { pending = nil }
    guard let pending, !isStop else { return nil }
    return pending + "+" + stem
  }

  /// Whether a token is a two-word token.
  static func isPair(_ token: String) -> Bool { token.contains("+") }

  /// Something other than a word came (a number, Chinese, punctuation): no pair spans it.
  mutating func interrupt() { pending = nil }
}
