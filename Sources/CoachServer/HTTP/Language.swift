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
    if let accept = request.headers[.acceptLanguage], let lang = accepted(accept) { return lang }
    return fallback
  }

  /// The supported language an `Accept-Language` header weighs highest (`q`, 1 when left out; `q=0` is not
  /// acceptable, nor is a weight that is not a number from 0 to 1), the first of equal weights; nil when it accepts
  /// neither. `en;q=0.1, zh;q=0.9` had answered in English, the first tag named.
  static func accepted(_ header: String) -> String? {
    var best: (lang: String, weight: Double)?
    for part in header.split(separator: ",") {
      let pieces = part.split(separator: ";")
      guard let tag = pieces.first, let lang = normalize(tag) else { continue }
      var weight = 1.0
      for parameter in pieces.dropFirst() {
        let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
        weight = Double(pair[1]).flatMap { (0...1).contains($0) ? $0 : nil } ?? 0
      }
      if weight > best?.weight ?? 0 { best = (lang, weight) }
    }
    return best?.lang
  }
}
