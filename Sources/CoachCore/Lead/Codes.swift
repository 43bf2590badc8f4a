/// Closed vocabularies of the domain. Raw values are the contract's codes.

// MARK: - Stage

/// Where a lead stands in its lifecycle.
public enum Stage: String, Codable, CaseIterable, Sendable, Hashable {
  case prospect
  case deposit
  case waitingForDelivery = "waiting_for_delivery"
  case delivered
  case churned

  /// Open stages are those a lead can still churn from.
  public var isOpen: Bool { self == .prospect || self == .deposit || self == .waitingForDelivery }
}

/// Purchase-intent grade: H buys within about 7 days, A 15, B 30, C later.
public enum Grade: String, Codable, CaseIterable, Sendable, Hashable {
  case h = "H", a = "A", b = "B", c = "C"
}

/// Customer value tier: A key, B secondary, C ordinary, D no potential yet.
public enum Tier: String, Codable, CaseIterable, Sendable, Hashable {
  case a = "A", b = "B", c = "C", d = "D"
}

/// What a user may do.
public enum Role: String, Codable, CaseIterable, Sendable, Hashable {
  case consultant, lead, trainer, admin
  /// A dealer group's administrator: every store of the database (an `admin` with a store stays inside it).
  case groupAdmin = "group_admin"

  /// Administers users and sees every lead of its reach: `admin` and `group_admin`.
  public var isAdmin: Bool { self == .admin || self == .groupAdmin }

  /// May own leads: a consultant or a team lead (a trainer or an admin owns none).
  public var ownsLeads: Bool { self == .consultant || self == .lead }
}

/// How a touch reached (or tried to reach) the customer.
public enum Channel: String, Codable, CaseIterable, Sendable, Hashable {
  case call, sms, wechat, visit, email
  case testDrive = "test_drive"
}

extension Outcome {
  /// Whether a touch on `channel` can have this outcome: a customer `visited` only on a visit or a test drive (an SMS
  /// or a WeChat message that "visited" counted as a visit in the audit and the funnel).
  public func isPossible(on channel: Channel) -> Bool {
    self != .visited || Self.visitChannels.contains(channel)
  }

  /// The channels a `visited` touch is recorded on.
  public static let visitChannels: [Channel] = [.visit, .testDrive]
}

/// What came of a touch.
public enum Outcome: String, Codable, CaseIterable, Sendable, Hashable {
  case reached
  case noAnswer = "no_answer"
  case declined
  case visited

  /// The customer was actually spoken to or met.
  public var isContact: Bool { self == .reached || self == .visited }
}

/// Kind of a buried topic: the loose end left for the next contact.
public enum TopicKind: String, Codable, CaseIterable, Sendable, Hashable {
  case tech, brochure, supply, policy, other
}

/// Why a lead was lost (DOMAIN.md), plus `other` which needs a note.
public enum ChurnReason: String, Codable, CaseIterable, Sendable, Hashable {
  case intentDropped = "intent_dropped"
  case productDoubt = "product_doubt"
  case needsChanged = "needs_changed"
  case betterFitElsewhere = "better_fit_elsewhere"
  case dealerDoubt = "dealer_doubt"
  case budgetChanged = "budget_changed"
  case poorFollowup = "poor_followup"
  case supplyMismatch = "supply_mismatch"
  case waitTooLong = "wait_too_long"
  case other
}

/// The persuasion lever behind a switch argument.
public enum Lever: String, Codable, CaseIterable, Sendable, Hashable {
  case conformity, trend, gain, completeness, prestige, space, availability
  case vestedBenefit = "vested_benefit"
  case maintenanceCost = "maintenance_cost"
  case cityUse = "city_use"
  case runningCost = "running_cost"
}

/// Kinds of talking points in a brief.
public enum TalkingPointKind: String, Codable, CaseIterable, Sendable, Hashable {
  case buried
  case dugUp = "dug_up"
  case created
}

/// Well-known tags that change how a lead is treated.
public enum KnownTag {
  public static let warning = "warning"
  public static let vip = "vip"
  public static let fleet = "fleet"
  public static let difficult = "difficult"
  /// Every well-known tag.
  public static let all = [warning, vip, fleet, difficult]
}
