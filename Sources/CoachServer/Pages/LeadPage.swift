import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

extension PageRenderer {
  /// `/leads/ID`: the brief for the lead's next action, one-tap contact, recent history, and the forms; after a
  /// refusal, the form refused holds what was `typed`.
  func lead(
    _ next: NextQueue, session: Session, language: String, user: WebSession, flash: String? = nil,
    error: APIError? = nil, typed: TypedForm? = nil, edits: [FieldChange] = []
  ) -> Response {
    let t = { PageText.text($0, language) }
    let playbook = next.ctx.playbook
    guard let lead = next.briefLead else {
      let unknown = APIError(.rejected(code: "unknown_lead", message: ""), language: UILanguage(code: language))
      return self.error(unknown, language: language, user: user)
    }
    let fullPhone = session.showsFullPhone(of: lead, unmasked: false)
    var body = "<h1>\(esc(lead.name)) <small>#\(lead.id)</small></h1>"
    if let flash { body += "<p class=\"ok\" role=\"status\">\(esc(t(flash)))</p>" }
    if let error {
      body += "<p class=\"error\" role=\"alert\">\(esc(t("error"))): \(esc(error.pageMessage(language)))</p>"
    }
    body += "<p class=\"meta\">\(esc(Self.ui(playbook, .stage, lead.stage.rawValue)))"
    body +=
      [
        lead.grade.map { " · " + $0.rawValue }, lead.model.map { " · " + (playbook.model($0)?.name ?? $0) },
        lead.consultant.map { " · " + $0 },
      ]
      .compactMap { $0.map(esc) }.joined() + "</p>"
    body += "<p class=\"contact\">"
    if let phone = lead.phone {
      body +=
        fullPhone
        ? "<a class=\"button\" href=\"tel:\(esc(phone))\">\(esc(t("call"))) \(esc(phone))</a> "
        : "<span>\(esc(t("phone"))) \(esc(Phone.mask(phone)))</span> "
    }
    if let wechat = lead.contacts(masked: !fullPhone).wechat {
      body += "<span>\(esc(t("wechat"))) \(esc(wechat))</span>"
    }
    if lead.model != nil {
      body += "<a href=\"/leads/\(lead.id)/switch\">\(esc(t("switch")))</a>"
    }
    body += "</p>"
    body += brief(next.brief, playbook: playbook, language: language)
    var offered: [Lever] = []
    for argument in next.brief?.switchArguments ?? [] where !offered.contains(argument.lever) {
      offered.append(argument.lever)
    }
    body += touchForm(
      lead, playbook: playbook, language: language, user: user, levers: offered, typed: .of(typed, "touch"))
    body += stageForm(lead, playbook: playbook, language: language, user: user, typed: .of(typed, "stage"))
    body += snoozeForm(lead, session: session, language: language, user: user, typed: .of(typed, "snooze"))
    body += history(lead, playbook: playbook, language: language)
    body += editHistory(edits, language: language)
    return layout(lead.name, body, language: language, user: user, status: error?.status ?? .ok)
  }

