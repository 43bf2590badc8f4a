import Foundation

/// A personal message from the library: names the customer, signed by the consultant, built only from the
/// playbook's templates and `DraftFacts` (what staff typed never reaches the customer).
enum MessageDraft {
  /// The template for the action (a holiday's own template first), in the first wording whose facts are all known.
  static func text(for action: DueAction, _ h: LeadHistory, _ ctx: EngineContext) -> String {
    let pb = ctx.playbook
    let holiday = action.code == .holiday ? pb.care.holidays.first { $0.id == action.detail } : nil
    // Past its deadline, an action's `<code>_late` template when the playbook has one: "as we agreed" two weeks
    // after the agreed day is untrue.
    let late =
      action.overdueDays > 0 || Self.pastTheAgreedTime(action, h, ctx)
      ? pb.messages.first { $0.occasion == action.code.rawValue + "_late" } : nil
    let template =
      holiday.flatMap { day in pb.messages.first { $0.id == day.message } }
      ?? late
      ?? pb.messages.first { $0.occasion == action.code.rawValue }
      ?? pb.messages.first { $0.occasion == "long_time_no_see" }
    guard let template else { return "" }
    let facts = DraftFacts(action: action, h, ctx)
    // A Chinese draft is typeset as Chinese is written (`您好，我是`), whatever punctuation the template uses.
    let chinese = ctx.isChinese
    for wording in [template.text] + (template.fallbacks ?? []) {
      if let text = facts.fill(chinese ? ChineseText.joiningFoldedLines(wording) : wording) {
        return chinese ? ChineseText.spacingLatin(ChineseText.punctuated(text)) : text
      }
    }
    return ""  // no wording whose facts are known (`playbook lint` refuses such a template): better none than a gap
  }

  /// An agreed follow-up that a snooze moved past the time agreed with the customer (its deadline as agreed, before
  /// the move, has passed by when the message goes out): not overdue, but not "as we agreed" either.
  static func pastTheAgreedTime(_ action: DueAction, _ h: LeadHistory, _ ctx: EngineContext) -> Bool {
    guard action.code == .agreedFollowup, let agreed = Rules.agreedNext(h) else { return false }
    let deadline = agreed.addingTimeInterval(action.deadline.timeIntervalSince(action.dueAt))
    return max(ctx.now, action.dueAt) > deadline
  }
}
