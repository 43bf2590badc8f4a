import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// Server-rendered pages: every figure is in the HTML as served, styled by one same-origin stylesheet, no script.
struct PageRenderer: Sendable {
  let defaultLanguage: String
  let zone: TimeZone
  /// The address of the page drawn (path, and query as sent), which its language link asks for again in the other
  /// language (`at`).
  private(set) var path = "/"
  private(set) var query: String?

  init(defaultLanguage: String, zone: TimeZone) {
    self.defaultLanguage = defaultLanguage
    self.zone = zone
  }

  /// The renderer of the page `request` asked for: a GET's own address; after a post (a form refused, an error),
  /// the queue, unless the route names the page the form is on (`at(path:)`).
  func at(_ request: Request) -> PageRenderer {
    guard request.method == .get || request.method == .head else { return at(path: "/") }
    var copy = self
    (copy.path, copy.query) = (request.uri.path, request.uri.query)
    return copy
  }

  /// The renderer of the page at `path` (a form's page shown again with its refusal).
  func at(path: String) -> PageRenderer {
    var copy = self
    (copy.path, copy.query) = (path, nil)
    return copy
  }

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
    nav += "<a href=\"\(esc(languageLink(other)))\" hreflang=\"\(other)\">\(esc(t("language")))</a>"
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

  /// This page in `language`: its path and query with `lang` alone replaced, every character a URL may not hold
  /// as it is percent-escaped (the caller escapes the result for HTML).
  func languageLink(_ language: String) -> String {
    let kept = (query ?? "").split(separator: "&").filter { pair in
      Form.decode(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]) != "lang"
    }
    let pairs = kept.map { Self.urlEscaped(String($0)) } + ["lang=" + Self.urlEscaped(language)]
    return Self.urlEscaped(path) + "?" + pairs.joined(separator: "&")
  }

  /// `text` with every character outside those a path or query may hold as they are (and `%`, so that what was
  /// escaped stays so) percent-escaped.
  static func urlEscaped(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: urlSafe) ?? ""
  }

  private static let urlSafe = CharacterSet(
    charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'()*+,;=:@/%")

  func csrfField(_ user: WebSession) -> String {
    "<input type=\"hidden\" name=\"csrf_token\" value=\"\(esc(user.csrfToken))\">"
  }

  /// The login page; after a refused login, with the refusal and the user name typed (never the password).
  func login(language: String, error: APIError?, user typedUser: String? = nil) -> Response {
    let t = { PageText.text($0, language) }
    var message = ""
    if let error {
      let key = error.status == .tooManyRequests ? "too_many" : "bad_login"
      message = "<p class=\"error\" role=\"alert\">\(esc(t(key)))</p>"
    }
    let body = """
      <h1>\(esc(t("login")))</h1>\(message)
      <form method="post" action="/login" class="card">
      <label>\(esc(t("user")))<input name="user"\(typedUser.map { " value=\"\(esc($0))\"" } ?? "") autocomplete="username" required></label>
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
    let message = PageText.texts[language]?["error_" + error.code] ?? error.pageMessage(language)
    let body = """
      <h1>\(esc(t("error"))) (\(error.status.code))</h1><p class="error" role="alert">\(esc(message))</p>
      <p><a href="/">\(esc(t("back")))</a></p>
      """
    return layout(t("error"), body, language: language, user: user, status: error.status)
  }

  /// A customer's well-known tags after the name (`⚠ 警示`, VIP, 大客户, 难缠; the warning first, in red), as the
  /// command line's queue and alerts show them: a flagged customer is seen before the card is opened.
  static func flags(_ tags: [String], language: String) -> String {
    let l = UILanguage(code: language)
    let known = [KnownTag.warning, KnownTag.vip, KnownTag.fleet, KnownTag.difficult]
    return known.filter { k in tags.contains { $0.lowercased() == k } }.map { k in
      " <span class=\"tag flag\(k == KnownTag.warning ? " warning" : "")\">\(esc(UIText.tag(k).text(l)))</span>"
    }.joined()
  }

  /// A label from the playbook's `labels.ui` (`action_first_contact`, `channel_call` …), else the code.
  static func ui(_ playbook: Playbook, _ family: UIFamily, _ code: String) -> String {
    playbook.labels.ui(family, code) ?? code
  }
}
