import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// Server-rendered pages: every figure is in the HTML as served, styled by one same-origin stylesheet, no script.
struct PageRenderer: Sendable {
  let defaultLanguage: String
  let zone: TimeZone

  /// The frame of every page: a header with the navigation and the page's content.
  func layout(_ title: String, _ body: String, language: String, user: WebSession?, status: HTTPResponse.Status = .ok)
    -> Response
  {
    let t = { PageText.text($0, language) }
    var nav = ""
    if let user {
      nav += "<a href=\"/\">\(esc(t("queue")))</a><a href=\"/alerts\">\(esc(t("alerts")))</a>"
      nav += "<a href=\"/objections\">\(esc(t("objections_nav")))</a>"
      if user.user.role == .lead || user.user.role.isAdmin { nav += "<a href=\"/audit\">\(esc(t("audit")))</a>" }
      if user.user.role.isAdmin { nav += "<a href=\"/admin\">\(esc(t("admin")))</a>" }
      nav += "<a href=\"/account\">\(esc(t("account")))</a>"
    }
    let other = language == "en" ? "zh-CN" : "en"
    nav += "<a href=\"?lang=\(other)\" hreflang=\"\(other)\">\(esc(t("language")))</a>"
    if let user {
      nav +=
        "<form method=\"post\" action=\"/logout\" class=\"inline\">\(csrfField(user))"
        + "<button type=\"submit\" class=\"link\">\(esc(t("logout"))) \(esc(user.user.name))</button></form>"
    }
    let html = """
      <!doctype html>
      <html lang="\(language)">
      <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(title)) · \(esc(t("app")))</title><link rel="stylesheet" href="/static/app.css"></head>
      <body><header><strong class="brand">\(esc(t("app")))</strong><nav>\(nav)</nav></header>
      <main>
      \(body)
      </main></body></html>
      """
    return Responses.html(html, status: status)
  }

  func csrfField(_ user: WebSession) -> String {
    "<input type=\"hidden\" name=\"csrf_token\" value=\"\(esc(user.csrfToken))\">"
  }

  func login(language: String, error: APIError?) -> Response {
    let t = { PageText.text($0, language) }
    var message = ""
    if let error {
      let key = error.status == .tooManyRequests ? "too_many" : "bad_login"
      message = "<p class=\"error\" role=\"alert\">\(esc(t(key)))</p>"
    }
    let body = """
      <h1>\(esc(t("login")))</h1>\(message)
      <form method="post" action="/login" class="card">
      <label>\(esc(t("user")))<input name="user" autocomplete="username" required></label>
      <label>\(esc(t("password")))<input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">\(esc(t("login")))</button>
      </form>
      """
    return layout(t("login"), body, language: language, user: nil, status: error?.status ?? .ok)
  }

  /// An error page, in the user's layout when someone is logged in. The server's own refusals (no such page, no
  /// CSRF token …) are worded by the page's language; the use cases' already are.
  func error(_ error: APIError, language: String, user: WebSession?) -> Response {
    let t = { PageText.text($0, language) }
    let message = PageText.texts[language]?["error_" + error.code] ?? error.message
    let body = """
      <h1>\(esc(t("error"))) (\(error.status.code))</h1><p class="error" role="alert">\(esc(message))</p>
      <p><a href="/">\(esc(t("back")))</a></p>
      """
    return layout(t("error"), body, language: language, user: user, status: error.status)
  }

  /// A label from the playbook's `labels.ui` (`action_first_contact`, `channel_call` …), else the code.
  static func ui(_ playbook: Playbook, _ family: UIFamily, _ code: String) -> String {
    playbook.labels.ui(family, code) ?? code
  }
}
