import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A refused form comes back holding what was typed (escaped for HTML), in the form that was sent only; passwords
/// are never drawn again.
@Suite struct TypedFormTests {
  static func encoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
  }

  /// The HTML of the form posting to `action`, up to its end.
  static func form(_ html: String, action: String) -> String {
    guard let start = html.range(of: "action=\"\(action)\"") else { return "" }
    let rest = html[start.lowerBound...]
    return String(rest[..<(rest.range(of: "</form>")?.upperBound ?? rest.endIndex)])
  }

  static let note = "客户说 <b>\"下周\"</b> & 'maybe'\nsecond line"
  static let escapedNote = "客户说 &lt;b&gt;&quot;下周&quot;&lt;/b&gt; &amp; &#39;maybe&#39;\nsecond line"

  @Test func aRefusedTouchKeepsTheNoteAndEverythingElseTyped() async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    let lead = shop.lead("alice")
    let typed = [
      ("channel", "wechat"), ("outcome", "no_answer"), ("note", Self.note), ("bury", "trade-in <price>"),
      ("bury_kind", "policy"), ("objection", "wait_too_long"), ("objection", "no_such"),
      ("next", "2026-11-30T10:00"),
    ]
    let body = typed.map { "\($0.0)=\(Self.encoded($0.1))" }.joined(separator: "&")
    try await shop.app().test(.router) { client in
      let r = try await shop.send(client, "alice", .post, "/leads/\(lead)/touches", form: body)
      #expect(r.status == .unprocessableContent)
      let html = String(buffer: r.body)
      let touch = Self.form(html, action: "/leads/\(lead)/touches")
      for part in [
        "<textarea name=\"note\" rows=\"3\" maxlength=\"2000\">\n\(Self.escapedNote)</textarea>",
        "<input name=\"bury\" value=\"trade-in &lt;price&gt;\">", "<option value=\"wechat\" selected>",
        "<option value=\"no_answer\" selected>", "<option value=\"policy\" selected>",
        "value=\"wait_too_long\" checked>", "name=\"next\" value=\"2026-11-30T10:00\">",
      ] {
        #expect(touch.contains(part), "\(part)")
      }
      #expect(!touch.contains("<option value=\"call\" selected>"))
      #expect(!html.contains("<b>\"下周\"</b>"))
      // The other forms are drawn as always.
      let stage = Self.form(html, action: "/leads/\(lead)/stage")
      #expect(!stage.isEmpty && !stage.contains("value=\"客户说"))

      let badChannel = try await shop.send(
        client, "alice", .post, "/leads/\(lead)/touches",
        form: "channel=fax&outcome=reached&note=\(Self.encoded("记得回电"))")
      #expect(badChannel.status == .badRequest)
      #expect(String(buffer: badChannel.body).contains(">\n记得回电</textarea>"))
    }
    #expect(try shop.written() == before)
  }

  @Test func aRefusedStageChangeOrSnoozeKeepsWhatWasTyped() async throws {
    let shop = try RouteShop()
    let before = try shop.written()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      let stage = try await shop.send(
        client, "alice", .post, "/leads/\(lead)/stage",
        form: "stage=deposit&amount=lots&note=\(Self.encoded("付了\"一半\""))&model=X60&eta=2026-12-20")
      #expect(stage.status == .badRequest)
      let form = Self.form(String(buffer: stage.body), action: "/leads/\(lead)/stage")
      for part in [
        "<option value=\"deposit\" selected>", "name=\"amount\" inputmode=\"decimal\" value=\"lots\">",
        "name=\"note\" value=\"付了&quot;一半&quot;\">", "<option value=\"X60\" selected>",
        "name=\"eta\" value=\"2026-12-20\">",
      ] {
        #expect(form.contains(part), "\(part)")
      }
      let snooze = try await shop.send(
        client, "alice", .post, "/leads/\(lead)/snooze", form: "until=2026-11-20&reason=\(Self.encoded("出国 <两周>"))")
      #expect(snooze.status == .unprocessableContent)
      let held = Self.form(String(buffer: snooze.body), action: "/leads/\(lead)/snooze")
      #expect(held.contains("name=\"until\" value=\"2026-11-20\" required>"), "\(held)")
      #expect(held.contains("name=\"reason\" value=\"出国 &lt;两周&gt;\" required>"), "\(held)")
    }
    #expect(try shop.written() == before)
  }

  @Test func theAdminAndLoginFormsKeepNamesButNeverPasswords() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      let duplicate = try await shop.send(
        client, "boss", .post, "/admin/users", form: "name=bob&role=lead&team=\(Self.encoded("东区 <1>"))")
      #expect(duplicate.status == .unprocessableContent)
      let add = Self.form(String(buffer: duplicate.body), action: "/admin/users")
      #expect(add.contains("name=\"name\" value=\"bob\""), "\(add)")
      #expect(add.contains("name=\"team\" value=\"东区 &lt;1&gt;\""), "\(add)")
      #expect(add.contains("<option value=\"lead\" selected>"))

      let mismatch = try await shop.send(
        client, "boss", .post, "/admin/password", form: "name=carl&password=secret+one+1&repeat=secret+two+2")
      #expect(mismatch.status == .badRequest)
      let html = String(buffer: mismatch.body)
      #expect(Self.form(html, action: "/admin/password").contains("<option value=\"carl\" selected>"))
      #expect(!html.contains("secret one") && !html.contains("secret two"))

      let login = try await shop.send(
        client, nil, .post, "/login", form: "user=\(Self.encoded("alice\"<"))&password=guess+me+7")
      #expect(login.status == .unauthorized)
      let page = String(buffer: login.body)
      #expect(page.contains("name=\"user\" value=\"alice&quot;&lt;\""))
      #expect(!page.contains("guess me"))
    }
  }
}
