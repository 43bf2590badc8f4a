import CoachCore

/// `components.schemas` of the OpenAPI document: the command line's `--json` shapes, key for key (LeadJSON.swift,
/// NextQueue.swift, Queue.swift, Brief.swift, AuditJSON.swift). Keys a synthesized `Encodable` leaves out when
/// they have no value are the optional ones.
enum OpenAPISchemas {
  typealias S = Schema

  static var all: [String: OpenAPIValue] {
    next.merging(lead) { a, _ in a }.merging(audit) { a, _ in a }.merging(other) { a, _ in a }
  }

  static let next: [String: OpenAPIValue] = [
    "Next": S.object(
      [
        "generated_at": S.dateTime, "consultant": S.nullable(S.string), "queue": S.array(S.ref("QueueEntry")),
        "brief": S.nullable(S.ref("Brief")),
      ], description: "coach next --json"),
    "QueueEntry": S.object([
      "lead_id": S.string, "name": S.string, "stage": S.codes(Stage.self), "grade": S.nullable(S.codes(Grade.self)),
      "action": S.codes(ActionCode.self), "due_at": S.dateTime, "deadline": S.dateTime, "overdue_days": S.number,
      "priority": S.number, "reason": S.string, "tags": S.array(S.string),
    ]),
    "Brief": S.object(
      [
        "lead_id": S.string, "action": S.codes(ActionCode.self), "goal": S.string, "channel": S.string,
        "talking_points": S.array(S.ref("TalkingPoint")), "selling_points": S.array(S.string),
        "competitor": S.ref("CompetitorLine"), "objections": S.array(S.ref("ObjectionAnswer")),
        "switch": S.array(S.ref("SwitchArgument")), "message_draft": S.string, "send_on": S.date,
        "warnings": S.array(S.string), "due_at": S.dateTime, "deadline": S.dateTime, "overdue_days": S.number,
        "reason": S.string,
        "priority": S.number, "snoozed_until": S.nullable(S.date), "snooze_reason": S.nullable(S.string),
      ], optional: ["competitor", "send_on"]),
    "TalkingPoint": S.object(["kind": S.codes(TalkingPointKind.self), "text": S.string, "source": S.string]),
    "ObjectionAnswer": S.object(["code": S.string, "response": S.string, "line": S.string, "heard": S.boolean]),
    "CompetitorLine": S.object(["name": S.string, "weakness": S.string, "answer": S.string, "model": S.string]),
    "SwitchArgument": S.object(["to_model": S.string, "lever": S.codes(Lever.self), "text": S.string]),
    "Alerts": S.object(["alerts": S.array(S.ref("Alert"))], description: "coach alerts --json"),
    "Alert": S.object([
      "lead_id": S.string, "name": S.string, "consultant": S.nullable(S.string), "action": S.codes(ActionCode.self),
      "due_at": S.dateTime, "deadline": S.dateTime, "overdue_days": S.number, "severity": S.codes(Severity.self),
      "reason": S.string, "tags": S.array(S.string), "escalated": S.boolean,
    ]),
  ]

