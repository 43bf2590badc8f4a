import CoachCore
import CoachStoreAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Snoozing over HTTP: `POST /leads/ID/snooze` (the lead page's form) and `POST /api/v1/leads/ID/snooze` set a
/// snooze as `coach snooze ID --until DATE --reason TEXT` does, `…/snooze/clear` lifts it as `--clear` does; the
/// refusals are ChangeRouteTests' subject.
@Suite struct SnoozeRouteTests {
  static func json(_ r: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]) ?? [:]
  }

  @Test func aTeamLeadSnoozesALeadOnItsPageAndTheConsultantSeesItAndLiftsItThroughTheAPI() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      let set = try await shop.send(
        client, "lena", .post, "/leads/\(lead)/snooze?lang=en", form: "until=2026-12-05&reason=abroad+until+the+5th")
      #expect(set.status == .seeOther)
      let location = try #require(set.headers[.location])
      #expect(location.hasPrefix("/leads/\(lead)?done=snooze&mark="), "\(location)")
      for (language, held, flash) in [
        ("en", "sales follow-ups snoozed until 2026-12-05 (abroad until the 5th, set by lena)", "Follow-ups snoozed."),
        ("zh-CN", "销售跟进暂停到 2026-12-05 (原因：abroad until the 5th，lena 设置)", "已暂停跟进。"),
      ] {
        let page = String(buffer: try await shop.send(client, "alice", .get, location + "&lang=\(language)").body)
        #expect(page.contains(held), "\(language)")
        // The confirmation is lena's, whose change it was: alice, sent the same link, reads no "snoozed" of hers.
        #expect(!page.contains(flash), "\(language)")
        let own = String(buffer: try await shop.send(client, "lena", .get, location + "&lang=\(language)").body)
        #expect(own.contains(flash), "\(language)")
        #expect(page.contains("action=\"/leads/\(lead)/snooze/clear\""), "\(language)")
      }
      let brief = Self.json(try await shop.send(client, "alice", .get, "/api/v1/next?lead=\(lead)&limit=0"))
      #expect((brief["brief"] as? [String: Any])?["snoozed_until"] as? String == "2026-12-05")
      let shown = Self.json(try await shop.send(client, "alice", .get, "/api/v1/leads/\(lead)"))
      #expect(shown["snoozed_until"] as? String == "2026-12-05")
      #expect(shown["snoozed_by"] as? String == "lena")

      let lifted = try await shop.send(client, "alice", .post, "/api/v1/leads/\(lead)/snooze/clear", json: "{}")
      #expect(lifted.status == .ok)
      let body = Self.json(lifted)
      #expect(body["lead_id"] as? String == lead)
      #expect(body["until"] as? String == "2026-12-05")
      #expect(body["reason"] as? String == "abroad until the 5th")
      #expect(body["by"] as? String == "lena")
      #expect(body["at"] as? String == "2026-11-24T09:00:00+08:00")
      #expect(body["cleared_by"] as? String == "alice")
      #expect(body["cleared_at"] as? String == "2026-11-24T09:00:00+08:00")
      let page = String(buffer: try await shop.send(client, "alice", .get, "/leads/\(lead)?lang=en").body)
      #expect(!page.contains("/snooze/clear"))
      #expect(!page.contains("snoozed until"))
      let again = try await shop.send(client, "alice", .post, "/api/v1/leads/\(lead)/snooze/clear", json: "{}")
      #expect(again.status == .unprocessableContent)
    }
    #expect(try shop.written().contains("snoozes 1, cleared 1"))
  }

  @Test func theAPISnoozeIsCreatedWithTheCLIsShapeAndASecondOneLiftsTheFirst() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("carl")
    try await shop.app().test(.router) { client in
      let first = try await shop.send(
        client, "boss", .post, "/api/v1/leads/\(lead)/snooze", json: #"{"until": "2026-12-05", "reason": "在外地"}"#)
      #expect(first.status == .created)
      let body = Self.json(first)
      #expect(Set(body.keys) == ["lead_id", "until", "reason", "by", "at", "cleared_at", "cleared_by"])
      #expect(body["cleared_at"] is NSNull && body["cleared_by"] is NSNull)
      #expect(body["by"] as? String == "boss")
      let second = try await shop.send(
        client, "boss", .post, "/api/v1/leads/\(lead)/snooze", json: #"{"until": "2026-12-10", "reason": "住院"}"#)
      #expect(second.status == .created)
      let shown = Self.json(try await shop.send(client, "boss", .get, "/api/v1/leads/\(lead)"))
      #expect(shown["snoozed_until"] as? String == "2026-12-10")
      let snoozes = shown["snoozes"] as? [[String: Any]] ?? []
      #expect(snoozes.count == 2)
      #expect(snoozes.first?["cleared_by"] as? String == "boss")
    }
  }

  @Test func theConsultantSetsAndLiftsASnoozeWithThePagesFormsInBothLanguages() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    try await shop.app().test(.router) { client in
      let page = String(buffer: try await shop.send(client, "alice", .get, "/leads/\(lead)?lang=zh-CN").body)
      #expect(page.contains("<h2>暂停跟进</h2>") && page.contains("name=\"until\"") && page.contains("name=\"reason\""))
      #expect(!page.contains("/snooze/clear"))
      let set = try await shop.send(
        client, "alice", .post, "/leads/\(lead)/snooze?lang=zh-CN", form: "until=2026-12-01&reason=%E5%87%BA%E5%B7%AE")
      #expect(set.status == .seeOther)
      let cleared = try await shop.send(client, "alice", .post, "/leads/\(lead)/snooze/clear?lang=en", form: "")
      #expect(cleared.status == .seeOther)
      let location = try #require(cleared.headers[.location])
      #expect(location.hasPrefix("/leads/\(lead)?done=unsnooze&mark="), "\(location)")
      let after = String(buffer: try await shop.send(client, "alice", .get, location + "&lang=en").body)
      #expect(after.contains("Snooze lifted: follow-ups resume."))
      #expect(after.contains("<h2>Snooze follow-ups</h2>"))
    }
    #expect(try shop.written().contains("snoozes 1, cleared 1"))
  }
}

