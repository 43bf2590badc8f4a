import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The served stylesheet: text people typed breaks rather than widening a phone's page (a touch note holding a long
/// link, or 2,000 characters without a space, made the lead page scroll sideways).
@Suite struct StylesheetTests {
  /// The rules of `css` as (selectors, declarations), the rules inside `@media` with the `@media` before theirs.
  static func rules(_ css: String) -> [(selectors: String, declarations: [String])] {
    css.split(separator: "}").compactMap { rule in
      guard let open = rule.lastIndex(of: "{") else { return nil }
      let selectors = rule[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
      let declarations = rule[rule.index(after: open)...].split(separator: ";").map {
        $0.filter { !$0.isWhitespace }
      }
      return (selectors, declarations)
    }
  }

  @Test func typedTextBreaksAnywhereOnEveryPage() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      let response = try await client.execute(uri: "/static/app.css", method: .get)
      #expect(response.status == .ok)
      let rules = Self.rules(String(buffer: response.body))
      // On `body`, inherited by every element that shows typed text: names (h1, .name), notes and topics (li),
      // drafts (blockquote), reasons (.reason, p), profile and goal (dd), labels of topics to resolve.
      let body = rules.filter { $0.selectors.split(separator: ",").contains("body") }.flatMap(\.declarations)
      #expect(body.contains("overflow-wrap:anywhere") && body.contains("word-break:break-word"), "\(body)")
      // Nothing takes it back for those elements.
      for rule in rules {
        for declaration in rule.declarations
        where declaration.hasPrefix("overflow-wrap:") || declaration.hasPrefix("word-break:") {
          #expect(["overflow-wrap:anywhere", "word-break:break-word"].contains(declaration), "\(rule.selectors)")
        }
        let selectors = rule.selectors.split(separator: ",").map { String($0) }
        let typed = [
          "body", "main", "h1", "li", "p", "dd", "blockquote", "label", ".name", ".reason", ".meta", ".card",
        ]
        if selectors.contains(where: typed.contains) {
          #expect(!rule.declarations.contains("white-space:nowrap"), "\(rule.selectors)")
        }
      }
    }
  }
}
