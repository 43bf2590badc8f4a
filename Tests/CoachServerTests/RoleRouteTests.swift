import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every page and every read of the API for each of the four roles, in both languages: who gets what, and every
/// refusal (a role that may not: 403; a lead outside the user's scope: 404; bad input: 400) in the user's layout
/// (pages) or as the error object (API), worded in the language asked for.
@Suite struct RoleRouteTests {
  /// A route and its status for each role (admin boss, team lead lena, consultant alice, trainer tina); the lead
  /// ids are alice's (team east) and carl's (team west).
  struct Row: Sendable {
    let path: @Sendable (RouteShop) -> String
    let status: [String: Int]

    init(_ path: @escaping @Sendable (RouteShop) -> String, boss: Int, lena: Int, alice: Int, tina: Int) {
      self.path = path
      status = ["boss": boss, "lena": lena, "alice": alice, "tina": tina]
    }

    init(_ path: String, boss: Int = 200, lena: Int = 200, alice: Int = 200, tina: Int = 200) {
      self.init({ _ in path }, boss: boss, lena: lena, alice: alice, tina: tina)
    }
  }

  static let pages: [Row] = [
    Row("/"), Row("/alerts"), Row("/account"), Row("/objections"),
    Row("/objections?q=%E5%A4%AA%E8%B4%B5%E4%BA%86%EF%BC%8C%E5%86%8D%E4%BE%BF%E5%AE%9C%E7%82%B9"),
    Row("/objections?q=%20%20", boss: 400, lena: 400, alice: 400, tina: 400),
    Row({ "/leads/\($0.lead("alice"))" }, boss: 200, lena: 200, alice: 200, tina: 404),
    Row({ "/leads/\($0.lead("carl"))" }, boss: 200, lena: 404, alice: 404, tina: 404),
    Row({ "/leads/\($0.lead("alice"))/switch" }, boss: 200, lena: 200, alice: 200, tina: 404),
    Row({ "/leads/\($0.lead("bob"))/switch" }, boss: 422, lena: 422, alice: 404, tina: 404),
    Row("/leads/99999", boss: 404, lena: 404, alice: 404, tina: 404),
    Row("/alerts?team=1", alice: 403, tina: 403),
    Row("/audit", alice: 403, tina: 403),
    Row("/audit?from=2026-11-01&to=2026-11-24", alice: 403, tina: 403),
    Row("/admin", lena: 403, alice: 403, tina: 403),
    Row("/alerts?team=maybe", boss: 400, lena: 400, alice: 400, tina: 400),
    Row("/no/such/page", boss: 404, lena: 404, alice: 404, tina: 404),
  ]

  static let api: [Row] = [
    Row("/api/v1/next"), Row("/api/v1/alerts"), Row("/api/v1/objection?text=too%20expensive&limit=2"),
    Row("/api/v1/objection", boss: 400, lena: 400, alice: 400, tina: 400),
    Row("/api/v1/objection?text=%20", boss: 400, lena: 400, alice: 400, tina: 400),
    Row({ "/api/v1/next?lead=\($0.lead("alice"))&limit=0" }, boss: 200, lena: 200, alice: 200, tina: 404),
    Row({ "/api/v1/leads/\($0.lead("alice"))" }, boss: 200, lena: 200, alice: 200, tina: 404),
    Row({ "/api/v1/leads/\($0.lead("carl"))" }, boss: 200, lena: 404, alice: 404, tina: 404),
    Row({ "/api/v1/leads/\($0.lead("alice"))/switch" }, boss: 200, lena: 200, alice: 200, tina: 404),
    Row({ "/api/v1/leads/\($0.lead("bob"))/switch" }, boss: 422, lena: 422, alice: 404, tina: 404),
    Row({ "/api/v1/leads/\($0.lead("carl"))/switch" }, boss: 200, lena: 404, alice: 404, tina: 404),
    Row({ "/api/v1/next?lead=\($0.lead("carl"))" }, boss: 200, lena: 404, alice: 404, tina: 404),
    Row("/api/v1/leads/99999", boss: 404, lena: 404, alice: 404, tina: 404),
    Row("/api/v1/alerts?team=1", alice: 403, tina: 403),
    Row("/api/v1/audit?from=2026-11-01&to=2026-11-24", alice: 403, tina: 403),
    Row("/api/v1/next?limit=-1", boss: 400, lena: 400, alice: 400, tina: 400),
    Row("/api/v1/alerts?team=maybe", boss: 400, lena: 400, alice: 400, tina: 400),
    Row("/api/v1/nothing-here", boss: 404, lena: 404, alice: 404, tina: 404),
  ]

