import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

extension PageRenderer {
  /// `/leads/ID/switch`: the computed arguments for switching the lead to a model that comes sooner, as `coach
  /// switch ID` prints them, whether or not the brief offers them today.
  func switchArguments(_ found: SwitchArguments.Result, language: String, user: WebSession) -> Response {
    let t = { PageText.text($0, language) }
    let (lead, playbook) = (found.lead, found.playbook)
    let from = playbook.model(lead.model)?.name ?? lead.model ?? ""
    var body = """
      <h1>\(esc(t("switch"))) <small>\(esc(lead.name)) #\(lead.id)</small></h1>
      <p class="meta">\(esc(t("model"))): \(esc(from))</p>
      """
    if found.arguments.isEmpty {
      body += "<section class=\"card\"><p>\(esc(playbook.labels.ui(.noSwitch) ?? t("no_switch")))</p></section>"
    } else {
      body += "<ol class=\"cards\">"
      for a in found.arguments {
        body +=
          "<li class=\"card\"><h2>\(esc(playbook.model(a.toModel)?.name ?? a.toModel))</h2>"
          + "<p class=\"meta\">\(esc(Self.ui(playbook, .lever, a.lever.rawValue)))</p><p>\(esc(a.text))</p></li>"
      }
      body += "</ol>"
    }
    body += "<p><a href=\"/leads/\(lead.id)\">\(esc(t("back_to_lead")))</a></p>"
    return layout(t("switch"), body, language: language, user: user)
  }
}
