import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import CoachServer

/// A page's language from the browser's `Accept-Language`: the supported language (zh-CN, en) it weighs highest,
/// `q=0` not at all, the first of equal weights (the first tag named had won whatever its weight).
@Suite struct AcceptLanguageTests {
  static func pick(_ header: String, default fallback: String = "en") -> String {
    let head = HTTPRequest(
      method: .get, scheme: "http", authority: "localhost", path: "/", headerFields: [.acceptLanguage: header])
    return Language.pick(Request(head: head, body: RequestBody(buffer: ByteBuffer())), default: fallback)
  }

  @Test(arguments: [
    ("en;q=0.1, zh;q=0.9", "zh-CN"),
    ("en;q=0, zh-CN", "zh-CN"),
    ("zh;q=0.5, en;q=0.6", "en"),
    ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
    ("en-GB,en;q=0.9,zh-CN;q=0.8", "en"),
    ("fr-FR, en;q=0.5, zh;q=0.4", "en"),
    // Equal weights: the first named.
    ("zh;q=0.7, en;q=0.7", "zh-CN"),
    ("en, zh", "en"),
    ("EN;Q=0.2, ZH-TW;Q=0.3", "zh-CN"),
    ("en ; q = 0.3 , zh ; q = 0.2", "en"),
    // A weight that is not a number from 0 to 1 is not acceptable.
    ("en;q=2, zh;q=0.1", "zh-CN"),
    ("en;q=abc, zh;q=0.1", "zh-CN"),
  ])
  func theHighestWeightedSupportedLanguageIsPicked(header: String, language: String) {
    #expect(Self.pick(header) == language, "\(header)")
  }

  @Test func withNoSupportedLanguageAcceptableTheServersLanguageIsUsed() {
    #expect(Self.pick("en;q=0, zh;q=0", default: "zh-CN") == "zh-CN")
    #expect(Self.pick("en;q=0, zh;q=0", default: "en") == "en")
    #expect(Self.pick("fr, de;q=0.8", default: "zh-CN") == "zh-CN")
    #expect(Self.pick("", default: "en") == "en")
  }
}
