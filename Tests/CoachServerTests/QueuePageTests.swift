import Foundation
import Testing

/// The queue page says when more are due than it shows, and `?limit=` shows more (it stopped at 50 without a word).
@Suite(.serialized) struct QueuePageTests {
  @Test func aLongerQueueThanShownSaysSoAndLinksToMore() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let boss = try await server.login("boss")
    let all = try await server.send("GET", "/?lang=en", cookie: boss.cookie)
    let cards = all.text.components(separatedBy: "<li class=\"card").count - 1
    #expect(cards >= 2, "\(all.text)")
    #expect(!all.text.contains("more are due"))
    let one = try await server.send("GET", "/?lang=en&limit=1", cookie: boss.cookie)
    #expect(one.text.components(separatedBy: "<li class=\"card").count - 1 == 1)
    #expect(one.text.contains("The 1 most urgent are shown; more are due.") && one.text.contains("href=\"/?limit=4\""))
    #expect(one.text.contains(">Show more (up to 4)</a>"), "\(one.text)")
    // The admin's queue holds the consultants' leads: each card says whose.
    #expect(all.text.contains("<span class=\"meta\">alice · ") && all.text.contains("<span class=\"meta\">bob · "))
    let alice = try await server.login("alice")
    #expect(
      !(try await server.send("GET", "/?lang=en", cookie: alice.cookie).text.contains("<span class=\"meta\">alice")))
    let zh = try await server.send("GET", "/?lang=zh-CN&limit=1", cookie: boss.cookie)
    #expect(zh.text.contains("这里是最紧急的 1 条，还有更多到期的跟进。"))
    #expect(try server.stop() == 0)
  }

  /// A flagged customer is marked on the queue's and the alerts' cards, as `coach next` marks them beside the name.
  @Test func aFlaggedCustomerIsMarkedOnTheCards() async throws {
    let shop = try Showroom()
    try shop.coach(["lead", "edit", shop.aliceLead, "--tag", "vip", "--tag", "warning", "--as", "boss"])
    let server = try Server(shop)
    let alice = try await server.login("alice")
    let en = try await server.send("GET", "/?lang=en", cookie: alice.cookie).text
    #expect(
      en.contains(
        "<span class=\"name\">王芳</span> <span class=\"tag flag warning\">⚠ warning</span> <span class=\"tag flag\">VIP</span>"
      ),
      "\(en)")
    let zh = try await server.send("GET", "/?lang=zh-CN", cookie: alice.cookie).text
    #expect(zh.contains("<span class=\"tag flag warning\">⚠ 警示</span>"))
    let bob = try await server.login("bob")
    #expect(!(try await server.send("GET", "/?lang=en", cookie: bob.cookie).text.contains("tag flag")))
    #expect(try server.stop() == 0)
  }
}
