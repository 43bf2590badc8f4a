import Foundation

/// What a consultant reads before a call (`brief` in `coach next --json`).
public struct Brief: Sendable, Encodable, Hashable {
  public var leadID: LeadID
  public var action: ActionCode
  /// The goal of the contact, from `labels.goals`.
  public var goal: String
  /// Suggested channel code (`call`, `wechat`, `sms`, …).
  public var channel: String
  /// Buried topics first, then dug-up, then created ones.
  public var talkingPoints: [TalkingPoint]
  /// Reasons to buy the lead's model (DOMAIN.md key 1), for a sales call.
  public var sellingPoints: [String]
  /// The one-liner for a competitor the customer's record names (key 6), when the catalog has one.
  public var competitor: CompetitorLine?
  public var objections: [ObjectionAnswer]
  /// Model-switch arguments, when the car is late or its wait long.
  public var switchArguments: [SwitchArgument]
  public var messageDraft: String
  /// The day a greeting's draft is meant for (the birthday, the holiday) when the reminder comes before it;
  /// nil when the draft can go now (an addition to the contract's keys: `send_on`, `YYYY-MM-DD`).
  public var sendOn: String?
  public var warnings: [String]
  public var dueAt: Date
  public var deadline: Date
  public var overdueDays: Double
  /// Why now, in words (an addition to the contract's keys).
  public var reason: String
  public var priority: Double

  enum CodingKeys: String, CodingKey {
    case leadID = "lead_id"
    case action, goal, channel
    case talkingPoints = "talking_points"
    case sellingPoints = "selling_points"
    case competitor
    case objections
    case switchArguments = "switch"
    case messageDraft = "message_draft"
    case sendOn = "send_on"
    case warnings
    case dueAt = "due_at"
    case deadline
    case overdueDays = "overdue_days"
    case reason, priority
  }
}

/// Something to talk about, and where it came from (topic id, profile key or created topic id).
public struct TalkingPoint: Sendable, Encodable, Hashable {
  public var kind: TalkingPointKind
  public var text: String
  public var source: String

  public init(kind: TalkingPointKind, text: String, source: String) {
    self.kind = kind
    self.text = text
    self.source = source
  }
}

/// An objection to expect and the playbook's answer: the full script and its one line.
public struct ObjectionAnswer: Sendable, Encodable, Hashable {
  public var code: String
  public var response: String
  /// The answer in one line (the playbook's `line`, else the script's first sentence).
  public var line: String
  /// Whether this customer raised it before (else it is typical of their situation).
  public var heard: Bool

  public init(code: String, response: String, line: String, heard: Bool) {
    self.code = code
    self.response = response
    self.line = line
    self.heard = heard
  }
}

/// A competitor the customer named, its decisive weakness and the answer to it (models.yaml `competitors`).
public struct CompetitorLine: Sendable, Encodable, Hashable {
  public var name: String
  public var weakness: String
  public var answer: String
  /// The lead's model the line belongs to (catalog code).
  public var model: String

  enum CodingKeys: String, CodingKey {
    case name, weakness, answer, model
  }
}

/// One argument for switching to another model (`switch` in `coach switch ID --json`).
public struct SwitchArgument: Sendable, Encodable, Hashable {
  /// Catalog code of the model to switch to.
  public var toModel: String
  public var lever: Lever
  public var text: String

  public init(toModel: String, lever: Lever, text: String) {
    self.toModel = toModel
    self.lever = lever
    self.text = text
  }

  enum CodingKeys: String, CodingKey {
    case toModel = "to_model"
    case lever, text
  }
}
