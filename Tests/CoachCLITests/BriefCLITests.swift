import Foundation
import Testing

/// What the brief's contact line and draft say when the lead's record lacks what the channel needs.
@Suite struct BriefCLITests {
  /// A waiting customer without a WeChat id, due a delivery update (a WeChat action), at `now`.
  static func waitingWithoutWechat() throws -> (CLI, String) {
    var cli = try CLI()
    let id = try cli.addLead(["--grade", "B"])
    for step in [["deposit", "--amount", "5000"], ["waiting_for_delivery", "--eta", "2026-12-20"]] {
      #expect(try cli.run(["stage", id] + step).status == 0)
    }
    #expect(try cli.run(["touch", id, "--channel", "call", "--outcome", "reached"]).status == 0)
    cli.now = "2026-12-02T09:00:00+08:00"
    return (cli, id)
  }

  /// The number is not shown under WeChat's name as if it were a WeChat id: the line says the id is missing.
  @Test func aWechatActionForALeadWithoutAWechatIdSaysSo() throws {
    let (cli, id) = try Self.waitingWithoutWechat()
    let zh = try cli.run(["next", "--lead", id, "--lang", "zh-CN"])
    #expect(zh.status == 0, "\(zh.stderr)")
    #expect(zh.stdout.contains("联系方式：微信（未登记微信号，可用手机号查找）  电话 13812345678"), "\(zh.stdout)")
    let en = try cli.run(["next", "--lead", id, "--lang", "en"])
    #expect(en.stdout.contains("Channel: WeChat (no WeChat id on file; search by phone number)  Call 13812345678"))
    #expect(try cli.run(["lead", "edit", id, "--wechat", "wxid_wf88"]).status == 0)
    let known = try cli.run(["next", "--lead", id, "--lang", "zh-CN"])
    #expect(known.stdout.contains("联系方式：微信 wxid_wf88  电话 13812345678"), "\(known.stdout)")
  }

  /// A lead nobody owns, read without a user (one person's database): the draft says "your sales consultant" once,
  /// where the name would be (it read "销售顾问您的销售顾问" and "your sales consultant, your sales consultant").
  @Test func aDraftWithoutAConsultantsNameSaysTheTitleOnce() throws {
    let cli = try CLI()
    let id = try cli.addLead(["--grade", "B"])
    let zh = try cli.run(["next", "--lead", id, "--lang", "zh-CN", "--json"])
    #expect(zh.status == 0, "\(zh.stderr)")
    let zhDraft = try #require((zh.json()["brief"] as? [String: Any])?["message_draft"] as? String)
    #expect(zhDraft.contains("我是极光汽车城东店的销售顾问。"), "\(zhDraft)")
    #expect(!zhDraft.contains("顾问销售") && !zhDraft.contains("的您的"), "\(zhDraft)")
    let en = try cli.run(["next", "--lead", id, "--lang", "en", "--json"])
    let enDraft = try #require((en.json()["brief"] as? [String: Any])?["message_draft"] as? String)
    #expect(enDraft.contains("this is your sales consultant at Aurora Motors East."), "\(enDraft)")
    #expect(!enDraft.contains("consultant, your"), "\(enDraft)")
  }

  /// Once the car is ordered, an objection the customer raised before the order comes back only while it is still
  /// typical of waiting: "I'll wait for the sales season" was answered by the order, "the wait is too long" was not.
  @Test func objectionsAnsweredByTheOrderLeaveTheBriefOnceTheCarIsOrdered() throws {
    var cli = try CLI()
    let id = try cli.addLead(["--grade", "A", "--model", "X60"])
    let touch = ["touch", id, "--channel", "call", "--outcome", "reached"]
    #expect(try cli.run(touch + ["--objection", "wait_for_promo", "--objection", "wait_too_long"]).status == 0)
    func objections() throws -> [String] {
      let r = try cli.run(["next", "--lead", id, "--json"])
      #expect(r.status == 0, "\(r.stderr)")
      let brief = try #require(r.json()["brief"] as? [String: Any])
      return (brief["objections"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }
    #expect(try objections().prefix(2) == ["wait_for_promo", "wait_too_long"])
    cli.now = "2026-11-25T10:00:00+08:00"
    #expect(try cli.run(["stage", id, "deposit", "--amount", "5000"]).status == 0)
    #expect(try objections().contains("wait_for_promo"))
    #expect(try cli.run(["stage", id, "waiting_for_delivery", "--eta", "2027-02-20"]).status == 0)
    cli.now = "2026-11-26T09:00:00+08:00"
    let waiting = try objections()
    #expect(waiting.first == "wait_too_long", "\(waiting)")
    #expect(!waiting.contains("wait_for_promo"), "\(waiting)")
    // Raised again while waiting, it is this customer's again.
    #expect(try cli.run(touch + ["--objection", "wait_for_promo"]).status == 0)
    #expect(try objections().first == "wait_for_promo")
  }
}