  func brief(_ brief: Brief?, playbook: Playbook, language: String) -> String {
    let t = { PageText.text($0, language) }
    guard let b = brief else { return "<section class=\"card\"><p>\(esc(t("no_action")))</p></section>" }
    var s = "<section class=\"card brief\"><h2>\(esc(Self.ui(playbook, .action, b.action.rawValue)))</h2>"
    s +=
      "<p class=\"meta\">\(esc(t("due"))) \(esc(localTime(b.dueAt, zone: zone))) · \(esc(t("deadline"))) \(esc(Digits.deadline(b.deadline, in: zone)))"
    s +=
      b.overdueDays > 0 ? " · <strong>\(esc(t("overdue_days"))) \(NumberText.days(b.overdueDays))</strong>" : ""
    s += "</p><p>\(esc(b.reason))</p>"
    s +=
      "<dl><dt>\(esc(t("goal")))</dt><dd>\(esc(b.goal))</dd><dt>\(esc(t("channel")))</dt><dd>\(esc(Self.ui(playbook, .channel, b.channel)))</dd></dl>"
    if !b.warnings.isEmpty {
      s +=
        "<h3>\(esc(t("warnings")))</h3><ul class=\"warnings\">" + b.warnings.map { "<li>\(esc($0))</li>" }.joined()
        + "</ul>"
    }
    if !b.talkingPoints.isEmpty {
      s +=
        "<h3>\(esc(t("talking_points")))</h3><ul>"
        + b.talkingPoints.map {
          "<li><span class=\"tag\">\(esc(Self.ui(playbook, .kind, $0.kind.rawValue)))</span> \(esc($0.text))</li>"
        }
        .joined() + "</ul>"
    }
    // Keys 1 and 6 of the deck, as the terminal brief shows them (labels.ui words).
    if !b.sellingPoints.isEmpty {
      s +=
        "<h3>\(esc(playbook.labels.ui(.sellingPoints) ?? "Selling points"))</h3><ul>"
        + b.sellingPoints.map { "<li>\(esc($0))</li>" }.joined() + "</ul>"
    }
    if let c = b.competitor {
      let weakness = playbook.labels.ui(.weakness) ?? "weakness"
      s +=
        "<h3>\(esc(playbook.labels.ui(.competitor) ?? "Competitor"))</h3><p><strong>\(esc(c.name))</strong> "
        + "(\(esc(weakness))\(playbook.colon)\(esc(c.weakness))) → \(esc(c.answer))</p>"
    }
    if !b.objections.isEmpty {
      s +=
        "<h3>\(esc(t("objections")))</h3><ul>"
        + b.objections.map { o in
          let title = playbook.objection(o.code)?.title ?? o.code
          return "<li><strong>\(esc(title))</strong>\(playbook.colon)\(esc(o.line))</li>"
        }.joined() + "</ul>"
    }
    if !b.switchArguments.isEmpty {
      s +=
        "<h3>\(esc(t("switch")))</h3><ul>"
        + b.switchArguments.map {
          "<li><strong>\(esc(playbook.model($0.toModel)?.name ?? $0.toModel))</strong> · "
            + "\(esc(Self.ui(playbook, .lever, $0.lever.rawValue)))\(playbook.colon)\(esc($0.text))</li>"
        }
        .joined() + "</ul>"
    }
    s += "<h3>\(esc(t("draft")))</h3>"
    if let day = b.sendOn, let when = playbook.labels.ui(.sendOn) {
      s += "<p class=\"send-on\">\(esc(when.replacingOccurrences(of: "{date}", with: day)))</p>"
    }
    s += "<blockquote>\(esc(b.messageDraft))</blockquote></section>"
    return s
  }

  /// The touch form; `levers`: the switch levers the brief offers, to tick those argued with (`--lever`); `typed`:
  /// what was typed into it before a refusal.
  func touchForm(
    _ lead: LeadSnapshot, playbook: Playbook, language: String, user: WebSession, levers: [Lever] = [],
    typed: TypedForm? = nil
  ) -> String {
    let t = { PageText.text($0, language) }
    let channels = Channel.allCases.map { ($0.rawValue, Self.ui(playbook, .channel, $0.rawValue)) }
    let outcomes = Outcome.allCases.map { ($0.rawValue, Self.ui(playbook, .outcome, $0.rawValue)) }
    let kinds = TopicKind.allCases.map { ($0.rawValue, Self.ui(playbook, .topicKind, $0.rawValue)) }
    let open = lead.topics.filter(\.isOpen)
    var s = """
      <section class="card"><h2>\(esc(t("record_touch")))</h2>
      <form method="post" action="/leads/\(lead.id)/touches">\(csrfField(user))
      <label>\(esc(t("channel")))<select name="channel">\(options(channels, chosen: typed?.value("channel") ?? "call"))</select></label>
      <label>\(esc(t("outcome")))<select name="outcome">\(options(outcomes, chosen: typed?.value("outcome") ?? "reached"))</select></label>
      <label>\(esc(t("note")))<textarea name="note" rows="3" maxlength="\(FreeText.maximumLength)">\(textareaContent(typed?.value("note")))</textarea></label>
      <label>\(esc(t("bury")))<input name="bury"\(typed.valueAttribute("bury"))></label>
      <label>\(esc(t("bury_kind")))<select name="bury_kind">\(options(kinds, chosen: typed?.value("bury_kind") ?? "other"))</select></label>
      """
    if !open.isEmpty {
      s +=
        "<fieldset><legend>\(esc(t("resolve")))</legend>"
        + open.map {
          "<label class=\"check\"><input type=\"checkbox\" name=\"resolve\" value=\"\($0.id)\""
            + "\(typed.checked("resolve", String($0.id)))> \(esc($0.text))</label>"
        }
        .joined() + "</fieldset>"
    }
    s +=
      "<fieldset><legend>\(esc(t("heard")))</legend>"
      + playbook.objections.map {
        "<label class=\"check\"><input type=\"checkbox\" name=\"objection\" value=\"\(esc($0.code))\""
          + "\(typed.checked("objection", $0.code))> \(esc($0.title))</label>"
      }
      .joined() + "</fieldset>"
    if !levers.isEmpty {
      s +=
        "<fieldset><legend>\(esc(t("levers_used")))</legend>"
        + levers.map {
          "<label class=\"check\"><input type=\"checkbox\" name=\"lever\" value=\"\($0.rawValue)\""
            + "\(typed.checked("lever", $0.rawValue))> "
            + "\(esc(Self.ui(playbook, .lever, $0.rawValue)))</label>"
        }
        .joined() + "</fieldset>"
    }
    s += """
      <label>\(esc(t("next")))<input type="datetime-local" name="next"\(typed.valueAttribute("next"))></label>
      <button type="submit">\(esc(t("save")))</button></form></section>
      """
    return s
  }

