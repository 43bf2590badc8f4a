import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

extension PageRenderer {
  /// `/objections`: the search box, and for a search its matches (title, approach, what to say) as `coach
  /// objection` prints them, or the playbook's "no match" with the nearest objections.
  func objections(_ found: ObjectionSearch.Result?, query: String, language: String, user: WebSession) -> Response {
    let t = { PageText.text($0, language) }
    var body = """
      <h1>\(esc(t("objection_search")))</h1>
      <form method="get" action="/objections" class="card row">
      <label>\(esc(t("customer_said")))<input name="q" value="\(esc(query))" required></label>
      <button type="submit">\(esc(t("search")))</button></form>
      """
    guard let found else { return layout(t("objection_search"), body, language: language, user: user) }
    let labels = found.playbook.labels
    let colon = found.playbook.colon
    if found.matches.isEmpty {
      body += "<section class=\"card\"><p>\(esc(labels.ui(.noMatch) ?? t("no_match")))</p>"
      if !found.closest.isEmpty {
        body +=
          "<h3>\(esc(labels.ui(.didYouMean) ?? t("did_you_mean")))</h3><ul>"
          + found.closest.map { "<li><strong>\(esc($0.title))</strong>\(colon)\(esc(firstLine($0.response)))</li>" }
          .joined()
          + "</ul>"
      }
      body += "</section>"
    }
    body += "<ol class=\"cards\">"
    for m in found.matches {
      body +=
        "<li class=\"card\"><h2>\(esc(m.title)) <small>\(esc(m.code)) · \(String(format: "%.2f", m.score))</small></h2>"
      if let rival = m.competitor { body += "<p class=\"meta\">\(esc(rival.name))\(colon)\(esc(rival.weakness))</p>" }
      body += "<p>\(esc(m.approach))</p><blockquote>\(esc(m.script))</blockquote></li>"
    }
    body += "</ol>"
    return layout(t("objection_search"), body, language: language, user: user)
  }

  private func firstLine(_ text: String) -> String {
    String(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").first ?? "")
  }
}
