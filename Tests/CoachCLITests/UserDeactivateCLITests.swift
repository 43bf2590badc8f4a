import Foundation
import Testing

/// A consultant who leaves: their leads are moved, then an admin deactivates them. From then on they cannot act, be
/// given leads, set a password or be saved as the default user; their history stays, and an admin can bring them
/// back. On both engines (the CLI suite runs on PostgreSQL too).
@Suite struct UserDeactivateCLITests {
  /// The JSON error's code (`--json` writes it to stdout).
  static func code(_ r: CLI.Result) -> String? {
    ((try? r.json())?["error"] as? [String: Any])?["code"] as? String
  }

  @Test func aUserWhoLeftIsDeactivatedAfterTheirLeadsAreMovedAndCanBeBroughtBack() throws {
    let shop = try SecurityCLITests.Showroom()
    let boss = shop.admin
    let ann = shop.as_("ann")
    // Not while ann owns a lead: it would fall out of every queue.
    let owning = try boss.run(["user", "deactivate", "ann", "--json"])
    #expect(owning.status == 65 && Self.code(owning) == "still_owns_leads", "\(owning.stderr)")
    #expect(try ann.run(["next"]).status == 0)
    // Only an admin; never oneself.
    let byLead = try shop.as_("lea").run(["user", "deactivate", "bob", "--json"])
    #expect(byLead.status == 65 && Self.code(byLead) == "forbidden", "\(byLead.stderr)")
    let own = try boss.run(["user", "deactivate", "boss", "--json"])
    #expect(own.status == 65 && Self.code(own) == "cannot_deactivate_self", "\(own.stderr)")

    #expect(try boss.run(["lead", "reassign", "--from", "ann", "--to", "bob"]).status == 0)
    let done = try boss.run(["user", "deactivate", "ann", "--json"])
    #expect(done.status == 0, "\(done.stderr)")
    let doc = try done.json()
    #expect((doc["user"] as? [String: Any])?["active"] as? Bool == false)
    #expect(doc["changed"] as? Bool == true)
    let again = try boss.run(["user", "deactivate", "ann", "--json"])
    let againDoc = try again.json()
    #expect(again.status == 0 && againDoc["changed"] as? Bool == false)

    for (who, args) in [
      ("ann", ["next"]), ("boss", ["lead", "add", "--name", "新客户", "--phone", "13912345678", "--consultant", "ann"]),
      ("boss", ["lead", "reassign", "--from", "bob", "--to", "ann"]), ("boss", ["user", "use", "ann"]),
    ] {
      let r = try shop.as_(who).run(args + ["--json"])
      #expect(r.status == 65 && Self.code(r) == "user_deactivated", "\(args): \(r.status) \(r.stderr)")
    }
    let password = try boss.run(
      ["user", "passwd", "ann", "--password-stdin", "--json"], stdin: Data("secret-pass-1\n".utf8))
    #expect(password.status == 65 && Self.code(password) == "user_deactivated", "\(password.stderr)")
    // Still listed, as deactivated; bob kept ann's lead.
    let users = (try boss.run(["user", "list", "--json"]).json()["users"] as? [[String: Any]]) ?? []
    let listed = try #require(users.first { $0["name"] as? String == "ann" })
    #expect(listed["active"] as? Bool == false && listed["deactivated_at"] != nil)
    #expect(users.first { $0["name"] as? String == "bob" }?["active"] as? Bool == true)
    let table = try boss.run(["user", "list"]).stdout
    #expect(table.contains("deactivated") && table.contains("status"), "\(table)")
    let zh = try boss.run(["user", "list"], env: ["COACH_LANG": "zh-CN"]).stdout
    #expect(zh.contains("姓名") && zh.contains("已停用") && zh.contains("顾问") && !zh.contains("consultant"), "\(zh)")

    // Nor by an import: the row is bad (with --strict the file is refused), never a lead of someone who left.
    let file = boss.dir.appendingPathComponent("leads.csv")
    try Data("name,phone,consultant\n新客户甲,13900002221,ann\n新客户乙,13900002222, ann \n新客户丙,13900002223,bob\n".utf8)
      .write(to: file)
    let strict = try boss.run(["import", "leads", file.path, "--strict", "--json"])
    #expect(strict.status == 65, "\(strict.stderr)")
    let imported = try boss.run(["import", "leads", file.path, "--json"])
    let report = try imported.json()
    #expect(report["imported"] as? Int == 1, "\(imported.stdout)")
    let reasons = (report["skipped"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
    #expect(reasons.count == 2 && reasons.allSatisfy { $0.contains("deactivated") }, "\(reasons)")

    let back = try boss.run(["user", "activate", "ann", "--json"])
    let backDoc = try back.json()
    #expect(back.status == 0 && (backDoc["user"] as? [String: Any])?["active"] as? Bool == true)
    #expect(try ann.run(["next"]).status == 0)
  }
}
