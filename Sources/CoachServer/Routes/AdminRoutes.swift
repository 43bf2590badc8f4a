import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// The admin's pages (`/admin`: users, passwords, moving a consultant's leads) and everyone's own password page
/// (`/account`). The same use cases as `coach user add|passwd` and `coach lead reassign`; forms post back and
/// redirect (303), or show the page again with the refusal and its status.
struct AdminRoutes {
  let state: ServerState

  func add(to router: Router<CoachRequestContext>) {
    let pages = state.pages
    router.get("/admin") { request, context in
      let (web, session, language) = try admin(request, context)
      let users = try await blocking { try UserAdmin.list(session) }
      return pages.at(request).admin(users, language: language, user: web, flash: flash(request, language, web))
    }
    router.post("/admin/users") { request, context in
      try await adminPost(request, context) { form, session in
        let role = try code(form.first("role"), "role", as: Role.self)
        _ = try UserAdmin.add(session, name: form.first("name") ?? "", role: role, team: form.first("team"))
        return "done=user"
      }
    }
    router.post("/admin/password") { request, context in
      let keep = context.sessionTokenHash
      return try await adminPost(request, context) { form, session in
        let name = form.first("name") ?? ""
        // Another user's password only: one's own needs the password now, on /account.
        if let target = try session.db.user(named: name), target.id == session.user?.id {
          throw ServerRefusal.ownPasswordOnAccount
        }
        _ = try Accounts.setPassword(session, name: name, password: try Self.password(form), keepingSession: keep)
        return "done=password"
      }
    }
    router.post("/admin/reassign") { request, context in
      try await adminPost(request, context) { form, session in
        let moved = try UserAdmin.reassign(session, from: form.first("from") ?? "", to: form.first("to") ?? "")
        return "done=moved&n=\(moved.leads)"
      }
    }
    router.post("/admin/active") { request, context in
      try await adminPost(request, context) { form, session in
        guard let given = form.first("active") else {
          throw FieldRefusal(zh: "缺少 active (1 恢复，0 停用)", en: "active is missing: 1 reactivates, 0 deactivates")
        }
        let active = try APIRoutes.flag(given, name: "active")
        _ = try UserAdmin.setActive(session, name: form.first("name") ?? "", active: active)
        return active ? "done=activated" : "done=deactivated"
      }
    }
    router.post("/admin/edit") { request, context in
      try await adminPost(request, context) { form, session in
        let role = try form.first("role").map { try code($0, "role", as: Role.self) }
        let team: String?? = form.first("no_team") == "1" ? .some(nil) : form.first("team").map { .some($0) }
        guard role != nil || team != nil else {
          throw FieldRefusal(
            zh: "没有要调整的内容：请选一个新角色、写上小组，或勾选“不属于任何组”",
            en: "nothing to change: choose another role, type a team, or tick “No team”")
        }
        _ = try UserAdmin.edit(session, name: form.first("name") ?? "", UserAdmin.Change(role: role, team: team))
        return "done=edited"
      }
    }
    router.get("/account") { request, context in
      let web = try context.requireUser()
      let language = Language.pick(request, default: pages.defaultLanguage)
      return pages.at(request).account(language: language, user: web, flash: flash(request, language, web))
    }
    router.post("/account/password") { request, context in
      let web = try context.requireUser()
      let language = Language.pick(request, default: pages.defaultLanguage)
      let form = Form(try await request.body.collect(upTo: context.maxUploadSize))
      let session = state.session(web, language: language, json: false)
      let keep = context.sessionTokenHash
      do {
        let password = try Self.password(form)
        let current = try Self.currentPassword(form)
        try await confirmingIdentity(web, context) {
          _ = try Accounts.changeOwnPassword(session, current: current, new: password, keepingSession: keep)
        }
        return Responses.redirect("/account?\(DoneMark.signed("done=password", csrf: web.csrfToken))")
      } catch {
        guard let refused = ErrorMiddleware.refusal(error, language: UILanguage(code: language)) else { throw error }
        return pages.at(path: "/account").account(language: language, user: web, error: refused)
      }
    }
  }

