import CoachApp
import Hummingbird

/// The language of a page: `?lang=`, else the `coach_lang` cookie (set by the page's language link), else the
/// browser's `Accept-Language`, else the server's `--lang`.
enum Language {
  static let cookieName = "coach_lang"

  /// `zh-CN` or `en` for a tag such as `en-GB` or `zh`; nil for anything else.
  static func normalize(_ tag: Substring) -> String? {
    let t = tag.trimmingCharacters(in: .whitespaces).lowercased()
    if t.hasPrefix("en") { return "en" }
    if t.hasPrefix("zh") { return "zh-CN" }
    return nil
  }

  /// `?lang=` alone (the API speaks the server's `--lang` unless asked).
  static func query(_ request: Request) -> String? {
    request.uri.queryParameters["lang"].flatMap(normalize)
  }

  static func pick(_ request: Request, default fallback: String) -> String {
    if let q = query(request) { return q }
    if let c = request.cookies[cookieName]?.value, let lang = normalize(Substring(c)) { return lang }
    if let accept = request.headers[.acceptLanguage] {
      for part in accept.split(separator: ",") {
        if let lang = normalize(part.split(separator: ";").first ?? "") { return lang }
      }
    }
    return fallback
  }
}
