import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// Logging in and out: the JSON API and the browser form share one check, one limiter and one cookie.
struct AuthRoutes {
  let state: ServerState

  struct Credentials: Decodable {
    let user: String
    let password: String
  }

  struct LoginJSON: Encodable {
    let user: String
    let role: String
    let csrf_token: String
  }

  func add(to router: Router<CoachRequestContext>) {
    router.post("/api/v1/login") { request, context in
      try SameOrigin.check(request)
      let body = try await request.body.collect(upTo: context.maxUploadSize)
      let credentials = try decodeJSON(Credentials.self, body, shape: "{\"user\": \"…\", \"password\": \"…\"}")
      let (web, token) = try await login(credentials.user, credentials.password, context: context)
      var response = try state.json(
        LoginJSON(user: web.user.name, role: web.user.role.rawValue, csrf_token: web.csrfToken),
        zone: state.settings.env.zone)
      response.setCookie(cookie(token))
      return response
    }
    router.post("/api/v1/logout") { _, context in
      _ = try context.requireUser()
      try await logout(context)
      var response = Response(status: .noContent)
      response.setCookie(expiredCookie)
      return response
    }
    router.get("/login") { request, context in
      if context.web != nil { return Responses.redirect("/") }
      return state.pages.at(request).login(
        language: Language.pick(request, default: state.pages.defaultLanguage), error: nil)
    }
    router.post("/login") { request, context in
      try SameOrigin.check(request)
      let form = Form(try await request.body.collect(upTo: context.maxUploadSize))
      let language = Language.pick(request, default: state.pages.defaultLanguage)
      do {
        let (_, token) = try await login(form.first("user") ?? "", form.first("password") ?? "", context: context)
        var response = Responses.redirect("/")
        response.setCookie(cookie(token))
        return response
      } catch let refusal as ServerRefusal {
        let error = refusal.apiError(UILanguage(code: language))
        var response = state.pages.at(path: "/login").login(
          language: language, error: error, user: form.first("user"))
        if let wait = error.retryAfter { response.headers[.retryAfter] = String(wait) }
        return response
      }
    }
    router.post("/logout") { _, context in
      if context.web != nil { try await logout(context) }
      var response = Responses.redirect("/login")
      response.setCookie(expiredCookie)
      return response
    }
  }

  /// Checks the password (bcrypt, off the event loop), under the per-user and per-address limit, and opens a session.
  /// A login the limiter refuses whatever the password (the name past its limit; past the address's limit, a name
  /// that cannot log in) is refused before any hashing.
  func login(_ name: String, _ password: String, context: CoachRequestContext) async throws -> (WebSession, String) {
    let limiter = state.limiter
    let verdict = await limiter.begin(user: name, address: context.remoteAddress)
    if case .refused(let wait) = verdict { throw ServerRefusal.tooManyLogins(wait: wait) }
    let (db, passwords) = (state.db, state.passwords)
    let found = try await blocking { try db.userWithPasswordHash(named: name) }
    if case .onlyIfRight(let wait) = verdict, found?.hash == nil || found?.user.isActive != true {
      // Past the address's limit only a right password goes in, and this name has none that could be: refused as a
      // wrong password would be, after as long as a check takes (the answer does not tell which names exist).
      try await passwords.waitAsLongAsACheck()
      throw ServerRefusal.tooManyLogins(wait: wait)
    }
    let lifetime = state.settings.sessionLifetime
    let opened: (WebSession, String)? = try await blocking {
      // An unknown user or one without a password costs the same bcrypt time as a wrong password.
      let ok = passwords.verify(password, hash: found?.hash ?? Passwords.decoy)
      guard ok, let found, found.hash != nil, found.user.isActive, let id = found.user.id else { return nil }
      let token = Tokens.random()
      let csrf = Tokens.random()
      let now = Date()
      let expires = now.addingTimeInterval(lifetime)
      try db.createWebSession(tokenHash: Tokens.hash(token), userID: id, csrfToken: csrf, now: now, expiresAt: expires)
      return (WebSession(user: found.user, csrfToken: csrf, expiresAt: expires), token)
    }
    guard let opened else {
      if case .onlyIfRight(let wait) = verdict { throw ServerRefusal.tooManyLogins(wait: wait) }
      throw ServerRefusal.badLogin
    }
    await limiter.succeeded(user: name, address: context.remoteAddress)
    if let old = context.sessionTokenHash { try await blocking { try db.deleteWebSession(tokenHash: old) } }
    return opened
  }

  func logout(_ context: CoachRequestContext) async throws {
    guard let hash = context.sessionTokenHash else { return }
    let db = state.db
    try await blocking { try db.deleteWebSession(tokenHash: hash) }
  }

  func cookie(_ token: String) -> Cookie {
    Cookie(
      name: AuthMiddleware.cookieName, value: token, maxAge: Int(state.settings.sessionLifetime), path: "/",
      secure: state.settings.secureCookies, httpOnly: true, sameSite: .strict)
  }

  var expiredCookie: Cookie {
    Cookie(
      name: AuthMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: state.settings.secureCookies,
      httpOnly: true,
      sameSite: .strict)
  }
}
