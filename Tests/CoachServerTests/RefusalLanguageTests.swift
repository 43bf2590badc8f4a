import CoachApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CoachServer

/// The server's own refusals (no such address, no session, no CSRF token, a wrong login, no calendar feed, a weak
/// password) speak the request's language like the use cases' refusals: Chinese under `?lang=zh-CN`, English
/// under `?lang=en`, with the same code in both.
@Suite struct RefusalLanguageTests {
  struct Refusal {
    let name: String
    let user: String?
    let method: HTTPRequest.Method
    let path: String
    var json: String?
    var form: String?
    var csrf = true
    let status: HTTPResponse.Status
    let code: String
  }

  static func refusals(_ shop: RouteShop) -> [Refusal] {
    let lead = shop.lead("alice")
    return [
      Refusal(
        name: "unknown API path", user: "alice", method: .get, path: "/api/v1/nothing-here", status: .notFound,
        code: "not_found"),
      Refusal(
        name: "no session", user: nil, method: .get, path: "/api/v1/next", status: .unauthorized,
        code: "unauthenticated"),
      Refusal(
        name: "no CSRF token", user: "alice", method: .post, path: "/api/v1/leads/\(lead)/touches",
        json: #"{"channel": "call", "outcome": "reached"}"#, csrf: false, status: .forbidden, code: "csrf"),
      Refusal(
        name: "wrong login", user: nil, method: .post, path: "/api/v1/login",
        json: #"{"user": "alice", "password": "not her password"}"#, status: .unauthorized, code: "bad_login"),
      Refusal(
        name: "unknown calendar feed", user: nil, method: .get, path: "/ics/\(String(repeating: "a", count: 64)).ics",
        status: .notFound, code: "not_found"),
    ]
  }

  @Test func theServersOwnRefusalsSpeakTheRequestsLanguageWithTheSameCode() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      for refusal in Self.refusals(shop) {
        for language in RouteShop.languages {
          let r = try await shop.send(
            client, refusal.user, refusal.method, "\(refusal.path)?lang=\(language)", json: refusal.json,
            form: refusal.form, csrf: refusal.csrf)
          #expect(r.status == refusal.status, "\(refusal.name) \(language): \(r.status)")
          let error = Look.errorObject(r.body)
          #expect(error?.code == refusal.code, "\(refusal.name) \(language): \(String(buffer: r.body))")
          #expect(
            Look.hasChinese(error?.message ?? "") == (language == "zh-CN"),
            "\(refusal.name) \(language): \(error?.message ?? "")")
        }
      }
    }
  }

  @Test func aWeakPasswordIsRefusedInThePagesLanguage() async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    try await shop.app().test(.router) { client in
      for language in RouteShop.languages {
        let r = try await shop.send(
          client, "boss", .post, "/admin/password?lang=\(language)", form: "name=alice&password=short&repeat=short")
        #expect(r.status == .badRequest)
        let alert = Look.alert(String(buffer: r.body)) ?? ""
        #expect(alert.contains("8"), "\(alert)")
        #expect(Look.hasChinese(alert) == (language == "zh-CN"), "\(language): \(alert)")
      }
    }
    #expect(try shop.written() == before)
  }

  /// A refusal worded for the command line names its options (`--outcome`, `--channel`); the API names its JSON
  /// fields and a page its form's labels instead, in both languages.
  @Test func aRefusalNamesTheFieldsTheUserFilledNotCommandLineOptions() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      for language in RouteShop.languages {
        let api = try await shop.send(
          client, "alice", .post, "/api/v1/leads/\(lead)/touches?lang=\(language)",
          json: #"{"channel": "call", "outcome": "visited"}"#)
        let error = try #require(Look.errorObject(api.body), "\(String(buffer: api.body))")
        #expect(error.code == "outcome_not_on_channel")
        #expect(!error.message.contains("--") && error.message.contains("outcome"), "\(error.message)")
        let page = try await shop.send(
          client, "alice", .post, "/leads/\(lead)/touches?lang=\(language)", form: "channel=call&outcome=visited")
        let alert = try #require(Look.alert(String(buffer: page.body)))
        let label = language == "en" ? "“Outcome”" : "“结果”"
        #expect(!alert.contains("--") && alert.contains(label), "\(alert)")
        // A stage by the name the page shows, not the code `coach stage` takes.
        let stage = try await shop.send(
          client, "alice", .post, "/leads/\(lead)/stage?lang=\(language)", form: "stage=deposit")
        let said = try #require(Look.alert(String(buffer: stage.body)))
        let named = language == "en" ? ["Deposit", "“Deposit amount”"] : ["已交定金", "“定金金额”"]
        #expect(named.allSatisfy(said.contains) && !said.contains("deposit needs") && !said.contains("--"), "\(said)")
      }
    }
  }

  @Test func optionsBecomeFieldNamesOrLabelsAndNothingElseChanges() {
    let message = "--outcome visited goes only with a visit (--channel visit, test_drive); see x--y and --Z"
    #expect(
      WebWording.api(message) == "outcome visited goes only with a visit (channel visit, test_drive); see x--y and --Z")
    #expect(
      WebWording.page(message, language: "en")
        == "“Outcome” visited goes only with a visit (“Channel” visit, test_drive); see x--y and --Z")
    #expect(WebWording.page("--limit 必须是 0 或更大的数", language: "zh-CN") == "limit 必须是 0 或更大的数")
  }
}

/// A user who left and was deactivated: their open browser session ends at once and a right password no longer
/// logs them in, even one set behind the use cases' back.
@Suite struct DeactivatedUserTests {
  @Test func aDeactivatedUsersSessionEndsAndTheyCannotLogIn() async throws {
    let shop = try RouteShop()
    let tina = try #require(try shop.db.user(named: "tina")?.id)
    try await shop.app().test(.router) { client in
      #expect(try await shop.send(client, "tina", .get, "/api/v1/next").status == .ok)
      try shop.db.setDeactivated(userID: tina, at: Date())
      #expect(try await shop.send(client, "tina", .get, "/api/v1/next").status == .unauthorized)
      try shop.db.setPasswordHash(userID: tina, hash: Passwords.hash("secret-pass-1"), now: Date())
      let login = try await shop.send(
        client, nil, .post, "/api/v1/login", json: #"{"user": "tina", "password": "secret-pass-1"}"#)
      #expect(login.status == .unauthorized)
      try shop.db.setDeactivated(userID: tina, at: nil)
      let back = try await shop.send(
        client, nil, .post, "/api/v1/login", json: #"{"user": "tina", "password": "secret-pass-1"}"#)
      #expect(back.status == .ok)
    }
  }
}
