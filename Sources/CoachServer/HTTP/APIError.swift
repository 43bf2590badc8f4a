import CoachCore
import Foundation
import Hummingbird

/// A refusal sent as `{"error": {"code", "message"}}` (API) or as a page (browsers).
package struct APIError: Error, Sendable {
  package var status: HTTPResponse.Status
  package var code: String
  package var message: String
  /// Seconds for a `Retry-After` header (429).
  package var retryAfter: Int?
  /// The `Allow` header of a 405: the methods the path takes.
  package var allow: String?

  package init(_ status: HTTPResponse.Status, code: String, message: String) {
    self.status = status
    self.code = code
    self.message = message
  }

  /// The HTTP meaning of the command line's errors: usage 400, rejected 422, with 403 for a role that may not and
  /// 404 for a lead the user may not see (told apart from no lead at all by nobody). The message is in `language`,
  /// as the command line words it under `--lang`.
  package init(_ error: CoachError, language: UILanguage) {
    switch error {
    case .usage(let message): self.init(.badRequest, code: "usage", message: message)
    case .internalError: self = ServerRefusal.internalError.apiError(language)
    case .rejected(let code, let message):
      switch code {
      case "forbidden", "wrong_password": self.init(.forbidden, code: code, message: message)
      case "unknown_lead", "not_your_lead":
        self.init(
          .notFound, code: "unknown_lead",
          message: language == .en ? "no lead with that id among the leads you may see" : "你可以查看的客户中没有这个编号")
      default: self.init(.unprocessableContent, code: code, message: message)
      }
    case .said(let text):
      // Worded for the web: pages and forms, not commands to run (`ErrorText.webText`).
      if text.isUsage {
        self.init(.badRequest, code: text.code, message: text.webText(language))
      } else {
        self.init(.rejected(code: text.code, message: text.webText(language)), language: language)
      }
    }
  }

  /// The message as a page shows it: form labels where the command line names its options.
  func pageMessage(_ language: String) -> String { WebWording.page(message, language: language) }

  /// The JSON document of this error (JSON field names where the command line names its options).
  var json: Data {
    let doc = ["error": ["code": code, "message": WebWording.api(message)]]
    return (try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
  }
}
