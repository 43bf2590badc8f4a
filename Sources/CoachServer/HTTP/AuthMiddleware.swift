import CoachApp
import CoachStoreAPI
import Foundation
import Hummingbird

/// Finds the request's browser session by its cookie. It runs outside the error middleware, so that every error
/// page of a logged-in user is drawn in that user's layout (navigation, language, logout); a failed lookup is
/// answered here, as the error middleware would answer it.
struct AuthMiddleware: RouterMiddleware {
  typealias Context = CoachRequestContext
  let db: any CoachDataStore
  let errors: ErrorMiddleware

  static let cookieName = "coach_session"

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var context = context
    if let token = request.cookies[Self.cookieName]?.value, Tokens.isWellFormed(token) {
      let hash = Tokens.hash(token)
      let db = db
      do {
        context.web = try await blocking { try db.webSession(tokenHash: hash, now: Date()) }
      } catch {
        return errors.response(error, request: request, context: context)
      }
      if context.web != nil { context.sessionTokenHash = hash }
    }
    return try await next(request, context)
  }
}

/// Refuses a change made in a session without its CSRF token (403): the `X-CSRF-Token` header, or for a page's form
/// post the form's `csrf_token` field. Inside the error middleware: the refusal is a page in the user's layout. A
/// request no route took (no endpoint path yet) changes nothing and is left to the 404 or 405 that follows. A login
/// is not asked for one: it opens a new session, whatever session cookie the browser still sends (a login with a live
/// old cookie was refused as an expired form), and is checked for its origin instead (`SameOrigin`).
struct CSRFMiddleware: RouterMiddleware {
  typealias Context = CoachRequestContext

  static let logins: Set<String> = ["/login", "/api/v1/login"]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var request = request
    if let web = context.web, Self.changes(request.method), let path = context.endpointPath,
      !Self.logins.contains(path)
    {
      var given = request.headers[.xCSRFToken]
      if given == nil, !request.uri.path.hasPrefix("/api/"),
        request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true
      {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        given = Form(body).first("csrf_token")
      }
      guard let given, Tokens.same(given, web.csrfToken) else { throw ServerRefusal.csrf }
    }
    return try await next(request, context)
  }

  static func changes(_ method: HTTPRequest.Method) -> Bool {
    method != .get && method != .head && method != .options
  }

}

extension CoachRequestContext {
  /// The logged-in user, or 401 (API) / a redirect to the login page (pages).
  func requireUser() throws -> WebSession {
    guard let web else { throw ServerRefusal.unauthenticated }
    return web
  }
}
