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
}
