import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The audit page's figures as a CSV download: a team lead's own team only, the command line's columns, a file name
/// that says the period, and a link on the page.
@Suite struct AuditDownloadTests {
  @Test func aTeamLeadDownloadsTheTeamsFiguresAsCSV() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      let r = try await shop.send(client, "lena", .get, "/audit.csv?from=2026-11-01&to=2026-11-24")
      #expect(r.status == .ok)
      #expect(r.headers[.contentType] == "text/csv; charset=utf-8")
      #expect(r.headers[.contentDisposition] == "attachment; filename=\"coach-audit-2026-11-01-2026-11-24.csv\"")
      let csv = String(buffer: r.body)
      let rows = csv.split(whereSeparator: \.isNewline).map(String.init)
      #expect(rows.first?.hasPrefix("\u{FEFF}consultant,") == true, "\(csv)")
      #expect(rows.contains { $0.hasPrefix("alice,") } && !rows.contains { $0.hasPrefix("carl,") }, "\(csv)")
      let page = String(buffer: try await shop.send(client, "lena", .get, "/audit?from=2026-11-01&to=2026-11-24").body)
      #expect(page.contains("href=\"/audit.csv?from=2026-11-01&amp;to=2026-11-24\""))
      let bad = try await shop.send(client, "lena", .get, "/audit.csv?from=2026-11-24&to=2026-11-01")
      #expect(bad.status == .badRequest || bad.status == .unprocessableContent)
      let consultant = try await shop.send(client, "alice", .get, "/audit.csv?from=2026-11-01&to=2026-11-24")
      #expect(consultant.status == .forbidden)
    }
  }

  /// `?consultant=` on the pages as on the API: one consultant's figures on the page, the report and the CSV, each
  /// name on the team's page a link to them; another team's consultant is refused (403) as by the API.
  @Test func theAuditPagesShowOneConsultantAsTheAPIDoes() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      let window = "from=2026-11-01&to=2026-11-24"
      let team = String(buffer: try await shop.send(client, "lena", .get, "/audit?\(window)").body)
      #expect(
        team.contains("href=\"/audit?from=2026-11-01&amp;to=2026-11-24&amp;consultant=alice\">alice</a>"), "\(team)")
      let one = try await shop.send(client, "lena", .get, "/audit?\(window)&consultant=alice")
      #expect(one.status == .ok)
      let page = String(buffer: one.body)
      #expect(page.contains("<th scope=\"row\">alice</th>") && !page.contains(">bob<"), "\(page)")
      #expect(page.contains("href=\"/audit.csv?from=2026-11-01&amp;to=2026-11-24&amp;consultant=alice\""))
      let csv = String(buffer: try await shop.send(client, "lena", .get, "/audit.csv?\(window)&consultant=alice").body)
      #expect(csv.contains("alice,") && !csv.contains("bob,"), "\(csv)")
      for path in ["/audit", "/audit.csv", "/audit/report"] {
        let other = try await shop.send(client, "lena", .get, "\(path)?\(window)&consultant=carl")
        #expect(other.status == .forbidden, "\(path)")
      }
    }
  }

  /// The team's alerts and the audit refused, and a period backwards, are worded for the pages: no `--team` or
  /// `--from`, roles as the pages name them.
  @Test func theDesksRefusalsAreInThePagesWords() async throws {
    let shop = try RouteShop()
    try await shop.app().test(.router) { client in
      for (path, zh, en) in [
        (
          "/alerts?team=1", "团队提醒只给销售经理和管理员看；alice 的角色是销售顾问",
          "alerts are for team leads and admins; alice is a consultant"
        ),
        ("/audit", "跟进审计只给销售经理和管理员看", "the follow-up audit is for team leads and admins"),
      ] {
        for (lang, words) in [("zh-CN", zh), ("en", en)] {
          let page = String(
            buffer: try await shop.send(client, "alice", .get, "\(path)\(path.contains("?") ? "&" : "?")lang=\(lang)")
              .body)
          #expect(page.contains(words) && !page.contains("--team") && !page.contains("coach audit"), "\(path) \(lang)")
        }
      }
      let backwards = try await shop.send(client, "lena", .get, "/audit?from=2026-11-30&to=2026-11-01&lang=en")
      #expect(String(buffer: backwards.body).contains("the first day 2026-11-30 is after the last day 2026-11-01"))
    }
  }
}
