import CoachCore
import Hummingbird

/// A field of a request the server itself refuses (a query parameter, a JSON key, a form field, the body's shape):
/// 400 `usage`, worded in both languages; the answer speaks the request's (as the command line's refusals of its
/// options speak `--lang`).
struct FieldRefusal: Error, Sendable {
  let zh: String
  let en: String

  func apiError(_ language: UILanguage) -> APIError {
    APIError(.badRequest, code: "usage", message: language == .zh ? zh : en)
  }

  /// `field` is missing: what it takes.
  static func required(_ field: String, zh: String, en: String) -> FieldRefusal {
    FieldRefusal(zh: "缺少 \(field)：\(zh)", en: "\(field) is required: \(en)")
  }

  /// `field` holds `given`, which is not one of `accepted`.
  static func notOneOf(_ field: String, _ given: String, accepted: String) -> FieldRefusal {
    FieldRefusal(
      zh: "\(field) \"\(given)\" 不是可选值之一：\(accepted)", en: "\(field) \"\(given)\" is not one of \(accepted)")
  }

  /// The body is not the JSON document `shape` describes.
  static func notJSON(_ shape: String) -> FieldRefusal {
    FieldRefusal(zh: "请求体不是预期的 JSON: \(shape)", en: "the body is not the JSON expected: \(shape)")
  }
}

extension ErrorMiddleware {
  /// A refusal to show on the page the user came from (a form's bad input, a use case's refusal), worded in
  /// `language`; nil for anything else (left to the error middleware).
  static func refusal(_ error: any Error, language: UILanguage) -> APIError? {
    switch error {
    case let e as CoachError: return APIError(e, language: language)
    case let e as FieldRefusal: return e.apiError(language)
    case let e as ServerRefusal: return e.apiError(language)
    default: return nil
    }
  }
}