  static func withLanguage(_ path: String, _ language: String) -> String {
    path + (path.contains("?") ? "&" : "?") + "lang=\(language)"
  }

  @Test func everyPageForEveryRoleInBothLanguagesAndEveryRefusalInTheUsersLayout() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      for row in Self.pages {
        for user in RouteShop.roles {
          for language in RouteShop.languages {
            let uri = Self.withLanguage(row.path(shop), language)
            let r = try await shop.send(client, user, .get, uri)
            let html = String(buffer: r.body)
            let want = row.status[user] ?? 0
            #expect(r.status.code == want, "\(user) GET \(uri): \(r.status.code)")
            #expect(r.headers[.contentType]?.hasPrefix("text/html") == true, "\(user) GET \(uri)")
            let missing = Look.layout(html, user: user, language: language)
            #expect(missing.isEmpty, "\(user) GET \(uri) (\(r.status.code)) lacks \(missing)")
            guard want != 200 else {
              #expect(Look.alert(html) == nil, "\(user) GET \(uri): \(Look.alert(html) ?? "")")
              continue
            }
            let alert = try #require(Look.alert(html), "\(user) GET \(uri): no alert")
            #expect(!alert.isEmpty)
            // Every refusal is worded in the page's language.
            #expect(Look.hasChinese(alert) == (language == "zh-CN"), "\(user) GET \(uri): \(alert)")
          }
        }
      }
    }
  }

  @Test func theAuditReportWithItsChartsAndDrillDownIsForTeamLeadsAndAdminsInBothLanguages() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      for user in RouteShop.roles {
        for language in RouteShop.languages {
          let live = try await shop.send(client, user, .get, "/audit?from=2026-11-01&to=2026-11-24&lang=\(language)")
          let r = try await shop.send(
            client, user, .get, "/audit/report?from=2026-11-01&to=2026-11-24&lang=\(language)")
          let html = String(buffer: r.body)
          guard ["boss", "lena"].contains(user) else {
            #expect(r.status == .forbidden, "\(user)")
            #expect(Look.layout(html, user: user, language: language).isEmpty, "\(user)")
            continue
          }
          #expect(String(buffer: live.body).contains("href=\"/audit/report?from=2026-11-01&amp;to=2026-11-24\""))
          #expect(r.status == .ok, "\(user)")
          #expect(html.contains("<html lang=\"\(language)\""), "\(user) \(language)")
          #expect(html.contains("<svg") && html.contains("href=\"#"), "\(user): the charts and the drill-down links")
          #expect(!html.contains("<script") && r.headers[.contentSecurityPolicy]?.contains("script-src 'none'") == true)
        }
      }
    }
  }

  @Test func theAdminLinkAndTheAuditLinkAreShownToThoseWhoMayOpenThem() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      for user in RouteShop.roles {
        let html = String(buffer: try await shop.send(client, user, .get, "/?lang=en").body)
        #expect(html.contains("href=\"/audit\"") == ["boss", "lena"].contains(user), "\(user)")
        #expect(html.contains("href=\"/admin\"") == (user == "boss"), "\(user)")
      }
    }
  }

  @Test func everyReadOfTheAPIForEveryRoleInBothLanguagesAndEveryRefusalAsTheErrorObject() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      for row in Self.api {
        for user in RouteShop.roles {
          for language in RouteShop.languages {
            let uri = Self.withLanguage(row.path(shop), language)
            let r = try await shop.send(client, user, .get, uri)
            let want = row.status[user] ?? 0
            #expect(r.status.code == want, "\(user) GET \(uri): \(r.status.code) \(String(buffer: r.body).prefix(200))")
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true, "\(user) GET \(uri)")
            let doc = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
            guard want != 200 else {
              #expect(doc?["error"] == nil, "\(user) GET \(uri)")
              continue
            }
            let error = try #require(Look.errorObject(r.body), "\(user) GET \(uri): \(String(buffer: r.body))")
            // Refusals are worded in the language asked for (the server's own words for a path it lacks excepted).
            if error.code != "not_found" {
              #expect(Look.hasChinese(error.message) == (language == "zh-CN"), "\(user) GET \(uri): \(error.message)")
            }
          }
        }
      }
      // Without a session: 401 (API) and a redirect to the login page (pages), whatever the path.
      for row in Self.api {
        let r = try await shop.send(client, nil, .get, row.path(shop))
        #expect(r.status == .unauthorized || row.path(shop).hasSuffix("nothing-here"), "\(row.path(shop))")
      }
      for row in Self.pages where !row.path(shop).hasPrefix("/no/") {
        let r = try await shop.send(client, nil, .get, row.path(shop))
        #expect(r.status == .seeOther && r.headers[.location] == "/login", "\(row.path(shop))")
      }
    }
  }
}
