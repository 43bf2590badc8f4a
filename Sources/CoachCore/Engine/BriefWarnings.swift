import Foundation

/// Warnings on a brief, loudest first: the warning tag (警示客户) must be seen before anything else.
enum BriefWarnings {
  /// Unanswered attempts in a row after which a lead counts as unreachable.
  static let unreachableAfter = 3

  /// The warnings of `h`'s brief for `action`.
  static func all(_ h: LeadHistory, action: ActionCode, _ ctx: EngineContext) -> [String] {
    let text = ctx.playbook.labels.warnings
    let lead = h.lead
    let open = h.stage.isOpen
    let waiting = h.stage == .deposit || h.stage == .waitingForDelivery
    let lastContact = h.lastContact
    // What the consultant noted as not to be raised (`topics.avoid`): never a talking point, so said here.
    let sensitive = lead.profile.filter { ctx.playbook.topics.isSensitive($0.value) }.map(\.value)
    // Something else comes first (a late car's update) while the customer asked for a later contact: keep that too.
    let agreed = Rules.agreedNext(h).flatMap { $0 > ctx.now && action != .agreedFollowup ? $0 : nil }
    // The family the profile describes does not fit the model wanted (一家五口 and a four-seater).
    let model = ctx.playbook.model(lead.model)
    let people = SeatsNeeded.fromProfile(lead.profile)
    let short = open && h.stage != .waitingForDelivery && (people ?? 0) > (model?.seats ?? Int.max)
    let checks: [(String, Bool)] = [
      ("warning_tag", lead.hasTag(KnownTag.warning)),
      ("vip", lead.hasTag(KnownTag.vip)),
      ("fleet", lead.hasTag(KnownTag.fleet)),
      ("difficult", lead.hasTag(KnownTag.difficult)),
      ("no_next_agreed", open && lastContact != nil && lastContact?.nextAt == nil),
      ("unreachable", h.trailingNoAnswer >= unreachableAfter),
      ("amount_unknown", waiting && h.depositAmount == nil),
      ("eta_unknown", waiting && h.eta == nil),
      ("model_unknown", h.stage != .churned && model == nil),
      ("sensitive", !sensitive.isEmpty),
      // Optional in a trainer's labels (shipped in both languages): left out where the playbook has no wording.
      ("agreed_later", agreed != nil && text["agreed_later"] != nil),
      ("seats_short", short && text["seats_short"] != nil),
    ]
    return checks.filter(\.1).map { key, _ in
      Template.fill(
        text[key] ?? key,
        [
          "count": String(h.trailingNoAnswer), "facts": sensitive.joined(separator: ctx.isChinese ? "；" : "; "),
          "time": agreed.map { Digits.agreed($0, in: ctx.civil) } ?? "",
          "people": people.map(String.init) ?? "", "model": model?.name ?? "",
          "seats": model.map { String($0.seats) } ?? "",
        ])
    }
  }
}
