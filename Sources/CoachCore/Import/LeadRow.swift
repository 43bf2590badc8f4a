import Foundation

/// Cell rules of one leads row.
enum LeadRow {
  /// Each column's place in `ImportSchema.leads.columns`: cells are found without hashing their names.
  private enum Col {
    static let externalID = ImportSchema.leads.ordinal("external_id")
    static let name = ImportSchema.leads.ordinal("name")
    static let phone = ImportSchema.leads.ordinal("phone")
    static let wechat = ImportSchema.leads.ordinal("wechat")
    static let email = ImportSchema.leads.ordinal("email")
    static let gender = ImportSchema.leads.ordinal("gender")
    static let birthday = ImportSchema.leads.ordinal("birthday")
    static let city = ImportSchema.leads.ordinal("city")
    static let source = ImportSchema.leads.ordinal("source")
    static let consultant = ImportSchema.leads.ordinal("consultant")
    static let model = ImportSchema.leads.ordinal("model")
    static let grade = ImportSchema.leads.ordinal("grade")
    static let tier = ImportSchema.leads.ordinal("tier")
    static let tags = ImportSchema.leads.ordinal("tags")
    static let stage = ImportSchema.leads.ordinal("stage")
    static let createdAt = ImportSchema.leads.ordinal("created_at")
    static let profile = ImportSchema.leads.ordinal("profile")
  }

  /// The genders a lead may have (the contract's codes, and `other`); the vocabulary's words (`男`, `女士`) stand for them.
  /// `other` as `lead add --gender other` stores it: an export of such a lead must import again.
  private enum Gender: String, CaseIterable { case male, female, other }

  /// The trimmed `external_id` of the row, nil when empty or absent.
  static func externalID(_ r: RowReader) -> String? { r.text(at: Col.externalID) }

  static func read(
    _ r: inout RowReader, knownModels: [String]?, consultants: ImportConsultants? = nil, deactivated: Set<String> = [],
    nonOwners: [String: Role] = [:]
  ) -> ImportedLead? {
    let name = r.required("name", r.text(at: Col.name), .leadName)
    var phone: String?
    if let raw = r.required("phone", r.text(at: Col.phone), .leadPhone) {
      phone = fastMobile(raw) ?? Phone.normalize(raw)
      if phone == nil { r.fail(raw.contains("*") ? .masked(column: "phone", value: raw) : .badPhone(value: raw)) }
    }
    let gender = r.text(at: Col.gender).flatMap { r.code("gender", Gender.self, value: $0)?.rawValue }
    let email = r.text(at: Col.email)
    // A masked export's contacts (`w**王`, `a***@b.cn`) are not a customer's: imported, they would stand for the
    // real ones.
    if let email, email.contains("*") {
      r.fail(.masked(column: "email", value: email))
    } else if let email, !Email.isPlausible(email) {
      r.fail(.badEmail(value: email))
    }
    if let wechat = r.text(at: Col.wechat), wechat.contains("*") { r.fail(.masked(column: "wechat", value: wechat)) }
    let birthdayText = r.text(at: Col.birthday)
    var birthday = birthdayText.flatMap { r.day("birthday", value: $0) }
    if let day = birthday, let now = r.now, day > LocalDate(now, in: r.zone) {
      r.fail(.futureBirthday(value: birthdayText ?? day.description))
      birthday = nil
    }
    let model = self.model(&r, r.text(at: Col.model), known: knownModels)
    let grade = r.text(at: Col.grade).flatMap { r.code("grade", Grade.self, value: $0) }
    let tier = r.text(at: Col.tier).flatMap { r.code("tier", Tier.self, value: $0) }
    let stage = r.text(at: Col.stage).flatMap { r.code("stage", Stage.self, value: $0) }
    let createdAt = r.text(at: Col.createdAt).flatMap { r.pastInstant("created_at", value: $0) }
    var profile = self.profile(&r, r.text(at: Col.profile), header: r.header.names.header(of: "profile"))
    for column in r.header.moreProfiles {
      let named = column.header.lowercased() == "profile" ? nil : column.header
      profile += self.profile(&r, r.header.value(position: column.position, in: r.fields), header: named)
    }
    var tags: [String] = []
    if let text = r.text(at: Col.tags) {
      for item in RowReader.tagList(text) {
        let t = tag(item, &r)
        if !tags.contains(t) { tags.append(t) }
      }
    }
    let written = r.text(at: Col.consultant)
    // The name `coach user add` would keep (trimmed, and a Chinese name without the spaces that pad it to line up),
    // held to its rule: an unknown consultant is added as a user.
    let kept = written.map { UserName.unpadded(UserName.trimmed($0)) }
    var consultant = kept
    if let name = written, let kept, !UserName.isTypeable(kept) {
      r.fail(.badConsultantName(name: name))
      consultant = nil
    } else if let kept, deactivated.contains(kept) {
      r.fail(.deactivatedConsultant(name: kept))
      consultant = nil
    } else if let kept, let role = nonOwners[kept] {
      r.fail(.cannotOwnLeads(name: kept, role: role))
      consultant = nil
    } else if let consultants {
      let checked = consultants.check(consultant)
      consultant = checked.consultant
      if let problem = checked.problem { r.fail(problem) }
    }
    guard let name, let phone, r.reasons.isEmpty else { return nil }
    let fields = LeadFields(
      externalID: r.text(at: Col.externalID), name: name, phone: phone, wechat: r.text(at: Col.wechat), email: email,
      gender: gender, birthday: birthday, city: r.text(at: Col.city), source: r.text(at: Col.source), model: model,
      grade: grade, tier: tier, tags: tags, profile: profile, stage: stage ?? .prospect)
    return ImportedLead(line: r.line, fields, consultant: consultant, createdAt: createdAt)
  }

