/// Finds many short phrases in a text in one pass over its scalars (the vocabulary's class words and
/// spellings): candidates are looked up by their first scalar, so the cost grows with the text, not
/// with the number of phrases. In a phrase, a space stands for any white space or none (远航 S6 =
/// 远航S6) and `#` for a number (3, 十二, 俩, twelve, a few). A phrase that begins or ends with an
/// ASCII letter or digit matches only as whole words ("ten" is not in "often").
/// `PhraseScannerTests` checks it against a plain search of every phrase at every position.
struct PhraseScanner: Sendable {
  enum Element: Sendable, Equatable {
    case scalar(Unicode.Scalar)
    case space
    case number
  }

  struct Pattern: Sendable {
    var elements: [Element]
    var payload: Int
  }

  let patterns: [Pattern]
  private let byFirst: [UInt32: [Int]]
  private let startingWithNumber: [Int]

  /// `phrases` already folded (lowercase, half width); `payload` is returned for a match.
  init(_ phrases: [(phrase: String, payload: Int)]) {
    var patterns: [Pattern] = []
    for (phrase, payload) in phrases {
      var elements: [Element] = []
      for scalar in phrase.unicodeScalars {
        let element: Element = scalar == "#" ? .number : scalar.properties.isWhitespace ? .space : .scalar(scalar)
        if element == .space, elements.last == .space || elements.isEmpty { continue }
        elements.append(element)
      }
      while elements.last == .space { elements.removeLast() }
      if !elements.isEmpty { patterns.append(Pattern(elements: elements, payload: payload)) }
    }
    var byFirst: [UInt32: [Int]] = [:]
    var startingWithNumber: [Int] = []
    for (index, pattern) in patterns.enumerated() {
      switch pattern.elements[0] {
      case .scalar(let s): byFirst[s.value, default: []].append(index)
      case .number: startingWithNumber.append(index)
      case .space: break
      }
    }
    self.patterns = patterns
    self.byFirst = byFirst
    self.startingWithNumber = startingWithNumber
  }

  /// The longest phrase matching at `start` (its end and payload); ties go to the phrase listed first.
  func longestMatch(in text: [Unicode.Scalar], at start: Int) -> (end: Int, payload: Int)? {
    var best: (end: Int, index: Int)?
    func consider(_ index: Int) {
      guard let end = Self.match(patterns[index].elements, in: text, at: start), end > start else { return }
      if let current = best, end < current.end || (end == current.end && index > current.index) { return }
      best = (end, index)
    }
    if let list = byFirst[text[start].value] { for index in list { consider(index) } }
    for (index, end) in numberPatternEnds(in: text, at: start) {
      if let current = best, end < current.end || (end == current.end && index > current.index) { continue }
      best = (end, index)
    }
    return best.map { ($0.end, patterns[$0.index].payload) }
  }

  /// Phrases that begin with a number and match at `start`, with where each ends: the number's readings are
  /// found once for all of them (most positions of English text begin a letter a number word may begin with).
  private func numberPatternEnds(in text: [Unicode.Scalar], at start: Int) -> [(index: Int, end: Int)] {
    guard !startingWithNumber.isEmpty, Self.mayStartNumber(text, at: start) else { return [] }
    let numberEnds = Self.numberEnds(in: text, at: start)
    guard !numberEnds.isEmpty else { return [] }
    return startingWithNumber.compactMap { index in
      for end in numberEnds {
        if let found = Self.match(patterns[index].elements, from: 1, in: text, at: end) { return (index, found) }
      }
      return nil
    }
  }

  /// Payloads of every phrase found anywhere in `text`.
  func payloads(in text: [Unicode.Scalar]) -> Set<Int> {
    Set(spans(in: text).map(\.payload))
  }

  /// Every phrase found anywhere in `text`: where it starts and ends (scalar offsets) and its payload.
  func spans(in text: [Unicode.Scalar]) -> [(start: Int, end: Int, payload: Int)] {
    var found: [(start: Int, end: Int, payload: Int)] = []
    for start in text.indices {
      if let list = byFirst[text[start].value] {
        for index in list {
          if let end = Self.match(patterns[index].elements, in: text, at: start) {
            found.append((start, end, patterns[index].payload))
          }
        }
      }
      for (index, end) in numberPatternEnds(in: text, at: start) { found.append((start, end, patterns[index].payload)) }
    }
    return found
  }

  // MARK: - Matching one phrase

  /// Where `elements` matched at `start` ends, or nil.
  static func match(_ elements: [Element], in text: [Unicode.Scalar], at start: Int) -> Int? {
    if case .scalar(let first) = elements.first, isWordScalar(first), start > 0, isWordScalar(text[start - 1]) {
      return nil
    }
    return match(elements, from: 0, in: text, at: start)
  }

  /// `elements[element...]` matched at `position`; a number tries its longest reading first and gives way
  /// to shorter ones (八千 is a number, and 八 one before 千).
  static func match(_ elements: [Element], from element: Int, in text: [Unicode.Scalar], at position: Int) -> Int? {
    guard element < elements.count else {
      if case .scalar(let last) = elements.last, isWordScalar(last), position < text.count, isWordScalar(text[position])
      {
        return nil
      }
      return position
    }
    switch elements[element] {
    case .scalar(let s):
      guard position < text.count, text[position] == s else { return nil }
      return match(elements, from: element + 1, in: text, at: position + 1)
    case .space:
      var end = position
      while end < text.count, text[end].properties.isWhitespace { end += 1 }
      return match(elements, from: element + 1, in: text, at: end)
    case .number:
      for end in numberEnds(in: text, at: position) {
        if let found = match(elements, from: element + 1, in: text, at: end) { return found }
      }
      return nil
    }
  }

  static let chineseNumerals: Set<Unicode.Scalar> = Set("一二两三四五六七八九十百千半俩仨几".unicodeScalars)
  static let numberWords: [[Unicode.Scalar]] = [
    "a couple of", "couple of", "a few", "several", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
  ].map { Array($0.unicodeScalars) }

  /// Scalars a number can begin with (a cheap test before `numberEnd`).
  static let numberStarts: Set<Unicode.Scalar> = chineseNumerals.union("0123456789".unicodeScalars)
    .union(numberWords.map { $0[0] })

  static func mayStartNumber(_ text: [Unicode.Scalar], at start: Int) -> Bool {
    numberStarts.contains(text[start])
  }

  /// Where a number starting at `start` may end, longest first: digits (with a decimal part) or Chinese
  /// numerals (any non-empty run of them), or an English number word standing alone.
  static func numberEnds(in text: [Unicode.Scalar], at start: Int) -> [Int] {
    guard start < text.count else { return [] }
    var end = start
    if ("0"..."9").contains(text[start]) {
      while end < text.count, ("0"..."9").contains(text[end]) || text[end] == "." { end += 1 }
      return Array((start + 1...end).reversed())
    }
    if chineseNumerals.contains(text[start]) {
      while end < text.count, chineseNumerals.contains(text[end]) { end += 1 }
      return Array((start + 1...end).reversed())
    }
    guard start == 0 || !isWordScalar(text[start - 1]) else { return [] }
    return numberWords.compactMap { word in
      // The first scalar first: most word starts begin no number word (start-up scans every playbook text).
      guard word[0] == text[start], text.count - start >= word.count,
        text[start..<start + word.count].elementsEqual(word)
      else { return nil }
      let after = start + word.count
      return after == text.count || !isWordScalar(text[after]) ? after : nil
    }.sorted(by: >)
  }

  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
  }
}
