import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The language link of every page asks for the same page in the other language: its path and query kept (escaped
/// for a URL and for HTML), only `lang` replaced; after a refused form, the page the form is on.
@Suite struct LanguageLinkTests {
  /// The `href` of the page's language link, as written in the HTML.
  static func link(_ html: String) -> String? {
    guard let end = html.range(of: "\" hreflang=") else { return nil }
    let before = html[..<end.lowerBound]
    guard let start = before.range(of: "href=\"", options: .backwards) else { return nil }
    return String(before[start.upperBound...])
  }

  @Test func theLinkKeepsThePagesQueryAndReplacesOnlyLang() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    let cases: [(user: String, uri: String, link: String)] = [
      ("alice", "/", "/?lang=zh-CN"),
      ("lena", "/alerts?team=1", "/alerts?team=1&amp;lang=zh-CN"),
      ("lena", "/alerts?team=1&lang=zh-CN", "/alerts?team=1&amp;lang=en"),
      (
        "lena", "/audit?lang=en&from=2026-11-01&to=2026-11-24&lang=en",
        "/audit?from=2026-11-01&amp;to=2026-11-24&amp;lang=zh-CN"
      ),
      ("alice", "/leads/\(lead)?done=touch", "/leads/\(lead)?done=touch&amp;lang=zh-CN"),
      // What the browser sent escaped stays escaped; what it sent raw is escaped; nothing breaks out of the href.
      ("alice", "/objections?q=%E5%A4%AA%E8%B4%B5", "/objections?q=%E5%A4%AA%E8%B4%B5&amp;lang=zh-CN"),
      ("alice", "/objections?q=\"><script>x</script>", "/objections?q=%22%3E%3Cscript%3Ex%3C/script%3E&amp;lang=zh-CN"),
      ("alice", "/objections?q=it's+too+dear", "/objections?q=it&#39;s+too+dear&amp;lang=zh-CN"),
    ]
    try await shop.app().test(.router) { client in
      for c in cases {
        let r = try await shop.send(client, c.user, .get, c.uri)
        let html = String(buffer: r.body)
        #expect(r.status == .ok, "\(c.uri): \(r.status)")
        #expect(Self.link(html) == c.link, "\(c.uri)")
        #expect(!html.contains("<script>x"), "\(c.uri)")
      }
    }
  }

  @Test func afterARefusedFormTheLinkIsThePageTheFormIsOn() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      let refused = try await shop.send(
        client, "alice", .post, "/leads/\(lead)/touches?lang=zh-CN", form: "channel=fax&outcome=reached")
      #expect(refused.status == .badRequest)
      #expect(Self.link(String(buffer: refused.body)) == "/leads/\(lead)?lang=en")
      let account = try await shop.send(client, "alice", .post, "/account/password", form: "password=a&repeat=b")
      #expect(Self.link(String(buffer: account.body)) == "/account?lang=zh-CN")
      // An error page after a post links to the queue.
      let error = try await shop.send(client, "alice", .post, "/leads/99999/touches", form: "channel=call")
      #expect(error.status == .notFound)
      #expect(Self.link(String(buffer: error.body)) == "/?lang=zh-CN")
    }
  }
}
