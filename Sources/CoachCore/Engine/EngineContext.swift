import Foundation

/// Everything the engine needs besides the lead: the playbook, the clock, the zone and the sales figures.
public struct EngineContext: Sendable {
  public var playbook: Playbook
  /// The current time (`--now`); the engine never reads the wall clock.
  public var now: Date
  /// The zone in which days begin and end (`--tz`).
  public var zone: TimeZone {
    get { civil.timeZone }
    set { civil = CivilZone(newValue, around: now) }
  }
  /// `zone` with the span around `now` in which its offset is steady: the engine's day arithmetic uses this.
  private(set) var civil: CivilZone
  /// The acting consultant's name, used to sign message drafts.
  public var consultantName: String?
  /// The dealership's own delivery figures, for the conformity and trend levers.
  public var stats: SalesStats

  public init(
    playbook: Playbook, now: Date, zone: TimeZone, consultantName: String? = nil, stats: SalesStats = SalesStats()
  ) {
    self.playbook = playbook
    self.now = now
    civil = CivilZone(zone, around: now)
    self.consultantName = consultantName
    self.stats = stats
  }

  /// The calendar day of `now` in `zone`.
  public var today: LocalDate { LocalDate(now, in: civil) }
  var isChinese: Bool { playbook.isChinese }
}

/// Delivered counts per model code, computed by the store from the dealership's own delivered leads.
public struct SalesStats: Sendable, Hashable {
  /// Deliveries per model code in the last 90 days.
  public var recent: [String: Int]
  /// Deliveries per model code in the 90 days before that.
  public var previous: [String: Int]

  public init(recent: [String: Int] = [:], previous: [String: Int] = [:]) {
    self.recent = recent
    self.previous = previous
  }
}

// MARK: - Time arithmetic in a zone

extension Date {
  /// `n` calendar days later in `zone` (same wall-clock time).
  func adding(days n: Int, in zone: TimeZone) -> Date {
    if let fast = CivilTime.adding(days: n, to: self, in: zone) { return fast }
    return Calendar.gregorian(zone).date(byAdding: .day, value: n, to: self) ?? addingTimeInterval(Double(n) * 86_400)
  }

  func adding(hours h: Double) -> Date { addingTimeInterval(h * 3_600) }

  /// Whole days from `self` to `later` (floored, never negative).
  func wholeDays(to later: Date) -> Int { max(0, Int((later.timeIntervalSince(self) / 86_400).rounded(.down))) }
}

/// Rounds to two decimals, for figures people read (days, priority).
func rounded2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