/// The web lead page lists the lead's edits as `lead show` does, newest first, phone numbers masked as on the page.
@Suite struct LeadPageEditTests {
  @Test func theLeadPageShowsWhoChangedWhichFieldFromWhatToWhat() async throws {
    let shop = try RouteShop()
    let lead = shop.lead("alice")
    var edit = LeadEdit()
    edit.city = "苏州"
    try shop.db.editLead(
      id: try LeadID.typed(lead), edit, now: Date(timeIntervalSince1970: 1_795_000_000), actor: "lena", scope: .all)
    try await shop.app().test(.router) { client in
      for (language, heading, line) in [
        ("en", "Edits (1)", "lena · city: - → 苏州"), ("zh-CN", "资料修改 (1)", "lena · 城市：- → 苏州"),
      ] {
        let page = String(buffer: try await shop.send(client, "alice", .get, "/leads/\(lead)?lang=\(language)").body)
        #expect(page.contains(heading) && page.contains(line), "\(language)")
        #expect(!page.contains("the latest 10") && !page.contains("最近 10 条"))
      }
      for n in 1...11 {
        var later = LeadEdit()
        later.city = "城市\(n)"
        try shop.db.editLead(
          id: try LeadID.typed(lead), later, now: Date(timeIntervalSince1970: 1_795_000_000 + Double(n)), actor: "lena",
          scope: .all)
      }
      let page = String(buffer: try await shop.send(client, "alice", .get, "/leads/\(lead)?lang=en").body)
      #expect(page.contains("Edits (12)") && page.contains("the latest 10 of 12") && page.contains("城市10 → 城市11"))
      #expect(!page.contains("- → 苏州"), "the oldest edits are left out")
    }
  }
}
