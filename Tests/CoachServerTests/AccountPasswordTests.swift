import CoachApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/account`: changing one's own password needs the current one (a session left open on a shared phone must not
/// be enough to take the account); an admin setting someone else's password on `/admin` does not.
@Suite struct AccountPasswordTests {
  static let old = "alice old password 1"
  static let new = "alice new password 2"

  @Test func aChangeOfOnesOwnPasswordNeedsTheCurrentOneAndAWrongOneChangesNothing() async throws {
    let shop = try RouteShop()
    let alice = try #require(try shop.db.user(named: "alice"))
    // Setting a password ends the user's other sessions: the shop's is kept, as `/account` keeps its own.
    let session = Tokens.hash(try #require(shop.sessions["alice"]).cookie)
    try shop.db.setPasswordHash(
      userID: alice.id ?? 0, hash: Passwords.hash(Self.old), now: Date(), keepingSession: session)
    let before = try shop.written()
    try await shop.app().test(.router) { client in
      let page = String(buffer: try await shop.send(client, "alice", .get, "/account?lang=en").body)
      #expect(page.contains("name=\"current\" type=\"password\" autocomplete=\"current-password\""))
      for language in RouteShop.languages {
        let missing = try await shop.send(
          client, "alice", .post, "/account/password?lang=\(language)", form: "password=\(Self.new)&repeat=\(Self.new)")
        #expect(missing.status == .badRequest)
        let said = Look.alert(String(buffer: missing.body)) ?? ""
        #expect(said.contains("current") && Look.hasChinese(said) == (language == "zh-CN"), "\(said)")

        let wrong = try await shop.send(
          client, "alice", .post, "/account/password?lang=\(language)",
          form: "current=not+it&password=\(Self.new)&repeat=\(Self.new)")
        #expect(wrong.status == .forbidden)
        let html = String(buffer: wrong.body)
        #expect(Look.layout(html, user: "alice", language: language).isEmpty)
        let alert = Look.alert(html) ?? ""
        #expect(Look.hasChinese(alert) == (language == "zh-CN"), "\(alert)")
        #expect(alert.contains(language == "en" ? "current password is wrong" : "当前密码不对"), "\(alert)")
      }
      #expect(try shop.written() == before)
      // This session is still good: nothing happened.
      #expect(try await shop.send(client, "alice", .get, "/api/v1/next").status == .ok)

      let done = try await shop.send(
        client, "alice", .post, "/account/password",
        form: "current=\(Self.old.replacingOccurrences(of: " ", with: "+"))&password=\(Self.new)&repeat=\(Self.new)")
      #expect(done.status == .seeOther && done.headers[.location]?.hasPrefix("/account?done=password&mark=") == true)
      let hash = try #require(try shop.db.userWithPasswordHash(named: "alice")?.hash)
      #expect(Passwords.verify(Self.new, hash: hash) && !Passwords.verify(Self.old, hash: hash))
    }
  }

  @Test func anAdminSetsAnotherUsersPasswordWithoutTheirCurrentOne() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      let r = try await shop.send(
        client, "boss", .post, "/admin/password", form: "name=bob&password=\(Self.new)&repeat=\(Self.new)")
      #expect(r.status == .seeOther && r.headers[.location]?.hasPrefix("/admin?done=password&mark=") == true)
    }
    let hash = try #require(try shop.db.userWithPasswordHash(named: "bob")?.hash)
    #expect(Passwords.verify(Self.new, hash: hash))
  }

  /// The admin page asks for no password now: an admin's own password is not set there (a session left open would
  /// take the account over and log its other sessions out) but on `/account`, which asks for it.
  @Test func anAdminsOwnPasswordIsNotSetOnTheAdminPage() async throws {
    let shop = try RouteShop()
    let boss = try #require(try shop.db.user(named: "boss"))
    let here = Tokens.hash(try #require(shop.sessions["boss"]).cookie)
    try shop.db.setPasswordHash(userID: boss.id ?? 0, hash: Passwords.hash(Self.old), now: Date(), keepingSession: here)
    let other = Tokens.random()
    try shop.db.createWebSession(
      tokenHash: Tokens.hash(other), userID: boss.id ?? 0, csrfToken: Tokens.random(), now: Date(),
      expiresAt: Date().addingTimeInterval(3600))
    let before = try shop.written()
    try await shop.app().test(.router) { client in
      let page = String(buffer: try await shop.send(client, "boss", .get, "/admin").body)
      let form = page.components(separatedBy: "action=\"/admin/password\"").last?.components(separatedBy: "</form>")
      #expect(form?.first?.contains("value=\"bob\"") == true && form?.first?.contains("value=\"boss\"") == false)
      for language in RouteShop.languages {
        let own = try await shop.send(
          client, "boss", .post, "/admin/password?lang=\(language)",
          form: "name=boss&password=\(Self.new)&repeat=\(Self.new)")
        #expect(own.status == .forbidden)
        let alert = Look.alert(String(buffer: own.body)) ?? ""
        #expect(alert.contains("/account") && Look.hasChinese(alert) == (language == "zh-CN"), "\(alert)")
      }
      #expect(try shop.written() == before)
      let otherSession = try await client.execute(
        uri: "/api/v1/next", method: .get, headers: [.cookie: "coach_session=\(other)"])
      #expect(otherSession.status == .ok, "the admin's other session was logged out")
      // Someone else's password is still set there.
      let bob = try await shop.send(
        client, "boss", .post, "/admin/password", form: "name=bob&password=\(Self.new)&repeat=\(Self.new)")
      #expect(bob.status == .seeOther)
    }
  }
}