  /// `Phone.normalize` of the usual cell, 11 ASCII digits `1[3-9]…`, which it returns unchanged; nil otherwise.
  private static func fastMobile(_ raw: String) -> String? {
    let u = raw.utf8
    guard u.count == 11 else { return nil }
    var i = 0
    for b in u {
      guard b >= 0x30, b <= 0x39 else { return nil }
      if i == 0, b != 0x31 { return nil }
      if i == 1, b < 0x33 { return nil }
      i += 1
    }
    return raw
  }

  /// A well-known tag's code for the words people write (`警示客户` → `warning`, `VIP` → `vip`); any other tag as
  /// written (tags are free: `二胎家庭`).
  private static func tag(_ item: String, _ r: inout RowReader) -> String {
    if KnownTag.all.contains(item) { return item }
    let vocabulary = r.vocabulary
    let work = { vocabulary.code("tags", item) }
    return (r.memo.map { $0.code("tags", item, work) } ?? work()) ?? item
  }

  /// The model code, in the catalog's spelling when a catalog is given.
  private static func model(_ r: inout RowReader, _ value: String?, known: [String]?) -> String? {
    guard let v = value else { return nil }
    guard let known else { return v }
    let vocabulary = r.vocabulary
    // A sheet names the same few models in every row: each text is worked out once per import.
    let work = { () -> Result<String, ImportCellMemo.ModelProblem> in
      if let match = known.first(where: { RowReader.sameIgnoringCase($0, v) }) { return .success(match) }
      let w = ImportVocabulary.halfWidth(v)
      if w != v, let match = known.first(where: { RowReader.sameIgnoringCase($0, w) }) { return .success(match) }
      switch vocabulary.model(w) {
      case .code(let code) where known.contains(code): return .success(code)
      case .ambiguous(let codes):
        return .failure(.init(problem: .ambiguousModel(value: v, names: vocabulary.describe(codes))))
      default: return .failure(.init(problem: .unknownModel(value: v, known: known)))
      }
    }
    switch r.memo.map({ $0.model(v, work) }) ?? work() {
    case .success(let code): return code
    case .failure(let why):
      r.fail(why.problem)
      return nil
    }
  }

  /// `key=value;key=value` facts. A column of another name read as `profile` (`--map '意向金额=profile'`) may hold
  /// bare values: each is a fact named by the header (`意向金额=20万`).
  private static func profile(_ r: inout RowReader, _ value: String?, header: String?) -> [ProfileFact] {
    guard let v = value else { return [] }
    var facts: [ProfileFact] = []
    for item in RowReader.list(v) {
      if let header, !item.contains("=") {
        facts.append(ProfileFact(key: header, value: item))
        continue
      }
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = pair[0].trimmingCharacters(in: .whitespaces)
      guard pair.count == 2, !key.isEmpty else {
        r.fail(.badProfile(item: item))
        return []
      }
      facts.append(ProfileFact(key: key, value: pair[1].trimmingCharacters(in: .whitespaces)))
    }
    return facts
  }
}

/// Cell rules of one touches row.
enum TouchRow {
  private static let channels = Channel.allCases.map(\.rawValue)
  private static let outcomes = Outcome.allCases.map(\.rawValue)
  /// Each column's place in `ImportSchema.touches.columns`.
  private enum Col {
    static let lead = ImportSchema.touches.ordinal("lead_external_id")
    static let at = ImportSchema.touches.ordinal("at")
    static let channel = ImportSchema.touches.ordinal("channel")
    static let outcome = ImportSchema.touches.ordinal("outcome")
    static let note = ImportSchema.touches.ordinal("note")
    static let nextAt = ImportSchema.touches.ordinal("next_at")
    static let levers = ImportSchema.touches.ordinal("levers")
  }

  static func read(_ r: inout RowReader) -> ImportedTouch? {
    let lead = r.required("lead_external_id", r.text(at: Col.lead), .touchLead)
    let atText = r.required("at", r.text(at: Col.at), .touchTime)
    let at = atText.flatMap { r.pastInstant("at", value: $0) }
    let channel = r.required("channel", r.text(at: Col.channel), .codes(channels)).flatMap {
      r.code("channel", Channel.self, value: $0)
    }
    let outcome = r.required("outcome", r.text(at: Col.outcome), .codes(outcomes)).flatMap {
      r.code("outcome", Outcome.self, value: $0)
    }
    if let channel, let outcome, !outcome.isPossible(on: channel) {
      r.fail(.outcomeNotOnChannel(channel: channel.rawValue, outcome: outcome.rawValue))
    }
    let nextAtText = r.text(at: Col.nextAt)
    let nextAt = nextAtText.flatMap { r.instant("next_at", value: $0) }
    if let at, let nextAt, nextAt < at {
      r.fail(.nextBeforeAt(next: nextAtText ?? "", at: atText ?? ""))
    }
    var levers: [Lever] = []
    for item in r.text(at: Col.levers).map(RowReader.list) ?? [] {
      if let lever = r.code("levers", Lever.self, value: item), !levers.contains(lever) { levers.append(lever) }
    }
    guard let lead, let at, let channel, let outcome, r.reasons.isEmpty else { return nil }
    return ImportedTouch(
      line: r.line, leadExternalID: lead, at: at, channel: channel, outcome: outcome, note: r.text(at: Col.note),
      nextAt: nextAt, levers: levers)
  }
}
