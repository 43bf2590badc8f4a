import Foundation

/// How many seats a customer's profile asks for: a `seats` fact, or the size of the family
/// (`一家五口`, `三口之家`, `两个孩子`, `family of 5`, `3 kids`).
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
    // "两个孩子" / "2 kids": the children and two parents
    found += numbers(before: ["个孩子", "个小孩", " kids", " children", " kid", " child"], in: text).map { $0 + 2 }
    if text.contains("二胎") { found.append(4) }
    if text.contains("三胎") { found.append(5) }
    if let range = text.range(of: "family of ") {
      number(in: String(text[range.upperBound...])).map { found.append($0) }
    }
    return found.filter { (1...12).contains($0) }.max()
  }

  static let chineseDigits: [Character: Int] = [
    "一": 1, "两": 2, "二": 2, "俩": 2, "三": 3, "仨": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
  ]

  /// The numbers written just before one of `markers` (one Chinese numeral or ASCII digits).
  static func numbers(before markers: [String], in text: String) -> [Int] {
    var out: [Int] = []
    for marker in markers {
      var rest = text[...]
      while let r = rest.range(of: marker) {
        let before = rest[..<r.lowerBound]
        let digits = String(before.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        if let n = Int(digits) {
          out.append(n)
        } else if let last = before.last, let n = chineseDigits[last] {
          out.append(n)
        }
        rest = rest[r.upperBound...]
      }
    }
    return out
  }

  /// The first number in `text` (ASCII digits or one Chinese numeral).
  static func number(in text: String) -> Int? {
    let digits = text.drop { !($0.isASCII && $0.isNumber) }.prefix { $0.isASCII && $0.isNumber }
    if let n = Int(digits) { return n }
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
