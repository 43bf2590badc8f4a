import Foundation

/// A requested stage change, validated by `StageMachine` before anything is written.
public struct StageChange: Hashable, Sendable {
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
      let next = legalNext(from: current).map(\.rawValue)
      let accepted = next.isEmpty ? "none: \(current.rawValue) is final" : next.joined(separator: ", ")
      throw CoachError.rejected(
        code: "illegal_stage_change",
        message: "cannot move a lead from \(current.rawValue) to \(change.to.rawValue); legal next stages: \(accepted)")
    }
    switch change.to {
    case .deposit:
      guard let amount = change.amount else {
        throw CoachError.rejected(code: "missing_amount", message: "a change to deposit needs --amount (the deposit paid, e.g. 5000)")
      }
      guard amount > 0, amount.isFinite else {
        throw CoachError.rejected(code: "bad_amount", message: "--amount must be a positive number, got \(amount)")
      }
    case .waitingForDelivery:
      guard change.eta != nil else {
        throw CoachError.rejected(code: "missing_eta", message: "a change to waiting_for_delivery needs --eta YYYY-MM-DD (the promised delivery day)")
      }
    case .churned:
      guard let reason = change.reason else {
        let codes = ChurnReason.allCases.map(\.rawValue).joined(separator: ", ")
        throw CoachError.rejected(code: "missing_reason", message: "a change to churned needs --reason, one of: \(codes)")
      }
      if reason == .other && (change.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
        throw CoachError.rejected(code: "missing_note", message: "churn reason other needs --note saying why the lead was lost")
      }
    case .prospect, .delivered:
      break
    }
    if change.to != .churned, change.reason != nil {
      throw CoachError.rejected(code: "unexpected_reason", message: "--reason is only for a change to churned")
    }
    return StageEvent(
      from: current, to: change.to, at: now, actor: actor, reason: change.reason, note: change.note,
      amount: change.to == .deposit ? change.amount : nil, model: change.model,
      eta: change.to == .waitingForDelivery ? change.eta : change.eta,
      date: change.to == .delivered ? (change.date ?? today) : nil)
  }
}
