import Foundation
import Testing

@testable import CoachCore

/// What the customer reads: drafts carry playbook wording and structured facts only, never what staff typed;
/// and the brief reads as natural language in both languages.
@Suite struct CustomerTextTests {
  static let now = Fixture.at("2026-11-24T09:00:00+08:00")
  static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  static let marker = "MARKER私密备注"

  /// Every demo lead with the marker planted in every free-text field staff can type: notes, buried topics and
  /// issues, profile values and tags.
  static func plantedLeads() -> [LeadSnapshot] {
    DemoData.generate(now: now, zone: zone, seed: 42, leads: 200).leads.map { lead in
      var l = lead
      l.tags += [marker]
      l.profile =
        l.profile.map { ProfileFact(key: $0.key, value: marker + $0.value) }
        + [ProfileFact(key: "hobby", value: marker), ProfileFact(key: "family", value: marker + "一家五口")]
      l.touches = l.touches.map {
        var t = $0; t.note = marker + (t.note ?? ""); return t
      }
      l.topics = l.topics.map {
        var t = $0; t.text = marker + t.text; return t
      }
      if l.topics.isEmpty {
        l.topics = [Topic(id: 900_001, text: marker, kind: .other, buriedAt: l.createdAt)]
      }
      return l
    }
  }

  /// ASCII punctuation after a Chinese character, or a space after a full-width mark (a folded line's).
  nonisolated(unsafe) static let looseChinese = /[\p{Han}，。、！？：；][,?!:;]|[，。、！？：；][ ]/

  @Test(arguments: ["zh-CN", "en"])
  func givenMarkersInEveryFreeTextField_whenDraftingEveryAction_thenNoDraftCarriesThem(lang: String) throws {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(playbook: playbook, now: Self.now, zone: Self.zone, consultantName: "李娜")
    var drafts = 0
    for lead in Self.plantedLeads() {
      let h = LeadHistory(lead, asOf: ctx.now)
      for code in ActionCode.allCases {
        let detail: String? =
          switch code {
          case .holiday: "national_day"
          case .carBirthday: "2"
          case .issue7day: lead.topics.first.map { String($0.id) }
          default: nil
          }
        let action = DueAction(
          leadID: lead.id, code: code, dueAt: ctx.now, deadline: ctx.now, overdueDays: 0, priority: 0, reason: "",
          detail: detail)
        let draft = MessageDraft.text(for: action, h, ctx)
        #expect(!draft.isEmpty, "lead \(lead.id) \(code.rawValue): no draft")
        #expect(!draft.contains("MARKER"), "lead \(lead.id) \(code.rawValue): \(draft)")
        #expect(!draft.contains("{") && !draft.contains("}"), "lead \(lead.id) \(code.rawValue): \(draft)")
        if lang == "zh-CN" {
          // Typeset as Chinese: no ASCII `, ? ! : ;` after a Chinese character, no space after a full-width mark.
          #expect(draft.firstMatch(of: Self.looseChinese) == nil, "lead \(lead.id) \(code.rawValue): \(draft)")
        }
        drafts += 1
      }
      if let action = FollowUpEngine.nextAction(for: lead, in: ctx) {
        #expect(!BriefBuilder.build(lead: lead, action: action, ctx: ctx).messageDraft.contains("MARKER"))
      }
    }
    #expect(drafts == 200 * ActionCode.allCases.count)
  }

