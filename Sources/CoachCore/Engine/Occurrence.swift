import Foundation

/// One follow-up of one lead as a rule sees it: when it falls due, its deadline and what fulfils it.
struct Occurrence: Hashable {
  /// What ends the follow-up besides a change of circumstances.
  enum Fulfilment: Hashable {
    /// Any touch, whatever its outcome.
    case anyTouch
    /// A touch that reached the customer (`reached` or `visited`).
    case contact
    /// The resolution of the topic (the issue), not a touch.
    case resolution
  }

  /// Identity across instants of the replay.
  struct Key: Hashable {
    var code: ActionCode
    var dueAt: Date
    var detail: String?

    /// Code and due time only: two follow-ups sharing both but not their detail are rare, and equality still tells
    /// them apart. Hashing the detail's text was most of the cost of the replay's sets of keys.
    func hash(into hasher: inout Hasher) {
      hasher.combine(code)
      hasher.combine(dueAt)
    }
  }

  var code: ActionCode
  var dueAt: Date
  var deadline: Date
  /// Holiday id, topic id, … (what makes two follow-ups of one code different).
  var detail: String?
  var fulfilment: Fulfilment = .anyTouch
  /// Earliest time a touch counts for it (a touch shortly before the due time still fulfils it).
  var opensAt: Date
  /// Birthday, car's birthday and holiday lapse after their deadline day instead of staying current.
  var lapses: Bool = false
  /// Interval follow-ups are counted from the last touch: a new touch replaces them rather than fulfils early.
  var countsFromLastTouch: Bool = false

  var key: Key { Key(code: code, dueAt: dueAt, detail: detail) }

  func isDue(at t: Date) -> Bool { dueAt <= t }

  /// Whether `touch` fulfils this follow-up.
  func isFulfilled(by touch: Touch) -> Bool {
    guard touch.at >= opensAt, !lapses || touch.at < deadline else { return false }
    switch fulfilment {
    case .anyTouch: return true
    case .contact: return touch.outcome.isContact
    case .resolution: return false
    }
  }

  /// The first touch in `touches` that fulfils it.
  func fulfilment(in touches: ArraySlice<Touch>) -> Touch? { touches.first { isFulfilled(by: $0) } }
}
