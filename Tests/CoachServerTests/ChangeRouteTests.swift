import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every change (touch, stage, snooze, lifting a snooze), through the API and through the page's form, for each of
/// the four roles: without the CSRF token 403, on a lead outside the user's scope 404, bad input 400 or 422 with
/// the error object (API) or the lead's page again with the refusal (forms); and after all of them nothing written.
@Suite struct ChangeRouteTests {
  /// A change with input that would be accepted on a lead the user may change.
  struct Change {
    let name: String
    let path: String
    let json: String
    let form: String
  }

  static let changes = [
    Change(
      name: "touch", path: "touches", json: #"{"channel": "call", "outcome": "reached"}"#,
      form: "channel=call&outcome=reached"),
    Change(
      name: "stage", path: "stage", json: #"{"stage": "churned", "reason": "budget_changed"}"#,
      form: "stage=churned&reason=budget_changed"),
    Change(
      name: "snooze", path: "snooze", json: #"{"until": "2026-12-05", "reason": "abroad until the 5th"}"#,
      form: "until=2026-12-05&reason=abroad"),
    Change(name: "clear", path: "snooze/clear", json: "{}", form: ""),
  ]

  /// For each role, a lead it may not see: alice's lead is not the trainer's, bob's not alice's, carl's (team
  /// west) not the east team lead's; 99999 is nobody's.
  static let unseen = [
    "boss": ["99999"], "lena": ["carl", "99999"], "alice": ["bob", "99999"], "tina": ["alice", "99999"],
  ]

