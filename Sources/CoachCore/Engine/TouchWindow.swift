import Foundation

// MARK: - The touches the rules read at one instant

extension LeadSnapshot {
  /// This lead with only the touches from `since` on, plus the last touch and the last contact (a touch that
  /// reached the customer) before `since`: what a loader keeps to rank leads at any instant from `since` on.
  ///
  /// It is exact for `FollowUpEngine.nextAction` at such an instant: the rules read the last touch by then
  /// (intervals, series, agreed contacts, first contact, and the occasions: a touch inside an open birthday or
  /// holiday span fulfils it, and whenever an earlier one lies in the span so does the last), and whether a
  /// contact came after the delivery (the last contact tells). So it is exact for the audit's replay from `since`
  /// on too (`Audit.touchesSince`), which asks the same rules at each of its instants and looks only at touches made
  /// during the replay. A brief reads the whole history: it is given a whole lead. `touches` are in time order.
  public func keepingTouches(since: Date) -> LeadSnapshot {
    var kept = self
    let before = touches.filter { $0.at < since }
    var older: [Touch] = []
    if let lastContact = before.last(where: { $0.outcome.isContact }) { older.append(lastContact) }
    if let last = before.last, last != older.last { older.append(last) }
    kept.touches = older + touches.filter { $0.at >= since }
    kept.touchesSince = since
    return kept
  }
}
