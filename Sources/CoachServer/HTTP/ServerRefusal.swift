import CoachCore
import Hummingbird

/// A refusal of the server's own (no such page, a body too large, no session, no CSRF token …), worded in both
/// languages: the answer speaks the request's, as `FieldRefusal` does for a field.
struct ServerRefusal: Error, Sendable {
  let status: HTTPResponse.Status
  let code: String
  let zh: String
  let en: String
  /// Seconds for a `Retry-After` header (429).
  var retryAfter: Int?
  /// The methods the path takes, for the `Allow` header (405).
  var allow: [HTTPRequest.Method] = []

  init(_ status: HTTPResponse.Status, code: String, zh: String, en: String) {
    (self.status, self.code, self.zh, self.en) = (status, code, zh, en)
  }

  func apiError(_ language: UILanguage) -> APIError {
    var error = APIError(status, code: code, message: language == .zh ? zh : en)
    error.retryAfter = retryAfter
    if !allow.isEmpty { error.allow = allow.map(\.rawValue).joined(separator: ", ") }
    return error
  }

  // MARK: - The refusals

  static let notFound = ServerRefusal(
    .notFound, code: "not_found", zh: "没有这个地址：请检查路径 (API 在 /api/v1/ 下，说明见 /api/v1/openapi.json)",
    en: "nothing at this address: check the path (the API is under /api/v1/, described at /api/v1/openapi.json)")

  static let noCalendar = ServerRefusal(
    .notFound, code: "not_found", zh: "这个地址没有日历订阅：请用 coach user ics-token 取得新的地址",
    en: "no calendar feed at this address: get a new one with coach user ics-token")

  static let unauthenticated = ServerRefusal(
    .unauthorized, code: "unauthenticated", zh: "请先登录：POST /api/v1/login", en: "log in first: POST /api/v1/login")

  static let csrf = ServerRefusal(
    .forbidden, code: "csrf", zh: "修改需要请求头 X-CSRF-Token，值为登录时得到的 csrf_token",
    en: "a change needs the header X-CSRF-Token with the csrf_token of your login")

  /// A login posted from a page of `origin`, another site (`SameOrigin`).
  static func crossOrigin(_ origin: String) -> ServerRefusal {
    ServerRefusal(
      .forbidden, code: "csrf", zh: "登录只能从本站的登录页提交；这次来自 \(origin)",
      en: "a login is taken only from this site's own login page; this one came from \(origin)")
  }

  static let badLogin = ServerRefusal(
    .unauthorized, code: "bad_login", zh: "用户名或密码错误", en: "wrong user or password")

  /// An admin's own password set through the admin page, which asks for no password now: a session left open would
  /// take the account over (and log its other sessions out). `/account` asks for it.
  static let ownPasswordOnAccount = ServerRefusal(
    .forbidden, code: "own_password", zh: "自己的密码请在“我的密码”页 (/account) 修改：那里要先输入现在的密码",
    en: "change your own password on “My password” (/account), which asks for your password now")

  static let internalError = ServerRefusal(
    .internalServerError, code: "internal", zh: "系统内部出错：请稍后再试，或请管理员查看服务器日志",
    en: "internal error: try again later, or ask an admin to read the server's log")

  /// A body larger than `limit` bytes.
  static func tooLarge(limit: Int) -> ServerRefusal {
    let kb = limit / 1024
    return ServerRefusal(
      .contentTooLarge, code: "too_large", zh: "提交的内容超过 \(kb) KB 的上限：请缩短后再提交 (例如备注)",
      en: "what was sent is larger than the \(kb) KB accepted: send less (a shorter note, say)")
  }

  /// Too many wrong passwords (logins, or the current password of a change): wait `seconds`.
  static func tooManyLogins(wait seconds: Int) -> ServerRefusal {
    var refusal = ServerRefusal(
      .tooManyRequests, code: "too_many_attempts", zh: "这个账号或这个网络登录失败次数过多：请 \(seconds) 秒后再试",
      en: "too many failed logins for this name or from this network: try again in \(seconds) s")
    refusal.retryAfter = seconds
    return refusal
  }

  /// `method` on a path that takes only `allowed`.
  static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> ServerRefusal {
    let list = allowed.map(\.rawValue).joined(separator: ", ")
    var refusal = ServerRefusal(
      .methodNotAllowed, code: "method_not_allowed", zh: "这个地址不接受 \(method.rawValue)：可用 \(list)",
      en: "\(method.rawValue) is not accepted here: use \(list)")
    refusal.allow = allowed
    return refusal
  }

  /// Any other refusal of the HTTP layer, by its status.
  static func http(_ status: HTTPResponse.Status) -> ServerRefusal {
    ServerRefusal(
      status, code: "http_\(status.code)", zh: "请求未完成 (HTTP \(status.code) \(status.reasonPhrase))",
      en: "the request was refused (HTTP \(status.code) \(status.reasonPhrase))")
  }
}
