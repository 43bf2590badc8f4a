/// How loud an overdue follow-up's alert is: the one place the rule lives (`coach alerts`, its JSON, the web page).
///
/// Points from three things a team lead weighs, added up:
///
///     action    0–3  the rule's `severityPoints` (`FollowUpRules`): 3 delivery_late, issue_7day, callback_3day;
///                    2 first_contact, agreed_followup; 0 winback; 1 the others
///     value     2  deposit, waiting_for_delivery (money paid);  1 delivered, or an H/A prospect;  0 otherwise
///             + 1  VIP, warning tag or tier A (capped at 3 in all)
///     overdue   0  under a day;  1  a day to a week;  2  a week or more
///
/// `high` from 5 points, `medium` from 3, `low` below: a late car is high from its first hour, a regular follow-up of
/// a B prospect becomes medium after a week, and a win-back interview stays low however late.
public enum Severity: String, Codable, Sendable, Hashable, CaseIterable {
  case low, medium, high

  public static func of(_ action: DueAction, lead: LeadSnapshot) -> Severity {
    of(
      code: action.code, overdueDays: action.overdueDays, stage: lead.stage, grade: lead.grade, tier: lead.tier,
      tags: lead.tags)
  }

  public static func of(
    code: ActionCode, overdueDays: Double, stage: Stage, grade: Grade?, tier: Tier?, tags: [String]
  ) -> Severity {
    let points =
      actionPoints(code) + valuePoints(stage: stage, grade: grade, tier: tier, tags: tags) + overduePoints(overdueDays)
    return points >= 5 ? .high : points >= 3 ? .medium : .low
  }

  static func actionPoints(_ code: ActionCode) -> Int { code.rule.severityPoints }

  static func valuePoints(stage: Stage, grade: Grade?, tier: Tier?, tags: [String]) -> Int {
    var points: Int
    switch stage {
    case .deposit, .waitingForDelivery: points = 2
    case .delivered: points = 1
    case .prospect: points = grade == .h || grade == .a ? 1 : 0
    case .churned: points = 0
    }
    let flagged = tags.contains { [KnownTag.vip, KnownTag.warning].contains($0.lowercased()) }
    if flagged || tier == .a { points += 1 }
    return min(points, 3)
  }

  static func overduePoints(_ days: Double) -> Int { days >= 7 ? 2 : days >= 1 ? 1 : 0 }
}
