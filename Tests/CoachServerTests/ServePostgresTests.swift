import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `coach serve` on PostgreSQL: the real binary serving the demo dealership from a group's database answers every
/// API read and write, and serves every page, as it does from a SQLite file (the same bodies, byte for byte).
@Suite struct ServePostgresTests {
  /// A page's per-session secrets (the forms' CSRF token, a script nonce) replaced, so two servers' pages compare.
  static func withoutSecrets(_ html: String) -> String {
    html.replacingOccurrences(of: #"[0-9a-f]{64}"#, with: "TOKEN", options: .regularExpression)
      .replacingOccurrences(of: #"nonce-[A-Za-z0-9+/=_-]+"#, with: "nonce-N", options: .regularExpression)
      .replacingOccurrences(of: #"nonce="[^"]*""#, with: "nonce=\"N\"", options: .regularExpression)
  }

  @Test(.enabled(if: Showroom.postgresAdmin != nil, "COACH_TEST_POSTGRES_URL is not set: PostgreSQL is skipped"))
  func theServerAnswersOnPostgreSQLAsOnSQLite() async throws {
    let shops = [try Showroom(demo: ()), try Showroom(demo: (), postgres: true)]
    #expect(shops[1].db.hasPrefix("postgres://"))
    let servers = try shops.map { try Server($0) }
    defer { for s in servers where s.process.isRunning { _ = try? s.stop() } }
    var logins: [[String: (cookie: String, csrf: String)]] = [[:], [:]]
    for (i, server) in servers.enumerated() {
      for user in ["李娜", "王经理", "周主任"] { logins[i][user] = try await server.login(user) }
    }
    let first = try await servers[0].send("GET", "/api/v1/next", cookie: logins[0]["李娜"]?.cookie)
    let brief = try #require(first.json()["brief"] as? [String: Any])
    let lead = try #require(brief["lead_id"] as? String)

    /// The same request to both servers: the same status and body.
    func same(_ user: String, _ method: String, _ path: String, json: Any? = nil, form: String? = nil) async throws {
      var replies: [Server.Reply] = []
      for (i, server) in servers.enumerated() {
        let login = try #require(logins[i][user])
        var headers: [String: String] = [:]
        if method == "POST" { headers["X-CSRF-Token"] = login.csrf }
        let body = form.map { $0 + "&csrf_token=\(login.csrf)" }
        replies.append(
          try await server.send(method, path, json: json, form: body, cookie: login.cookie, headers: headers))
      }
      let (a, b) = (replies[0], replies[1])
      #expect(a.status == b.status, "\(user) \(method) \(path): \(a.status) on SQLite, \(b.status) on PostgreSQL")
      let (x, y) =
        path.hasPrefix("/api/") ? (a.text, b.text) : (Self.withoutSecrets(a.text), Self.withoutSecrets(b.text))
      #expect(x == y, "\(user) \(method) \(path): the bodies differ\n\(x.prefix(400))\n--\n\(y.prefix(400))")
    }

    for user in ["李娜", "王经理", "周主任"] {
      for path in [
        "/api/v1/next", "/api/v1/next?limit=5", "/api/v1/alerts", "/api/v1/alerts?team=1",
        "/api/v1/audit?from=2026-11-01&to=2026-11-24", "/api/v1/leads/\(lead)", "/", "/leads/\(lead)", "/alerts",
        "/audit?from=2026-11-01&to=2026-11-24",
      ] {
        try await same(user, "GET", path)
      }
    }
    // Writes through the API and a page's form, then the reads again.
    try await same(
      "李娜", "POST", "/api/v1/leads/\(lead)/touches",
      json: [
        "channel": "call", "outcome": "reached", "note": "问了交车时间", "bury": [["text": "下月有新政策", "kind": "policy"]],
        "objections": ["price_too_high"], "next": "2026-11-26T10:00:00+08:00",
      ])
    try await same("李娜", "POST", "/api/v1/leads/\(lead)/stage", json: ["stage": "churned"])
    try await same("李娜", "POST", "/leads/\(lead)/touches", form: "channel=wechat&outcome=no_answer")
    try await same("李娜", "POST", "/api/v1/leads/999999/touches", json: ["channel": "call", "outcome": "reached"])
    for path in ["/api/v1/leads/\(lead)", "/api/v1/next", "/leads/\(lead)"] { try await same("李娜", "GET", path) }
    try await same("王经理", "GET", "/api/v1/alerts?team=1")
    // The calendar feed, by its secret path and without a login.
    var feeds: [String] = []
    for (shop, server) in zip(shops, servers) {
      let path = try shop.coach(["user", "ics-token", "李娜", "--as", "周主任"]).stdout
        .trimmingCharacters(in: .whitespacesAndNewlines)
      let feed = try await server.send("GET", path)
      #expect(feed.status == 200 && feed.text.contains("BEGIN:VEVENT"), "\(path): \(feed.status)")
      feeds.append(feed.text)
    }
    #expect(feeds[0] == feeds[1])
    for server in servers { #expect(try server.stop() == 0) }
  }
}
