import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A request body past the 64 KB the server reads is 413 Payload Too Large, in the request's language: the JSON
/// error for the API, a page in the user's layout for a form; nothing is written.
@Suite struct BodyLimitTests {
  /// A note of `kb` kilobytes.
  static func note(_ kb: Int) -> String { String(repeating: "a", count: kb * 1024) }

  @Test(arguments: [65, 100, 200, 1024])
  func aBodyPastTheLimitIs413InTheRequestsLanguageAndWritesNothing(kb: Int) async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      for language in RouteShop.languages {
        let api = try await shop.send(
          client, "alice", .post, "/api/v1/leads/\(lead)/touches?lang=\(language)",
          json: #"{"channel": "call", "outcome": "reached", "note": "\#(Self.note(kb))"}"#)
        #expect(api.status == .contentTooLarge, "\(kb) KB API \(language): \(api.status)")
        let error = Look.errorObject(api.body)
        #expect(error?.code == "too_large", "\(String(buffer: api.body).prefix(300))")
        #expect(error?.message.contains("64 KB") == true)
        #expect(Look.hasChinese(error?.message ?? "") == (language == "zh-CN"), "\(error?.message ?? "")")

        let page = try await shop.send(
          client, "alice", .post, "/leads/\(lead)/touches?lang=\(language)",
          form: "channel=call&outcome=reached&note=\(Self.note(kb))")
        #expect(page.status == .contentTooLarge, "\(kb) KB form \(language): \(page.status)")
        let html = String(buffer: page.body)
        #expect(Look.layout(html, user: "alice", language: language).isEmpty, "\(html.prefix(500))")
        let alert = Look.alert(html) ?? ""
        #expect(alert.contains("64 KB") && Look.hasChinese(alert) == (language == "zh-CN"), "\(alert)")

        let login = try await shop.send(
          client, nil, .post, "/login?lang=\(language)", form: "user=alice&password=\(Self.note(kb))")
        #expect(login.status == .contentTooLarge, "\(kb) KB login \(language): \(login.status)")
      }
    }
    #expect(try shop.written() == before)
  }

  /// A body just under the limit is read (not 413): its 60 KB note is then refused as a note too long (400, naming
  /// the limit), and one of 2,000 characters is taken.
  @Test func aBodyJustUnderTheLimitIsRead() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      let r = try await shop.send(
        client, "alice", .post, "/api/v1/leads/\(lead)/touches",
        json: #"{"channel": "call", "outcome": "reached", "note": "\#(Self.note(60))"}"#)
      #expect(r.status == .badRequest, "\(String(buffer: r.body).prefix(300))")
      #expect(String(buffer: r.body).contains("\"text_too_long\""), "\(String(buffer: r.body).prefix(300))")
      let most = String(repeating: "记", count: 2_000)
      let taken = try await shop.send(
        client, "alice", .post, "/api/v1/leads/\(lead)/touches",
        json: #"{"channel": "call", "outcome": "reached", "note": "\#(most)"}"#)
      #expect(taken.status == .created, "\(String(buffer: taken.body).prefix(300))")
    }
  }

  @Test func overASocketTheClientGetsThe413() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let alice = try await server.login("alice")
    for kb in [100, 1024] {
      let r = try await server.send(
        "POST", "/api/v1/leads/\(shop.aliceLead)/touches?lang=zh-CN",
        json: ["channel": "call", "outcome": "reached", "note": Self.note(kb)], cookie: alice.cookie,
        headers: ["X-CSRF-Token": alice.csrf])
      #expect(r.status == 413, "\(kb) KB: \(r.status) \(r.text.prefix(300))")
      #expect((try r.json()["error"] as? [String: Any])?["code"] as? String == "too_large")
    }
    #expect(try await server.send("GET", "/api/v1/next", cookie: alice.cookie).status == 200)
    #expect(try shop.strings("SELECT CAST(count(*) AS TEXT) FROM touch") == ["0"])
    #expect(try server.stop() == 0)
  }
}
