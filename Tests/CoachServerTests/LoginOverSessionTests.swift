import CoachApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A login while the browser still sends a live session cookie (a second tab, a shared phone, a login page left
/// open) was refused as an expired form (403 `csrf`): a login needs no CSRF token, it is checked for its origin, and
/// it replaces the session the cookie held.
@Suite struct LoginOverSessionTests {
  static let password = "alice password 42"

  static func get(_ client: some TestClientProtocol, cookie: String) async throws -> HTTPResponse.Status {
    try await client.execute(uri: "/api/v1/next", method: .get, headers: [.cookie: "coach_session=\(cookie)"]).status
  }

  static func newCookie(_ response: TestResponse) -> String? {
    guard let set = response.headers[.setCookie], set.hasPrefix("coach_session=") else { return nil }
    return String(set.dropFirst("coach_session=".count).prefix { $0 != ";" })
  }

  @Test func aLoginWithALiveSessionCookieOpensANewSessionAndEndsTheOld() async throws {
    let shop = try RouteShop()
    let alice = try #require(try shop.db.user(named: "alice"))
    let (aliceOld, bossOld) = (try #require(shop.sessions["alice"]).cookie, try #require(shop.sessions["boss"]).cookie)
    try shop.db.setPasswordHash(
      userID: alice.id ?? 0, hash: Passwords.hash(Self.password), now: Date(), keepingSession: Tokens.hash(aliceOld))
    try await shop.app().test(.router) { client in
      // The API, with alice's own live cookie and no CSRF token.
      let api = try await client.execute(
        uri: "/api/v1/login", method: .post,
        headers: [.contentType: "application/json", .cookie: "coach_session=\(aliceOld)"],
        body: ByteBuffer(string: #"{"user": "alice", "password": "\#(Self.password)"}"#))
      #expect(api.status == .ok, "\(String(buffer: api.body))")
      let apiCookie = try #require(Self.newCookie(api))
      #expect(apiCookie != aliceOld)
      #expect(try await Self.get(client, cookie: apiCookie) == .ok)
      #expect(try await Self.get(client, cookie: aliceOld) == .unauthorized)

      // The form, from this server's login page, with the boss's live cookie: alice logs in, the boss's session ends.
      let form = try await client.execute(
        uri: "/login", method: .post,
        headers: [
          .contentType: "application/x-www-form-urlencoded", .cookie: "coach_session=\(bossOld)",
          .origin: "http://localhost",
        ],
        body: ByteBuffer(string: "user=alice&password=\(Self.password.replacingOccurrences(of: " ", with: "+"))"))
      #expect(form.status == .seeOther && form.headers[.location] == "/", "\(String(buffer: form.body))")
      let formCookie = try #require(Self.newCookie(form))
      #expect(try await Self.get(client, cookie: formCookie) == .ok)
      #expect(try await Self.get(client, cookie: bossOld) == .unauthorized)

      // Another site's page still may not log anyone in, cookie or not.
      let foreign = try await client.execute(
        uri: "/api/v1/login", method: .post,
        headers: [
          .contentType: "application/json", .cookie: "coach_session=\(formCookie)", .origin: "https://evil.example",
        ],
        body: ByteBuffer(string: #"{"user": "alice", "password": "\#(Self.password)"}"#))
      #expect(foreign.status == .forbidden && foreign.headers[.setCookie] == nil)
      #expect(try await Self.get(client, cookie: formCookie) == .ok)
    }
  }
}
