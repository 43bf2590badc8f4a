import Foundation

/// Builds the call brief for one lead and its action.
public enum BriefBuilder {
  /// Objections listed at most.
  public static let maxObjections = 4

  /// The brief for `lead` doing `action` at `ctx.now`.
  public static func build(lead: LeadSnapshot, action: DueAction, ctx: EngineContext) -> Brief {
    let h = LeadHistory(lead, asOf: ctx.now)
    let labels = ctx.playbook.labels
    let occurrence = Occurrence(
      code: action.code, dueAt: action.dueAt, deadline: action.deadline, detail: action.detail,
      opensAt: action.dueAt)
    let values = ReasonText.values(occurrence, h, ctx)
    return Brief(
      leadID: lead.id, action: action.code, goal: Template.fill(labels.goals[action.code.rawValue] ?? "", values),
      channel: channel(for: action.code, h, ctx), talkingPoints: TalkingPoints.all(h, ctx),
      objections: objections(h, ctx),
      switchArguments: SwitchAdvisor.isWorthOffering(h, action: action.code, ctx)
        ? SwitchAdvisor.arguments(for: lead, in: ctx) : [],
      messageDraft: MessageDraft.text(for: action, h, ctx), warnings: BriefWarnings.all(h, ctx),
      dueAt: action.dueAt, deadline: action.deadline, overdueDays: action.overdueDays, reason: action.reason,
      priority: action.priority)
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

  /// Objections this customer raised (most recent first), then those typical for the stage; at most `maxObjections`.
  static func objections(_ h: LeadHistory, _ ctx: EngineContext) -> [ObjectionAnswer] {
    let heard = h.touches.reversed().flatMap(\.objections)
    let typical = ctx.playbook.objections.filter { ($0.typicalStages ?? []).contains(h.stage.rawValue) }.map(\.code)
    var seen: Set<String> = []
    var answers: [ObjectionAnswer] = []
    for code in heard + typical where answers.count < maxObjections && !seen.contains(code) {
      seen.insert(code)
      guard let objection = ctx.playbook.objection(code) else { continue }
      answers.append(ObjectionAnswer(code: code, response: objection.response))
    }
    return answers
  }
}
