import CoachApp
import CoachCore
import CoachServer
import CoachStore
import CoachStoreAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// The application `coach serve` runs, built by the same `buildApplication` and driven in-process (no socket).
@Suite struct RouterTests {
  /// A database with one consultant who has a password, and the app over it.
  static func app(secureCookies: Bool = false) throws -> (some ApplicationProtocol, AppDatabase) {
    let dir = try TempFolder.make(prefix: "coach-router")
    let path = dir.appendingPathComponent("coach.sqlite").path
    let db = try AppDatabase.open(path: path)
    let env = try RunEnvironment(
      RunOptions(db: path, now: "2026-11-24T09:00:00+08:00", tz: "Asia/Shanghai", lang: "en"), env: [:])
    let user = try db.addUser(name: "alice", role: .consultant, team: "east", now: env.now)
    try db.setPasswordHash(userID: user.id ?? 0, hash: Passwords.hash("correct horse 42"), now: env.now)
    var settings = ServerSettings(host: "127.0.0.1", port: 0, env: env, pinnedNow: env.now)
    settings.secureCookies = secureCookies
    return (
      buildApplication(settings, db: db, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })), db
    )
  }

  @Test func anUnknownAPIPathIsAJSON404WithTheSecurityHeaders() async throws {
    let (app, _) = try Self.app()
    try await app.test(.router) { client in
      try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        #expect(String(buffer: response.body).contains("\"code\":\"not_found\""))
        #expect(response.headers[.xContentTypeOptions] == "nosniff")
        #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
      }
    }
  }

  @Test func theLoginFormLogsInAndThePagesFollowTheBrowsersLanguage() async throws {
    let (app, _) = try Self.app()
    try await app.test(.router) { client in
      let login = try await client.execute(
        uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "user=alice&password=correct+horse+42"))
      #expect(login.status == .seeOther)
      #expect(login.headers[.location] == "/")
      let setCookie = try #require(login.headers[.setCookie])
      let cookie = String(setCookie.prefix { $0 != ";" })
      try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie, .acceptLanguage: "zh-CN,zh;q=0.9"]) {
        response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("<html lang=\"zh-CN\">"))
        #expect(String(buffer: response.body).contains("我的待办"))
      }
      try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie, .acceptLanguage: "en-GB"]) {
        response in
        #expect(String(buffer: response.body).contains("My queue"))
      }
      let wrong = try await client.execute(
        uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "user=alice&password=nope"))
      #expect(wrong.status == .unauthorized)
      #expect(wrong.headers[.setCookie] == nil)
    }
  }

  @Test func behindATLSProxyTheSessionCookieIsSecure() async throws {
    let (app, _) = try Self.app(secureCookies: true)
    try await app.test(.router) { client in
      let login = try await client.execute(
        uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
        body: ByteBuffer(string: #"{"user": "alice", "password": "correct horse 42"}"#))
      #expect(login.status == .ok)
      let cookie = try #require(login.headers[.setCookie])
      #expect(cookie.contains("; Secure"))
      #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
    }
  }

  @Test func calendarTextIsEscapedAndFoldedAsRFC5545Says() {
    #expect(FollowUpCalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    let long = "SUMMARY:" + String(repeating: "王", count: 40)
    let folded = FollowUpCalendar.fold(long)
    for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
    #expect(FollowUpCalendar.utc(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
  }
}
