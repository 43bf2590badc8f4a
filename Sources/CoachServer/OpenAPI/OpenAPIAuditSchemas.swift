import CoachCore

extension OpenAPISchemas {
  /// `coach audit --json` (AuditJSON.swift): the contract's keys and the rest of the report.
  static let audit: [String: OpenAPIValue] = [
    "Audit": S.object(
      [
        "from": S.date, "to": S.date, "generated_at": S.dateTime, "timezone": S.string, "weeks": S.array(S.string),
        "consultants": S.array(S.ref("AuditRow")), "team": S.ref("AuditRow"),
        "data_access": S.array(S.ref("AccessEntry")), "transfers": S.array(S.ref("Transfer")),
        "previous_period": S.object(["from": S.date, "to": S.date]),
        "what_works_days": S.integer, "what_works_minimum_sample": S.integer,
      ], optional: ["previous_period"], description: "coach audit --json"),
    "AuditRow": S.object(
      [
        "consultant": S.nullable(S.string), "deactivated": S.boolean, "store": S.string, "store_name": S.string,
        "activity": S.array(S.ref("AuditDay")),
        "sources": S.array(S.ref("AuditSource")), "previous": S.ref("AuditHeadline"), "change": S.ref("AuditHeadline"),
        "first_response_minutes": S.measure, "first_response_within_limit_rate": S.measure,
        "first_response": S.object(
          [
            "leads": S.integer, "judged": S.integer, "within_limit": S.integer, "within_5_min": S.integer,
            "within_30_min": S.integer, "within_2_h": S.integer, "within_24_h": S.integer, "later": S.integer,
            "never": S.integer,
          ]),
        "leads_open": S.integer, "touches": S.integer, "due": S.integer, "on_time": S.integer, "late": S.integer,
        "missed": S.integer, "pending": S.integer, "overdue_now": S.integer, "on_time_rate": S.measure,
        "callback_3day_rate": S.measure, "issue_7day_rate": S.measure, "without_next_rate": S.measure,
        "touches_by_channel": S.map(S.integer), "callback_3day_due": S.integer, "callback_3day_on_time": S.integer,
        "issue_7day_due": S.integer, "issue_7day_on_time": S.integer, "contacts": S.integer,
        "contacts_without_next": S.integer, "buried_left": S.integer, "buried_resolved": S.integer,
        "churned": S.integer, "churn_by_reason": S.map(S.integer),
        "funnel": S.object(
          [
            "prospects": S.integer, "deposits": S.integer, "delivered": S.integer, "deposit_rate": S.measure,
            "delivery_rate": S.measure, "median_days_to_deposit": S.measure, "median_days_to_delivery": S.measure,
          ]),
        "exports": S.integer, "export_rows": S.integer, "snoozes": S.integer, "snoozed_now": S.integer,
        "what_works": S.object([
          "objections": S.array(
            S.object([
              "code": S.string, "heard": S.integer, "judged": S.integer, "advanced": S.integer, "pending": S.integer,
              "advance_rate": S.measure, "enough": S.boolean,
            ])),
          "created_topics": S.array(
            S.object([
              "topic": S.string, "contacts": S.integer, "judged": S.integer, "deposits": S.integer,
              "pending": S.integer, "deposit_rate": S.measure, "enough": S.boolean,
            ])),
          "levers": S.array(
            S.object([
              "lever": S.codes(Lever.self), "used": S.integer, "judged": S.integer,
              "deposits_or_switches": S.integer, "pending": S.integer, "deposit_or_switch_rate": S.measure,
              "enough": S.boolean,
            ])),
        ]),
        "weekly": S.array(
          S.object([
            "week": S.string, "whole": S.boolean, "due": S.integer, "on_time": S.integer, "on_time_rate": S.measure,
          ])),
      ], optional: ["previous", "change", "deactivated", "store", "store_name"],
      description:
        "One consultant's figures (deactivated: whether the user left); the team row has consultant null; a group's"
        + " audit over several stores adds store (and a store row's store_name)"),
    "AuditDay": S.object([
      "day": S.date, "touches": S.integer, "call": S.integer, "sms": S.integer, "wechat": S.integer,
      "visit": S.integer, "email": S.integer, "test_drive": S.integer,
    ]),
    "AuditSource": S.object([
      "source": S.nullable(S.string), "leads": S.integer, "contacted": S.integer, "deposits": S.integer,
      "delivered": S.integer, "contact_rate": S.measure, "deposit_rate": S.measure, "delivery_rate": S.measure,
    ]),
    "AuditHeadline": S.object([
      "due": S.integer, "on_time": S.integer, "late": S.integer, "missed": S.integer, "touches": S.integer,
      "new_leads": S.integer, "prospects": S.integer, "deposits": S.integer, "delivered": S.integer,
      "churned": S.integer, "on_time_rate": S.measure, "callback_3day_rate": S.measure,
      "first_response_minutes": S.measure, "first_response_within_limit_rate": S.measure,
    ]),
    "AccessEntry": S.object(
      [
        "at": S.dateTime, "actor": S.string, "what": S.string, "format": S.string, "rows": S.integer,
        "masked": S.boolean, "target": S.string,
      ], optional: ["actor", "target"]),
    "Transfer": S.object(
      ["at": S.dateTime, "actor": S.string, "from": S.string, "to": S.string, "leads": S.integer],
      optional: ["actor"]),
  ]
}
