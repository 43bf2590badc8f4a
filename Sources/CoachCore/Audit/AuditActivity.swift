import Foundation

/// Touches per day of the window and per channel (the team lead's activity report).
public struct DailyActivity: Sendable, Hashable {
  /// Days in the window.
  public let days: Int
  /// `counts[day * channels + channel]`, channels in `Channel.allCases` order.
  var counts: [Int]

  static let channels = Channel.allCases
  static let position: [Channel: Int] = Dictionary(uniqueKeysWithValues: channels.enumerated().map { ($1, $0) })

  public init(days: Int) {
    self.days = max(0, days)
    counts = Array(repeating: 0, count: self.days * Self.channels.count)
  }

  /// Touches by `channel` on the window's day `day` (0 = `--from`).
  public func count(day: Int, _ channel: Channel) -> Int {
    guard let c = Self.position[channel], (0..<days).contains(day) else { return 0 }
    return counts[day * Self.channels.count + c]
  }

  /// Touches on the window's day `day`, any channel.
  public func total(day: Int) -> Int { Self.channels.reduce(0) { $0 + count(day: day, $1) } }

  mutating func add(day: Int, _ channel: Channel) {
    guard let c = Self.position[channel], (0..<days).contains(day) else { return }
    counts[day * Self.channels.count + c] += 1
  }

  mutating func add(_ o: DailyActivity) {
    guard o.days == days else { return }
    counts = zip(counts, o.counts).map(+)
  }
}

/// Leads created in the window from one source, and how far they got by `now` (the lead-source report).
public struct SourceTally: Sendable, Hashable {
  /// Leads created in the window.
  public var leads = 0
  /// Of them, those reached at least once (a touch with outcome `reached` or `visited`).
  public var contacted = 0
  /// Those that took a deposit (reached `deposit` or a later stage).
  public var deposits = 0
  /// Those whose car was delivered.
  public var delivered = 0

  public init(leads: Int = 0, contacted: Int = 0, deposits: Int = 0, delivered: Int = 0) {
    (self.leads, self.contacted, self.deposits, self.delivered) = (leads, contacted, deposits, delivered)
  }

  /// Shares of `leads`; nil without leads.
  public var contactRate: Double? { share(contacted) }
  public var depositRate: Double? { share(deposits) }
  public var deliveryRate: Double? { share(delivered) }

  func share(_ n: Int) -> Double? { leads > 0 ? Double(n) / Double(leads) : nil }

  static func + (l: SourceTally, r: SourceTally) -> SourceTally {
    SourceTally(
      leads: l.leads + r.leads, contacted: l.contacted + r.contacted, deposits: l.deposits + r.deposits,
      delivered: l.delivered + r.delivered)
  }
}
