import Foundation
import Testing

/// `coach doctor` finds rows of the trigger-kept tables edited by hand, and `--rebuild-derived` repairs them.
@Suite struct DoctorCLITests {
  static let tables = "SELECT * FROM lastTouch ORDER BY leadId, kind; SELECT * FROM delivery ORDER BY eventId;"

  @Test func handEditsAreFoundAndRebuilt() throws {
    var cli = try CLI()
    #expect(try cli.run(["demo"]).status == 0)
    cli.user = "周主任"
    let fresh = try cli.run(["doctor", "--quick", "--json"])
    #expect(fresh.status == 0, "\(fresh.stderr)")
    #expect(try fresh.json()["healthy"] as? Bool == true)
    #expect(try fresh.json()["derived"] as? [String: Int] == [:])
    #expect(try fresh.json()["rebuilt"] == nil)
    let right = try ImportCLITests.sqlite(cli.db, Self.tables)
    #expect(right.split(separator: "\n").count > 100)

    // Two leads' last touches lost, one delivery's model changed: what an older binary or a hand edit could do.
    _ = try ImportCLITests.sqlite(
      cli.db,
      """
      DELETE FROM lastTouch WHERE leadId IN (SELECT leadId FROM lastTouch WHERE kind = 0 ORDER BY leadId LIMIT 2);
      UPDATE delivery SET model = 'M80' WHERE eventId = (SELECT MIN(eventId) FROM delivery);
      """)
    let bad = try cli.run(["doctor", "--quick"])
    #expect(bad.status == 65)
    #expect(
      bad.stderr.contains("2 leads with wrong last_touch rows: repair with `coach doctor --rebuild-derived`"),
      "\(bad.stderr)")
    #expect(bad.stderr.contains("1 leads with wrong delivery rows"), "\(bad.stderr)")
    #expect(bad.stdout.contains("derived      delivery 1 leads wrong, last_touch 2 leads wrong"), "\(bad.stdout)")
    let zh = try cli.run(["doctor", "--quick", "--lang", "zh-CN"])
    #expect(zh.status == 65)
    #expect(zh.stdout.contains("派生表       delivery 1 条线索有误, last_touch 2 条线索有误"), "\(zh.stdout)")
    #expect(zh.stdout.hasSuffix("发现问题\n"), "\(zh.stdout)")
    let badJSON = try cli.run(["doctor", "--quick", "--json"])
    #expect(badJSON.status == 65)
    #expect(try badJSON.json()["derived"] as? [String: Int] == ["delivery": 1, "last_touch": 2])
    #expect(try badJSON.json()["healthy"] as? Bool == false)

    let repaired = try cli.run(["doctor", "--quick", "--json", "--rebuild-derived"])
    #expect(repaired.status == 0, "\(repaired.stderr)")
    let doc = try repaired.json()
    #expect(doc["healthy"] as? Bool == true)
    #expect(doc["derived"] as? [String: Int] == [:])
    let rebuilt = doc["rebuilt"] as? [String: [String: Int]]
    #expect(rebuilt?["last_touch"]?["wrong_leads"] == 2)
    #expect(rebuilt?["delivery"] == ["wrong_leads": 1, "rows_removed": 1, "rows_written": 1])
    #expect(try ImportCLITests.sqlite(cli.db, Self.tables) == right)

    let again = try cli.run(["doctor", "--rebuild-derived"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      again.stdout.contains("rebuilt      delivery nothing to change, last_touch nothing to change"), "\(again.stdout)")
    #expect(again.stdout.contains("derived      ok"))
    #expect(again.stdout.hasSuffix("healthy\n"))
    let zhAgain = try cli.run(["doctor", "--quick", "--lang", "zh-CN"])
    #expect(zhAgain.status == 0)
    #expect(zhAgain.stdout.contains("派生表       正常") && zhAgain.stdout.contains("孤立行       无"), "\(zhAgain.stdout)")
    #expect(zhAgain.stdout.hasSuffix("健康\n"))
    #expect(try cli.run(["doctor"]).status == 0)
  }
}
