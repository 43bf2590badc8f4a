import Foundation

/// Cell rules of one leads row.
enum LeadRow {
  static func read(_ r: inout RowReader, knownModels: [String]?) -> ImportedLead? {
    let name = r.required("name", "every lead needs a name")
    var phone: String?
    if let raw = r.required("phone", "every lead needs a phone: \(Phone.accepted)") {
      phone = Phone.normalize(raw)
      if phone == nil { r.fail("phone \"\(raw)\": expected \(Phone.accepted)") }
    }
    let email = r.text("email")
    if let email, !Email.isPlausible(email) { r.fail("email \"\(email)\": expected \(Email.accepted)") }
    let birthday = r.day("birthday")
    let model = self.model(&r, known: knownModels)
    let grade = r.code("grade", Grade.self)
    let tier = r.code("tier", Tier.self)
    let stage = r.code("stage", Stage.self)
    let createdAt = r.instant("created_at")
    let profile = self.profile(&r)
    var tags: [String] = []
    for t in RowReader.list(r.text("tags") ?? "") where !tags.contains(t) { tags.append(t) }
    guard let name, let phone, r.reasons.isEmpty else { return nil }
    return ImportedLead(
      line: r.line, externalID: r.text("external_id"), name: name, phone: phone, wechat: r.text("wechat"),
      email: email, gender: r.text("gender"), birthday: birthday, city: r.text("city"), source: r.text("source"),
      consultant: r.text("consultant"), model: model, grade: grade, tier: tier, tags: tags, profile: profile,
      stage: stage ?? .prospect, createdAt: createdAt)
  }

  /// The model code, in the catalog's spelling when a catalog is given.
  private static func model(_ r: inout RowReader, known: [String]?) -> String? {
    guard let v = r.text("model") else { return nil }
    guard let known else { return v }
    if let match = known.first(where: { RowReader.sameIgnoringCase($0, v) }) { return match }
    r.fail("model \"\(v)\": expected a catalog code: \(RowReader.oneOf(known))")
    return nil
  }

  /// `key=value;key=value` facts.
  private static func profile(_ r: inout RowReader) -> [ProfileFact] {
    guard let v = r.text("profile") else { return [] }
    var facts: [ProfileFact] = []
    for item in RowReader.list(v) {
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = pair[0].trimmingCharacters(in: .whitespaces)
      guard pair.count == 2, !key.isEmpty else {
        r.fail("profile \"\(item)\": expected key=value pairs separated by ; (like hobby=钓鱼;career=教师)")
        return []
      }
      facts.append(ProfileFact(key: key, value: pair[1].trimmingCharacters(in: .whitespaces)))
    }
    return facts
  }
}

/// Cell rules of one touches row.
enum TouchRow {
  private static let channels = RowReader.oneOf(Channel.allCases.map(\.rawValue))
  private static let outcomes = RowReader.oneOf(Outcome.allCases.map(\.rawValue))

  static func read(_ r: inout RowReader) -> ImportedTouch? {
    let lead = r.required("lead_external_id", "every touch needs the external_id of its lead")
    let atText = r.required("at", "every touch needs its time, like 2025-07-10T10:00:00+08:00")
    let at = atText.flatMap { r.instant("at", value: $0) }
    let channel = r.required("channel", "expected \(channels)").flatMap { r.code("channel", Channel.self, value: $0) }
    let outcome = r.required("outcome", "expected \(outcomes)").flatMap { r.code("outcome", Outcome.self, value: $0) }
    let nextAt = r.instant("next_at")
    if let at, let nextAt, nextAt < at {
      r.fail("next_at \"\(r.text("next_at") ?? "")\" is before at \"\(atText ?? "")\": the next contact comes later")
    }
    guard let lead, let at, let channel, let outcome, r.reasons.isEmpty else { return nil }
    return ImportedTouch(
      line: r.line, leadExternalID: lead, at: at, channel: channel, outcome: outcome, note: r.text("note"),
      nextAt: nextAt)
  }
}
