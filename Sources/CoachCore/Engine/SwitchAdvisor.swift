import Foundation

/// Conversion selling (DOMAIN.md key 5): when the ordered model is late or its wait is long, computed reasons
/// to switch to a model that comes sooner (or to the old/new version of it).
public enum SwitchAdvisor {
  /// A wait of this many weeks or more is long enough to offer a switch in the brief.
  public static let longWaitWeeks = 6
  /// Arguments returned at most, and per candidate model.
  public static let maxArguments = 6
  static let maxPerCandidate = 3
  /// Neighbouring segments a customer may cross into.
  static let neighbours: [String: Set<String>] = [
    "sedan": ["ev", "suv"], "suv": ["sedan", "mpv", "ev"], "mpv": ["suv"], "ev": ["sedan", "suv"],
  ]
  /// Candidates priced outside this share of the wanted model's price are out of reach (old/new pairs excepted).
  static let priceBand = 0.6...1.4

  /// Switch arguments for the lead's model, best candidates first (at most `maxArguments`).
  public static func arguments(for lead: LeadSnapshot, in ctx: EngineContext) -> [SwitchArgument] {
    guard let from = ctx.playbook.model(lead.model) else { return [] }
    let late = isLate(LeadHistory(lead, asOf: ctx.now), ctx)
    let ranked = candidates(for: from, ctx).map { to -> (CarModel, [SwitchArgument], Double) in
      let args = SwitchLevers(from: from, to: to, late: late, ctx: ctx).arguments()
      return (to, args, score(from: from, to: to, leverCount: args.count))
    }
    .filter { !$0.1.isEmpty }
    .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0.code < $1.0.code }
    return Array(ranked.flatMap { $0.1.prefix(maxPerCandidate) }.prefix(maxArguments))
  }

  /// Whether `lead`'s brief for `action` carries switch arguments, the only part of a brief that reads
  /// `ctx.stats` (so a caller may fetch the dealership's sales figures only then).
  public static func isWorthOffering(_ lead: LeadSnapshot, action: ActionCode, in ctx: EngineContext) -> Bool {
    isWorthOffering(LeadHistory(lead, asOf: ctx.now), action: action, ctx)
  }

  /// Whether the brief should carry switch arguments: an open lead whose car is late or whose model's wait is long.
  static func isWorthOffering(_ h: LeadHistory, action: ActionCode, _ ctx: EngineContext) -> Bool {
    guard h.stage.isOpen, let model = ctx.playbook.model(h.lead.model) else { return false }
    return action == .deliveryLate || isLate(h, ctx) || model.waitWeeks >= longWaitWeeks
  }

  static func isLate(_ h: LeadHistory, _ ctx: EngineContext) -> Bool {
    h.lateFrom(ctx.civil).map { ctx.now >= $0 } ?? false
  }

  /// Models in the same or a neighbouring segment, within reach in price, that come sooner; plus the old/new pair.
  static func candidates(for from: CarModel, _ ctx: EngineContext) -> [CarModel] {
    let near = (neighbours[from.segment] ?? []).union([from.segment])
    return ctx.playbook.models.filter { to in
      guard to.code != from.code else { return false }
      if isPair(from, to) { return true }
      let ratio = from.price > 0 ? Double(to.price) / Double(from.price) : 1
      return near.contains(to.segment) && to.waitWeeks < from.waitWeeks && priceBand.contains(ratio)
    }
  }

  static func isPair(_ a: CarModel, _ b: CarModel) -> Bool { a.replaces == b.code || b.replaces == a.code }

  /// Staying in the segment weighs like 3⅓ weeks saved; then the old/new pair and the number of levers;
  /// a price far from the wanted model's counts against (10 points per 100% of its price).
  static func score(from: CarModel, to: CarModel, leverCount: Int) -> Double {
    let sooner = Double(max(0, from.waitWeeks - to.waitWeeks))
    let priceGap = from.price > 0 ? abs(Double(to.price - from.price)) / Double(from.price) : 0
    return 3 * sooner + (to.segment == from.segment ? 10 : 0) + (isPair(from, to) ? 3 : 0) + Double(leverCount)
      - 10 * priceGap
  }
}
