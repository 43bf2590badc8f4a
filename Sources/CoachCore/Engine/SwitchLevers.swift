import Foundation

/// The levers that apply to one switch, each phrased with `labels.switch_texts[lever]` and computed numbers.
struct SwitchLevers {
  let from: CarModel
  let to: CarModel
  /// The lead's own wait, delay and seats.
  let situation: Situation
  let ctx: EngineContext
  var late: Bool { situation.daysLate != nil }

  /// Conformity needs at least this many recent deliveries in the segment and this share for the model.
  static let minSegmentDeliveries = 5
  static let minShare = 0.3
  /// Trend needs this growth from the previous 90 days to the last 90.
  static let minGrowth = 0.1
  /// Running cost is counted over a year of this many km.
  static let kmPerYear = 20_000.0
  /// Completeness: a dearer model within this share of the price still counts as "the same money".
  static let sameMoney = 1.15

  /// The levers that apply, strongest first.
  func arguments() -> [SwitchArgument] {
    // Vested benefit already says "sooner, and with the offer": availability and gain would repeat it.
    let vested = values(for: .vestedBenefit) != nil
    return Lever.ordered.filter { !vested || ($0 != .availability && $0 != .gain) }.compactMap { lever in
      values(for: lever).map { extra in
        let template =
          phrasing(lever, extra).first { ctx.playbook.labels.switchTexts[$0] != nil }
          .flatMap { ctx.playbook.labels.switchTexts[$0] } ?? "{to_model}"
        let text = Template.fill(template, common.merging(extra) { $1 })
        return SwitchArgument(toModel: to.code, lever: lever, text: ctx.isChinese ? Self.spaced(text) : text)
      }
    }
  }

  /// A filled Chinese text spaced as Chinese is written: no space between two Chinese characters where a template's
  /// space met a catalog name (`比 {from_model}` → `比极光 E60`), one between Chinese and a Latin word.
  static func spaced(_ text: String) -> String {
    ChineseText.spacingLatin(ChineseText.joiningFoldedLines(text))
  }

  /// The label keys to try for `lever`, most specific first: a late car's own phrasing (`<lever>_late`), a model
  /// in stock (`<lever>_in_stock`, so no text says "in 0 weeks"), and space by what actually grows.
  func phrasing(_ lever: Lever, _ extra: [String: String]) -> [String] {
    var base = lever.rawValue
    if lever == .space {
      let litres = Int(extra["extra_litres"] ?? "") ?? 0
      let mm = Int(extra["extra_mm"] ?? "") ?? 0
      base = litres > 0 && mm > 0 ? "space" : litres > 0 ? "space_cargo" : "space_legroom"
    }
    var keys: [String] = []
    if late {
      if to.waitWeeks == 0 { keys.append(base + "_late_in_stock") }
      keys.append(base + "_late")
    }
    if to.waitWeeks == 0 { keys.append(base + "_in_stock") }
    return keys + [base]
  }

  /// A number of weeks with its unit, singular or plural (`1 week`, `3 weeks`, `3 周`).
  func weeks(_ n: Int) -> String { ctx.isChinese ? "\(n) 周" : n == 1 ? "1 week" : "\(n) weeks" }
  func number(_ n: Int) -> String { NumberText.integer(n, chinese: ctx.isChinese) }
  func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) }

  /// Whole weeks saved against the lead's own wait (whether a switch saves a week at all).
  var weeksSooner: Int { (situation.waitDays - to.waitWeeks * 7) / 7 }
  /// The lead's own wait in weeks, to the nearest (at least 1 while any is left): to the ETA, else the catalog's.
  var ownWaitWeeks: Int {
    situation.waitDays <= 0 ? 0 : max(1, Int((Double(situation.waitDays) / 7).rounded()))
  }
  /// The weeks saved as the text says them: the difference of the two waits it names ("about 5 weeks", "2 weeks",
  /// "3 sooner"), never fewer than the whole weeks saved.
  var soonerShown: Int { max(weeksSooner, ownWaitWeeks - to.waitWeeks, 0) }
  var common: [String: String] {
    [
      "to_model": to.name, "from_model": from.name, "weeks_sooner": String(soonerShown),
      "to_wait_weeks": String(to.waitWeeks), "from_wait_weeks": String(ownWaitWeeks),
      "days_late": String(situation.daysLate ?? 0),
      "to_wait": weeks(to.waitWeeks), "from_wait": weeks(ownWaitWeeks), "sooner": weeks(soonerShown),
      "segment": ctx.playbook.labels.ui(.segment, to.segment) ?? to.segment, "offer": to.offer ?? "",
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
      return weeksSooner > 0 && to.offer != nil && (late || (situation.waitDays + 6) / 7 >= SwitchAdvisor.longWaitWeeks)
        ? [:] : nil
    case .conformity:
      let segment = ctx.playbook.models.filter { $0.segment == to.segment }.map { stats.recent[$0.code] ?? 0 }
      let total = segment.reduce(0, +)
      let share = total > 0 ? Double(stats.recent[to.code] ?? 0) / Double(total) : 0
      return total >= Self.minSegmentDeliveries && share >= Self.minShare ? ["percent": percent(share)] : nil
    case .trend:
      let before = stats.previous[to.code] ?? 0
      let after = stats.recent[to.code] ?? 0
      guard before > 0, Double(after - before) / Double(before) >= Self.minGrowth else { return nil }
      return [
        "before": String(before), "after": String(after), "percent": percent(Double(after - before) / Double(before)),
      ]
    case .gain:
      // "Why not take the better value?" only of a model that costs no more: of a dearer one it misleads (the
      // dearer model's own case is `completeness`, which names the difference).
      return to.offer != nil && to.price <= from.price ? [:] : nil
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
  /// Strongest first: what the customer gets sooner and surely (with an offer, then without), then social proof,
  /// money, then comfort.
  static let ordered: [Lever] = [
    .vestedBenefit, .availability, .conformity, .trend, .gain, .completeness, .runningCost, .maintenanceCost,
    .space, .cityUse, .prestige,
  ]
}
