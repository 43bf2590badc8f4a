import Foundation
import Testing

@testable import CoachCore

/// `Template.fill` finds its braces in the text's bytes: it fills exactly as walking the text's characters does.
@Suite struct TemplateFillTests {
  /// The fill as first written, by `Character`: the reference.
  static func byCharacter(_ text: String, _ value: (String) -> String?) -> String {
    guard text.contains("{") else { return text }
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest.index(after: open)
      if let close = rest[after...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}" {
        out += value(String(rest[after..<close])) ?? String(rest[open...close])
        rest = rest[rest.index(after: close)...]
      } else {
        out += "{"
        rest = rest[after...]
      }
    }
    return out + rest
  }

  @Test func fillsAsWalkingTheCharactersDoes() {
    let values = ["days": "3", "model": "星途 X40", "topic": "{旧车}", "": "空"]
    let fixed = [
      "", "no slots", "{days}", "已{days}天未联系", "{model}{days}{topic}", "{unknown} stays", "{", "}", "{{days}}",
      "{days", "days}", "a{b{days}c}d", "{}", "价格 {model} ¥{days}万 {", "emoji 🚗{days}🚗", "{topic}}",
    ]
    var random = SplitMix64(seed: 5)
    let pieces = ["{", "}", "days", "model", "topic", "天", "车", "🚗", " ", "x", "é"]
    var texts = fixed
    for _ in 0..<3_000 {
      texts.append(
        (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
    }
    for text in texts {
      #expect(Template.fill(text, values) == Self.byCharacter(text) { values[$0] }, "\(text)")
    }
  }

  /// A count of one before an English unit is said in the singular; other counts, longer words, units written in
  /// the text itself and Chinese stay as they are.
  @Test func aCountOfOneTakesTheSingular() {
    let one = ["days": "1", "years": "1", "n": "1"]
    #expect(Template.fill("overdue by {days} days", one) == "overdue by 1 day")
    #expect(Template.fill("{days} days late, {years} years since delivery", one) == "1 day late, 1 year since delivery")
    #expect(
      Template.fill("every {n} weeks, {n} months, {n} hours, {n} minutes.", one)
        == "every 1 week, 1 month, 1 hour, 1 minute.")
    #expect(Template.fill("overdue by {days} days", ["days": "11"]) == "overdue by 11 days")
    #expect(Template.fill("overdue by {days} days", ["days": "0.1"]) == "overdue by 0.1 days")
    #expect(Template.fill("{n} daystar, {n} days2, {n}days, {n} Days", one) == "1 daystar, 1 days2, 1days, 1 Days")
    #expect(Template.fill("1 days by hand, {days} 天", one) == "1 days by hand, 1 天")
    #expect(Template.fill("{days} days", one) == "1 day" && Template.fill("{n} days)", one) == "1 day)")
  }
}
