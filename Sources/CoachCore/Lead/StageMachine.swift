import Foundation

/// A requested stage change, validated by `StageMachine` before anything is written.
public struct StageChange: Hashable, Codable, Sendable {
  public var to: Stage
  public var reason: ChurnReason?
  public var note: String?
  public var amount: Double?
  public var model: String?
  public var eta: LocalDate?
  public var date: LocalDate?

  public init(
    to: Stage, reason: ChurnReason? = nil, note: String? = nil, amount: Double? = nil, model: String? = nil,
    eta: LocalDate? = nil, date: LocalDate? = nil
  ) {
    self.to = to
    self.reason = reason
    self.note = note
    self.amount = amount
    self.model = model
    self.eta = eta
    self.date = date
  }

  /// A deposit is below this: 1e308 had been taken (and `lead show` cannot print such a number as a whole one).
  public static let amountLimit: Double = 100_000_000

  /// Whether `amount` may be recorded as a deposit: above 0 and below `amountLimit` (so neither infinite nor NaN).
  public static func isAcceptable(amount: Double) -> Bool {
    amount > 0 && amount < amountLimit
  }
}

/// The lead lifecycle: which changes are legal and what each one requires.
public enum StageMachine {
  /// The stages a lead at `stage` may move to.
  public static func legalNext(from stage: Stage) -> [Stage] {
    switch stage {
    case .prospect: return [.deposit, .churned]
    case .deposit: return [.waitingForDelivery, .churned]
    case .waitingForDelivery: return [.delivered, .churned]
    case .delivered: return []
    case .churned: return [.prospect]
    }
  }

  public static func isLegal(from: Stage, to: Stage) -> Bool { legalNext(from: from).contains(to) }

  /// Checks `change` against the current stage; returns the event to record, or throws `.rejected`.
  /// A `delivered` change without a date is delivered on `today`.
  public static func apply(
    _ change: StageChange, from current: Stage, at now: Date, today: LocalDate, actor: String?
  ) throws -> StageEvent {
    guard isLegal(from: current, to: change.to) else {
      throw CoachError.refused(.illegalStageChange(from: current, to: change.to, legal: legalNext(from: current)))
    }
    switch change.to {
    case .deposit:
      guard let amount = change.amount else { throw CoachError.refused(.missingAmount) }
      guard StageChange.isAcceptable(amount: amount) else { throw CoachError.refused(.badAmount(given: "\(amount)")) }
    case .waitingForDelivery:
      guard change.eta != nil else { throw CoachError.refused(.missingETA) }
    case .churned:
      guard let reason = change.reason else { throw CoachError.refused(.missingReason) }
      if reason == .other && (change.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
        throw CoachError.refused(.missingNote)
      }
    case .prospect, .delivered:
      break
    }
    if change.to != .churned, change.reason != nil { throw CoachError.refused(.unexpectedReason) }
    try checkDates(change, today: today)
    var recorded = change
    if change.to != .deposit { recorded.amount = nil }
    recorded.date = change.to == .delivered ? (change.date ?? today) : nil
    return StageEvent(from: current, recorded, at: now, actor: actor)
  }

  /// A live change tells what happened or what is promised from today on: a delivery is not recorded before it
  /// happened (the 3-day callback would never come), and a promised day is not already past. Imports, which carry
  /// history, do not come through here.
  public static func checkDates(_ change: StageChange, today: LocalDate) throws {
    if change.to == .delivered, let date = change.date, date > today {
      throw CoachError.refused(.deliveryDateInFuture(date: date, today: today))
    }
    if let eta = change.eta { try checkETA(eta, today: today) }
  }

  /// A live write at `now` comes after what `lead` already records: after its creation, and a stage change after
  /// its last one (`--now` pins the clock for replays, not to write into the past, where the audit already counted).
  /// A delivery date is not before the lead existed or began waiting, by a day's margin: stores know the run's day,
  /// not its zone, so the comparison takes the earlier calendar day the instant has anywhere.
  public static func checkOrder(
    _ lead: LeadSnapshot, at now: Date, stageChange change: StageChange? = nil
  ) throws {
    // An illegal change is told as such first (the store's refusal names the legal next stages).
    if let change, !isLegal(from: lead.stage, to: change.to) { return }
    let stamp = { (d: Date) in ISO8601DateFormatter().string(from: d) }
    if now < lead.createdAt {
      throw CoachError.refused(.writtenBeforeHistory(at: stamp(now), record: stamp(lead.createdAt), stageChange: false))
    }
    guard let change else { return }
    if let last = lead.events.last, now < last.at {
      throw CoachError.refused(.writtenBeforeHistory(at: stamp(now), record: stamp(last.at), stageChange: true))
    }
    if change.to == .delivered, let date = change.date {
      let began = lead.events.lastEntering(.waitingForDelivery)?.at ?? lead.createdAt
      let since = LocalDate(began, in: .gmt)
      if date < since.adding(days: -1) {
        throw CoachError.refused(.deliveryDateBeforeHistory(date: date, since: since))
      }
    }
  }

  /// A promised delivery day given now (a stage change or `lead edit --eta`) is today or later.
  public static func checkETA(_ eta: LocalDate, today: LocalDate) throws {
    if eta < today { throw CoachError.refused(.etaInPast(date: eta, today: today)) }
  }
}