  static let lead: [String: OpenAPIValue] = [
    "LeadDetail": S.object(
      [
        // A field not known is null (every field is there).
        "id": S.string, "external_id": S.nullable(S.string), "name": S.string, "phone": S.nullable(S.string),
        "wechat": S.nullable(S.string), "email": S.nullable(S.string), "gender": S.nullable(S.string),
        "birthday": S.nullable(S.date), "city": S.nullable(S.string), "source": S.nullable(S.string),
        "consultant": S.nullable(S.string), "model": S.nullable(S.string), "grade": S.nullable(S.codes(Grade.self)),
        "tier": S.nullable(S.codes(Tier.self)),
        "tags": S.array(S.string), "profile": S.map(S.string), "stage": S.codes(Stage.self), "created_at": S.dateTime,
        "events": S.array(S.ref("StageEvent")), "touches": S.array(S.ref("Touch")), "topics": S.array(S.ref("Topic")),
        "issues": S.array(S.ref("Topic")), "snoozed_until": S.nullable(S.date), "snooze_reason": S.nullable(S.string),
        "snoozed_by": S.nullable(S.string), "snoozes": S.array(S.ref("Snooze")), "edits": S.array(S.ref("LeadEdit")),
      ],
      description: "coach lead show ID --json (the phone masked)"),
    "LeadEdit": S.object(
      [
        "at": S.dateTime, "actor": S.nullable(S.string), "field": S.string, "from": S.nullable(S.string),
        "to": S.nullable(S.string),
      ], description: "a field coach lead edit changed (contact details masked as the phone is)"),
    "Snooze": S.object(
      [
        "lead_id": S.string, "name": S.string, "consultant": S.string, "until": S.date, "reason": S.string,
        "by": S.string, "at": S.dateTime, "cleared_at": S.nullable(S.dateTime), "cleared_by": S.nullable(S.string),
      ], optional: ["lead_id", "name", "consultant", "by"], description: "coach snooze --json; a lead's snoozes"),
    "StageEvent": S.object(
      [
        "from": S.codes(Stage.self), "to": S.codes(Stage.self), "at": S.dateTime, "actor": S.string,
        "reason": S.codes(ChurnReason.self), "note": S.string, "amount": S.number, "model": S.string, "eta": S.date,
        "date": S.date,
      ], optional: ["from", "actor", "reason", "note", "amount", "model", "eta", "date"]),
    "Touch": S.object(
      [
        "id": S.integer, "at": S.dateTime, "channel": S.codes(Channel.self), "outcome": S.codes(Outcome.self),
        "note": S.string, "objections": S.array(S.string), "next_at": S.dateTime, "actor": S.string,
        "levers": S.array(S.codes(Lever.self)),
      ], optional: ["note", "next_at", "actor"]),
    "Topic": S.object([
      "id": S.integer, "text": S.string, "kind": S.codes(TopicKind.self), "buried_at": S.dateTime,
      "buried_by": S.nullable(S.string), "resolved_at": S.nullable(S.dateTime),
      "resolved_by_touch": S.nullable(S.integer),
    ]),
    "TouchRequest": S.object(
      [
        "channel": S.codes(Channel.self), "outcome": S.codes(Outcome.self), "note": S.string,
        "bury": S.array(S.object(["text": S.string, "kind": S.codes(TopicKind.self)], optional: ["kind"])),
        "resolve": S.array(S.integer), "objections": S.array(S.string), "issues": S.array(S.string),
        "next": S.string, "levers": S.array(S.string),
      ], optional: ["note", "bury", "resolve", "objections", "issues", "next", "levers"],
      description:
        "As coach touch: --channel, --outcome, --note, --bury, --resolve, --objection, --issue, --next, --lever"),
    "TouchCreated": S.object([
      "id": S.string, "touch_id": S.integer, "buried_topic_ids": S.array(S.integer), "issue_ids": S.array(S.integer),
    ]),
    "StageRequest": S.object(
      [
        "stage": S.codes(Stage.self), "reason": S.codes(ChurnReason.self), "note": S.string, "amount": S.number,
        "model": S.string, "eta": S.string, "date": S.string,
      ], optional: ["reason", "note", "amount", "model", "eta", "date"],
      description: "As coach stage: --reason, --note, --amount, --model, --eta, --date"),
    "Switch": S.object(
      ["lead_id": S.string, "from_model": S.string, "switch": S.array(S.ref("SwitchArgument"))],
      description: "coach switch ID --json"),
    "StageResult": S.object(["lead_id": S.string, "event": S.ref("StageEvent")]),
    "SnoozeRequest": S.object(
      ["until": S.date, "reason": S.string],
      description: "As coach snooze: --until (YYYY-MM-DD in the server's zone, after today) and --reason"),
  ]

  static let other: [String: OpenAPIValue] = [
    "Error": S.object([
      "error": S.object(["code": S.string, "message": S.string])
    ]),
    "LoginRequest": S.object(["user": S.string, "password": S.string]),
    "ObjectionMatches": S.object(
      ["matches": S.array(S.ref("ObjectionMatch"))], description: "coach objection TEXT --json"),
    "ObjectionMatch": S.object(
      [
        "code": S.string, "score": S.number, "title": S.string, "response": S.string, "script": S.string,
        "approach": S.string, "competitor": S.ref("NamedCompetitor"),
      ], optional: ["competitor", "send_on"]),
    "NamedCompetitor": S.object(
      ["name": S.string, "model": S.string, "weakness": S.string],
      description: "the catalog's competitor the customer named (vs_competitor), listed against our model"),
    "Login": S.object(["user": S.string, "role": S.codes(Role.self), "csrf_token": S.string]),
  ]
}
