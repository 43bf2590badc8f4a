import Foundation

/// The OpenAPI 3.1 document served at `/api/v1/openapi.json`: every `/api/v1` route, its parameters, and its answers
/// in the command line's `--json` shapes (OpenAPISchemas). `OpenAPITests` holds the server's real responses to it.
enum OpenAPIDocument {
  typealias S = Schema

  /// The document as served (keys sorted, as every JSON the server writes).
  static let data: Data = {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return ((try? e.encode(document)) ?? Data()) + Data("\n".utf8)
  }()

  static var document: OpenAPIValue {
    [
      "openapi": "3.1.0",
      "info": [
        "title": "coach serve API", "version": "1",
        "description": .string(
          "The command line's use cases for the logged-in user, answered with exactly their --json documents. "
            + "Log in with POST /login; send the session cookie, and on every change the header X-CSRF-Token with "
            + "the login's csrf_token. Errors are {\"error\": {\"code\", \"message\"}}. ?lang=en|zh-CN picks the "
            + "language of texts (default: the server's --lang)."),
      ],
      "servers": [["url": "/api/v1"]],
      "paths": .object(paths),
      "components": [
        "schemas": .object(OpenAPISchemas.all),
        "securitySchemes": [
          "session": ["type": "apiKey", "in": "cookie", "name": .string(AuthMiddleware.cookieName)],
          "csrf": ["type": "apiKey", "in": "header", "name": "X-CSRF-Token"],
        ],
      ],
    ]
  }

  static var paths: [String: OpenAPIValue] {
    [
      "/login": [
        "post": operation(
          "Log in: a session cookie (HttpOnly, SameSite=Strict) and the CSRF token", body: "LoginRequest",
          ok: ("200", "Login"), errors: ["400", "401", "403", "413", "429"], secured: false)
      ],
      "/logout": [
        "post": operation("End the session", ok: ("204", nil), errors: ["401", "403"], changes: true)
      ],
      "/next": [
        "get": operation(
          "coach next --json: the queue of due follow-ups and the first one's brief",
          parameters: [
            query("lead", S.string, "the brief for this lead, due or not"),
            query("limit", ["type": "integer", "minimum": 0], "queue length (default 10)"), lang,
          ], ok: ("200", "Next"), errors: ["400", "401", "404"])
      ],
      "/alerts": [
        "get": operation(
          "coach alerts --json: follow-ups past their deadline, most overdue first",
          parameters: [
            query("team", ["type": "string", "enum": ["1", "0", "true", "false"]], "the team's (lead, admin)"), lang,
          ],
          ok: ("200", "Alerts"), errors: ["400", "401", "403"])
      ],
      "/audit": [
        "get": operation(
          "coach audit --json: follow-up discipline per consultant (lead, admin)",
          parameters: [
            query("from", S.date, "first day"), query("to", S.date, "last day"),
            query("consultant", S.string, "one consultant"), lang,
          ], ok: ("200", "Audit"), errors: ["400", "401", "403"])
      ],
      "/leads/{id}": [
        "get": operation(
          "coach lead show ID --json", parameters: [leadID, lang], ok: ("200", "LeadDetail"), errors: ["401", "404"])
      ],
      "/leads/{id}/switch": [
        "get": operation(
          "coach switch ID --json: arguments for switching the lead to a model that comes sooner",
          parameters: [leadID, lang], ok: ("200", "Switch"), errors: ["401", "404", "422"])
      ],
      "/leads/{id}/touches": [
        "post": operation(
          "coach touch: record a touch", parameters: [leadID, lang], body: "TouchRequest", ok: ("201", "TouchCreated"),
          errors: ["400", "401", "403", "404", "413", "422"], changes: true)
      ],
      "/leads/{id}/stage": [
        "post": operation(
          "coach stage: change the lead's stage", parameters: [leadID, lang], body: "StageRequest",
          ok: ("200", "StageResult"), errors: ["400", "401", "403", "404", "413", "422"], changes: true)
      ],
      "/objection": [
        "get": operation(
          "coach objection TEXT --json: what a customer said, matched to the playbook's objections, best first",
          parameters: [
            [
              "name": "text", "in": "query", "required": true, "schema": S.string,
              "description": "what the customer said (not blank)",
            ],
            query("limit", ["type": "integer", "minimum": 0], "at most this many matches (default 3; 0 counts as 1)"),
            lang,
          ], ok: ("200", "ObjectionMatches"), errors: ["400", "401"])
      ],
      "/leads/{id}/snooze": [
        "post": operation(
          "coach snooze ID --until DATE --reason TEXT: hold the lead's sales follow-ups until a day (care occasions "
            + "still come due); a snooze already holding is lifted by the new one",
          parameters: [leadID, lang], body: "SnoozeRequest", ok: ("201", "Snooze"),
          errors: ["400", "401", "403", "404", "413", "422"], changes: true)
      ],
      "/leads/{id}/snooze/clear": [
        "post": operation(
          "coach snooze ID --clear: lift the snooze holding the lead (422 not_snoozed when none does)",
          parameters: [leadID, lang], ok: ("200", "Snooze"), errors: ["401", "403", "404", "422"], changes: true)
      ],
      "/openapi.json": [
        "get": [
          "summary": "This document", "security": [],
          "responses": [
            "200": ["description": "OpenAPI 3.1", "content": ["application/json": ["schema": ["type": "object"]]]]
          ],
        ]
      ],
    ]
  }

  // MARK: - Parts

  static let lang = query("lang", ["type": "string", "enum": ["en", "zh-CN"]], "language of texts")
  static let leadID: OpenAPIValue = [
    "name": "id", "in": "path", "required": true, "schema": S.string, "description": "the lead's id",
  ]

  static func query(_ name: String, _ schema: OpenAPIValue, _ description: String) -> OpenAPIValue {
    ["name": .string(name), "in": "query", "required": false, "schema": schema, "description": .string(description)]
  }

  static func json(_ schema: String) -> OpenAPIValue { ["application/json": ["schema": S.ref(schema)]] }

  static let reasons: [String: String] = [
    "400": "bad input (usage): the message names the field, or where the JSON breaks",
    "401": "not logged in, or a wrong user or password",
    "403": "no CSRF token, a role that may not, or a login posted from another site's page (Origin, else Referer)",
    "404": "no such lead among those the user may see", "413": "the body is larger than 64 KB",
    "422": "refused by the rules (as the command line's exit 65)", "429": "too many failed logins (Retry-After)",
  ]

  static func operation(
    _ summary: String, parameters: [OpenAPIValue] = [], body: String? = nil, ok: (String, String?),
    errors: [String], secured: Bool = true, changes: Bool = false
  ) -> OpenAPIValue {
    var responses: [String: OpenAPIValue] = [:]
    responses[ok.0] = ok.1.map { ["description": "done", "content": json($0)] } ?? ["description": "done, no body"]
    for code in errors {
      responses[code] = ["description": .string(reasons[code] ?? ""), "content": json("Error")]
    }
    var op: [String: OpenAPIValue] = ["summary": .string(summary), "responses": .object(responses)]
    if !parameters.isEmpty { op["parameters"] = .array(parameters) }
    if let body { op["requestBody"] = ["required": true, "content": json(body)] }
    op["security"] = secured ? (changes ? [["session": [], "csrf": []]] : [["session": []]]) : []
    return .object(op)
  }
}
