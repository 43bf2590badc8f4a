import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `/admin` (users, passwords, moving leads) and `/account` (one's own password) through the real server: only an
/// admin reaches the admin page, every change needs the CSRF token, refusals write nothing, and the command line
/// sees what the pages did.
@Suite(.serialized) struct AdminPageTests {
  static func form(_ fields: [(String, String)]) -> String {
    fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
      .joined(separator: "&")
  }

  static func users(_ shop: Showroom) throws -> [String] {
    (try shop.coach(["user", "list", "--json", "--as", "boss"]).json()["users"] as? [[String: Any]] ?? [])
      .compactMap { $0["name"] as? String }
  }

  @Test func onlyAnAdminSeesTheAdminPageInBothLanguages() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let boss = try await server.login("boss")
    let en = try await server.send("GET", "/admin?lang=en", cookie: boss.cookie)
    #expect(en.status == 200)
    for text in [
      "<h1>Admin</h1>", "alice", "bob", "lena", "Team lead", "Add a user", "Set the password",
      "Move all leads", "name=\"csrf_token\" value=\"\(boss.csrf)\"", "action=\"/admin/reassign\"",
    ] {
      #expect(en.text.contains(text), "\(text)")
    }
    let zh = try await server.send("GET", "/admin?lang=zh-CN", cookie: boss.cookie)
    #expect(zh.status == 200)
    for text in ["<h1>管理</h1>", "销售经理", "添加用户", "设置密码", "转移全部客户"] { #expect(zh.text.contains(text), "\(text)") }
    #expect(!zh.text.contains("Add a user"))
    #expect(try await server.send("GET", "/", cookie: boss.cookie).text.contains("href=\"/admin\""))

    for name in ["alice", "lena"] {
      let who = try await server.login(name)
      let refused = try await server.send("GET", "/admin", cookie: who.cookie)
      #expect(refused.status == 403, "\(name)")
      #expect(!refused.text.contains("Add a user"))
      #expect(!(try await server.send("GET", "/", cookie: who.cookie).text.contains("href=\"/admin\"")))
      let post = try await server.send(
        "POST", "/admin/users", form: Self.form([("csrf_token", who.csrf), ("name", "eve"), ("role", "admin")]),
        cookie: who.cookie)
      #expect(post.status == 403, "\(name)")
    }
    let anonymous = try await server.send("GET", "/admin")
    #expect(anonymous.status == 303)
    #expect(anonymous.header("Location") == "/login")
    #expect(!(try Self.users(shop)).contains("eve"))
    #expect(try server.stop() == 0)
  }

  /// A store's admin is not offered the group admin role, which only an admin of no store may grant; that admin is.
  @Test func aStoresAdminIsNotOfferedTheGroupAdminRole() async throws {
    let shop = try Showroom()
    #expect(try shop.coach(["store", "add", "WEST", "--as", "boss"]).status == 0)
    #expect(
      try shop.coach(["user", "add", "westboss", "--role", "admin", "--store", "WEST", "--as", "boss"]).status == 0)
    _ = try shop.coach(
      ["user", "passwd", "westboss", "--password-stdin", "--as", "boss"], stdin: Showroom.password + "\n")
    let server = try Server(shop)
    let west = try await server.login("westboss")
    let page = try await server.send("GET", "/admin?lang=en", cookie: west.cookie)
    #expect(page.status == 200)
    #expect(!page.text.contains("value=\"group_admin\""), "\(page.text)")
    let boss = try await server.login("boss")
    #expect(try await server.send("GET", "/admin?lang=en", cookie: boss.cookie).text.contains("value=\"group_admin\""))
    #expect(try server.stop() == 0)
  }

  @Test func anAdminAddsAUserWithTheTokenAndNothingIsWrittenWithoutItOrOnBadInput() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let boss = try await server.login("boss")
    let add = Self.form([("name", "carol"), ("role", "consultant"), ("team", "east")])
    #expect(try await server.send("POST", "/admin/users", form: add, cookie: boss.cookie).status == 403)
    #expect(!(try Self.users(shop)).contains("carol"))

    let done = try await server.send(
      "POST", "/admin/users", form: "csrf_token=\(boss.csrf)&" + add, cookie: boss.cookie)
    #expect(done.status == 303)
    let location = try #require(done.header("Location"))
    #expect(location.hasPrefix("/admin?done=user&mark="), "\(location)")
    let listed = try shop.coach(["user", "list", "--json", "--as", "boss"]).json()["users"] as? [[String: Any]] ?? []
    let carol = listed.first { $0["name"] as? String == "carol" }
    #expect(carol?["role"] as? String == "consultant")
    #expect(carol?["team"] as? String == "east")
    let page = try await server.send("GET", location + "&lang=en", cookie: boss.cookie)
    #expect(page.text.contains("User added."))
    // The confirmation is the change's own: the same words in a link (unmarked, or marked for another session) say
    // nothing.
    let forged = try await server.send("GET", "/admin?done=user&lang=en", cookie: boss.cookie)
    #expect(!forged.text.contains("User added.") && forged.status == 200)
    #expect(page.text.contains("not set (cannot log in)"))

    let duplicate = try await server.send(
      "POST", "/admin/users", form: "csrf_token=\(boss.csrf)&" + add, cookie: boss.cookie)
    #expect(duplicate.status == 422, "\(duplicate.text)")
    #expect(duplicate.text.contains("class=\"error\""))
    let badRole = try await server.send(
      "POST", "/admin/users", form: "csrf_token=\(boss.csrf)&" + Self.form([("name", "dave"), ("role", "king")]),
      cookie: boss.cookie)
    #expect(badRole.status == 400)
    #expect(badRole.text.contains("consultant, lead, trainer, admin"))
    let blank = try await server.send(
      "POST", "/admin/users", form: "csrf_token=\(boss.csrf)&" + Self.form([("name", ""), ("role", "consultant")]),
      cookie: boss.cookie)
    #expect((400..<500).contains(blank.status))
    #expect(try Self.users(shop) == ["alice", "bob", "boss", "carol", "lena"])
    #expect(try server.stop() == 0)
  }

  @Test func anAdminSetsAPasswordWhichEndsThatUsersSessionsAndAUserSetsTheirOwnKeepingThisOne() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let boss = try await server.login("boss")
    let alice = try await server.login("alice")
    let newPassword = "a brand new one 77"
    let mismatch = try await server.send(
      "POST", "/admin/password",
      form: Self.form([("csrf_token", boss.csrf), ("name", "alice"), ("password", newPassword), ("repeat", "other")]),
      cookie: boss.cookie)
    #expect(mismatch.status == 400)
    #expect(try await server.send("GET", "/api/v1/next", cookie: alice.cookie).status == 200)
    let set = try await server.send(
      "POST", "/admin/password",
      form: Self.form([
        ("csrf_token", boss.csrf), ("name", "alice"), ("password", newPassword), ("repeat", newPassword),
      ]),
      cookie: boss.cookie)
    #expect(set.status == 303)
    #expect(set.header("Location")?.hasPrefix("/admin?done=password&mark=") == true)
    #expect(try await server.send("GET", "/api/v1/next", cookie: alice.cookie).status == 401)
    #expect(try await server.send("GET", "/admin", cookie: boss.cookie).status == 200)
    let old = try await server.send("POST", "/api/v1/login", json: ["user": "alice", "password": Showroom.password])
    #expect(old.status == 401)

    // Alice, twice logged in, sets her own password on /account: this session stays, the other ends.
    let here = try await server.login("alice", password: newPassword)
    let there = try await server.login("alice", password: newPassword)
    let page = try await server.send("GET", "/account?lang=zh-CN", cookie: here.cookie)
    #expect(page.status == 200)
    #expect(page.text.contains("我的密码") && page.text.contains("action=\"/account/password\""))
    let third = "her own choice 2026"
    let weak = try await server.send(
      "POST", "/account/password",
      form: Self.form([("csrf_token", here.csrf), ("current", newPassword), ("password", "1"), ("repeat", "1")]),
      cookie: here.cookie)
    #expect((400..<500).contains(weak.status))
    #expect(weak.text.contains("class=\"error\""))
    let own = try await server.send(
      "POST", "/account/password",
      form: Self.form([("csrf_token", here.csrf), ("current", newPassword), ("password", third), ("repeat", third)]),
      cookie: here.cookie)
    #expect(own.status == 303)
    #expect(own.header("Location")?.hasPrefix("/account?done=password&mark=") == true)
    #expect(try await server.send("GET", "/api/v1/next", cookie: here.cookie).status == 200)
    #expect(try await server.send("GET", "/api/v1/next", cookie: there.cookie).status == 401)
    #expect(try await server.send("POST", "/api/v1/login", json: ["user": "alice", "password": third]).status == 200)
    // A consultant may not set someone else's password through the admin form.
    let other = try await server.send(
      "POST", "/admin/password",
      form: Self.form([("csrf_token", here.csrf), ("name", "bob"), ("password", third), ("repeat", third)]),
      cookie: here.cookie)
    #expect(other.status == 403)
    #expect(try await server.send("POST", "/api/v1/login", json: ["user": "bob", "password": third]).status == 401)
    #expect(try server.stop() == 0)
  }

  @Test func anAdminMovesAConsultantsLeadsAndTheMoveIsRecorded() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let boss = try await server.login("boss")
    let move = Self.form([("from", "bob"), ("to", "alice")])
    #expect(try await server.send("POST", "/admin/reassign", form: move, cookie: boss.cookie).status == 403)
    let unknown = try await server.send(
      "POST", "/admin/reassign", form: "csrf_token=\(boss.csrf)&" + Self.form([("from", "bob"), ("to", "nobody")]),
      cookie: boss.cookie)
    #expect(unknown.status == 422, "\(unknown.text)")
    #expect(
      try shop.coach(["lead", "show", shop.bobLead, "--json", "--as", "boss"]).json()["consultant"] as? String == "bob")

    let moved = try await server.send(
      "POST", "/admin/reassign", form: "csrf_token=\(boss.csrf)&" + move, cookie: boss.cookie)
    #expect(moved.status == 303)
    let movedTo = try #require(moved.header("Location"))
    #expect(movedTo.hasPrefix("/admin?done=moved&n=1&mark="), "\(movedTo)")
    #expect(
      try shop.coach(["lead", "show", shop.bobLead, "--json", "--as", "boss"]).json()["consultant"] as? String
        == "alice")
    let audit = try shop.coach(["audit", "--from", "2026-11-01", "--to", "2026-11-24", "--json", "--as", "boss"]).json()
    let transfer = (audit["transfers"] as? [[String: Any]])?.first
    #expect(transfer?["from"] as? String == "bob" && transfer?["to"] as? String == "alice")
    #expect(transfer?["actor"] as? String == "boss" && transfer?["leads"] as? Int == 1)
    let page = try await server.send("GET", movedTo + "&lang=en", cookie: boss.cookie)
    #expect(page.text.contains("1 leads moved."))
    let mark = String(movedTo.split(separator: "&").last ?? "")
    let forged = try await server.send("GET", "/admin?done=moved&n=999999&\(mark)&lang=en", cookie: boss.cookie)
    #expect(!forged.text.contains("999999 leads moved."))
    #expect(try server.stop() == 0)
  }

  /// A consultant who left: not while they own leads; after the move their session ends and they cannot log in; the
  /// page lists them as deactivated and can bring them back.
  @Test func anAdminDeactivatesAUserWhoLeftAfterMovingTheirLeads() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let boss = try await server.login("boss")
    let bob = try await server.login("bob")
    let off = "csrf_token=\(boss.csrf)&" + Self.form([("name", "bob"), ("active", "0")])
    let owning = try await server.send("POST", "/admin/active?lang=en", form: off, cookie: boss.cookie)
    #expect(owning.status == 422 && owning.text.contains("still owns 1 leads"), "\(owning.text)")
    #expect(owning.text.contains("“Move all leads”") && !owning.text.contains("coach lead"), "\(owning.text)")
    #expect(try await server.send("GET", "/api/v1/next", cookie: bob.cookie).status == 200)
    let move = "csrf_token=\(boss.csrf)&" + Self.form([("from", "bob"), ("to", "alice")])
    #expect(try await server.send("POST", "/admin/reassign", form: move, cookie: boss.cookie).status == 303)
    let done = try await server.send("POST", "/admin/active", form: off, cookie: boss.cookie)
    #expect(done.status == 303 && done.header("Location")?.hasPrefix("/admin?done=deactivated&mark=") == true)
    #expect(try await server.send("GET", "/api/v1/next", cookie: bob.cookie).status == 401)
    let login = try await server.send("POST", "/api/v1/login", json: ["user": "bob", "password": Showroom.password])
    #expect(login.status == 401)
    let page = try await server.send("GET", "/admin?lang=zh-CN", cookie: boss.cookie)
    #expect(page.text.contains("已停用") && page.text.contains("action=\"/admin/active\""))
    let lena = try await server.login("lena")
    let on = "csrf_token=\(lena.csrf)&" + Self.form([("name", "bob"), ("active", "1")])
    #expect(try await server.send("POST", "/admin/active", form: on, cookie: lena.cookie).status == 403)
    let back = "csrf_token=\(boss.csrf)&" + Self.form([("name", "bob"), ("active", "1")])
    #expect(try await server.send("POST", "/admin/active", form: back, cookie: boss.cookie).status == 303)
    let users = try shop.coach(["user", "list", "--json", "--as", "boss"]).json()["users"] as? [[String: Any]] ?? []
    #expect(users.first { $0["name"] as? String == "bob" }?["active"] as? Bool == true)
    #expect(try server.stop() == 0)
  }

  /// The admin page's "another role or team" form: `coach user edit` on the web, with its refusals in the page's words.
  @Test func anAdminMovesAUserToAnotherTeamOrRole() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let boss = try await server.login("boss")
    func team(_ name: String) throws -> String? {
      let users = try shop.coach(["user", "list", "--json", "--as", "boss"]).json()["users"] as? [[String: Any]] ?? []
      return users.first { $0["name"] as? String == name }?["team"] as? String
    }
    let move = "csrf_token=\(boss.csrf)&" + Self.form([("name", "alice"), ("role", ""), ("team", "west")])
    let done = try await server.send("POST", "/admin/edit", form: move, cookie: boss.cookie)
    #expect(
      done.status == 303 && done.header("Location")?.hasPrefix("/admin?done=edited&mark=") == true, "\(done.text)")
    #expect(try team("alice") == "west")
    let out = "csrf_token=\(boss.csrf)&" + Self.form([("name", "alice"), ("no_team", "1")])
    #expect(try await server.send("POST", "/admin/edit", form: out, cookie: boss.cookie).status == 303)
    #expect(try team("alice") == nil)
    // Refused, nothing written: bob owns a lead (a trainer owns none), nothing chosen, a team lead, no token.
    let trainer = "csrf_token=\(boss.csrf)&" + Self.form([("name", "bob"), ("role", "trainer")])
    let owning = try await server.send("POST", "/admin/edit?lang=en", form: trainer, cookie: boss.cookie)
    #expect(owning.status == 422 && owning.text.contains("still owns 1 leads"), "\(owning.text)")
    #expect(owning.text.contains("“Move all leads”") && !owning.text.contains("coach lead"), "\(owning.text)")
    let nothing = "csrf_token=\(boss.csrf)&" + Self.form([("name", "bob"), ("role", "")])
    let empty = try await server.send("POST", "/admin/edit?lang=en", form: nothing, cookie: boss.cookie)
    #expect(empty.status == 400 && empty.text.contains("nothing to change"), "\(empty.text)")
    let lena = try await server.login("lena")
    let byLead = "csrf_token=\(lena.csrf)&" + Self.form([("name", "bob"), ("team", "west")])
    #expect(try await server.send("POST", "/admin/edit", form: byLead, cookie: lena.cookie).status == 403)
    let noToken = Self.form([("name", "bob"), ("team", "west")])
    #expect(try await server.send("POST", "/admin/edit", form: noToken, cookie: boss.cookie).status == 403)
    #expect(try team("bob") == "east")
    let page = try await server.send("GET", "/admin?lang=zh-CN", cookie: boss.cookie)
    #expect(page.text.contains("调整角色或小组") && page.text.contains("action=\"/admin/edit\""))
    #expect(try server.stop() == 0)
  }
}
