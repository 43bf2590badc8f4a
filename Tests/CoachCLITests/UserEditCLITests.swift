import Foundation
import Testing

/// `coach user edit`: an admin moves a consultant to another team or makes them a team lead; the team decides which
/// team lead sees their leads. On both engines (the CLI suite runs on PostgreSQL too).
@Suite struct UserEditCLITests {
  static func code(_ r: CLI.Result) -> String? { UserDeactivateCLITests.code(r) }

  /// The ids of the leads `user` sees with `lead list`.
  static func visible(_ shop: SecurityCLITests.Showroom, _ user: String) throws -> Set<String> {
    let leads = try shop.as_(user).run(["lead", "list", "--json"]).json()["leads"] as? [[String: Any]] ?? []
    return Set(leads.compactMap { $0["id"] as? String })
  }

  @Test func aConsultantMovedToAnotherTeamIsSeenByThatTeamsLead() throws {
    let shop = try SecurityCLITests.Showroom()
    let boss = shop.admin
    // lea leads team A (ann, bob); cid is in team B.
    let cidLead = try #require(shop.leads["cid"])
    #expect(!(try Self.visible(shop, "lea")).contains(cidLead))
    let moved = try boss.run(["user", "edit", "cid", "--team", " A ", "--json"])
    #expect(moved.status == 0, "\(moved.stderr)")
    let doc = try moved.json()
    #expect((doc["user"] as? [String: Any])?["team"] as? String == "A" && doc["changed"] as? Bool == true)
    #expect(try Self.visible(shop, "lea").contains(cidLead))
    let same = try boss.run(["user", "edit", "cid", "--team", "A", "--json"])
    let sameDoc = try same.json()
    #expect(same.status == 0 && sameDoc["changed"] as? Bool == false)
    #expect(try boss.run(["user", "edit", "cid", "--team", "A"]).stdout.contains("unchanged"))

    // Out of every team: only an admin sees the lead then.
    #expect(try boss.run(["user", "edit", "cid", "--no-team"]).status == 0)
    #expect(!(try Self.visible(shop, "lea")).contains(cidLead))
    let users = try boss.run(["user", "list", "--json"]).json()["users"] as? [[String: Any]] ?? []
    #expect(users.first { $0["name"] as? String == "cid" }?["team"] == nil)

    // bob made team lead of B and given cid's team: he now sees cid's lead, his own stay his.
    #expect(try boss.run(["user", "edit", "cid", "--team", "B"]).status == 0)
    let promoted = try boss.run(["user", "edit", "bob", "--role", "lead", "--team", "B"])
    #expect(promoted.status == 0 && promoted.stdout.contains("updated bob: lead, team B"), "\(promoted.stdout)")
    let bobSees = try Self.visible(shop, "bob")
    let bobLead = try #require(shop.leads["bob"])
    #expect(bobSees.contains(cidLead) && bobSees.contains(bobLead))
    let zh = try boss.run(["user", "edit", "bob", "--team", "B"], env: ["COACH_LANG": "zh-CN"]).stdout
    #expect(zh.contains("没有变化") && zh.contains("主管"), "\(zh)")
  }

  @Test func refusalsChangeNothing() throws {
    let shop = try SecurityCLITests.Showroom()
    let boss = shop.admin
    let before = try boss.run(["user", "list", "--json"]).stdout
    let cases: [(String, [String], Int32, String)] = [
      ("lea", ["user", "edit", "ann", "--team", "B"], 65, "forbidden"),
      ("boss", ["user", "edit", "ann", "--role", "trainer"], 65, "still_owns_leads"),
      ("boss", ["user", "edit", "boss", "--role", "lead"], 65, "cannot_change_own_role"),
      ("boss", ["user", "edit", "ann", "--role", "group_admin"], 65, "bad_role"),
      ("boss", ["user", "edit", "nobody", "--team", "A"], 65, "unknown_user"),
      ("boss", ["user", "edit", "ann", "--team", "  "], 64, "blank_text"),
    ]
    for (who, args, status, code) in cases {
      let r = try shop.as_(who).run(args + ["--json"])
      #expect(r.status == status && Self.code(r) == code, "\(args): \(r.status) \(r.stdout) \(r.stderr)")
    }
    for args in [["user", "edit", "ann"], ["user", "edit", "ann", "--team", "A", "--no-team"]] {
      let r = try boss.run(args)
      #expect(r.status == 64 && r.stderr.contains("--no-team"), "\(args): \(r.stderr)")
    }
    #expect(try boss.run(["user", "list", "--json"]).stdout == before)
    // Once ann's leads are moved she may become a trainer; a blank team is refused for a new user too.
    #expect(try boss.run(["lead", "reassign", "--from", "ann", "--to", "bob"]).status == 0)
    #expect(try boss.run(["user", "edit", "ann", "--role", "trainer"]).status == 0)
    let blank = try boss.run(["user", "add", "dan", "--role", "consultant", "--team", " ", "--json"])
    #expect(blank.status == 64 && Self.code(blank) == "blank_text", "\(blank.stdout)")
  }
}
