import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// HEAD answers like GET without the body; a method a known path does not take is 405 with `Allow` (a page or the
/// JSON error, in the request's language); a path nobody serves stays 404.
@Suite struct MethodRouteTests {
  @Test func headAnswersLikeGetWithoutTheBody() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      for (user, path) in [
        ("alice", "/"), ("alice", "/leads/\(lead)"), ("alice", "/alerts"), ("alice", "/api/v1/next"),
        ("alice", "/api/v1/leads/\(lead)"), (nil, "/login"), (nil, "/"), (nil, "/static/app.css"),
        ("alice", "/api/v1/openapi.json"),
      ] as [(String?, String)] {
        let get = try await shop.send(client, user, .get, path)
        let head = try await shop.send(client, user, .head, path)
        #expect(head.status == get.status, "HEAD \(path): \(head.status), GET \(get.status)")
        #expect(head.body.readableBytes == 0, "HEAD \(path) has a body")
        #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(path)")
        #expect(head.headers[.location] == get.headers[.location], "HEAD \(path)")
        #expect(head.headers[.contentSecurityPolicy] != nil, "HEAD \(path)")
        #expect(head.headers[.contentLength] == String(get.body.readableBytes), "HEAD \(path)")
      }
      let missing = try await shop.send(client, "alice", .head, "/api/v1/nothing-here")
      #expect(missing.status == .notFound)
      #expect(missing.body.readableBytes == 0)
    }
  }

  /// Paths that exist, a method they do not take, and the `Allow` they answer with.
  static let wrong: [(method: HTTPRequest.Method, path: String, allow: String)] = [
    (.post, "/", "GET, HEAD"), (.delete, "/api/v1/next", "GET, HEAD"), (.put, "/leads/LEAD", "GET, HEAD"),
    (.get, "/api/v1/leads/LEAD/touches", "POST"), (.head, "/api/v1/leads/LEAD/stage", "POST"),
    (.get, "/logout", "POST"), (.put, "/login", "GET, HEAD, POST"), (.patch, "/api/v1/login", "POST"),
    (.delete, "/ics/abc.ics", "GET, HEAD"),
  ]

  @Test func aMethodThePathDoesNotTakeIs405WithAllowInTheRequestsLanguage() async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      for language in RouteShop.languages {
        for wrong in Self.wrong {
          let path = wrong.path.replacingOccurrences(of: "LEAD", with: lead) + "?lang=\(language)"
          // Logged in, and without the CSRF token: nothing would run, so the answer is 405, not 403.
          for csrf in [true, false] {
            let r = try await shop.send(
              client, "alice", wrong.method, path, json: [.get, .head].contains(wrong.method) ? nil : "{}", csrf: csrf)
            #expect(r.status == .methodNotAllowed, "\(wrong.method) \(path): \(r.status)")
            #expect(r.headers[.allow] == wrong.allow, "\(wrong.method) \(path): \(r.headers[.allow] ?? "no Allow")")
            if wrong.method == .head {
              #expect(r.body.readableBytes == 0)
            } else if path.hasPrefix("/api/") || path.hasPrefix("/ics/") {
              let error = Look.errorObject(r.body)
              #expect(error?.code == "method_not_allowed", "\(wrong.method) \(path)")
              #expect(Look.hasChinese(error?.message ?? "") == (language == "zh-CN"), "\(error?.message ?? "")")
            } else {
              let html = String(buffer: r.body)
              #expect(Look.layout(html, user: "alice", language: language).isEmpty, "\(wrong.method) \(path)")
              #expect(Look.hasChinese(Look.alert(html) ?? "") == (language == "zh-CN"), "\(wrong.method) \(path)")
            }
          }
        }
        // Nobody logged in: the same 405 (a wrong method is not a question of who asks).
        let anonymous = try await shop.send(client, nil, .delete, "/api/v1/next?lang=\(language)")
        #expect(anonymous.status == .methodNotAllowed && anonymous.headers[.allow] == "GET, HEAD")
        // A path nobody serves is 404 whatever the method.
        for method in [HTTPRequest.Method.get, .post, .delete] {
          let r = try await shop.send(client, "alice", method, "/api/v1/nothing-here?lang=\(language)", json: "{}")
          #expect(r.status == .notFound, "\(method) unknown path: \(r.status)")
          #expect(r.headers[.allow] == nil)
        }
      }
    }
    #expect(try shop.written() == before)
  }

  @Test func overASocketHeadAnd405LeaveTheConnectionUsable() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let alice = try await server.login("alice")
    let get = try await server.send("GET", "/", cookie: alice.cookie)
    let head = try await server.send("HEAD", "/", cookie: alice.cookie)
    #expect(head.status == 200 && head.body.isEmpty)
    #expect(head.header("Content-Length") == String(get.body.count))
    #expect(try await server.send("HEAD", "/nothing-here", cookie: alice.cookie).status == 404)
    let wrong = try await server.send("DELETE", "/api/v1/next", cookie: alice.cookie)
    #expect(wrong.status == 405 && wrong.header("Allow") == "GET, HEAD")
    #expect(try await server.send("GET", "/api/v1/next", cookie: alice.cookie).status == 200)
    #expect(try server.stop() == 0)
  }
}
