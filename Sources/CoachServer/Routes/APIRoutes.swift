import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// `/api/v1`: the command line's use cases for the logged-in user, answered with exactly their `--json` documents.
struct APIRoutes {
  let state: ServerState

  func add(to router: Router<CoachRequestContext>) {
    let api = router.group("/api/v1")
    api.get("openapi.json") { _, _ in Responses.json(OpenAPIDocument.data) }
    api.get("next") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let limit = try Self.count(request.uri.queryParameters["limit"].map(String.init), name: "limit") ?? 10
      let lead = request.uri.queryParameters["lead"].map(String.init)
      let next = try await blocking { try NextQueue.build(session, limit: limit, lead: lead) }
      return try state.json(next.json(session), zone: session.env.zone)
    }
    api.get("alerts") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let team = try Self.flag(request.uri.queryParameters["team"].map(String.init), name: "team")
      let list = try await blocking { try AlertList.build(session, team: team, explained: true) }
      return try state.json(["alerts": list.alerts], zone: session.env.zone)
    }
    api.get("audit") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let q = request.uri.queryParameters
      let (from, to, consultant) = (
        q["from"].map(String.init), q["to"].map(String.init), q["consultant"].map(String.init)
      )
      let audit = try await blocking { try AuditRun.build(session, from: from, to: to, consultant: consultant) }
      return Responses.json(try AuditRun.data(audit.json, zone: session.env.zone))
    }
    api.get("leads/:id") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let id = try context.parameters.require("id")
      let detail = try await blocking { try LeadDetail.load(session, id: id, unmasked: false) }
      return try state.json(detail.json, zone: session.env.zone)
    }
    api.get("leads/:id/switch") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let id = try context.parameters.require("id")
      let found = try await blocking { try SwitchArguments.run(session, leadID: id) }
      return try state.json(found.json, zone: session.env.zone)
    }
    api.post("leads/:id/touches") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let id = try context.parameters.require("id")
      let input = try TouchBody.decode(try await request.body.collect(upTo: context.maxUploadSize)).input()
      let (result, _, _) = try await blocking { try input.run(session, leadID: id) }
      return try state.json(TouchCreatedJSON(result), zone: session.env.zone, status: .created)
    }
    api.post("leads/:id/stage") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let id = try context.parameters.require("id")
      let change = try StageBody.decode(try await request.body.collect(upTo: context.maxUploadSize)).input()
      let event = try await blocking { try change.run(session, leadID: id) }
      return try state.json(StageResultJSON(leadID: id, event: event), zone: session.env.zone)
    }
    api.post("leads/:id/snooze") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let id = try context.parameters.require("id")
      let body = try SnoozeBody.decode(try await request.body.collect(upTo: context.maxUploadSize))
      let (until, reason) = try body.input()
      let snooze = try await blocking { try SnoozeLead.set(session, leadID: id, until: until, reason: reason) }
      return try state.json(SnoozeJSON(snooze, leadID: try LeadID.typed(id)), zone: session.env.zone, status: .created)
    }
    api.post("leads/:id/snooze/clear") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let id = try context.parameters.require("id")
      let lifted = try await blocking { try SnoozeLead.clear(session, leadID: id) }
      return try state.json(SnoozeJSON(lifted, leadID: try LeadID.typed(id)), zone: session.env.zone)
    }
  }

  /// A whole number 0 or more, or 400.
  static func count(_ text: String?, name: String) throws -> Int? {
    guard let text else { return nil }
    guard let n = Int(text), n >= 0 else {
      throw FieldRefusal(zh: "\(name)=\(text) 不是 0 或更大的整数", en: "\(name)=\(text) is not a whole number 0 or more")
    }
    return n
  }

  /// `1`/`true` or `0`/`false` (absent: false), or 400.
  static func flag(_ text: String?, name: String) throws -> Bool {
    switch text {
    case nil, "0", "false": return false
    case "1", "true": return true
    default: throw FieldRefusal(zh: "\(name)=\(text ?? "") 只能是 1 或 0", en: "\(name)=\(text ?? "") is not 1 or 0")
    }
  }
}

