import CoachCore
import Foundation
import Hummingbird

/// Turns every failure into a response here, inside the security headers: API paths get the JSON error object,
/// pages a page in the user's layout and language, and a missing session on a page a redirect to `/login`.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = CoachRequestContext
  let pages: PageRenderer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch {
      return response(error, request: request, context: context)
    }
  }

  /// The answer to `error`: messages in the request's language (the API's `?lang=`, else the server's `--lang`; a
  /// page's language as the page picks it), a page drawn for the logged-in user when there is one.
  func response(_ error: any Error, request: Request, context: Context) -> Response {
    let path = request.uri.path
    if path.hasPrefix("/api/") || path.hasPrefix("/ics/") {
      let language = Language.query(request) ?? pages.defaultLanguage
      let apiError = Self.apiError(error, context: context, language: UILanguage(code: language))
      var response = Responses.json(apiError.json, status: apiError.status)
      if let wait = apiError.retryAfter { response.headers[.retryAfter] = String(wait) }
      if let allow = apiError.allow { response.headers[.allow] = allow }
      return response
    }
    let language = Language.pick(request, default: pages.defaultLanguage)
    let apiError = Self.apiError(error, context: context, language: UILanguage(code: language))
    if apiError.status == .unauthorized { return Responses.redirect("/login") }
    var response = pages.at(request).error(apiError, language: language, user: context.web)
    if let allow = apiError.allow { response.headers[.allow] = allow }
    return response
  }

  static func apiError(_ error: any Error, context: Context, language: UILanguage) -> APIError {
    switch error {
    case let e as APIError: return e
    case let e as ServerRefusal: return e.apiError(language)
    case let e as FieldRefusal: return e.apiError(language)
    case let e as CoachError:
      if case .internalError(let m) = e { context.logger.error("internal error", metadata: ["error": "\(m)"]) }
      return APIError(e, language: language)
    case let e as any HTTPResponseError:
      // The router's HTTPError (no route), NIO's NIOTooManyBytesError (a body past `maxUploadSize`) …
      switch e.status {
      case .notFound: return ServerRefusal.notFound.apiError(language)
      case .contentTooLarge: return ServerRefusal.tooLarge(limit: context.maxUploadSize).apiError(language)
      default: return ServerRefusal.http(e.status).apiError(language)
      }
    default:
      context.logger.error("unexpected error", metadata: ["error.type": "\(type(of: error))"])
      return ServerRefusal.internalError.apiError(language)
    }
  }
}
