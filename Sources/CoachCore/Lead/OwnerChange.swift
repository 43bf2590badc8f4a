import Foundation

/// A lead handed from one consultant to another (`lead edit --consultant`, `lead reassign`): who had it until `at`
/// and who has it from then on. The audit counts each follow-up, touch and stage change for the consultant who had
/// the lead when it happened.
public struct OwnerChange: Hashable, Codable, Sendable {
  public var at: Date
  /// The consultant before and after (nil: nobody).
  public var from: String?
  public var to: String?

  public init(at: Date, from: String?, to: String?) {
    (self.at, self.from, self.to) = (at, from, to)
  }
}

extension LeadSnapshot {
  /// The lead's consultant at `t`: the one a change after `t` took it from, else the current one. A change at `t`
  /// itself has already happened.
  public func consultant(at t: Date) -> String? {
    for change in ownerChanges where change.at > t { return change.from }
    return consultant
  }

  /// Everyone who had the lead at some time, the current consultant last; each once.
  public var owners: [String] {
    var names: [String] = []
    for name in ownerChanges.flatMap({ [$0.from, $0.to] }) + [consultant] {
      if let name, !names.contains(name) { names.append(name) }
    }
    if let consultant, let i = names.firstIndex(of: consultant) { names.append(names.remove(at: i)) }
    return names
  }
}
