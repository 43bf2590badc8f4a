/// The tokenizer's rules over text `QuickNormalizer` already normalised: there every scalar is one
/// character (no grapheme breaking) and letters and digits are ASCII (no Unicode property look-ups).
/// TokenizerFastPathTests checks it gives what `foundationTokens` gives.
extension Tokenizer {
  static func quickTokens(_ scalars: [Unicode.Scalar]) -> [String] {
    var tokens: [String] = []
    tokens.reserveCapacity(scalars.count * 2)
    var word: [UInt8] = []
    var cjkRun: [Unicode.Scalar] = []
    var pairs = EnglishPairs()

    func flushWord() {
      defer { word.removeAll(keepingCapacity: true) }
      guard !word.isEmpty else { return }
      guard !word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return pairs.interrupt() }
      var stemmed = word
      EnglishWords.stem(&stemmed) { $0 }
      let stem = String(decoding: stemmed, as: UTF8.self)
      let text = String(decoding: word, as: UTF8.self)
      let isStop = EnglishWords.isStop(text, stem: stem)
      if !isStop { tokens.append(stem) }
      if let pair = pairs.next(text, stem: stem, isStop: isStop) { tokens.append(pair) }
    }
    func flushCJK() {
      defer { cjkRun.removeAll(keepingCapacity: true) }
      if !cjkRun.isEmpty { pairs.interrupt() }
      for index in cjkRun.indices {
        let char = cjkRun[index]
        if !ChineseCharacters.stopScalars.contains(char.value) { tokens.append(String(char)) }
        if index + 1 < cjkRun.count {
          var bigram = String(char)
          bigram.unicodeScalars.append(cjkRun[index + 1])
          tokens.append(bigram)
        }
      }
    }

    for scalar in scalars {
      let value = scalar.value
      if isCJK(value) {
        flushWord()
        cjkRun.append(scalar)
      } else if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
        flushCJK()
        word.append(UInt8(truncatingIfNeeded: value))
      } else if value == 0x27 || value == 0x2019, !word.isEmpty {
        continue  // inside a word: "don't" -> "dont"
      } else {
        flushWord()
        flushCJK()
        if !scalar.properties.isWhitespace { pairs.interrupt() }
      }
    }
    flushWord()
    flushCJK()
    return tokens
  }
}
