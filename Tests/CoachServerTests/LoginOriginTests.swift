import CoachApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CoachServer

/// Login CSRF: a login posted from another site's page is refused 403 (the form and the API alike), judged by
/// `Origin`, else `Referer`, against `Host`; from this server's own page, or with neither header (a script), it is
/// taken.
@Suite struct LoginOriginTests {
  @Test func anOriginIsThisServerWhenItsHostAndPortAreTheHosts() {
    let same: [(String, String)] = [
      ("http://coach.example:8080", "coach.example:8080"), ("https://coach.example", "coach.example"),
      ("https://coach.example", "coach.example:443"), ("http://coach.example:80", "COACH.example"),
      ("http://[::1]:8080", "[::1]:8080"), ("https://[2001:db8::1]", "[2001:db8::1]:443"),
      ("http://127.0.0.1:8080/login?x=1", "127.0.0.1:8080"),
    ]
    for (origin, host) in same { #expect(SameOrigin.same(origin, host: host), "\(origin) \(host)") }
    let other: [(String, String)] = [
      ("http://coach.example:8081", "coach.example:8080"), ("https://coach.example:8080", "coach.example"),
      ("http://coach.example", "coach.example:443"), ("http://[::1]:8080", "[::2]:8080"), ("null", "coach.example"),
      ("ftp://coach.example", "coach.example"), ("http://coach.example", "coach.example:x"), ("", "coach.example"),
      ("http://evil.example/coach.example", "coach.example"),
    ]
    for (origin, host) in other { #expect(!SameOrigin.same(origin, host: host), "\(origin) \(host)") }
  }

  static let password = "alice password 42"

  /// Origin, Referer, and whether the login is taken, asked of `localhost` (the test client's `Host`).
  static let cases: [(origin: String?, referer: String?, taken: Bool)] = [
    (nil, nil, true),
    ("http://localhost", nil, true),
    ("HTTP://LocalHost", nil, true),
    ("http://localhost:80", nil, true),
    ("https://localhost:443", nil, true),
    (nil, "http://localhost/login?lang=en", true),
    ("https://evil.example", nil, false),
    ("null", nil, false),
    (nil, "https://evil.example/page", false),
    // Origin decides when both are there.
    ("https://evil.example", "http://localhost/login", false),
    ("http://localhost:8080", nil, false),
    ("http://localhost.evil.example", nil, false),
    ("file://localhost", nil, false),
  ]

  static func headers(_ c: (origin: String?, referer: String?, taken: Bool), type: String) -> HTTPFields {
    var headers: HTTPFields = [.contentType: type]
    if let origin = c.origin { headers[.origin] = origin }
    if let referer = c.referer { headers[.referer] = referer }
    return headers
  }

  @Test func aLoginFromAnotherSitesPageIsRefusedAndOneFromThisServerIsTaken() async throws {
    let shop = try RouteShop()
    let alice = try #require(try shop.db.user(named: "alice"))
    try shop.db.setPasswordHash(userID: alice.id ?? 0, hash: Passwords.hash(Self.password), now: Date())
    try await shop.app().test(.router) { client in
      for c in Self.cases {
        let label = "Origin \(c.origin ?? "-") Referer \(c.referer ?? "-")"
        let form = try await client.execute(
          uri: "/login?lang=zh-CN", method: .post,
          headers: Self.headers(c, type: "application/x-www-form-urlencoded"),
          body: ByteBuffer(string: "user=alice&password=\(Self.password.replacingOccurrences(of: " ", with: "+"))"))
        let api = try await client.execute(
          uri: "/api/v1/login?lang=en", method: .post, headers: Self.headers(c, type: "application/json"),
          body: ByteBuffer(string: #"{"user": "alice", "password": "\#(Self.password)"}"#))
        if c.taken {
          #expect(form.status == .seeOther && form.headers[.setCookie] != nil, "form, \(label): \(form.status)")
          #expect(api.status == .ok && api.headers[.setCookie] != nil, "API, \(label): \(api.status)")
        } else {
          #expect(form.status == .forbidden && form.headers[.setCookie] == nil, "form, \(label): \(form.status)")
          #expect(Look.hasChinese(Look.alert(String(buffer: form.body)) ?? ""), "form, \(label)")
          #expect(api.status == .forbidden && api.headers[.setCookie] == nil, "API, \(label): \(api.status)")
          let error = Look.errorObject(api.body)
          #expect(error?.code == "csrf" && !Look.hasChinese(error?.message ?? "x"), "API, \(label)")
        }
      }
    }
  }

  @Test func thePagesAskBrowsersToNameThisOriginOnTheirOwnPosts() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      let page = try await client.execute(uri: "/login", method: .get)
      // Under no-referrer a browser would send `Origin: null` with the login form, and the check would refuse it.
      #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
    }
  }
}
