import Foundation

/// One trainer's scenario (`playbooks/tests/*.yaml`): a lead situation and what the engine must make of it.
/// Every time is absolute here; the parser resolved `-3d`, `-2h`, … against the scenario's `now` and zone.
public struct Scenario: Sendable {
  /// The scenario file's path as given (e.g. `tests/en-delivery.yaml`).
  public var file: String
  /// Line of the scenario's entry in its file.
  public var line: Int?
  public var name: String
  /// Language of the playbook to run against; nil means the run's `--lang`.
  public var language: String?
  public var now: Date
  public var zone: TimeZone
  public var lead: ScenarioLead
  public var expect: ScenarioExpectation
}

/// The lead as it is created, then changed step by step through the store, oldest step first.
public struct ScenarioLead: Sendable, CarriesLeadFields {
  /// The lead's fields; `stage` is the one it is created in (like an imported lead): later changes are `steps`.
  public var fields: LeadFields
  /// The consultant who owns the lead (created as a user), signing the message draft.
  public var consultant: String?
  public var createdAt: Date
  /// Stage changes, ETA changes and touches, in time order.
  public var steps: [ScenarioStep]

  /// The stage the lead is created in.
  public var initialStage: Stage { fields.stage }
}

/// One write made to the lead after its creation.
public enum ScenarioStep: Sendable {
  /// A stage change at a time.
  case stage(StageChange, at: Date)
  /// A new promised delivery day, recorded at a time.
  case eta(LocalDate, at: Date)
  case touch(ScenarioTouch)

  /// When the write happens.
  public var at: Date {
    switch self {
    case .stage(_, let at), .eta(_, let at): return at
    case .touch(let t): return t.at
    }
  }
}

/// A touch (`TouchFields`) with the topics it buries, the issues it raises and the topics (by text) it resolves.
public struct ScenarioTouch: Sendable, CarriesTouchFields {
  public var fields: TouchFields
  public var bury: [BuriedText]
  public var issues: [String]
  /// Texts of earlier buried topics or issues this touch resolves.
  public var resolve: [String]
}

/// A buried topic as the trainer wrote it.
public struct BuriedText: Sendable, Hashable {
  public var text: String
  public var kind: TopicKind
}

/// What must hold of the engine's answer; an absent expectation is not checked.
public struct ScenarioExpectation: Sendable {
  public var action: ActionCode?
  /// Whether the action is due at `now`.
  public var due: Bool?
  /// Whether the action is past its deadline at `now`.
  public var overdue: Bool?
  public var talkingPointKinds: [TalkingPointKind] = []
  /// Texts that must appear (as a part) in some talking point.
  public var talkingPointTexts: [String] = []
  /// Objection codes the brief must list.
  public var objections: [String] = []
  /// Customer phrases and the objection code each must match best.
  public var phrases: [(say: String, objection: String)] = []
  /// The best model to switch to, and optionally a lever it must be argued with.
  public var switchTo: String?
  public var switchLever: Lever?
  /// Warning keys (`vip`, `unreachable`, …) or texts that must appear.
  public var warnings: [String] = []
  /// Texts the message draft must contain.
  public var message: [String] = []
  /// Texts the message draft must never contain (what staff typed about the customer).
  public var messageNever: [String] = []

  public init() {}
}
