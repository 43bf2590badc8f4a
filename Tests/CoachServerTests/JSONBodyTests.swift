import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CoachServer

/// A JSON body the server cannot read is refused (400 `usage`) saying what was wrong, in the request's language:
/// where the JSON breaks and what was expected there, or which field is missing, null or of the wrong type, what
/// was found and what it takes; with the document expected.
@Suite struct JSONBodyTests {
  /// A body, where it goes, and what the English message must say.
  static let bad: [(path: String, body: String, says: [String], zh: [String])] = [
    (
      "touches", #"{"channel": "call", "outcome": "reached", "next_at": "2026-11-27T10:00"}"#,
      [
        "unknown field next_at",
        "the fields are channel, outcome, note, bury, resolve, objections, levers, issues, next",
      ],
      ["不认识的字段 next_at", "可用的字段是"]
    ),
    ("stage", #"{"stage": "deposit", "deposit": 5000}"#, ["unknown field deposit", "amount"], ["不认识的字段 deposit"]),
    (
      "touches", #"{"channel": "call", "outcome": }"#, ["line 1, column 32", "expected a value", "found '}'"],
      ["第 1 行第 32 列", "“}”"]
    ),
    (
      "touches", #"{"channel": "call" "outcome": "reached"}"#,
      ["line 1, column 20", "expected ',' or '}'", "found '\"'"],
      ["第 1 行第 20 列"]
    ),
    (
      "touches", "{\"channel\": \"call\",\n  \"note\": \"多谢\n\"}",
      ["line 2, column 14", "closing '\"'", "found '\\n'"], ["第 2 行第 14 列"]
    ),
    (
      "touches", #"{"channel": "call", "outcome": "reached""#, ["line 1, column 41", "found the end of the body"],
      ["请求体结束"]
    ),
    ("touches", #"{"channel": 'call'}"#, ["column 13", "expected a value", "found '''"], ["第 1 行第 13 列"]),
    ("touches", "", ["the body is empty", "\"channel\""], ["请求体是空的"]),
    ("touches", "[]", ["must be a JSON object, not an array"], ["JSON 对象", "数组"]),
    (
      "touches", #"{"channel": "call", "outcome": "reached", "bury": [{"kind": "tech"}]}"#, ["bury[0].text is missing"],
      ["缺少 bury[0].text"]
    ),
    (
      "touches", #"{"channel": "call", "outcome": "reached", "bury": [{"text": null}]}"#,
      ["bury[0].text is null: give a string"], ["bury[0].text 是 null"]
    ),
    (
      "touches", #"{"channel": "call", "outcome": "reached", "resolve": ["first"]}"#,
      ["resolve[0] must be a whole number, not a string \"first\""], ["resolve[0] 应为整数"]
    ),
    (
      "touches", #"{"channel": "call", "outcome": "reached", "objections": "wait_too_long"}"#,
      ["objections must be an array, not a string"], ["objections 应为数组"]
    ),
    (
      "stage", #"{"stage": "deposit", "amount": "lots"}"#,
      ["amount must be a number, not a string \"lots\"", "\"amount\""],
      ["amount 应为数字"]
    ),
    ("stage", #"{"stage": true}"#, ["stage must be a string, not true"], ["stage 应为字符串"]),
    (
      "snooze", #"{"until": 20261205, "reason": "abroad"}"#, ["until must be a string, not the number 20261205"],
      ["until 应为字符串"]
    ),
  ]

  @Test func aBodyTheServerCannotReadIsRefusedSayingWhatAndWhere() async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      for bad in Self.bad {
        for language in RouteShop.languages {
          let r = try await shop.send(
            client, "alice", .post, "/api/v1/leads/\(lead)/\(bad.path)?lang=\(language)", json: bad.body)
          #expect(r.status == .badRequest, "\(bad.body): \(r.status)")
          let error = Look.errorObject(r.body)
          #expect(error?.code == "usage")
          let message = error?.message ?? ""
          for part in language == "en" ? bad.says : bad.zh {
            #expect(message.contains(part), "\(bad.body) \(language): \(message)")
          }
          #expect(Look.hasChinese(message) == (language == "zh-CN"), "\(bad.body) \(language): \(message)")
        }
      }
      let login = try await shop.send(client, nil, .post, "/api/v1/login", json: #"{"user": "alice"}"#)
      #expect(login.status == .badRequest)
      #expect(Look.errorObject(login.body)?.message.contains("password is missing") == true)
    }
    #expect(try shop.written() == before)
  }

  /// Bodies valid and not, tricky ones included: the scan says an error exactly when Foundation's parser refuses.
  static let syntax = [
    "{}", "[]", "0", "-0.5E-3", "1e5", "\"\"", "\"\\u00e9\\n\\\"\"", "\"多谢\"", " [1, [2, {\"a\": null}]] ",
    "true", "false", "null", "{\"a\":1,\"b\":[true,false]}", "01", "1.", "-", "1e", "\"\\x\"", "\"a\tb\"", "[1,]",
    "{\"a\":1,}", "tru", "nulls", " ", "\"\\u12G4\"", "1 2", "{\"a\" 1}", "{1: 2}", "[", "{\"a\":", "\"abc",
    "+1", ".5", "[1 2]", "{\"a\":1 \"b\":2}", "\u{FEFF}{}", "[,]", "{,}", "[1,,]", "{\"a\":1,,}", "[1, ]",
  ]

  @Test func theSyntaxScanAgreesWithFoundation() {
    for text in Self.syntax {
      let data = Data(text.utf8)
      let foundation = (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil
      #expect((JSONSyntax.firstError(Array(data)) == nil) == foundation, "\(text.debugDescription)")
    }
  }

  @Test func theScanCountsColumnsInCharactersAndNamesTheCharacterFound() {
    let failure = JSONSyntax.firstError(Array("{\"备注\": \"好\",\n \"x\": 多}".utf8))
    #expect(failure == JSONSyntax.Failure(line: 2, column: 7, expected: .value, found: "多"))
    let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    #expect(JSONSyntax.firstError(Array(deep.utf8))?.expected == .shallower)
  }
}
