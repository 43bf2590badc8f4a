import Foundation

// MARK: - Who the customer is

extension DemoFactory {
  /// The customer fields of lead `index` (history is filled in later).
  mutating func person(index: Int, consultant: String) -> LeadSnapshot {
    let ref = index < 9_999 ? String(format: "DEMO-%04d", index + 1) : "DEMO-\(index + 1)"
    let male = rng.chance(0.55)
    let tags = tags(index: index)
    var tier = rng.weighted(DemoVocabulary.tiers)
    if tags.contains(KnownTag.vip) { tier = .a }
    return LeadSnapshot(
      id: LeadID(Int64(index + 1)), externalID: ref, name: name(male: male), phone: phone(index: index),
      wechat: rng.chance(0.45) ? wechat() : nil, email: rng.chance(0.12) ? email() : nil,
      gender: male ? "male" : "female", birthday: birthday(index: index),
      city: rng.weighted(DemoVocabulary.cities), source: rng.weighted(DemoVocabulary.sources),
      consultant: consultant, tier: tier, tags: tags, profile: profile(), createdAt: clock.now)
  }

  private mutating func name(male: Bool) -> String {
    var given = rng.pick(male ? DemoVocabulary.maleNames : DemoVocabulary.femaleNames)
    if given.count == 1, rng.chance(0.35) {
      given = rng.pick(male ? DemoVocabulary.maleMiddles : DemoVocabulary.femaleMiddles) + given
    }
    return rng.pick(DemoVocabulary.surnames) + given
  }

  /// `1[3-9]` + 9 digits; the last 8 are a bijection of the index (shift, then multiply by a unit mod 10^8),
  /// so numbers never repeat in a data set.
  private mutating func phone(index: Int) -> String {
    let modulus: UInt64 = 100_000_000
    let shifted = (UInt64(index) % modulus + DemoRandom(seed: seed).peek % modulus) % modulus
    let suffix = shifted * 7_368_787 % modulus
    let digits = String(suffix)
    return rng.pick(DemoVocabulary.phonePrefixes) + String(repeating: "0", count: 8 - digits.count) + digits
  }

  private mutating func wechat() -> String {
    let letters = Array("abcdefghijkmnpqrstuvwxyz")
    let head = (0..<rng.int(4...7)).map { _ in String(rng.pick(letters)) }.joined()
    return rng.chance(0.5) ? "wxid_\(head)\(rng.int(10...99))" : "\(head)\(rng.int(1970...2005))"
  }

  private mutating func email() -> String {
    rng.chance(0.7) ? "\(rng.int(10_000_000...2_999_999_999))@qq.com" : "user\(rng.int(1_000...99_999))@163.com"
  }

  /// About 60% have a birthday; lead 8 was born on Feb 29 and leads 4 and 12 have their birthday tomorrow.
  private mutating func birthday(index: Int) -> LocalDate? {
    let year = clock.today.year
    switch index {
    case 7:
      let leap = year - 30 - (year - 30) % 4  // a multiple of 4 between 1901 and 2099 is a leap year
      return LocalDate(year: leap, month: 2, day: 29)
    case 3, 11:
      // 28 and 36 are multiples of 4, so a Feb 29 tomorrow still gives a leap birth year.
      let tomorrow = clock.date(daysAhead: 1)
      return LocalDate(year: tomorrow.year - (index == 3 ? 28 : 36), month: tomorrow.month, day: tomorrow.day)
    default:
      guard rng.chance(0.6) else { return nil }
      let y = year - rng.int(23...62)
      let m = rng.int(1...12)
      return LocalDate(year: y, month: m, day: rng.int(1...LocalDate.daysIn(month: m, year: y)))
    }
  }

  /// A few `warning`, some `vip`, a couple of `fleet` and `difficult` (at fixed strides, so every data set has them).
  private func tags(index: Int) -> [String] {
    var tags: [String] = []
    if index % 37 == 5 { tags.append(KnownTag.warning) }
    if index % 13 == 4 { tags.append(KnownTag.vip) }
    if index % 90 == 17 { tags.append(KnownTag.fleet) }
    if index % 70 == 33 { tags.append(KnownTag.difficult) }
    return tags
  }

  /// One to four profile facts for most customers.
  private mutating func profile() -> [ProfileFact] {
    guard rng.chance(0.85) else { return [] }
    let entries = rng.sample(DemoVocabulary.profile, count: rng.int(1...4))
    return entries.map { ProfileFact(key: $0.key, value: rng.pick($0.values)) }
  }
}
