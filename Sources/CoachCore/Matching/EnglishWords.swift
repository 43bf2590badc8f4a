/// Stop words and a light suffix-stripping stemmer for English matcher tokens.
enum EnglishWords {
  /// Words that carry no objection on their own (contractions already lost their apostrophe).
  static let stopWords: Set<String> = [
    "a", "an", "the", "i", "me", "my", "mine", "you", "your", "yours", "we", "us", "our", "he", "she",
    "him", "her", "his", "they", "them", "their", "it", "its", "this", "that", "these", "those",
    "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "to", "of", "in", "on", "at", "for", "with", "by", "from", "up", "about", "into", "as",
    "and", "or", "but", "if", "so", "then", "than", "there", "here",
    "what", "which", "who", "whom", "why", "how", "when", "where",
    "im", "ive", "id", "ill", "youre", "youve", "youll", "thats", "whats", "theres", "lets",
    "very", "really", "just", "some", "any", "all", "too", "also", "only", "even", "yet",
    "oh", "ok", "okay", "well", "please", "hi", "hello", "thank", "thanks", "yes", "no", "not", "sure",
    // Very frequent English words that say nothing about an objection (top of general word lists).
    "say", "out", "put", "get", "got", "go", "make", "like", "know", "take", "people", "see", "now",
    "come", "over", "think", "back", "use", "because", "day", "today", "good", "first", "way", "work",
    "thing", "something", "anything", "much", "many", "more", "most", "lot", "lots", "want", "need",
    "still", "again", "right", "time",
    // Negations are stop words alone; `EnglishPairs` joins them to the word they negate.
    "cannot", "cant", "dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "werent", "havent", "hasnt",
    "hadnt", "couldnt", "wouldnt", "shouldnt", "aint",
    // Number words, as digits are dropped: a duration or an amount is a word class of the vocabulary ("# weeks").
    // "one" stays ("only one car").
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "hundred",
  ]

  /// Stop words as the stemmer leaves them, so "things" or "getting" are dropped too.
  static let stemmedStopWords: Set<String> = Set(stopWords.map(stem))

  /// Whether a word (before or after stemming) is a stop word.
  static func isStop(_ word: String, stem: String) -> Bool {
    stopWords.contains(word) || stemmedStopWords.contains(stem)
  }

  /// A conservative stem: plural and verb endings, -ion, doubled final consonants, final e.
  /// Good enough that wait/waits/waiting/waited and price/prices/priced meet.
  static func stem(_ word: String) -> String {
    var w = Array(word)
    guard w.count > 3 else { return word }
    stem(&w) { Character(Unicode.Scalar($0)) }
    return String(w)
  }

  /// `stem` over the letters of a word, as Characters or (for the tokenizer's ASCII path) as bytes;
  /// `unit` turns an ASCII byte of a suffix into a letter.
  static func stem<Letter: Equatable>(_ w: inout [Letter], _ unit: (UInt8) -> Letter) {
    guard w.count > 3 else { return }
    func ends(_ suffix: StaticString) -> Bool {
      let n = suffix.utf8CodeUnitCount
      guard w.count > n else { return false }
      return suffix.withUTF8Buffer { s in zip(w[(w.count - n)...], s).allSatisfy { $0 == unit($1) } }
    }
    func among(_ letters: StaticString, _ letter: Letter) -> Bool {
      letters.withUTF8Buffer { $0.contains { unit($0) == letter } }
    }

    if ends("ies"), w.count > 4 {
      w.removeLast(3)
      w.append(unit(UInt8(ascii: "y")))
    } else if ends("sses") {
      w.removeLast(2)
    } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
      w.removeLast()
    }
    if ends("ion"), w.count - 3 >= 4 {
      w.removeLast(3)  // compensation -> compensat, meets compensate(d)
    } else if ends("ing"), w.count - 3 >= 3 {
      w.removeLast(3)
    } else if ends("ed"), w.count - 2 >= 3 {
      w.removeLast(2)
    }
    if w.count > 3, let last = w.last, last == w[w.count - 2], !among("lsz", last), !among("aeiou", last) {
      w.removeLast()
    }
    if w.count > 3, w.last == unit(UInt8(ascii: "e")) { w.removeLast() }
  }
}
