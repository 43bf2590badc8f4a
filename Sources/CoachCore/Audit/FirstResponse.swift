import Foundation

/// Speed to lead: how soon the leads created in the window were first touched (docs/AUDIT.md).
public struct FirstResponse: Sendable, Hashable {
  /// The report's distribution of first responses: within 5 minutes, 30 minutes, 2 hours, 24 hours, later, never.
  public enum Bucket: Int, CaseIterable, Sendable {
    case within5Minutes, within30Minutes, within2Hours, within24Hours, later, never

    /// The longest response (minutes) in the bucket; nil for `later` and `never`.
    public var upToMinutes: Double? {
      switch self {
      case .within5Minutes: 5
      case .within30Minutes: 30
      case .within2Hours: 120
      case .within24Hours: 1_440
      case .later, .never: nil
      }
    }

    /// The bucket of a lead first touched `minutes` after its creation (nil: not touched by now).
    public static func of(minutes: Double?) -> Bucket {
      guard let minutes else { return .never }
      return allCases.first { $0.upToMinutes.map { minutes <= $0 } ?? false } ?? .later
    }
  }

  /// Leads created in the window (and by `now`).
  public var leads = 0
  /// Minutes from creation to the first touch, for those of them touched by `now`.
  public var minutes: [Double] = []
  /// Leads judged against the first-contact limit: every touched one, and the untouched once the limit passed.
  public var judged = 0
  /// Of `judged`, those first touched by the limit (a touch at the limit itself is in time).
  public var withinLimit = 0
  /// Leads per `Bucket`, by its raw value; they add up to `leads`.
  public var buckets = Array(repeating: 0, count: Bucket.allCases.count)

  public init() {}

  /// The median of `minutes` (one decimal); nil when no lead created in the window has been touched.
  public var medianMinutes: Double? { AuditFigures.median(minutes) }
  /// `withinLimit / judged`; nil when no lead could be judged yet.
  public var withinLimitRate: Double? { judged > 0 ? Double(withinLimit) / Double(judged) : nil }

  public func count(_ bucket: Bucket) -> Int { buckets[bucket.rawValue] }

  /// Counts one lead created at `created`, first touched at `firstTouch` (nil: not by `now`), whose first contact
  /// was due within `limitHours` hours.
  mutating func add(created: Date, firstTouch: Date?, limitHours: Int, now: Date) {
    let limit = created.addingTimeInterval(Double(limitHours) * 3_600)
    leads += 1
    if let firstTouch {
      let m = max(0, firstTouch.timeIntervalSince(created) / 60)
      minutes.append(m)
      buckets[Bucket.of(minutes: m).rawValue] += 1
      judged += 1
      if firstTouch <= limit { withinLimit += 1 }
    } else {
      buckets[Bucket.never.rawValue] += 1
      if now > limit { judged += 1 }
    }
  }

  mutating func add(_ o: FirstResponse) {
    leads += o.leads
    minutes += o.minutes
    judged += o.judged
    withinLimit += o.withinLimit
    buckets = zip(buckets, o.buckets).map(+)
  }
}