/// `POST /api/v1/leads/ID/touches` → 201: the touch's id (as text, like every id the API gives) and what it created.
struct TouchCreatedJSON: Encodable {
  let id: String
  let touch_id: Int64
  let buried_topic_ids: [Int64]
  let issue_ids: [Int64]

  init(_ r: TouchResult) {
    id = String(r.touchID)
    touch_id = r.touchID
    buried_topic_ids = r.buriedTopicIDs
    issue_ids = r.issueIDs
  }
}

/// The touch document of the contract: `{"channel", "outcome", "note", "bury": [{"text", "kind"}], "resolve",
/// "objections", "next"}` (and `issues`, as `--issue`; `levers`, as `--lever`).
struct TouchBody: Decodable {
  struct Bury: Decodable {
    let text: String
    let kind: String?
  }
  let channel: String?
  let outcome: String?
  let note: String?
  let bury: [Bury]?
  let resolve: [Int64]?
  let objections: [String]?
  /// Switch levers argued with (`--lever`): codes or the playbook's labels.
  let levers: [String]?
  let issues: [String]?
  let next: String?

  static func decode(_ body: ByteBuffer) throws -> TouchBody {
    try decodeJSON(
      TouchBody.self, body,
      shape:
        "{\"channel\", \"outcome\", \"note\", \"bury\": [{\"text\", \"kind\"}], \"resolve\": [ids], \"objections\": [codes], \"next\"}",
      fields: ["channel", "outcome", "note", "bury", "resolve", "objections", "levers", "issues", "next"],
      nested: ["bury": ["text", "kind"]])
  }

  func input() throws -> RecordTouch {
    var input = RecordTouch(
      channel: try code(channel, "channel", as: Channel.self), outcome: try code(outcome, "outcome", as: Outcome.self),
      note: note)
    input.bury = try (bury ?? []).map {
      (text: $0.text, kind: try optionalCode($0.kind, "bury kind", as: TopicKind.self) ?? .other)
    }
    input.resolve = resolve ?? []
    input.objections = objections ?? []
    input.levers = levers ?? []
    input.issues = issues ?? []
    input.next = next
    return input
  }
}

/// The stage document of the contract: `{"stage", "reason", "note", "amount", "model", "eta", "date"}`.
struct StageBody: Decodable {
  let stage: String?
  let reason: String?
  let note: String?
  let amount: Double?
  let model: String?
  let eta: String?
  let date: String?

  static func decode(_ body: ByteBuffer) throws -> StageBody {
    try decodeJSON(
      StageBody.self, body, shape: "{\"stage\", \"reason\", \"note\", \"amount\", \"model\", \"eta\", \"date\"}",
      fields: ["stage", "reason", "note", "amount", "model", "eta", "date"])
  }

  func input() throws -> ChangeStage {
    var change = ChangeStage(stage: try code(stage, "stage", as: Stage.self))
    change.reason = try optionalCode(reason, "reason", as: ChurnReason.self)
    (change.note, change.amount, change.model, change.eta, change.date) = (note, amount, model, eta, date)
    return change
  }
}

/// The snooze document: `{"until": "YYYY-MM-DD", "reason"}`, as `coach snooze ID --until DATE --reason TEXT`.
struct SnoozeBody: Decodable {
  let until: String?
  let reason: String?

  static func decode(_ body: ByteBuffer) throws -> SnoozeBody {
    try decodeJSON(
      SnoozeBody.self, body, shape: "{\"until\": \"YYYY-MM-DD\", \"reason\"}", fields: ["until", "reason"])
  }

  /// Both are required (as `coach snooze` requires `--until` and `--reason`); their values are the use case's to
  /// check.
  func input() throws -> (until: String, reason: String) {
    try SnoozeBody.required(until: until, reason: reason)
  }

  /// `until` and `reason` of a JSON body or a form, or 400 naming what is missing.
  static func required(until: String?, reason: String?) throws -> (until: String, reason: String) {
    guard let until else {
      throw FieldRefusal.required(
        "until", zh: "恢复跟进的日期 (YYYY-MM-DD，晚于今天)", en: "the day follow-ups resume, YYYY-MM-DD after today")
    }
    guard let reason else { throw FieldRefusal.required("reason", zh: "暂停跟进的原因", en: "why the follow-ups wait") }
    return (until, reason)
  }
}
