import Foundation

/// Conversion selling (DOMAIN.md key 5): when the ordered model is late or its wait is long, computed reasons
/// to switch to a model that comes sooner (or to the old/new version of it), fitted to this customer: only
/// models that seat the family and save at least a week against the lead's own situation.
public enum SwitchAdvisor {
  /// A wait of this many weeks or more is long enough to offer a switch in the brief.
  public static let longWaitWeeks = 6
  /// Candidate models offered at most.
  public static let maxCandidates = 2
  /// Arguments per candidate at most: `coach switch` gives this many, a brief only the strongest.
  public static let maxPerCandidate = 3
  /// Arguments returned at most (`coach switch`).
  public static let maxArguments = maxCandidates * maxPerCandidate
  /// A switch must save at least this many days against the lead's own wait.
  public static let minDaysSaved = 7
  /// Neighbouring segments a customer may cross into.
  static let neighbours: [String: Set<String>] = [
    "sedan": ["ev", "suv"], "suv": ["sedan", "mpv", "ev"], "mpv": ["suv"], "ev": ["sedan", "suv"],
  ]
  /// Candidates priced outside this share of the wanted model's price are out of reach (old/new pairs excepted).
  static let priceBand = 0.6...1.4

  /// Switch arguments for the lead's model: the best candidates first, up to `perCandidate` levers each, strongest
  /// lever first.
  public static func arguments(
    for lead: LeadSnapshot, in ctx: EngineContext, perCandidate: Int = maxPerCandidate
  ) -> [SwitchArgument] {
    guard let from = ctx.playbook.model(lead.model) else { return [] }
    let h = LeadHistory(lead, asOf: ctx.now)
    let situation = Situation(h, from: from, ctx)
    let ranked = candidates(for: from, situation, ctx).map { to -> (CarModel, [SwitchArgument], Double) in
      let args = SwitchLevers(from: from, to: to, situation: situation, ctx: ctx).arguments()
      return (to, args, score(from: from, to: to, situation, leverCount: args.count))
    }
    .filter { !$0.1.isEmpty }
    .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0.code < $1.0.code }
    return ranked.prefix(maxCandidates).flatMap { $0.1.prefix(perCandidate) }
  }

  /// Whether `lead`'s brief for `action` carries switch arguments, the only part of a brief that reads
  /// `ctx.stats` (so a caller may fetch the dealership's sales figures only then).
  public static func isWorthOffering(_ lead: LeadSnapshot, action: ActionCode, in ctx: EngineContext) -> Bool {
    isWorthOffering(LeadHistory(lead, asOf: ctx.now), action: action, ctx)
  }

  /// Whether the brief should carry switch arguments: an open lead whose car is late or whose wait is long.
  static func isWorthOffering(_ h: LeadHistory, action: ActionCode, _ ctx: EngineContext) -> Bool {
    guard !action.isCare, h.stage.isOpen, let model = ctx.playbook.model(h.lead.model) else { return false }
    let situation = Situation(h, from: model, ctx)
    return action == .deliveryLate || situation.daysLate != nil || situation.waitDays >= longWaitWeeks * 7
  }

  /// Whether the lead's car comes within a week (in stock, or promised within seven days and not late).
  static func comesWithinAWeek(_ h: LeadHistory, _ ctx: EngineContext) -> Bool {
    guard let model = ctx.playbook.model(h.lead.model) else { return false }
    let situation = Situation(h, from: model, ctx)
    return situation.daysLate == nil && situation.waitDays <= 7
  }

  /// Models that seat the customer, save at least a week, in the same or a neighbouring segment and within reach
  /// in price; the old/new pair of the wanted model regardless of segment and price.
  static func candidates(for from: CarModel, _ situation: Situation, _ ctx: EngineContext) -> [CarModel] {
    let near = (neighbours[from.segment] ?? []).union([from.segment])
    return ctx.playbook.models.filter { to in
      guard to.code != from.code, to.seats >= situation.seatsNeeded,
        situation.waitDays - to.waitWeeks * 7 >= minDaysSaved
      else { return false }
      if isPair(from, to) { return true }
      let ratio = from.price > 0 ? Double(to.price) / Double(from.price) : 1
      return near.contains(to.segment) && priceBand.contains(ratio)
    }
  }

  static func isPair(_ a: CarModel, _ b: CarModel) -> Bool { a.replaces == b.code || b.replaces == a.code }

  /// Staying in the segment weighs like 3⅓ weeks saved; then the old/new pair and the number of levers;
  /// a price far from the wanted model's counts against (10 points per 100% of its price).
  static func score(from: CarModel, to: CarModel, _ situation: Situation, leverCount: Int) -> Double {
    let sooner = Double(max(0, situation.waitDays - to.waitWeeks * 7)) / 7
    let priceGap = from.price > 0 ? abs(Double(to.price - from.price)) / Double(from.price) : 0
    return 3 * sooner + (to.segment == from.segment ? 10 : 0) + (isPair(from, to) ? 3 : 0) + Double(leverCount)
      - 10 * priceGap
  }
}

/// The lead's own situation that a switch is weighed against.
struct Situation {
  /// Days the customer still waits for the wanted model: to the recorded ETA while it is ahead; the catalog wait
  /// without an ETA; for a late car (the promised day has passed and nobody knows when it comes), as long again as it
  /// is late, at least a week and at most the catalog wait. A car one day late may come tomorrow: weighed against
  /// the catalog's whole wait, it drew arguments for models weeks away.
  let waitDays: Int
  /// Days past the promised delivery day, when the car is late.
  let daysLate: Int?
  /// Seats the customer needs: the wanted model's, or more when the profile says so.
  let seatsNeeded: Int

  init(_ h: LeadHistory, from: CarModel, _ ctx: EngineContext) {
    let today = ctx.today
    if let eta = h.eta, h.stage == .deposit || h.stage == .waitingForDelivery {
      let days = today.days(to: eta)
      waitDays = days >= 0 ? days : min(from.waitWeeks * 7, max(-days, 7))
      daysLate = days < 0 ? -days : nil
    } else {
      waitDays = from.waitWeeks * 7
      daysLate = nil
    }
    seatsNeeded = max(from.seats, SeatsNeeded.fromProfile(h.lead.profile) ?? 0)
  }
}
