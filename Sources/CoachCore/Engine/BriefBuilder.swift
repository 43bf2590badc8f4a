import Foundation

/// Builds the call brief for one lead and its action: only what fits this call.
public enum BriefBuilder {
  /// Objections listed at most: the two this customer is likeliest to raise.
  public static let maxObjections = 2
  /// Selling points listed at most.
  public static let maxSellingPoints = 2

  /// The brief for `lead` doing `action` at `ctx.now`.
  public static func build(lead: LeadSnapshot, action: DueAction, ctx: EngineContext) -> Brief {
    let h = LeadHistory(lead, asOf: ctx.now)
    let labels = ctx.playbook.labels
    let occurrence = Occurrence(
      code: action.code, dueAt: action.dueAt, deadline: action.deadline, detail: action.detail,
      opensAt: action.dueAt)
    let values = ReasonText.values(occurrence, h, ctx)
    let sales = !action.code.isCare && h.stage.isOpen
    // A tier-D prospect gets greetings and good news only (DOMAIN.md): a routine follow-up pushes no sale (its goal
    // where the playbook words one, no selling points, only objections the customer raised).
    let light = isLightTouch(h, action.code, ctx)
    // A call the customer agreed, made while their car is late: the goal leads with the car (optional label).
    let lateCall =
      action.code == .agreedFollowup && h.isLate(at: ctx.now, in: ctx.civil)
      && labels.goals[lateCallGoal] != nil
    let goalKey = light ? lightGoal : lateCall ? lateCallGoal : action.code.rawValue
    return Brief(
      leadID: lead.id, action: action.code, goal: Template.fill(labels.goals[goalKey] ?? "", values),
      channel: channel(for: action.code, h, ctx), talkingPoints: TalkingPoints.all(h, for: action.code, ctx),
      sellingPoints: sales && h.stage == .prospect && !light
        ? Array((ctx.playbook.model(lead.model)?.sellingPoints ?? []).prefix(maxSellingPoints)) : [],
      competitor: sales ? CompetitorMention.find(in: h, ctx) : nil,
      objections: objections(h, action: action.code, ctx).filter { !light || $0.heard },
      switchArguments: !light && SwitchAdvisor.isWorthOffering(h, action: action.code, ctx)
        ? SwitchAdvisor.arguments(for: lead, in: ctx, perCandidate: 1) : [],
      messageDraft: MessageDraft.text(for: action, h, ctx), sendOn: sendOn(action, ctx),
      warnings: BriefWarnings.all(h, action: action.code, ctx),
      dueAt: action.dueAt, deadline: action.deadline, overdueDays: action.overdueDays, reason: action.reason,
      priority: action.priority)
  }

  /// The goal of an agreed call while the customer's car is late, in `labels.goals` (optional).
  static let lateCallGoal = "agreed_followup_car_late"

  /// The goal of a tier-D prospect's routine follow-up, in `labels.goals` (optional: without it, the usual goal).
  static let lightGoal = "cadence_followup_tier_d"

  /// A tier-D prospect's routine follow-up, when the playbook words its goal: greetings and good news only.
  static func isLightTouch(_ h: LeadHistory, _ code: ActionCode, _ ctx: EngineContext) -> Bool {
    code == .cadenceFollowup && h.stage == .prospect && h.lead.tier == .d && ctx.playbook.labels.goals[lightGoal] != nil
  }

  /// A greeting reminded ahead of its day (a birthday, a holiday) is sent on the day: its last day, when that is
  /// after today. Other drafts go when the brief is read.
  static func sendOn(_ action: DueAction, _ ctx: EngineContext) -> String? {
    guard [.birthday, .carBirthday, .holiday].contains(action.code) else { return nil }
    let day = LocalDate(action.deadline.addingTimeInterval(-1), in: ctx.civil)
    return day > ctx.today ? day.description : nil
  }

  /// The playbook's channel for the action; after 3 unanswered attempts in a row a call becomes WeChat (or SMS).
  static func channel(for code: ActionCode, _ h: LeadHistory, _ ctx: EngineContext) -> String {
    let suggested = ctx.playbook.labels.channels[code.rawValue] ?? Channel.call.rawValue
    guard h.trailingNoAnswer >= BriefWarnings.unreachableAfter, suggested == Channel.call.rawValue else {
      return suggested
    }
    let hasWechat = !(h.lead.wechat ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    return (hasWechat ? Channel.wechat : Channel.sms).rawValue
  }

  /// The objections this customer is likeliest to raise on this call, at most `maxObjections`: those they raised
  /// (most recent first; for an owner, only since delivery; for a customer whose car is ordered, since the order
  /// and, from before it, those still typical of waiting: "I'll wait for the sales season" was answered by the
  /// order), then those typical of their stage. A care call carries none; a car that comes within the week drops
  /// the waiting ones.
  static func objections(_ h: LeadHistory, action: ActionCode, _ ctx: EngineContext) -> [ObjectionAnswer] {
    guard !action.isCare else { return [] }
    let typical =
      h.stage == .delivered
      ? [] : ctx.playbook.objections.filter { ($0.typicalStages ?? []).contains(h.stage.rawValue) }.map(\.code)
    let since = h.stage == .delivered || h.stage == .waitingForDelivery ? h.entered(h.stage)?.at : nil
    let stillTypical = h.stage == .waitingForDelivery ? Set(typical) : []
    let heard = h.touches.reversed().flatMap { touch in
      since.map { touch.at >= $0 } ?? true ? touch.objections : touch.objections.filter(stillTypical.contains)
    }
    let noWait = SwitchAdvisor.comesWithinAWeek(h, ctx)
    let late = action == .deliveryLate || h.isLate(at: ctx.now, in: ctx.civil)
    // A prospect with no model chosen waits for nothing yet: waiting objections are not theirs (unless heard).
    let noModel = h.stage == .prospect && ctx.playbook.model(h.lead.model) == nil
    var seen: Set<String> = []
    var answers: [ObjectionAnswer] = []
    let heardSet = Set(heard)
    for code in heard + typical where answers.count < maxObjections && !seen.contains(code) {
      seen.insert(code)
      guard let objection = ctx.playbook.objection(code) else { continue }
      if (noWait || noModel) && objection.aboutWaiting == true && !heardSet.contains(code) { continue }
      if late && objection.beforeLate == true && !heardSet.contains(code) { continue }
      answers.append(
        ObjectionAnswer(
          code: code, response: objection.response, line: objection.oneLine, heard: heardSet.contains(code)))
    }
    return answers
  }
}

extension Objection {
  /// The playbook's one-line answer, else the script's first line.
  var oneLine: String {
    if let line, !line.trimmingCharacters(in: .whitespaces).isEmpty { return line }
    return response.split(separator: "\n").first.map(String.init) ?? response
  }
}
