import HTTPTypes
import Hummingbird

/// Headers on every response, errors included: nothing from another host, no inline script, no framing, no sniffing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  static var policy: String {
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
      + "base-uri 'none'; frame-ancestors 'none'"
  }

  /// The audit report (`/audit/report`, the page `coach audit --format html` writes) styles itself inline; it
  /// loads nothing, runs nothing and posts nothing.
  static var reportPolicy: String {
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
      + "base-uri 'none'; frame-ancestors 'none'"
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var response = try await next(request, context)
    // A route may narrow it further for its own document (the audit report's inline styles); none allows script.
    if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy }
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.xFrameOptions] = "DENY"
    // Nothing of an address goes to another site; this server's own form posts carry their origin, which the
    // login checks (`SameOrigin`): under `no-referrer` a browser would send `Origin: null` even for those.
    response.headers[.referrerPolicy] = "same-origin"
    if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    return response
  }
}

extension HTTPField.Name {
  static let xFrameOptions = Self("X-Frame-Options")!
  static let referrerPolicy = Self("Referrer-Policy")!
  static let xCSRFToken = Self("X-CSRF-Token")!
}
