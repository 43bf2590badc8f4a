import Foundation

/// How many seats a customer's profile asks for: a `seats` fact, or the size of the family
/// (`一家五口`, `三口之家`, `两个孩子`, `family of 5`, `family of six`, `3 kids`), grandparents and parents who ride
/// along counted on top of the couple and their children (`两个孩子加爷爷奶奶`: six; `kids plus my in-laws`).
enum SeatsNeeded {
  static let keys: Set<String> = ["seats", "family", "children", "kids", "household", "座位", "家庭", "孩子"]

  static func fromProfile(_ profile: [ProfileFact]) -> Int? {
    profile.filter { keys.contains($0.key.lowercased()) }.compactMap { seats(in: $0.value, key: $0.key) }.max()
  }

  /// Seats a fact's value asks for, or nil when it names no number of people.
  static func seats(in value: String, key: String) -> Int? {
    let text = value.lowercased()
    if key.lowercased() == "seats" || key == "座位" { return number(in: text) }
    var found: [Int] = []
    // "一家五口", "五口人", "三口之家", "5人"
    found += numbers(before: ["口", "人"], in: text)
    // "两个孩子" / "2 kids": the children and two parents, and the elders who come along
    let elders = Self.elders(in: text)
    var children = numbers(before: ["个孩子", "个小孩", " kids", " children", " kid", " child"], in: text)
    if text.contains("二胎") { children.append(2) }
    if text.contains("三胎") { children.append(3) }
    // Three generations under one roof: at least a couple, a child and two grandparents.
    if text.contains("三代同堂") || text.contains("three generations") { found.append(5) }
    if let most = children.max() {
      found.append(most + 2 + elders)
    } else if elders > 0 {
      found.append(2 + elders)
    }
    if let range = text.range(of: "family of ") {
      number(in: String(text[range.upperBound...])).map { found.append($0) }
    }
    return found.filter { (1...12).contains($0) }.max()
  }

  /// Grandparents and parents named as riding along: each grandparent one (`爷爷`, `grandma`), a pair two (`父母`,
  /// `grandparents`, `in-laws`, `两个老人`).
  static func elders(in text: String) -> Int {
    let one = ["爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "grandma", "grandpa", "grandmother", "grandfather"]
    let two = ["父母", "公婆", "岳父母", "双方老人", "grandparents", "in-laws", "my parents", "both parents"]
    var count = 0
    var rest = text
    // The pairs first, and out of the text, so that "grandparents" is not also a "grandpa".
    for word in two where rest.contains(word) {
      count += 2
      rest = rest.replacingOccurrences(of: word, with: " ")
    }
    for word in one where rest.contains(word) {
      count += 1
      rest = rest.replacingOccurrences(of: word, with: " ")
    }
    count += numbers(before: ["个老人", " elderly", " seniors"], in: rest).reduce(0, +)
    return count
  }

  static let chineseDigits: [Character: Int] = [
    "一": 1, "两": 2, "二": 2, "俩": 2, "三": 3, "仨": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
  ]

  static let englishNumbers: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
  ]

  /// The numbers written just before one of `markers` (one Chinese numeral or ASCII digits).
  static func numbers(before markers: [String], in text: String) -> [Int] {
    var out: [Int] = []
    for marker in markers {
      var rest = text[...]
      while let r = rest.range(of: marker) {
        let before = rest[..<r.lowerBound]
        let digits = String(before.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        let word = before.split(whereSeparator: { !$0.isLetter }).last.map(String.init)
        if let n = Int(digits) {
          out.append(n)
        } else if let last = before.last, let n = chineseDigits[last] {
          out.append(n)
        } else if before.last?.isLetter == true, let n = word.flatMap({ englishNumbers[$0] }) {
          out.append(n)
        }
        rest = rest[r.upperBound...]
      }
    }
    return out
  }

  /// The first number in `text` (ASCII digits, one Chinese numeral, or an English word from one to twelve).
  static func number(in text: String) -> Int? {
    let digits = text.drop { !($0.isASCII && $0.isNumber) }.prefix { $0.isASCII && $0.isNumber }
    if let n = Int(digits) { return n }
    if let first = text.split(whereSeparator: { !$0.isLetter }).first, let n = englishNumbers[String(first)] {
      return n
    }
    return text.first { chineseDigits[$0] != nil }.flatMap { chineseDigits[$0] }
  }
}

/// A competitor the customer's record names (profile, notes, loose ends), among those the catalog lists for the
/// lead's model: its one-liner reaches the brief (DOMAIN.md key 6, "close the way back").
enum CompetitorMention {
  static func find(in h: LeadHistory, _ ctx: EngineContext) -> CompetitorLine? {
    guard let model = ctx.playbook.model(h.lead.model), !model.competitors.isEmpty else { return nil }
    let record =
      h.lead.profile.map(\.value) + h.touches.compactMap(\.note) + h.topics.map(\.text)
    let haystack = record.map(normalized).joined(separator: "\n")
    guard !haystack.isEmpty else { return nil }
    let named = model.competitors.first { rival in
      ([rival.name] + (rival.aliases ?? [])).contains { haystack.contains(normalized($0)) }
    }
    return named.map { CompetitorLine(name: $0.name, weakness: $0.weakness, answer: $0.answer, model: model.code) }
  }

  /// The objection matcher's folding without spaces: `远航 S6`, `远航s6`, `遠航Ｓ６` are one name.
  static func normalized(_ text: String) -> String { MatchVocabulary.compact(MatchVocabulary.fold(text)) }
}
