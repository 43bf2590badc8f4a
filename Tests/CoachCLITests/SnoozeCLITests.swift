import Foundation
import Testing

/// `coach snooze` and escalation end to end on a hand-built team (zone Asia/Shanghai, every time pinned):
/// boss (admin), 王经理 (team lead of T), 李娜 and 张伟 (consultants of T).
@Suite struct SnoozeCLITests {
  /// The team, and lead A of 李娜: created 2026-11-01 09:00 (grade B, birthday 11-12), reached at 10:00, so its
  /// cadence follow-up falls due 11-08 10:00 (B: every 7 days), deadline 11-09 10:00 (24 h grace).
  func team() throws -> (cli: CLI, a: String) {
    var cli = try CLI()
    cli.now = "2026-11-01T08:00:00+08:00"
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    #expect(try cli.run(["user", "add", "王经理", "--role", "lead", "--team", "T"]).status == 0)
    #expect(try cli.run(["user", "add", "李娜", "--role", "consultant", "--team", "T"]).status == 0)
    #expect(try cli.run(["user", "add", "张伟", "--role", "consultant", "--team", "T"]).status == 0)
    cli.now = "2026-11-01T09:00:00+08:00"
    let a = try cli.addLead(["--consultant", "李娜", "--grade", "B", "--birthday", "1990-11-12"])
    cli.now = "2026-11-01T10:00:00+08:00"
    #expect(
      try cli.run(["touch", a, "--channel", "call", "--outcome", "reached", "--next", "2026-11-08T10:00:00+08:00"])
        .status == 0)
    return (cli, a)
  }

  func at(_ cli: CLI, _ now: String, as user: String) -> CLI {
    var c = cli
    c.now = now
    c.user = user
    return c
  }

  func queueIDs(_ r: CLI.Result) throws -> [String] {
    try #require(try r.json()["queue"] as? [[String: Any]]).compactMap { $0["lead_id"] as? String }
  }

  func alertIDs(_ r: CLI.Result) throws -> [String] {
    try #require(try r.json()["alerts"] as? [[String: Any]]).compactMap { $0["lead_id"] as? String }
  }

  /// The customer, reached during a snooze, agrees a call before it ends: the agreement comes first, the snooze is
  /// lifted (and says so), and the call is in the queue on its day.
  @Test func aNextContactAgreedDuringASnoozeLiftsIt() throws {
    let (cli, a) = try team()
    let li = at(cli, "2026-11-03T09:00:00+08:00", as: "李娜")
    #expect(try li.run(["snooze", a, "--until", "2026-11-20", "--reason", "abroad"]).status == 0)
    let call = at(cli, "2026-11-05T09:00:00+08:00", as: "李娜")
    let touch = try call.run([
      "touch", a, "--channel", "wechat", "--outcome", "reached", "--next", "2026-11-12T10:00:00+08:00", "--lang", "en",
    ])
    #expect(touch.status == 0 && touch.stdout.contains("Snooze lifted (it held until 2026-11-20)"), "\(touch.stdout)")
    let due = at(cli, "2026-11-12T11:00:00+08:00", as: "李娜")
    #expect(try queueIDs(due.run(["next", "--json"])) == [a])
    // A next contact after the snooze's day leaves it in place.
    let again = at(cli, "2026-11-05T12:00:00+08:00", as: "李娜")
    #expect(try again.run(["snooze", a, "--until", "2026-11-20", "--reason", "abroad"]).status == 0)
    let later = try at(cli, "2026-11-06T09:00:00+08:00", as: "李娜").run([
      "touch", a, "--channel", "wechat", "--outcome", "reached", "--next", "2026-11-21T10:00:00+08:00", "--lang", "en",
    ])
    #expect(later.status == 0 && !later.stdout.contains("Snooze lifted"), "\(later.stdout)")
  }

  /// A snooze that moves an agreed call past the time agreed: the reason names the time the customer agreed (not
  /// the snooze's end) and the draft apologises for calling late instead of saying "as we agreed".
  @Test func aCallASnoozeMovedPastTheAgreedTimeIsNotSentAsAgreed() throws {
    let (cli, a) = try team()
    #expect(
      try at(cli, "2026-11-03T09:00:00+08:00", as: "李娜").run(["snooze", a, "--until", "2026-11-15", "--reason", "away"])
        .status == 0)
    let after = at(cli, "2026-11-15T09:00:00+08:00", as: "李娜")
    let r = try after.run(["next", "--lead", a, "--json", "--lang", "en"])
    #expect(r.status == 0, "\(r.stderr)")
    let queue = try #require(try r.json()["queue"] as? [[String: Any]])
    #expect(queue.first?["action"] as? String == "agreed_followup")
    let reason = queue.first?["reason"] as? String ?? ""
    #expect(reason.contains("agreed with the customer for 2026-11-08 10:00"), "\(reason)")
    let draft = (try r.json()["brief"] as? [String: Any])?["message_draft"] as? String ?? ""
    #expect(draft.contains("sorry I'm late calling"), "\(draft)")
    #expect(!draft.contains("as we agreed"), "\(draft)")
    // Without the snooze the call on the agreed day says "as we agreed".
    let (plain, b) = try team()
    let onTime = try at(plain, "2026-11-08T10:00:00+08:00", as: "李娜").run([
      "next", "--lead", b, "--json", "--lang", "en",
    ])
    let onTimeDraft = (try onTime.json()["brief"] as? [String: Any])?["message_draft"] as? String ?? ""
    #expect(onTimeDraft.contains("as we agreed"), "\(onTimeDraft)")
  }

  @Test func aSnoozeHoldsSalesFollowUpsUntilItsDayButNotTheBirthday() throws {
    let (cli, a) = try team()
    let li = at(cli, "2026-11-03T09:00:00+08:00", as: "李娜")
    let set = try li.run(["snooze", a, "--until", "2026-11-20", "--reason", "abroad until the 20th", "--json"]).json()
    #expect(set["lead_id"] as? String == a && set["until"] as? String == "2026-11-20")
    #expect(set["reason"] as? String == "abroad until the 20th" && set["by"] as? String == "李娜")
    #expect(set["at"] as? String == "2026-11-03T09:00:00+08:00" && set["cleared_at"] is NSNull)

    // 11-10: the cadence follow-up (due 11-08) is held: not in the queue, not overdue anywhere.
    let held = at(cli, "2026-11-10T09:00:00+08:00", as: "李娜")
    #expect(try queueIDs(held.run(["next", "--json"])) == [])
    #expect(try alertIDs(held.run(["alerts", "--json"])) == [])
    #expect(try alertIDs(at(cli, "2026-11-10T09:00:00+08:00", as: "王经理").run(["alerts", "--team", "--json"])) == [])
    // Its brief says what is held and why, and when it comes due: 00:00 on the 20th, with its 24 h to act.
    let brief = try #require(try held.run(["next", "--lead", a, "--json"]).json()["brief"] as? [String: Any])
    #expect(brief["action"] as? String == "agreed_followup")
    #expect(brief["due_at"] as? String == "2026-11-20T00:00:00+08:00")
    #expect(brief["deadline"] as? String == "2026-11-21T00:00:00+08:00")
    #expect(
      brief["snoozed_until"] as? String == "2026-11-20" && brief["snooze_reason"] as? String == "abroad until the 20th")
    let show = try held.run(["lead", "show", a, "--json"]).json()
    #expect(show["snoozed_until"] as? String == "2026-11-20" && show["snoozed_by"] as? String == "李娜")
    #expect(show["snooze_reason"] as? String == "abroad until the 20th")
    #expect((show["snoozes"] as? [[String: Any]])?.count == 1)
    #expect(
      try held.run(["lead", "show", a]).stdout.contains(
        "sales follow-ups snoozed until 2026-11-20 (abroad until the 20th, set by 李娜)"))

    // 11-20: the hold is over; the follow-up is due, not yet overdue.
    let back = try at(cli, "2026-11-20T09:00:00+08:00", as: "李娜").run(["next", "--json"]).json()
    let due = try #require((back["queue"] as? [[String: Any]])?.first)
    #expect(due["lead_id"] as? String == a && due["action"] as? String == "agreed_followup")
    #expect(due["overdue_days"] as? Double == 0)
    #expect(
      try at(cli, "2026-11-20T09:00:00+08:00", as: "李娜").run(["lead", "show", a, "--json"]).json()["snoozed_until"]
        is NSNull)
  }

  @Test func careStillComesDueWhileSalesFollowUpsAreHeld() throws {
    let (cli, _) = try team()
    // Owner D of 李娜 (birthday 11-12): delivered 09-01, called back 09-02; the referral ask is due from 10-01.
    let boss = at(cli, "2026-08-20T09:00:00+08:00", as: "boss")
    let d = try boss.addLead(["--consultant", "李娜", "--birthday", "1990-11-12"])
    #expect(try boss.run(["stage", d, "deposit", "--amount", "5000"]).status == 0)
    #expect(try boss.run(["stage", d, "waiting_for_delivery", "--eta", "2026-09-01"]).status == 0)
    #expect(try at(cli, "2026-09-01T10:00:00+08:00", as: "boss").run(["stage", d, "delivered"]).status == 0)
    #expect(
      try at(cli, "2026-09-02T10:00:00+08:00", as: "李娜").run(["touch", d, "--channel", "call", "--outcome", "reached"])
        .status == 0)
    let before = try at(cli, "2026-11-03T08:00:00+08:00", as: "李娜").run(["next", "--json"]).json()
    #expect(
      (before["queue"] as? [[String: Any]])?.first { $0["lead_id"] as? String == d }?["action"] as? String
        == "referral_ask")
    #expect(
      try at(cli, "2026-11-03T09:00:00+08:00", as: "李娜").run(["snooze", d, "--until", "2026-11-20", "--reason", "busy"])
        .status == 0)
    func queue(_ now: String) throws -> [String: String] {
      let entries = try #require(
        try at(cli, now, as: "李娜").run(["next", "--json"]).json()["queue"] as? [[String: Any]])
      return Dictionary(
        uniqueKeysWithValues: entries.map { ($0["lead_id"] as? String ?? "", $0["action"] as? String ?? "") })
    }
    #expect(try queue("2026-11-10T09:00:00+08:00")[d] == nil)  // the referral ask is held
    #expect(try queue("2026-11-11T09:00:00+08:00")[d] == "birthday")  // the birthday is not
    #expect(try queue("2026-11-13T09:00:00+08:00")[d] == nil)  // it lapsed; the referral ask is still held
    #expect(try queue("2026-11-20T09:00:00+08:00")[d] == "referral_ask")
  }

  @Test func clearingLiftsTheHoldAndIsRecorded() throws {
    let (cli, a) = try team()
    #expect(
      try at(cli, "2026-11-03T09:00:00+08:00", as: "李娜").run([
        "snooze", a, "--until", "2026-11-20", "--reason", "abroad",
      ]).status == 0)
    let lead = at(cli, "2026-11-05T09:00:00+08:00", as: "王经理")
    let cleared = try lead.run(["snooze", a, "--clear", "--json"]).json()
    #expect(
      cleared["cleared_at"] as? String == "2026-11-05T09:00:00+08:00" && cleared["cleared_by"] as? String == "王经理")
    // Lifted: the follow-up is overdue on 11-10 as the rules set it (deadline 11-09 10:00).
    let alerts = try #require(
      try at(cli, "2026-11-10T10:00:00+08:00", as: "李娜").run(["alerts", "--json"]).json()["alerts"] as? [[String: Any]])
    #expect(
      alerts.count == 1 && alerts.first?["lead_id"] as? String == a && alerts.first?["overdue_days"] as? Double == 1)
    let again = try lead.run(["snooze", a, "--clear"])
    #expect(again.status == 65 && again.stderr.contains("lead \(a) is not snoozed"))
  }

  @Test func badSnoozesAreRefusedAndWriteNothing() throws {
    let (cli, a) = try team()
    let li = at(cli, "2026-11-03T09:00:00+08:00", as: "李娜")
    let past = try li.run(["snooze", a, "--until", "2026-11-02", "--reason", "abroad", "--json"])
    let error = try past.json()["error"] as? [String: Any]
    #expect(past.status == 65 && error?["code"] as? String == "snooze_not_ahead")
    // At most 90 days ahead: 2027-02-01 is the latest day from 2026-11-03.
    let far = try li.run(["snooze", a, "--until", "2027-02-02", "--reason", "abroad", "--json"])
    let farError = try far.json()["error"] as? [String: Any]
    #expect(far.status == 65 && farError?["code"] as? String == "snooze_too_long")
    let farText = try li.run(["snooze", a, "--until", "2099-01-01", "--reason", "abroad"])
    #expect(farText.stderr.contains("at most 90 days, until 2027-02-01 at the latest"), "\(farText.stderr)")
    let farZh = try li.run(["snooze", a, "--until", "2099-01-01", "--reason", "出国", "--lang", "zh-CN"])
    #expect(farZh.stderr.contains("最长 90 天，最晚到 2027-02-01"), "\(farZh.stderr)")
    let today = try li.run(["snooze", a, "--until", "2026-11-03", "--reason", "abroad"])
    #expect(today.status == 65 && today.stderr.contains("--until 2026-11-03 is not after today (2026-11-03)"))
    let blank = try li.run(["snooze", a, "--until", "2026-11-20", "--reason", "  "])
    #expect(blank.status == 64 && blank.stderr.contains("--reason must not be empty"))
    #expect(!blank.stderr.contains("leave the option out"), "--reason is required: \(blank.stderr)")
    #expect(try li.run(["snooze", a, "--until", "11/20", "--reason", "abroad"]).status == 64)
    #expect(try li.run(["snooze", a, "--until", "2026-11-20"]).status == 64)
    #expect(try li.run(["snooze", a, "--clear", "--until", "2026-11-20"]).status == 64)
    let unknown = try li.run(["snooze", "999", "--until", "2026-11-20", "--reason", "abroad"])
    #expect(unknown.status == 65 && unknown.stderr.contains("no lead with id 999"))
    let other = try at(cli, "2026-11-03T09:00:00+08:00", as: "张伟").run([
      "snooze", a, "--until", "2026-11-20", "--reason", "abroad",
    ])
    #expect(other.status == 65 && other.stderr.contains("belongs to another consultant"))
    let zh = try li.run(["snooze", a, "--until", "2026-11-02", "--reason", "出国", "--lang", "zh-CN"])
    #expect(zh.stderr.contains("不晚于今天"))
    let shown = try li.run(["lead", "show", a, "--json"]).json()
    #expect((shown["snoozes"] as? [Any])?.isEmpty == true)
  }

  @Test func theAuditCountsAndListsSnoozesByConsultant() throws {
    let (cli, a) = try team()
    let b = try at(cli, "2026-11-02T09:00:00+08:00", as: "boss").addLead(["--consultant", "李娜"])
    let c = try at(cli, "2026-11-02T09:00:00+08:00", as: "boss").addLead(["--consultant", "张伟"])
    #expect(
      try at(cli, "2026-11-03T09:00:00+08:00", as: "李娜").run([
        "snooze", a, "--until", "2026-11-20", "--reason", "abroad",
      ]).status == 0)
    #expect(
      try at(cli, "2026-11-04T09:00:00+08:00", as: "王经理").run([
        "snooze", b, "--until", "2026-11-06", "--reason", "hospital",
      ]).status == 0)
    #expect(
      try at(cli, "2026-11-05T09:00:00+08:00", as: "王经理").run([
        "snooze", b, "--until", "2026-11-30", "--reason", "still in hospital",
      ]).status == 0)
    // Set before the period: not counted in it (but it holds now).
    #expect(
      try at(cli, "2026-11-02T10:00:00+08:00", as: "张伟").run([
        "snooze", c, "--until", "2026-11-30", "--reason", "moving",
      ]).status == 0)
    let lead = at(cli, "2026-11-10T09:00:00+08:00", as: "王经理")
    let period = ["--from", "2026-11-03", "--to", "2026-11-10"]
    let doc = try lead.run(["audit", "--json"] + period).json()
    let rows = try #require(doc["consultants"] as? [[String: Any]])
    let li = try #require(rows.first { $0["consultant"] as? String == "李娜" })
    let zhang = try #require(rows.first { $0["consultant"] as? String == "张伟" })
    #expect(li["snoozes"] as? Int == 3 && li["snoozed_now"] as? Int == 2)
    #expect(zhang["snoozes"] as? Int == 0 && zhang["snoozed_now"] as? Int == 1)
    let team = try #require(doc["team"] as? [String: Any])
    #expect(team["snoozes"] as? Int == 3 && team["snoozed_now"] as? Int == 3)
    let listed = try #require(
      try lead.run(["audit", "--list", "snoozes", "--json"] + period).json()["snoozes"] as? [[String: Any]])
    #expect(listed.count == 3)
    #expect(listed.map { $0["lead_id"] as? String ?? "" } == [a, b, b])
    #expect(listed.map { $0["reason"] as? String ?? "" } == ["abroad", "hospital", "still in hospital"])
    #expect(listed[1]["cleared_at"] as? String == "2026-11-05T09:00:00+08:00")  // replaced by the second
    #expect(listed.allSatisfy { $0["consultant"] as? String == "李娜" })
    let own = try lead.run(["audit", "--list", "snoozes", "--consultant", "张伟", "--json"] + period).json()
    #expect((own["snoozes"] as? [Any])?.count == 0)
    let table = try lead.run(["audit"] + period)
    #expect(table.stdout.contains("Snoozes set: 3 (李娜 3) · snoozed now: 3"))
  }

  @Test func overdueFollowUpsEscalateAfterThePlaybooksLimits() throws {
    let (cli, a) = try team()
    // Lead N of 张伟, new at 11-08 09:00, never touched: the consultant's alert from 11-09 09:00 (24 h), the team
    // lead's from 11-10 09:00 (48 h).
    let n = try at(cli, "2026-11-08T09:00:00+08:00", as: "boss").addLead(["--consultant", "张伟"])
    func escalated(_ now: String) throws -> [String: Bool] {
      let alerts = try #require(
        try at(cli, now, as: "王经理").run(["alerts", "--team", "--json"]).json()["alerts"] as? [[String: Any]])
      return Dictionary(
        uniqueKeysWithValues: alerts.map { ($0["lead_id"] as? String ?? "", $0["escalated"] as? Bool ?? false) })
    }
    #expect(try escalated("2026-11-09T10:00:00+08:00")[n] == false)
    #expect(try escalated("2026-11-10T08:59:00+08:00")[n] == false)
    #expect(try escalated("2026-11-10T09:00:00+08:00")[n] == true)
    // Lead A's follow-up (deadline 11-09 10:00): escalated 7 days past it.
    #expect(try escalated("2026-11-16T09:59:00+08:00")[a] == false)
    #expect(try escalated("2026-11-16T10:00:00+08:00")[a] == true)
    let only = try at(cli, "2026-11-12T09:00:00+08:00", as: "王经理").run(["alerts", "--team", "--escalated", "--json"])
      .json()
    #expect((only["alerts"] as? [[String: Any]])?.compactMap { $0["lead_id"] as? String } == [n])
    let text = try at(cli, "2026-11-12T09:00:00+08:00", as: "王经理").run(["alerts", "--team"]).stdout
    #expect(text.contains("▲ escalated"))
  }
}
