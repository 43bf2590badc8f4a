import Foundation

/// The follow-up a lead is due. The cases are declared in the contract's precedence order (of those due, the
/// first wins); everything else about a code is its entry in `FollowUpRules.describe` below.
public enum ActionCode: String, Codable, CaseIterable, Sendable, Hashable, Comparable {
  case deliveryLate = "delivery_late"
  case issue7day = "issue_7day"
  case callback3day = "callback_3day"
  case agreedFollowup = "agreed_followup"
  case firstContact = "first_contact"
  case deliveryUpdate = "delivery_update"
  case birthday
  case carBirthday = "car_birthday"
  case holiday
  case cadenceFollowup = "cadence_followup"
  case referralAsk = "referral_ask"
  case winback

  /// Position in the contract's precedence list (0 = most important): the case's place in the declaration above,
  /// which is the number Swift stores for a case of an enum without payloads. The engine compares codes at every
  /// replay step, so this is read, not searched for; `ActionCodeRankTests` holds it equal to the `allCases` index.
  public var precedence: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

  public static func < (lhs: ActionCode, rhs: ActionCode) -> Bool { lhs.precedence < rhs.precedence }

  /// Everything the engine, the brief, the alerts and the audit know about this code.
  var rule: FollowUpRule { FollowUpRules.table[precedence] }

  /// After-sales care: the brief carries care only (no sales objections, switch arguments or promotions).
  public var isCare: Bool { rule.kind != .sales }

  /// Greetings: wishes only, not even a loose end of the sale.
  var isGreeting: Bool { rule.kind == .greeting }
}

/// One follow-up rule, described once. To add a rule: a case in `ActionCode` (where it sits is its precedence),
/// its entry in `FollowUpRules.describe`, its `labels.reasons`/`labels.goals`/`actions` texts in both playbooks,
/// and a case in `FollowUpRulesTests`.
struct FollowUpRule: Sendable {
  enum Kind: Sendable { case sales, care, greeting }

  let code: ActionCode
  /// Sales, after-sales care, or a greeting (care that only wishes well).
  let kind: Kind
  /// The rule reads the clock (`h.at`): its answer can change while nothing is recorded (the yearly occasions).
  /// The others change only when the history does, which the replay relies on.
  let readsClock: Bool
  /// The action's share of an alert's loudness (`Severity`): 3 a paying or troubled customer waits, 2 a first
  /// impression or a promise is breaking, 1 routine, 0 the customer is already lost.
  let severityPoints: Int
  /// The reason says how long since the last touch (not for a first contact or a delivery update, whose reason
  /// already is the silence).
  let reasonTellsSilence: Bool
  /// The lead's pending follow-up of this code as of `h.at` (due or still to come), with what fulfils it; nil when
  /// the code does not apply. Reads `h.at`, never `ctx.now`.
  let pending: @Sendable (LeadHistory, EngineContext) -> Occurrence?
  /// The code's own placeholder values for its reason, goal and drafts, over the shared ones (`ReasonText`).
  let facts: @Sendable (inout [String: String], Occurrence, LeadHistory, EngineContext) -> Void

  init(
    _ code: ActionCode, _ kind: Kind, readsClock: Bool = false, severity: Int, reasonTellsSilence: Bool = true,
    pending: @escaping @Sendable (LeadHistory, EngineContext) -> Occurrence?,
    facts: @escaping @Sendable (inout [String: String], Occurrence, LeadHistory, EngineContext) -> Void = {
      _, _, _, _ in
    }
  ) {
    (self.code, self.kind, self.readsClock, self.severityPoints) = (code, kind, readsClock, severity)
    (self.reasonTellsSilence, self.pending, self.facts) = (reasonTellsSilence, pending, facts)
  }
}

/// The rule table: one entry per action code, in precedence order. The rules' bodies (when pending, when
/// fulfilled) are in `Rules+Sales.swift` and `Rules+Care.swift`; the shapes they share in `Rules.swift`.
enum FollowUpRules {
  static let table: [FollowUpRule] = ActionCode.allCases.map(describe)

  /// The codes whose rules read the clock, in precedence order.
  static let clockCodes: [ActionCode] = table.filter(\.readsClock).map(\.code)

  /// `table[i].readsClock` by precedence, read without copying the rule (and retaining its closures).
  static let readsClock: [Bool] = table.map(\.readsClock)

  static func describe(_ code: ActionCode) -> FollowUpRule {
    switch code {
    case .deliveryLate:
      return FollowUpRule(code, .sales, severity: 3, pending: Rules.deliveryLate) { v, _, _, _ in
        v["days"] = v["days_late"]
      }
    case .issue7day:
      return FollowUpRule(code, .care, severity: 3, pending: Rules.issue7day) { v, occ, h, ctx in
        let issue = h.topics.first { String($0.id) == occ.detail }
        v["issue"] = issue?.text ?? ""
        v["days"] = String((issue?.buriedAt).map { $0.wholeDays(to: ctx.now) } ?? 0)
      }
    case .callback3day:
      return FollowUpRule(code, .care, severity: 3, pending: Rules.callback3day) { v, _, h, ctx in
        v["days"] = String(h.delivery(ctx.civil).map { $0.day.days(to: ctx.today) } ?? 0)
      }
    case .agreedFollowup:
      return FollowUpRule(code, .sales, severity: 2, pending: Rules.agreedFollowup) { v, occ, h, ctx in
        v["date"] = LocalDate(occ.dueAt, in: ctx.civil).description
        // The time agreed with the customer, not the end of a snooze that moved the call.
        v["time"] = Digits.agreed(Rules.agreedNext(h) ?? occ.dueAt, in: ctx.civil)
      }
    case .firstContact:
      return FollowUpRule(code, .sales, severity: 2, reasonTellsSilence: false, pending: Rules.firstContact) {
        v, _, _, ctx in
        v["days"] = NumberText.decimal(Double(ctx.playbook.cadence.firstContactHours) / 24)
      }
    case .deliveryUpdate:
      return FollowUpRule(code, .sales, severity: 1, pending: Rules.deliveryUpdate)
    case .birthday:
      return FollowUpRule(code, .greeting, readsClock: true, severity: 1, pending: Rules.birthday)
    case .carBirthday:
      return FollowUpRule(code, .greeting, readsClock: true, severity: 1, pending: Rules.carBirthday) {
        v, occ, _, _ in
        v["years"] = occ.detail ?? ""
      }
    case .holiday:
      return FollowUpRule(code, .greeting, readsClock: true, severity: 1, pending: Rules.holiday) { v, occ, _, ctx in
        v["holiday"] = ctx.playbook.care.holidays.first { $0.id == occ.detail }?.name ?? occ.detail ?? ""
      }
    case .cadenceFollowup:
      return FollowUpRule(code, .sales, severity: 1, pending: Rules.cadenceFollowup)
    case .referralAsk:
      return FollowUpRule(code, .sales, severity: 1, pending: Rules.referralAsk)
    case .winback:
      return FollowUpRule(code, .sales, severity: 0, pending: Rules.winback) { v, _, h, ctx in
        let reason = h.entered(.churned)?.reason
        // Inside a sentence: an English label's capital goes ("reason: purchase intent fell").
        let label = reason.map { ctx.playbook.labels.ui(.churn, $0.rawValue) ?? $0.rawValue } ?? ""
        v["churn_reason"] = ctx.isChinese ? label : label.prefix(1).lowercased() + label.dropFirst()
      }
    }
  }
}