  @Test func everyChangeWithoutTheTokenOrOnALeadOutsideTheScopeIsRefusedForEveryRoleAndWritesNothing() async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    try await shop.app().test(.router) { client in
      for user in RouteShop.roles {
        for language in RouteShop.languages {
          for change in Self.changes {
            // No CSRF token, on a lead the user may see (the token is checked first, whatever the lead).
            let own = shop.lead(user == "tina" ? "alice" : user == "boss" || user == "lena" ? "bob" : user)
            let api = try await shop.send(
              client, user, .post, "/api/v1/leads/\(own)/\(change.path)?lang=\(language)", json: change.json,
              csrf: false)
            #expect(api.status == .forbidden, "\(user) \(change.name) API without token: \(api.status)")
            #expect(Look.errorObject(api.body)?.code == "csrf", "\(user) \(change.name)")
            let page = try await shop.send(
              client, user, .post, "/leads/\(own)/\(change.path)?lang=\(language)", form: change.form, csrf: false)
            #expect(page.status == .forbidden, "\(user) \(change.name) form without token: \(page.status)")
            let html = String(buffer: page.body)
            #expect(Look.layout(html, user: user, language: language).isEmpty, "\(user) \(change.name): \(html)")
            #expect(Look.hasChinese(Look.alert(html) ?? "") == (language == "zh-CN"), "\(user) \(change.name)")

            // With the token, on a lead outside the user's scope: 404, told apart from no lead at all by nobody.
            for other in Self.unseen[user] ?? [] {
              let id = other == "99999" ? other : shop.lead(other)
              let r = try await shop.send(
                client, user, .post, "/api/v1/leads/\(id)/\(change.path)?lang=\(language)", json: change.json)
              #expect(r.status == .notFound, "\(user) \(change.name) API on \(other)'s lead: \(r.status)")
              let error = Look.errorObject(r.body)
              #expect(error?.code == "unknown_lead", "\(user) \(change.name) on \(other)")
              #expect(Look.hasChinese(error?.message ?? "") == (language == "zh-CN"))
              let f = try await shop.send(
                client, user, .post, "/leads/\(id)/\(change.path)?lang=\(language)", form: change.form)
              #expect(f.status == .notFound, "\(user) \(change.name) form on \(other)'s lead: \(f.status)")
              let html = String(buffer: f.body)
              #expect(Look.layout(html, user: user, language: language).isEmpty, "\(user) \(change.name) on \(other)")
              #expect(!html.contains("客户\(other)"), "\(user) \(change.name): the page names \(other)'s customer")
            }
          }
        }
      }
      // Nobody logged in: 401 for the API, the login page for a form.
      for change in Self.changes {
        let id = shop.lead("alice")
        #expect(
          try await shop.send(client, nil, .post, "/api/v1/leads/\(id)/\(change.path)", json: change.json).status
            == .unauthorized)
        let page = try await shop.send(client, nil, .post, "/leads/\(id)/\(change.path)", form: change.form)
        #expect(page.status == .seeOther && page.headers[.location] == "/login")
      }
    }
    #expect(try shop.written() == before)
  }

  /// Bad input for each change: the body, the status, and the error code (the API's; a form shows the page again).
  static let badAPI: [(path: String, body: String, status: Int, code: String)] = [
    ("touches", #"{"channel": "fax", "outcome": "reached"}"#, 400, "usage"),
    ("touches", #"{"outcome": "reached"}"#, 400, "usage"),
    // A misspelt field is refused, not dropped (the touch was kept without its objections or next contact).
    ("touches", #"{"channel": "call", "outcome": "reached", "objection": ["price_too_high"]}"#, 400, "usage"),
    ("touches", #"{"channel": "call", "outcome": "reached", "next_at": "2026-11-27T10:00"}"#, 400, "usage"),
    ("touches", #"{"channel": "call", "outcome": "reached", "bury": [{"txt": "colour"}]}"#, 400, "usage"),
    ("stage", #"{"stage": "deposit", "deposit": 5000}"#, 400, "usage"),
    ("snooze", #"{"until": "2026-12-05", "reason": "abroad", "clear": true}"#, 400, "usage"),
    ("touches", #"{"channel": "call", "outcome": "reached", "note": "   "}"#, 400, "blank_text"),
    ("touches", #"{"channel": "call", "outcome": "reached", "objections": ["no_such"]}"#, 422, "unknown_objection"),
    ("touches", #"{"channel": "call", "outcome": "reached", "next": "2026-11-01T10:00"}"#, 422, "next_in_past"),
    ("touches", #"{"channel": "call", "outcome": "reached", "resolve": [424242]}"#, 422, "unknown_topic"),
    ("touches", "channel=call", 400, "usage"),
    ("stage", #"{"stage": "sold"}"#, 400, "usage"),
    ("stage", #"{"stage": "delivered"}"#, 422, "illegal_stage_change"),
    ("stage", #"{"stage": "deposit"}"#, 422, "missing_amount"),
    ("stage", #"{"stage": "churned"}"#, 422, "missing_reason"),
    ("stage", #"{"stage": "deposit", "amount": "lots"}"#, 400, "usage"),
    ("stage", #"{"stage": "deposit", "amount": 1e308}"#, 400, "bad_amount"),
    ("stage", #"{"stage": "deposit", "amount": 100000000}"#, 400, "bad_amount"),
    ("snooze", #"{"reason": "abroad"}"#, 400, "usage"),
    ("snooze", #"{"until": "2026-12-05"}"#, 400, "usage"),
    ("snooze", #"{"until": "5 December", "reason": "abroad"}"#, 400, "usage"),
    ("snooze", #"{"until": "2026-12-05", "reason": "  "}"#, 400, "blank_text"),
    ("snooze", #"{"until": "2026-11-24", "reason": "abroad"}"#, 422, "snooze_not_ahead"),
    ("snooze", #"{"until": "2027-11-24", "reason": "abroad"}"#, 422, "snooze_too_long"),
    ("snooze", #"{"until": 20261205, "reason": "abroad"}"#, 400, "usage"),
    ("snooze/clear", "{}", 422, "not_snoozed"),
  ]

  static let badForms: [(path: String, form: String, status: Int)] = [
    ("touches", "channel=fax&outcome=reached", 400), ("touches", "outcome=reached", 400),
    ("touches", "channel=call&outcome=reached&resolve=first", 400),
    ("touches", "channel=call&outcome=reached&objection=no_such", 422),
    ("stage", "stage=delivered", 422), ("stage", "stage=deposit&amount=lots", 400), ("stage", "stage=deposit", 422),
    ("stage", "stage=deposit&amount=1e308", 400),
    ("snooze", "until=&reason=abroad", 400), ("snooze", "until=2026-12-05&reason=", 400),
    ("snooze", "until=2026-11-20&reason=abroad", 422), ("snooze", "until=next+week&reason=abroad", 400),
    ("snooze/clear", "", 422),
  ]

  @Test func badInputIsRefusedWithTheErrorObjectOrThePageAgainInBothLanguagesAndWritesNothing() async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      for language in RouteShop.languages {
        for bad in Self.badAPI {
          let uri = "/api/v1/leads/\(lead)/\(bad.path)?lang=\(language)"
          let r = try await shop.send(client, "alice", .post, uri, json: bad.body)
          #expect(r.status.code == bad.status, "\(bad.path) \(bad.body): \(String(buffer: r.body))")
          let error = Look.errorObject(r.body)
          #expect(error?.code == bad.code, "\(bad.path) \(bad.body): \(String(buffer: r.body))")
          #expect(
            Look.hasChinese(error?.message ?? "") == (language == "zh-CN"), "\(bad.body): \(error?.message ?? "")")
        }
        for bad in Self.badForms {
          let r = try await shop.send(
            client, "alice", .post, "/leads/\(lead)/\(bad.path)?lang=\(language)", form: bad.form)
          #expect(r.status.code == bad.status, "form \(bad.path) \(bad.form): \(r.status)")
          let html = String(buffer: r.body)
          #expect(Look.layout(html, user: "alice", language: language).isEmpty, "form \(bad.path) \(bad.form)")
          let alert = Look.refusal(Look.alert(html) ?? "")
          #expect(Look.hasChinese(alert) == (language == "zh-CN"), "form \(bad.path) \(bad.form): \(alert)")
          // The lead's page again, its forms ready for a second try.
          #expect(html.contains("action=\"/leads/\(lead)/touches\""), "form \(bad.path) \(bad.form)")
          #expect(html.contains("action=\"/leads/\(lead)/snooze\""), "form \(bad.path) \(bad.form)")
        }
      }
    }
    #expect(try shop.written() == before)
  }
}
