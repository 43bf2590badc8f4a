import Foundation
import TestSupport
import Testing

/// `/api/v1/openapi.json` against the server's real answers on the demo data: every documented route is called, and
/// every answer (successes and refusals) must fit the schema the document gives for its status, key for key.
@Suite(.serialized) struct OpenAPITests {
  /// Checks replies against the served document and remembers which documented answers were seen.
  final class Checker: @unchecked Sendable {
    let document: JSONValue
    let check: JSONSchemaCheck
    private(set) var seen: Set<String> = []

    init(_ data: Data) throws {
      document = try JSONValue.parse(data)
      check = JSONSchemaCheck(document: document)
    }

    /// `reply` must have `status`, and its body fit the document's schema for `method template` and that status.
    func expect(
      _ reply: Server.Reply, _ method: String, _ template: String, _ status: Int,
      sourceLocation: SourceLocation = #_sourceLocation
    ) {
      #expect(
        reply.status == status, "\(method) \(template): \(reply.status) \(reply.text.prefix(300))",
        sourceLocation: sourceLocation)
      guard let answer = document["paths"]?[template]?[method.lowercased()]?["responses"]?[String(status)] else {
        Issue.record("\(method) \(template) → \(status) is not in the document", sourceLocation: sourceLocation)
        return
      }
      seen.insert("\(method) \(template) \(status)")
      guard let schema = answer["content"]?["application/json"]?["schema"] else {
        #expect(
          reply.body.isEmpty, "\(method) \(template) → \(status) has no documented body", sourceLocation: sourceLocation
        )
        return
      }
      #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
      do {
        let problems = check.problems(try JSONValue.parse(reply.body), against: schema)
        #expect(
          problems.isEmpty, "\(method) \(template) → \(status): \(problems.prefix(10))", sourceLocation: sourceLocation)
      } catch {
        Issue.record(
          "\(method) \(template) → \(status): not JSON: \(reply.text.prefix(200))", sourceLocation: sourceLocation)
      }
    }

    /// Every documented success (2xx) and the documented methods of every path.
    var documentedSuccesses: Set<String> {
      guard case .object(let paths)? = document["paths"] else { return [] }
      var all: Set<String> = []
      for (template, item) in paths {
        guard case .object(let methods) = item else { continue }
        for (method, op) in methods {
          guard case .object(let responses)? = op["responses"] else { continue }
          for status in responses.keys where status.hasPrefix("2") {
            all.insert("\(method.uppercased()) \(template) \(status)")
          }
        }
      }
      return all
    }
  }

  @Test func everyAPIAnswerOnTheDemoDataFitsTheServedOpenAPIDocument() async throws {
    let shop = try Showroom(demo: ())
    let server = try Server(shop)
    let served = try await server.send("GET", "/api/v1/openapi.json")
    #expect(served.status == 200)
    let doc = try Checker(served.body)
    #expect(doc.document["openapi"]?.stringValue == "3.1.0")
    let api = "/api/v1"

    // Logging in, and the refusals of the login.
    let login = try await server.send("POST", "\(api)/login", json: ["user": "李娜", "password": Showroom.password])
    doc.expect(login, "POST", "/login", 200)
    doc.expect(
      try await server.send("POST", "\(api)/login", json: ["user": "李娜", "password": "wrong"]), "POST", "/login", 401)
    doc.expect(try await server.send("POST", "\(api)/login", json: ["name": "李娜"]), "POST", "/login", 400)
    let cookie = login.sessionCookie ?? ""
    let csrf = try login.json()["csrf_token"] as? String ?? ""
    let change = ["X-CSRF-Token": csrf]

    // The consultant's reads: the queue, then every queued lead's brief and record.
    doc.expect(try await server.send("GET", "\(api)/next", cookie: nil), "GET", "/next", 401)
    let next = try await server.send("GET", "\(api)/next?limit=40", cookie: cookie)
    doc.expect(next, "GET", "/next", 200)
    let ids = (try next.json()["queue"] as? [[String: Any]] ?? []).compactMap { $0["lead_id"] as? String }
    #expect(ids.count >= 10, "the demo consultant's queue is long enough to show many shapes")
    for id in ids {
      doc.expect(
        try await server.send("GET", "\(api)/next?lead=\(id)&limit=0&lang=en", cookie: cookie), "GET", "/next", 200)
      let shown = try await server.send("GET", "\(api)/leads/\(id)", cookie: cookie)
      doc.expect(shown, "GET", "/leads/{id}", 200)
      let switchable = (try shown.json()["model"] as? String) != nil
      doc.expect(
        try await server.send("GET", "\(api)/leads/\(id)/switch", cookie: cookie), "GET", "/leads/{id}/switch",
        switchable ? 200 : 422)
    }
    doc.expect(try await server.send("GET", "\(api)/next?limit=many", cookie: cookie), "GET", "/next", 400)
    doc.expect(try await server.send("GET", "\(api)/next?lead=99999", cookie: cookie), "GET", "/next", 404)
    doc.expect(try await server.send("GET", "\(api)/leads/99999", cookie: cookie), "GET", "/leads/{id}", 404)
    doc.expect(
      try await server.send("GET", "\(api)/leads/99999/switch", cookie: cookie), "GET", "/leads/{id}/switch", 404)
    doc.expect(try await server.send("GET", "\(api)/alerts", cookie: cookie), "GET", "/alerts", 200)
    doc.expect(try await server.send("GET", "\(api)/alerts?team=1", cookie: cookie), "GET", "/alerts", 403)
    doc.expect(try await server.send("GET", "\(api)/alerts?team=yes", cookie: cookie), "GET", "/alerts", 400)
    doc.expect(try await server.send("GET", "\(api)/audit", cookie: cookie), "GET", "/audit", 403)
    for said in ["太贵了，再便宜点", "别家有现车，凭什么要等", "too expensive", "嗯嗯好的"] {
      let text = said.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
      doc.expect(
        try await server.send("GET", "\(api)/objection?text=\(text)&limit=5", cookie: cookie), "GET", "/objection", 200)
    }
    doc.expect(try await server.send("GET", "\(api)/objection", cookie: cookie), "GET", "/objection", 400)
    doc.expect(try await server.send("GET", "\(api)/objection?text=x"), "GET", "/objection", 401)

    // The consultant's changes, and their refusals.
    let lead = try #require(ids.first)
    let touches = "\(api)/leads/\(lead)/touches"
    let touch: [String: Any] = [
      "channel": "call", "outcome": "reached", "note": "asked about the ETA",
      "bury": [["text": "send the brochure", "kind": "brochure"]],
      "next": "2026-11-26T10:00:00+08:00",
    ]
    doc.expect(
      try await server.send("POST", touches, json: touch, cookie: cookie, headers: change), "POST",
      "/leads/{id}/touches", 201)
    doc.expect(try await server.send("POST", touches, json: touch, cookie: cookie), "POST", "/leads/{id}/touches", 403)
    doc.expect(
      try await server.send(
        "POST", touches, json: ["channel": "pigeon", "outcome": "reached"], cookie: cookie, headers: change),
      "POST", "/leads/{id}/touches", 400)
    doc.expect(
      try await server.send(
        "POST", touches, json: ["channel": "call", "outcome": "reached", "objections": ["no_such_objection"]],
        cookie: cookie,
        headers: change), "POST", "/leads/{id}/touches", 422)
    doc.expect(
      try await server.send("POST", "\(api)/leads/99999/touches", json: touch, cookie: cookie, headers: change), "POST",
      "/leads/{id}/touches", 404)
    doc.expect(try await server.send("GET", "\(api)/leads/\(lead)", cookie: cookie), "GET", "/leads/{id}", 200)
    // Snoozing a lead and lifting the snooze, and their refusals.
    let snooze = "\(api)/leads/\(lead)/snooze"
    let away: [String: Any] = ["until": "2026-12-05", "reason": "abroad until the 5th"]
    doc.expect(try await server.send("POST", snooze, json: away, cookie: cookie), "POST", "/leads/{id}/snooze", 403)
    doc.expect(
      try await server.send("POST", snooze, json: away, cookie: cookie, headers: change), "POST",
      "/leads/{id}/snooze", 201)
    doc.expect(
      try await server.send("POST", snooze, json: ["until": "2026-12-05"], cookie: cookie, headers: change), "POST",
      "/leads/{id}/snooze", 400)
    doc.expect(
      try await server.send(
        "POST", snooze, json: ["until": "2026-11-24", "reason": "x"], cookie: cookie, headers: change), "POST",
      "/leads/{id}/snooze", 422)
    doc.expect(
      try await server.send("POST", "\(api)/leads/99999/snooze", json: away, cookie: cookie, headers: change), "POST",
      "/leads/{id}/snooze", 404)
    doc.expect(try await server.send("GET", "\(api)/leads/\(lead)", cookie: cookie), "GET", "/leads/{id}", 200)
    doc.expect(
      try await server.send("GET", "\(api)/next?lead=\(lead)&limit=0", cookie: cookie), "GET", "/next", 200)
    doc.expect(
      try await server.send("POST", "\(snooze)/clear", cookie: cookie), "POST", "/leads/{id}/snooze/clear", 403)
    doc.expect(
      try await server.send("POST", "\(snooze)/clear", cookie: cookie, headers: change), "POST",
      "/leads/{id}/snooze/clear", 200)
    doc.expect(
      try await server.send("POST", "\(snooze)/clear", cookie: cookie, headers: change), "POST",
      "/leads/{id}/snooze/clear", 422)
    doc.expect(
      try await server.send("POST", "\(api)/leads/99999/snooze/clear", cookie: cookie, headers: change), "POST",
      "/leads/{id}/snooze/clear", 404)
    let stage = "\(api)/leads/\(lead)/stage"
    doc.expect(
      try await server.send(
        "POST", stage, json: ["stage": "churned", "reason": "budget_changed"], cookie: cookie, headers: change), "POST",
      "/leads/{id}/stage", 200)
    doc.expect(
      try await server.send("POST", stage, json: ["stage": "delivered"], cookie: cookie, headers: change), "POST",
      "/leads/{id}/stage", 422)
    doc.expect(
      try await server.send("POST", stage, json: ["stage": "sold"], cookie: cookie, headers: change), "POST",
      "/leads/{id}/stage", 400)
    doc.expect(
      try await server.send("POST", stage, json: ["stage": "churned"], cookie: cookie), "POST", "/leads/{id}/stage", 403
    )
    doc.expect(
      try await server.send(
        "POST", "\(api)/leads/99999/stage", json: ["stage": "churned", "reason": "budget_changed"], cookie: cookie,
        headers: change), "POST", "/leads/{id}/stage", 404)
    doc.expect(try await server.send("GET", "\(api)/leads/\(lead)", cookie: cookie), "GET", "/leads/{id}", 200)
    doc.expect(try await server.send("POST", "\(api)/logout", cookie: cookie), "POST", "/logout", 403)
    doc.expect(try await server.send("POST", "\(api)/logout", cookie: cookie, headers: change), "POST", "/logout", 204)
    doc.expect(try await server.send("POST", "\(api)/logout", cookie: cookie, headers: change), "POST", "/logout", 401)

    // The team lead's reads: the team's alerts and the audit (also with a comparison-free range and one consultant).
    let boss = try await server.login("王经理")
    doc.expect(try await server.send("GET", "\(api)/alerts?team=1", cookie: boss.cookie), "GET", "/alerts", 200)
    doc.expect(
      try await server.send("GET", "\(api)/audit?from=2026-10-01&to=2026-11-24", cookie: boss.cookie), "GET", "/audit",
      200)
    doc.expect(
      try await server.send(
        "GET", "\(api)/audit?from=2026-11-01&to=2026-11-24&consultant=%E6%9D%8E%E5%A8%9C&lang=en", cookie: boss.cookie),
      "GET", "/audit", 200)
    doc.expect(try await server.send("GET", "\(api)/audit?from=November", cookie: boss.cookie), "GET", "/audit", 400)
    doc.expect(try await server.send("GET", "\(api)/openapi.json"), "GET", "/openapi.json", 200)

    #expect(
      doc.documentedSuccesses.subtracting(doc.seen).isEmpty,
      "documented but never called: \(doc.documentedSuccesses.subtracting(doc.seen))")
    #expect(try server.stop() == 0)
  }

  // MARK: - The checker can fail

  /// The served document and a real `next` answer, to spoil one way at a time.
  static func documentAndNext() async throws -> (JSONSchemaCheck, JSONValue, JSONValue) {
    let shop = try Showroom(demo: ())
    let server = try Server(shop)
    let document = try JSONValue.parse(try await server.send("GET", "/api/v1/openapi.json").body)
    let (cookie, _) = try await server.login("李娜")
    let next = try JSONValue.parse(try await server.send("GET", "/api/v1/next?limit=3", cookie: cookie).body)
    #expect(try server.stop() == 0)
    let schema = try #require(
      document["paths"]?["/next"]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"])
    return (JSONSchemaCheck(document: document), next, schema)
  }

  static func edit(_ value: JSONValue, _ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
    guard case .object(var o) = value else { return value }
    change(&o)
    return .object(o)
  }

  @Test func theSchemaCheckCatchesAMissingKeyAnExtraKeyAWrongTypeAndABadTime() async throws {
    let (check, next, schema) = try await Self.documentAndNext()
    #expect(check.problems(next, against: schema).isEmpty)

    let missing = Self.edit(next) { $0["consultant"] = nil }
    #expect(check.problems(missing, against: schema) == ["$: the required key \"consultant\" is missing"])
    let extra = Self.edit(next) { $0["extra"] = .string("surprise") }
    #expect(check.problems(extra, against: schema) == ["$: the key \"extra\" is not in the schema"])
    let wrongType = Self.edit(next) { $0["queue"] = .string("none") }
    #expect(check.problems(wrongType, against: schema).first?.hasPrefix("$.queue: string") == true)
    let badTime = Self.edit(next) { $0["generated_at"] = .string("24/11/2026 09:00") }
    #expect(check.problems(badTime, against: schema) == ["$.generated_at: \"24/11/2026 09:00\" is not a date-time"])

    // Inside a queue entry (through $ref and items), and inside the nullable brief (through anyOf).
    guard case .array(var queue)? = next["queue"], !queue.isEmpty else {
      Issue.record("the demo queue is empty")
      return
    }
    queue[0] = Self.edit(queue[0]) {
      $0["priority"] = .string("high"); $0["colour"] = .string("red")
    }
    let deep = check.problems(Self.edit(next) { $0["queue"] = .array(queue) }, against: schema)
    #expect(deep.contains { $0.hasPrefix("$.queue[0].priority: string") })
    #expect(deep.contains("$.queue[0]: the key \"colour\" is not in the schema"))
    let brief = Self.edit(next) { $0["brief"] = Self.edit($0["brief"] ?? .null) { $0["goal"] = nil } }
    #expect(check.problems(brief, against: schema).first?.contains("the required key \"goal\" is missing") == true)
    let unknownCode = Self.edit(next) { $0["queue"] = .array([Self.edit(queue[0]) { $0["action"] = .string("nap") }]) }
    #expect(check.problems(unknownCode, against: schema).contains { $0.contains("is not one of the enum") })
  }

  @Test func aKeywordTheCheckerDoesNotKnowIsReportedNotIgnored() {
    let check = JSONSchemaCheck(document: .object([:]))
    let schema = JSONValue.object(["type": .string("string"), "pattern": .string("^a")])
    #expect(check.problems(.string("b"), against: schema) == ["$: the checker does not know the keyword pattern"])
    #expect(check.problems(.string("b"), against: .object(["$ref": .string("#/components/schemas/Nope")])).count == 1)
  }
}
