import Foundation

/// The scenario file as written, before times and codes are resolved (decoded with the playbook's NodeDecoder,
/// so keys are snake_case and errors carry file:line:column).
struct ScenarioFileSpec: Decodable {
  var language: String?
  var now: String?
  var tz: String?
  var scenarios: [ScenarioSpec]
}

struct ScenarioSpec: Decodable {
  var name: String
  var language: String?
  var now: String?
  var tz: String?
  var lead: LeadSpec
  var expect: ExpectSpec
}

struct LeadSpec: Decodable {
  var name: String?
  var phone: String?
  var wechat: String?
  var consultant: String?
  var stage: String?
  var grade: String?
  var tier: String?
  var model: String?
  var tags: [String]?
  var profile: OrderedPairs?
  var birthday: String?
  var created: String?
  var history: [StepSpec]?
  var touches: [TouchSpec]?
}

struct StepSpec: Decodable {
  var stage: String?
  var at: String
  var amount: Double?
  var eta: String?
  var date: String?
  var model: String?
  var reason: String?
  var note: String?
}

struct TouchSpec: Decodable {
  var at: String
  var channel: String?
  var outcome: String?
  var note: String?
  var objections: [String]?
  var next: String?
  var bury: [BurySpec]?
  var issues: [String]?
  var resolve: [String]?
}

/// `- the text` (kind other) or `- {text: …, kind: supply}`.
struct BurySpec: Decodable {
  var text: String
  var kind: String?

  enum CodingKeys: String, CodingKey { case text, kind }

  init(from decoder: any Decoder) throws {
    if let text = try? decoder.singleValueContainer().decode(String.self) {
      self.text = text
      return
    }
    let c = try decoder.container(keyedBy: CodingKeys.self)
    text = try c.decode(String.self, forKey: .text)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
  }
}

struct ExpectSpec: Decodable {
  var action: String?
  var due: Bool?
  var overdue: Bool?
  var talkingPoints: [String]?
  var talkingPointTexts: [String]?
  var objections: [String]?
  var phrases: [PhraseSpec]?
  var `switch`: SwitchSpec?
  var warnings: [String]?
  var message: [String]?
  var messageNever: [String]?
}

struct PhraseSpec: Decodable {
  var say: String
  var objection: String
}

struct SwitchSpec: Decodable {
  var to: String
  var lever: String?
}

/// A `key: value` mapping read in the order written (profile facts keep their order).
struct OrderedPairs: Decodable {
  var pairs: [(key: String, value: String)]

  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: AnyKey.self)
    pairs = try c.allKeys.map { ($0.stringValue, try c.decode(String.self, forKey: $0)) }
  }
}
