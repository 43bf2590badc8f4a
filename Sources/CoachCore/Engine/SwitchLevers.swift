import Foundation

/// The levers that apply to one switch, each phrased with `labels.switch_texts[lever]` and computed numbers.
struct SwitchLevers {
  let from: CarModel
  let to: CarModel
  /// The customer's car is already late.
  let late: Bool
  let ctx: EngineContext

  /// Conformity needs at least this many recent deliveries in the segment and this share for the model.
  static let minSegmentDeliveries = 5
  static let minShare = 0.3
  /// Trend needs this growth from the previous 90 days to the last 90.
  static let minGrowth = 0.1
  /// Running cost is counted over a year of this many km.
  static let kmPerYear = 20_000.0
  /// Completeness: a dearer model within this share of the price still counts as "the same money".
  static let sameMoney = 1.15

  func arguments() -> [SwitchArgument] {
    Lever.ordered.compactMap { lever in
      values(for: lever).map { extra in
        // A model in stock may have its own phrasing (`<lever>_in_stock`), so no text says "in 0 weeks".
        let texts = ctx.playbook.labels.switchTexts
        let stock = to.waitWeeks == 0 ? texts[lever.rawValue + "_in_stock"] : nil
        let template = stock ?? texts[lever.rawValue] ?? "{to_model}"
        return SwitchArgument(toModel: to.code, lever: lever, text: Template.fill(template, common.merging(extra) { $1 }))
      }
    }
  }

  func number(_ n: Int) -> String { NumberText.integer(n, chinese: ctx.isChinese) }
  func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) }

  var weeksSooner: Int { from.waitWeeks - to.waitWeeks }
  var common: [String: String] {
    [
      "to_model": to.name, "from_model": from.name, "weeks_sooner": String(max(0, weeksSooner)),
      "to_wait_weeks": String(to.waitWeeks), "from_wait_weeks": String(from.waitWeeks),
      "segment": ctx.playbook.labels.ui["segment_\(to.segment)"] ?? to.segment, "offer": to.offer ?? "",
      "price_diff": number(abs(to.price - from.price)),
    ]
  }

  /// The lever's own placeholder values, or nil when it does not apply.
  func values(for lever: Lever) -> [String: String]? {
    let stats = ctx.stats
    switch lever {
    case .availability:
      return weeksSooner > 0 ? [:] : nil
    case .vestedBenefit:
      return weeksSooner > 0 && to.offer != nil && (late || from.waitWeeks >= SwitchAdvisor.longWaitWeeks) ? [:] : nil
    case .conformity:
      let segment = ctx.playbook.models.filter { $0.segment == to.segment }.map { stats.recent[$0.code] ?? 0 }
      let total = segment.reduce(0, +)
      let share = total > 0 ? Double(stats.recent[to.code] ?? 0) / Double(total) : 0
      return total >= Self.minSegmentDeliveries && share >= Self.minShare ? ["percent": percent(share)] : nil
    case .trend:
      let before = stats.previous[to.code] ?? 0
      let after = stats.recent[to.code] ?? 0
      guard before > 0, Double(after - before) / Double(before) >= Self.minGrowth else { return nil }
      return ["before": String(before), "after": String(after), "percent": percent(Double(after - before) / Double(before))]
    case .gain:
      return to.offer != nil ? [:] : nil
    case .completeness:
      let more = to.cargoLitres > from.cargoLitres || to.interiorMm > from.interiorMm || to.replaces == from.code
      guard to.price >= from.price, Double(to.price) <= Double(from.price) * Self.sameMoney, more else { return nil }
      return ["percent": percent(Double(to.price - from.price) / Double(max(1, from.price)))]
    case .runningCost:
      let saved = Int(((from.runningCostPer100km - to.runningCostPer100km) * Self.kmPerYear / 100).rounded())
      guard saved > 0 else { return nil }
      return [
        "running_saved": number(saved), "saved_per_year": number(saved),
        "before": NumberText.decimal(from.runningCostPer100km), "after": NumberText.decimal(to.runningCostPer100km),
      ]
    case .maintenanceCost:
      let saved = from.maintenancePerYear - to.maintenancePerYear
      return saved > 0 ? ["saved_per_year": number(saved)] : nil
    case .space:
      let litres = to.cargoLitres - from.cargoLitres
      let mm = to.interiorMm - from.interiorMm
      guard litres > 0 || mm > 0 else { return nil }
      return ["extra_litres": String(max(0, litres)), "extra_mm": String(max(0, mm))]
    case .cityUse:
      let shorter = from.lengthMm - to.lengthMm
      return shorter > 0 ? ["shorter_mm": String(shorter)] : nil
    case .prestige:
      return (to.prestige ?? 0) > (from.prestige ?? 0) ? [:] : nil
    }
  }
}

extension Lever {
  /// Strongest first: what the customer gets sooner or surely, then social proof, money, then comfort.
  static let ordered: [Lever] = [
    .availability, .vestedBenefit, .conformity, .trend, .gain, .completeness, .runningCost, .maintenanceCost,
    .space, .cityUse, .prestige,
  ]
}
