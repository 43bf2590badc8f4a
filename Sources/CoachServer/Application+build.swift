import CoachApp
import CoachStoreAPI
import Foundation
import Hummingbird
import Logging

/// Builds the `coach serve` application: routes, middleware and state over an open database. The command runs it;
/// tests build the very same one (and may give a password check that counts its calls).
func buildApplication(
  _ settings: ServerSettings, db: any CoachDataStore, logger: Logger, passwords: PasswordCheck,
  onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) -> some ApplicationProtocol {
  let state = ServerState(
    settings: settings, db: db,
    limiter: LoginLimiter(
      perUser: settings.loginFailuresPerUser, perAddress: settings.loginFailuresPerAddress,
      window: .seconds(settings.loginWindow)),
    passwords: passwords,
    pages: PageRenderer(defaultLanguage: settings.env.language, zone: settings.env.zone))
  let router = buildRouter(state)
  return Application(
    router: router,
    // A connection that sends nothing for 30 s is closed: a request head never finished (a client that stopped
    // half-way, or one sending a byte a minute to hold connections) held its connection open for good.
    server: .http1(configuration: .init(idleTimeout: .seconds(30))),
    configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
    onServerRunning: { channel in
      await onListening(settings.host, channel.localAddress?.port ?? settings.port)
    },
    logger: logger)
}

/// The `coach serve` application, checking passwords with bcrypt.
package func buildApplication(
  _ settings: ServerSettings, db: any CoachDataStore, logger: Logger,
  onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) -> some ApplicationProtocol {
  buildApplication(settings, db: db, logger: logger, passwords: PasswordCheck(), onListening: onListening)
}

/// The router alone (tests of single requests may drive it without a socket).
func buildRouter(_ state: ServerState) -> Router<CoachRequestContext> {
  // HEAD on every GET route: answered by the GET handler, its body left out (`HeadMiddleware`).
  let router = Router(context: CoachRequestContext.self, options: .autoGenerateHeadEndpoints)
  // Outermost first: every response is logged and carries the security headers, errors included.
  router.add(middleware: RequestLogMiddleware())
  router.add(middleware: HeadMiddleware())
  router.add(middleware: SecurityHeadersMiddleware())
  router.add(middleware: LanguageCookieMiddleware())
  // The session is found before errors are answered (an error page has the user's navigation); the CSRF check is
  // inside, so that its refusal is such a page too.
  let errors = ErrorMiddleware(pages: state.pages)
  router.add(middleware: AuthMiddleware(db: state.db, errors: errors))
  router.add(middleware: errors)
  router.add(middleware: CSRFMiddleware())
  AuthRoutes(state: state).add(to: router)
  APIRoutes(state: state).add(to: router)
  PageRoutes(state: state).add(to: router)
  AdminRoutes(state: state).add(to: router)
  CalendarRoutes(state: state).add(to: router)
  ObjectionRoutes(state: state).add(to: router)
  // After the routes: it runs only for requests no route took (a known path with another method → 405).
  router.add(middleware: MethodNotAllowedMiddleware(table: RouteMethods(router.routes)))
  return router
}

/// Remembers a language chosen with `?lang=` on a page, for the pages that follow.
struct LanguageCookieMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var response = try await next(request, context)
    if request.method == .get || request.method == .head, !request.uri.path.hasPrefix("/api/"),
      let lang = Language.query(request)
    {
      response.setCookie(
        Cookie(name: Language.cookieName, value: lang, maxAge: 365 * 86_400, path: "/", sameSite: .strict))
    }
    return response
  }
}

/// Runs `coach serve` until SIGTERM or SIGINT: in-flight requests finish, then it returns.
package func runServer(_ settings: ServerSettings, onListening: @escaping @Sendable (String, Int) async -> Void)
  async throws
{
  var logger = Logger(label: "coach.serve", factory: { StreamLogHandler.standardError(label: $0) })
  logger.logLevel = .info
  let db = try settings.env.openServerStore()
  if try db.usersWithPasswords() == 0 {
    logger.warning(
      "no user has a password yet: nobody can log in; set one with `coach user passwd NAME --password-stdin`")
  }
  let app = buildApplication(settings, db: db, logger: logger, onListening: onListening)
  try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
}
