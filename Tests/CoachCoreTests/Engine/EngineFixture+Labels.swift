@testable import CoachCore

extension Fixture {
  static let labels = Labels(
    dealership: "Aurora Motors East",
    goals: Dictionary(uniqueKeysWithValues: ActionCode.allCases.map { ($0.rawValue, "goal of \($0.rawValue)") }),
    channels: [
      "delivery_late": "call", "issue_7day": "call", "callback_3day": "call", "agreed_followup": "call",
      "first_contact": "call", "delivery_update": "wechat", "birthday": "wechat", "car_birthday": "wechat",
      "holiday": "wechat", "cadence_followup": "call", "referral_ask": "call", "winback": "call",
    ],
    reasons: [
      "delivery_late": "promised car {days_late} days late",
      "issue_7day": "problem \"{issue}\" still open, fix by {date}",
      "callback_3day": "callback within 3 days of delivery, by {date}",
      "agreed_followup": "next contact agreed for {time}",
      "first_contact": "new lead, first contact within {days} days",
      "delivery_update": "time for a delivery update (expected {eta})",
      "birthday": "owner's birthday on {date}",
      "car_birthday": "car's birthday: {years} years ({date})",
      "holiday": "{holiday} ({date}) greetings",
      "cadence_followup": "grade {grade}: follow up every {interval} days",
      "cadence_followup_ungraded": "not graded: follow up every {interval} days",
      "referral_ask": "satisfied owner, ask for referrals",
      "winback": "lost customer, interview (reason: {churn_reason})",
      "stage_prospect": "prospect", "stage_deposit": "deposit paid",
      "stage_waiting_for_delivery": "waiting for delivery", "stage_delivered": "delivered", "stage_churned": "lost",
      "late_by": "{days} days late", "car_late": "car {days_late} days late",
      "no_touch_for": "no contact for {days} days", "never_touched": "never contacted",
      "overdue": "overdue by {days} days", "buried_open": "open topic: {topic}",
      "update_for": "no update for {days} days",
    ],
    warnings: [
      "warning_tag": "WARNING customer", "vip": "VIP", "fleet": "fleet", "difficult": "difficult",
      "no_next_agreed": "no next contact agreed", "unreachable": "unreachable {count} times",
      "amount_unknown": "deposit amount unknown", "eta_unknown": "ETA unknown", "model_unknown": "model unknown",
    ],
    switchTexts: [
      "conformity": "{percent}% of {segment} buyers here chose the {to_model}",
      "trend": "{to_model} deliveries grew from {before} to {after} (+{percent}%)",
      "vested_benefit": "only the {to_model} comes on time, with {offer}",
      "gain": "the {to_model} is on offer: {offer}",
      "completeness": "{price_diff} yuan more ({percent}%) for the {to_model}",
      "prestige": "the {to_model} is a step up",
      "space": "{extra_litres} L and {extra_mm} mm more in the {to_model}",
      "availability":
        "{from_model} {from_wait_weeks} weeks; {to_model} {to_wait_weeks} weeks, {weeks_sooner} weeks sooner",
      "availability_late": "{from_model} {days_late} days late; {to_model} {to_wait_weeks} weeks",
      "space_cargo": "{extra_litres} L more in the {to_model}",
      "space_legroom": "{extra_mm} mm more legroom in the {to_model}",
      "maintenance_cost": "{saved_per_year} yuan a year less maintenance",
      "city_use": "{shorter_mm} mm shorter",
      "running_cost": "{after} instead of {before} per 100 km, {running_saved} yuan a year saved",
    ],
    ui: ["segment_suv": "SUV", "segment_sedan": "sedan", "segment_ev": "EV", "churn_wait_too_long": "wait too long"])
}