  /// The logged-in admin, their use-case session and the page's language; anyone else → 403.
  func admin(_ request: Request, _ context: CoachRequestContext) throws -> (WebSession, Session, String) {
    let web = try context.requireUser()
    let language = Language.pick(request, default: state.pages.defaultLanguage)
    guard web.user.role.isAdmin else {
      let role = PageText.text("role_" + web.user.role.rawValue, language)
      let message = [web.user.name, role].reduce(PageText.text("admin_only", language)) {
        $0.replacingOccurrences(of: "%@", with: $1, range: $0.range(of: "%@"))
      }
      throw APIError(.forbidden, code: "forbidden", message: message)
    }
    return (web, state.session(web, language: language, json: false), language)
  }

  /// An admin's form post: the change, then back to `/admin?…` (303), or the page again with the refusal.
  func adminPost(
    _ request: Request, _ context: CoachRequestContext, _ apply: @escaping @Sendable (Form, Session) throws -> String
  ) async throws -> Response {
    let (web, session, language) = try admin(request, context)
    let form = Form(try await request.body.collect(upTo: context.maxUploadSize))
    do {
      let query = try await blocking { try apply(form, session) }
      return Responses.redirect("/admin?\(DoneMark.signed(query, csrf: web.csrfToken))")
    } catch {
      guard let refused = ErrorMiddleware.refusal(error, language: UILanguage(code: language)) else { throw error }
      let users = try await blocking { try UserAdmin.list(session) }
      let typed = TypedForm(String(request.uri.path.split(separator: "/").last ?? ""), form)
      return state.pages.at(path: "/admin").admin(users, language: language, user: web, error: refused, typed: typed)
    }
  }

  /// A change of one's own password, under the limit of failed logins of that user and address (the current
  /// password is a password guessed like any other): a wrong current password counts as a failure.
  func confirmingIdentity(
    _ web: WebSession, _ context: CoachRequestContext, _ change: @escaping @Sendable () throws -> Void
  ) async throws {
    let (limiter, name, address) = (state.limiter, web.user.name, context.remoteAddress)
    let verdict = await limiter.begin(user: name, address: address)
    if case .refused(let wait) = verdict { throw ServerRefusal.tooManyLogins(wait: wait) }
    do {
      try await blocking(change)
    } catch CoachError.said(.wrongCurrentPassword) {
      if case .onlyIfRight(let wait) = verdict { throw ServerRefusal.tooManyLogins(wait: wait) }
      throw CoachError.refused(.wrongCurrentPassword)
    } catch {
      await limiter.succeeded(user: name, address: address)
      throw error
    }
    await limiter.succeeded(user: name, address: address)
  }

  /// The password the user has now, typed on `/account` to confirm the change.
  static func currentPassword(_ form: Form) throws -> String {
    guard let current = form.fields.first(where: { $0.name == "current" })?.value, !current.isEmpty else {
      throw FieldRefusal.required(
        "current", zh: "现在的密码 (确认是你本人在修改)", en: "your password now (to confirm it is you changing it)")
    }
    return current
  }

  /// The new password of a form, typed twice alike (checked for strength by `Accounts.setPassword`).
  static func password(_ form: Form) throws -> String {
    let password = form.fields.first { $0.name == "password" }?.value ?? ""
    guard password == form.fields.first(where: { $0.name == "repeat" })?.value ?? "" else {
      throw FieldRefusal(
        zh: "两次输入的密码不一致：请把同一个密码输入两次", en: "the two passwords typed differ: type the same one twice")
    }
    return password
  }

  /// The confirmation of the change just made (`?done=user|password|moved&n=N`), when this session's change marked it
  /// (`DoneMark`): a link cannot make the page say that leads were moved.
  func flash(_ request: Request, _ language: String, _ web: WebSession) -> String? {
    guard let done = DoneMark.done(request, csrf: web.csrfToken, carrying: ["n"]) else { return nil }
    let q = request.uri.queryParameters
    switch done {
    case "user": return PageText.text("done_user", language)
    case "password": return PageText.text("done_password", language)
    case "deactivated": return PageText.text("done_deactivated", language)
    case "activated": return PageText.text("done_activated", language)
    case "edited": return PageText.text("done_edited", language)
    case "moved":
      let n = q["n"].flatMap { Int($0) } ?? 0
      return PageText.text("done_moved", language).replacingOccurrences(of: "%@", with: String(n))
    default: return nil
    }
  }
}
