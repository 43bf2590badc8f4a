import CoachApp
import CoachCore
import CoachServer
import CoachStore
import CoachStoreAPI
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// A dealership built through the library for in-process route tests (HummingbirdTesting, no socket): one user of
/// every role, two more consultants, a lead for each consultant and a live session for each user. The sessions are
/// minted in the database: logging in is ServeTests' subject, and a bcrypt check per user would cost seconds here.
struct RouteShop {
  /// The four roles the route tables walk through; bob (team east) and carl (team west) own the other leads.
  static let roles = ["boss", "lena", "alice", "tina"]
  static let users: [(name: String, role: Role, team: String?)] = [
    ("boss", .admin, nil), ("lena", .lead, "east"), ("alice", .consultant, "east"), ("tina", .trainer, "east"),
    ("bob", .consultant, "east"), ("carl", .consultant, "west"),
  ]
  static let languages = ["en", "zh-CN"]

  let path: String
  let db: AppDatabase
  let settings: ServerSettings
  /// Lead ids by their consultant: alice, bob, carl.
  private(set) var leads: [String: LeadID] = [:]
  /// Each user's session cookie value and CSRF token.
  private(set) var sessions: [String: (cookie: String, csrf: String)] = [:]

  init() throws {
    let dir = try TempFolder.make(prefix: "coach-routes")
    path = dir.appendingPathComponent("coach.sqlite").path
    db = try AppDatabase.open(path: path)
    let env = try RunEnvironment(
      RunOptions(db: path, now: "2026-11-24T09:00:00+08:00", tz: "Asia/Shanghai", lang: "en"), env: [:])
    settings = ServerSettings(host: "127.0.0.1", port: 0, env: env, pinnedNow: env.now)
    var admin: User?
    for (name, role, team) in Self.users {
      let user = try db.addUser(name: name, role: role, team: team, now: env.now)
      if role == .admin { admin = user }
      let (token, csrf) = (Tokens.random(), Tokens.random())
      try db.createWebSession(
        tokenHash: Tokens.hash(token), userID: user.id ?? 0, csrfToken: csrf, now: Date(),
        expiresAt: Date().addingTimeInterval(3600))
      sessions[name] = (token, csrf)
    }
    let session = Session(env: env, db: db, acting: admin)
    // Alice's customer wants an X60 (switch arguments can be computed); bob's has named no model.
    for (name, phone, model) in [
      ("alice", "13812345678", "X60"), ("bob", "13987654321", nil), ("carl", "13700001111", "X60"),
    ] {
      let fields = LeadFields(name: "客户\(name)", phone: phone, model: model)
      leads[name] = try AddLead(fields: fields, consultant: name).run(session)
    }
  }

  /// The application `coach serve` runs, over this shop's database.
  func app() -> some ApplicationProtocol {
    buildApplication(settings, db: db, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
  }

  func lead(_ consultant: String) -> String { leads[consultant]?.description ?? "" }

  /// One request as `user` (nil: nobody). A change carries the user's CSRF token unless `csrf` is false: in the
  /// header for the API, as the form's `csrf_token` field for a page's form.
  func send(
    _ client: some TestClientProtocol, _ user: String?, _ method: HTTPRequest.Method, _ uri: String,
    json: String? = nil, form: String? = nil, csrf: Bool = true
  ) async throws -> TestResponse {
    var headers: HTTPFields = [:]
    var body: String?
    let session = user.flatMap { sessions[$0] }
    if let session { headers[.cookie] = "coach_session=\(session.cookie)" }
    if let json {
      headers[.contentType] = "application/json"
      if csrf, let session { headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf }
      body = json
    }
    if let form {
      headers[.contentType] = "application/x-www-form-urlencoded"
      body = csrf && session != nil ? "csrf_token=\(session?.csrf ?? "")&" + form : form
    }
    return try await client.execute(
      uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
  }

  /// Everything a change could write, as one text: the same before and after means nothing was written.
  func written() throws -> String {
    try DatabaseQueue(path: path).read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT 'touches ' || count(*) FROM touch
          UNION ALL SELECT 'topics ' || count(*) FROM topic
          UNION ALL SELECT 'stage events ' || count(*) FROM stageEvent
          UNION ALL SELECT 'snoozes ' || count(*) || ', cleared ' || count(clearedAt) FROM snooze
          UNION ALL SELECT 'objections heard ' || count(*) FROM objectionSaid
          UNION ALL SELECT 'users ' || group_concat(name || ':' || role || ':' || coalesce(passwordHash, '-')) FROM user
          UNION ALL SELECT 'leads ' || group_concat(id || ':' || stage || ':' || consultantId) FROM lead
          UNION ALL SELECT 'moves ' || count(*) FROM reassignLog
          """
      ).joined(separator: "; ")
    }
  }
}

/// What the responses of a route table are checked for.
enum Look {
  /// The text of the page's alert (`role="alert"`), nil when the page has none.
  static func alert(_ html: String) -> String? {
    guard let start = html.range(of: "role=\"alert\">") else { return nil }
    return String(html[start.upperBound...].prefix { $0 != "<" })
  }

  /// The refusal itself, without the lead page's "Not done: " before it.
  static func refusal(_ alert: String) -> String {
    for prefix in ["Not done: ", "未完成: "] where alert.hasPrefix(prefix) { return String(alert.dropFirst(prefix.count)) }
    return alert
  }

  static func hasChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// The page is in `language` and drawn in `user`'s layout: the navigation (queue, account, the other language)
  /// and the logout button with the user's name.
  static func layout(_ html: String, user: String, language: String) -> [String] {
    var missing: [String] = []
    let queue = language == "en" ? "My queue" : "我的待办"
    let other = language == "en" ? "zh-CN" : "en"
    for part in [
      "<html lang=\"\(language)\">", "<nav><a href=\"/\">\(queue)</a>", "href=\"/account\"",
      "lang=\(other)\" hreflang=\"\(other)\"", "action=\"/logout\"", " \(user)</button>",
    ] where !html.contains(part) {
      missing.append(part)
    }
    return missing
  }

  /// `{"error": {"code", "message"}}` with both filled, or what is wrong with it.
  static func errorObject(_ body: ByteBuffer) -> (code: String, message: String)? {
    guard let doc = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
      let error = doc["error"] as? [String: Any], let code = error["code"] as? String,
      let message = error["message"] as? String, !code.isEmpty, !message.isEmpty, doc.count == 1, error.count == 2
    else { return nil }
    return (code, message)
  }
}
