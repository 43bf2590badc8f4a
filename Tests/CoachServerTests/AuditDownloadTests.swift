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
}
