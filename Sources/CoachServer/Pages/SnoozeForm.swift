import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation

extension PageRenderer {
  /// The lead page's snooze card: the snooze holding the lead now (as `lead show` words it) with a button to lift
  /// it, and the form that sets one (`coach snooze ID --until DATE --reason TEXT`), with what was `typed` into it
  /// before a refusal.
  func snoozeForm(
    _ lead: LeadSnapshot, session: Session, language: String, user: WebSession, typed: TypedForm? = nil
  ) -> String {
    let t = { PageText.text($0, language) }
    let path = "/leads/\(lead.id)/snooze"
    var s = "<section class=\"card\"><h2>\(esc(t("snooze")))</h2>"
    if let held = lead.snooze(at: session.env.now, in: session.env.zone) {
      let said = UIText.snoozedUntil(held.until, reason: held.reason, by: held.actor).text(UILanguage(code: language))
      s += """
        <p class="ok" role="status">\(esc(said))</p>
        <form method="post" action="\(path)/clear">\(csrfField(user))<button type="submit">\(esc(t("snooze_clear")))</button></form>
        """
    }
    s += """
      <p class="meta">\(esc(t("snooze_hint")))</p>
      <form method="post" action="\(path)">\(csrfField(user))
      <label>\(esc(t("snooze_until")))<input type="date" name="until"\(typed.valueAttribute("until")) required></label>
      <label>\(esc(t("snooze_reason")))<input name="reason"\(typed.valueAttribute("reason")) required></label>
      <button type="submit">\(esc(t("save")))</button></form></section>
      """
    return s
  }
}
