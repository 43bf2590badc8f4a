/// The `labels.ui` keys the code reads, typed: a misspelt key is a compile error, and `UIKeyTests` checks that both
/// bundled languages define every one. Families keyed by a code (`action_delivery_late`, `channel_call`, …) are
/// read with `Labels.ui(_:_:)`.
public enum UIKey: String, CaseIterable, Sendable {
  case action, channel, consultant, deadline, due, goal, name, objections, opener, overdue, queue, reason, severity
  case stage, competitor, weakness
  case `switch`
  case talkingPoints = "talking_points"
  case messageDraft = "message_draft"
  case moreInFull = "more_in_full"
  case noSwitch = "no_switch"
  case noMatch = "no_match"
  case noWechatId = "no_wechat_id"
  case noEmail = "no_email"
  case sendOn = "send_on"
  case didYouMean = "did_you_mean"
  case nothingDue = "nothing_due"
  case overdueDays = "overdue_days"
  case sellingPoints = "selling_points"
  case etaNotSet = "eta_not_set"
  case yourConsultant = "your_consultant"
}

/// Families of `labels.ui` keys named `FAMILY_CODE`, one per code of a vocabulary.
public enum UIFamily: String, CaseIterable, Sendable {
  case action, channel, churn, kind, lever, outcome, segment, stage
  case topicKind = "topic_kind"
}

extension Labels {
  /// The playbook's text for `key`, nil when a trainer's playbook leaves it out.
  public func ui(_ key: UIKey) -> String? { ui[key.rawValue] }

  /// The playbook's name for `code` in `family` (`action_delivery_late`), nil when it has none.
  public func ui(_ family: UIFamily, _ code: String) -> String? { ui["\(family.rawValue)_\(code)"] }
}
