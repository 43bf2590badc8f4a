import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

extension PageRenderer {
  /// `/admin`: the users, and the forms to add one, set a password and move a consultant's leads (admins only);
  /// after a refusal, the form refused holds what was `typed` (`users`, `password`, `reassign`; never a password).
  func admin(
    _ users: [UserAdmin.Listed], language: String, user: WebSession, flash: String? = nil, error: APIError? = nil,
    typed: TypedForm? = nil
  ) -> Response {
    let t = { PageText.text($0, language) }
    var body = "<h1>\(esc(t("admin")))</h1>"
    if let flash { body += "<p class=\"ok\" role=\"status\">\(esc(flash))</p>" }
    if let error { body += "<p class=\"error\" role=\"alert\">\(esc(error.pageMessage(language)))</p>" }
    body += """
      <h2>\(esc(t("users")))</h2>
      <div class="scroll"><table><thead><tr><th scope="col">\(esc(t("user")))</th><th scope="col">\(esc(t("role")))</th>\
      <th scope="col">\(esc(t("team")))</th><th scope="col">\(esc(t("password")))</th>\
      <th scope="col">\(esc(t("status")))</th></tr></thead><tbody>
      """
    for u in users {
      body += """
        <tr><th scope="row">\(esc(u.user.name))</th><td>\(esc(t("role_" + u.user.role.rawValue)))</td>\
        <td>\(esc(u.user.team ?? t("none")))</td><td>\(esc(t(u.hasPassword ? "password_yes" : "password_no")))</td>\
        <td>\(esc(t(u.user.isActive ? "active" : "deactivated")))</td></tr>
        """
    }
    body += "</tbody></table></div>"
    let (adding, setting, moving, status, editing) = (
      TypedForm.of(typed, "users"), TypedForm.of(typed, "password"), TypedForm.of(typed, "reassign"),
      TypedForm.of(typed, "active"), TypedForm.of(typed, "edit")
    )
    // One's own password is set on `/account`, which asks for the one now.
    let names = options(
      users.filter { $0.user.id != user.user.id }.map { (value: $0.user.name, label: $0.user.name) },
      chosen: setting?.value("name"))
    // A store's admin may not add a group admin (`UserAdmin.add`): the form does not offer it.
    let spansStores = user.user.role == .groupAdmin || user.user.storeId == nil
    let roles = options(
      Role.allCases.filter { $0 != .groupAdmin || spansStores }.map {
        (value: $0.rawValue, label: t("role_" + $0.rawValue))
      },
      chosen: adding?.value("role") ?? "consultant")
    let everyone = options(users.map { (value: $0.user.name, label: $0.user.name) }, chosen: status?.value("name"))
    let editable = options(users.map { (value: $0.user.name, label: $0.user.name) }, chosen: editing?.value("name"))
    let newRoles = options(
      [(value: "", label: t("model_keep"))]
        + Role.allCases.filter { $0 != .groupAdmin }.map { (value: $0.rawValue, label: t("role_" + $0.rawValue)) },
      chosen: editing?.value("role") ?? "")
    // Leads may be moved off anyone who owns them (a deactivated user too), onto an active owner only.
    let owners = users.filter(\.user.role.ownsLeads)
    let movable = owners.map { (value: $0.user.name, label: $0.user.name) }
    let receivers = owners.filter(\.user.isActive).map { (value: $0.user.name, label: $0.user.name) }
    body += """
      <form method="post" action="/admin/users" class="card"><h2>\(esc(t("add_user")))</h2>\(csrfField(user))
      <label>\(esc(t("user")))<input name="name"\(adding.valueAttribute("name")) required autocomplete="off"></label>
      <label>\(esc(t("role")))<select name="role">\(roles)</select></label>
      <label>\(esc(t("team")))<input name="team"\(adding.valueAttribute("team")) autocomplete="off"></label>
      <button type="submit">\(esc(t("add_user")))</button></form>
      <form method="post" action="/admin/password" class="card"><h2>\(esc(t("set_password")))</h2>\(csrfField(user))
      <label>\(esc(t("user")))<select name="name">\(names)</select></label>
      \(passwordFields(t))
      <button type="submit">\(esc(t("set_password")))</button></form>
      <form method="post" action="/admin/reassign" class="card"><h2>\(esc(t("reassign")))</h2>\(csrfField(user))
      <label>\(esc(t("reassign_from")))<select name="from">\(options(movable, chosen: moving?.value("from")))</select></label>
      <label>\(esc(t("reassign_to")))<select name="to">\(options(receivers, chosen: moving?.value("to")))</select></label>
      <button type="submit">\(esc(t("reassign")))</button></form>
      <form method="post" action="/admin/active" class="card"><h2>\(esc(t("user_status")))</h2>\(csrfField(user))
      <label>\(esc(t("user")))<select name="name">\(everyone)</select></label>
      <button type="submit" name="active" value="0">\(esc(t("deactivate")))</button>
      <button type="submit" name="active" value="1">\(esc(t("activate")))</button></form>
      <form method="post" action="/admin/edit" class="card"><h2>\(esc(t("edit_user")))</h2>\(csrfField(user))
      <label>\(esc(t("user")))<select name="name">\(editable)</select></label>
      <label>\(esc(t("role")))<select name="role">\(newRoles)</select></label>
      <label>\(esc(t("team_keep")))<input name="team"\(editing.valueAttribute("team")) autocomplete="off"></label>
      <label class="check"><input type="checkbox" name="no_team" value="1"\(editing.checked("no_team", "1"))> \
      \(esc(t("no_team")))</label>
      <button type="submit">\(esc(t("edit_user")))</button></form>
      """
    return layout(t("admin"), body, language: language, user: user, status: error?.status ?? .ok)
  }

  /// `/account`: every user may set their own password here.
  func account(language: String, user: WebSession, flash: String? = nil, error: APIError? = nil) -> Response {
    let t = { PageText.text($0, language) }
    var body = "<h1>\(esc(t("account")))</h1>"
    if let flash { body += "<p class=\"ok\" role=\"status\">\(esc(flash))</p>" }
    if let error { body += "<p class=\"error\" role=\"alert\">\(esc(error.pageMessage(language)))</p>" }
    body += """
      <form method="post" action="/account/password" class="card"><h2>\(esc(t("set_password")))</h2>\(csrfField(user))
      <p>\(esc(user.user.name)) · \(esc(t("role_" + user.user.role.rawValue)))</p>
      <label>\(esc(t("current_password")))\
      <input name="current" type="password" autocomplete="current-password" required></label>
      \(passwordFields(t))
      <button type="submit">\(esc(t("set_password")))</button></form>
      """
    return layout(t("account"), body, language: language, user: user, status: error?.status ?? .ok)
  }

  private func passwordFields(_ t: (String) -> String) -> String {
    """
    <label>\(esc(t("new_password")))<input name="password" type="password" autocomplete="new-password" required></label>
    <label>\(esc(t("repeat_password")))<input name="repeat" type="password" autocomplete="new-password" required></label>
    """
  }
}