  @Test(arguments: ["zh-CN", "en"])
  func givenAnETAThatHasPassed_whenDrafting_thenItIsNeverPresentedAsExpected(lang: String) throws {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(playbook: playbook, now: Self.now, zone: Self.zone, consultantName: "李娜")
    var lead = Fixture.lead(stage: .waitingForDelivery, model: "X60")
    lead.events = [
      StageEvent(
        from: nil, to: .waitingForDelivery, at: Fixture.at("2026-10-01T09:00:00+08:00"), eta: LocalDate("2026-11-10"))
    ]
    for code in [ActionCode.deliveryLate, .deliveryUpdate] {
      let action = DueAction(
        leadID: lead.id, code: code, dueAt: ctx.now, deadline: ctx.now, overdueDays: 0, priority: 0, reason: "")
      let draft = MessageDraft.text(for: action, LeadHistory(lead, asOf: ctx.now), ctx)
      #expect(!draft.contains("2026") && !draft.contains("Nov"), "\(code.rawValue): \(draft)")
      #expect(draft.contains(lang == "en" ? "Aurora X60" : "极光 X60"))
    }
    lead.events[0].eta = LocalDate("2027-01-15")
    let update = DueAction(
      leadID: lead.id, code: .deliveryUpdate, dueAt: ctx.now, deadline: ctx.now, overdueDays: 0, priority: 0, reason: ""
    )
    let draft = MessageDraft.text(for: update, LeadHistory(lead, asOf: ctx.now), ctx)
    #expect(draft.contains(lang == "en" ? "15 Jan 2027" : "2027年1月15日"), "\(draft)")
  }

  /// `养了养了`, `关注关注`: a two-to-four character word said twice in a row. Reduplication a language means
  /// (`看看`, `团团圆圆`, `考虑考虑`) is allowed by name.
  static func doubledWord(in text: String) -> String? {
    let allowed: Set<String> = ["考虑", "商量", "了解", "研究", "比较", "哈哈"]
    let chars = Array(text)
    for n in 2...4 where chars.count >= 2 * n {
      for i in 0...(chars.count - 2 * n) {
        let a = chars[i..<i + n]
        guard a.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic } }) else { continue }
        if a.elementsEqual(chars[i + n..<i + 2 * n]), !allowed.contains(String(a)) { return String(a) + String(a) }
      }
    }
    return nil
  }

  @Test func doubledWordsAreFound() {
    #expect(Self.doubledWord(in: "王先生养了养了一只柯基") == "养了养了")
    #expect(Self.doubledWord(in: "关注关注基金") == "关注关注")
    #expect(Self.doubledWord(in: "团团圆圆, 看看, 天天开心") == nil)
  }

  @Test(arguments: ["zh-CN", "en"])
  func givenEveryDemoLead_whenBriefed_thenNoWordIsSaidTwice(lang: String) throws {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(playbook: playbook, now: Self.now, zone: Self.zone, consultantName: "李娜")
    var briefs = 0
    for lead in DemoData.generate(now: Self.now, zone: Self.zone, seed: 42, leads: 200).leads {
      guard let action = FollowUpEngine.nextAction(for: lead, in: ctx) else { continue }
      let b = BriefBuilder.build(lead: lead, action: action, ctx: ctx)
      let texts =
        [b.goal, b.messageDraft] + b.talkingPoints.map(\.text) + b.objections.map(\.line)
        + b.switchArguments.map(\.text)
      for text in texts {
        #expect(Self.doubledWord(in: text) == nil, "lead \(lead.id): \(text)")
      }
      briefs += 1
    }
    #expect(briefs > 150)
  }

  @Test(arguments: ["zh-CN", "en"])
  func givenAnyDemoLead_whenBriefed_thenCareCallsCarryCareOnly(lang: String) throws {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(playbook: playbook, now: Self.now, zone: Self.zone, consultantName: "李娜")
    var care = 0
    for lead in DemoData.generate(now: Self.now, zone: Self.zone, seed: 42, leads: 200).leads {
      guard let action = FollowUpEngine.nextAction(for: lead, in: ctx), action.code.isCare else { continue }
      let b = BriefBuilder.build(lead: lead, action: action, ctx: ctx)
      #expect(b.objections.isEmpty && b.switchArguments.isEmpty && b.sellingPoints.isEmpty, "lead \(lead.id)")
      #expect(!b.talkingPoints.contains { $0.kind == .created }, "lead \(lead.id)")
      #expect(PromoWords.find(in: b.messageDraft).isEmpty, "lead \(lead.id): \(b.messageDraft)")
      care += 1
    }
    #expect(care > 5)
  }
}