  /// The stage form; `typed`: what was typed into it before a refusal.
  func stageForm(
    _ lead: LeadSnapshot, playbook: Playbook, language: String, user: WebSession, typed: TypedForm? = nil
  ) -> String {
    let t = { PageText.text($0, language) }
    let stages = Stage.allCases.map { ($0.rawValue, Self.ui(playbook, .stage, $0.rawValue)) }
    let reasons =
      [("", t("none"))] + ChurnReason.allCases.map { ($0.rawValue, Self.ui(playbook, .churn, $0.rawValue)) }
    let models = [("", t("model_keep"))] + playbook.models.map { ($0.code, "\($0.code) \($0.name)") }
    return """
      <section class="card"><h2>\(esc(t("stage_change")))</h2>
      <form method="post" action="/leads/\(lead.id)/stage">\(csrfField(user))
      <label>\(esc(t("stage")))<select name="stage">\(options(stages, chosen: typed?.value("stage") ?? lead.stage.rawValue))</select></label>
      <label>\(esc(t("churn_reason")))<select name="reason">\(options(reasons, chosen: typed?.value("reason")))</select></label>
      <label>\(esc(t("note")))<input name="note"\(typed.valueAttribute("note"))></label>
      <label>\(esc(t("amount")))<input name="amount" inputmode="decimal"\(typed.valueAttribute("amount"))></label>
      <label>\(esc(t("model")))<select name="model">\(options(models, chosen: typed?.value("model")))</select></label>
      <label>\(esc(t("eta")))<input type="date" name="eta"\(typed.valueAttribute("eta"))></label>
      <label>\(esc(t("delivery_date")))<input type="date" name="date"\(typed.valueAttribute("date"))></label>
      <button type="submit">\(esc(t("save")))</button></form></section>
      """
  }

  /// A textarea's text: escaped, after a line break (which HTML drops), so that a note typed with a leading blank
  /// line keeps it.
  func textareaContent(_ text: String?) -> String {
    guard let text, !text.isEmpty else { return "" }
    return "\n" + esc(text)
  }

  func history(_ lead: LeadSnapshot, playbook: Playbook, language: String) -> String {
    let t = { PageText.text($0, language) }
    var s = "<section class=\"card\"><h2>\(esc(t("history")))</h2><ul>"
    for touch in lead.touches.suffix(10).reversed() {
      // The objections heard, by their titles (as `coach lead show` names them).
      let heard = playbook.objectionTitles(touch.objections)
      let objections = heard.isEmpty ? "" : " · " + esc(t("heard") + playbook.colon + heard)
      s +=
        "<li>\(esc(localTime(touch.at, zone: zone))) · \(esc(Self.ui(playbook, .channel, touch.channel.rawValue)))"
        + " · \(esc(Self.ui(playbook, .outcome, touch.outcome.rawValue)))\(touch.note.map { " · " + esc($0) } ?? "")"
        + "\(objections)</li>"
    }
    s += "</ul>"
    let open = lead.topics.filter(\.isOpen)
    if !open.isEmpty {
      s +=
        "<h3>\(esc(t("open_topics")))</h3><ul>" + open.map { "<li>[\($0.id)] \(esc($0.text))</li>" }.joined() + "</ul>"
    }
    return s + "</section>"
  }

  /// The lead's last ten edits, newest first (`lead show` lists them too): when, who, which field, before → after.
  func editHistory(_ edits: [FieldChange], language: String) -> String {
    guard !edits.isEmpty else { return "" }
    let t = { PageText.text($0, language) }
    let l = UILanguage(code: language)
    var s = "<section class=\"card\"><h2>\(esc(t("edits"))) (\(edits.count))</h2>"
    if edits.count > 10 { s += "<p class=\"meta\">\(esc(UIText.lastEditsShown(10, of: edits.count).text(l)))</p>" }
    s += "<ul>"
    for e in edits.suffix(10).reversed() {
      let who = e.actor.map { " · " + esc($0) } ?? ""
      let colon = l == .zh ? "：" : ": "
      s +=
        "<li>\(esc(localTime(e.at, zone: zone)))\(who) · \(esc(e.fieldName(l)))\(colon)"
        + "\(esc(e.before ?? "-")) → \(esc(e.after ?? "-"))</li>"
    }
    return s + "</ul></section>"
  }
}
