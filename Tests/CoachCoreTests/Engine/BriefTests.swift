import Foundation
import Testing

@testable import CoachCore

/// The call brief: talking points, objections, channel, warnings, draft and JSON keys.
@Suite struct BriefTests {
  typealias F = Fixture

  static func brief(_ lead: LeadSnapshot, _ ctx: EngineContext) throws -> Brief {
    let action = try #require(FollowUpEngine.nextAction(for: lead, in: ctx))
    return BriefBuilder.build(lead: lead, action: action, ctx: ctx)
  }

  @Test func givenTopicsProfileAndEvents_whenBriefed_thenBuriedThenDugUpThenCreated() throws {
    let lead = F.lead(
      profile: [
        ProfileFact(key: "hobby", value: "Sea fishing"), ProfileFact(key: "career", value: "teacher"),
        ProfileFact(key: "family", value: "two kids"),
      ],
      touches: [F.touch(1, "2025-07-05T10:00:00+08:00")],
      topics: [
        Topic(id: 5, text: "X40 stock next week", kind: .supply, buriedAt: F.at("2025-07-01T10:00:00+08:00")),
        Topic(id: 3, text: "towing capacity", kind: .tech, buriedAt: F.at("2025-07-05T10:00:00+08:00")),
        Topic(
          id: 2, text: "brochure", kind: .brochure, buriedAt: F.at("2025-06-30T10:00:00+08:00"),
          resolvedAt: F.at("2025-07-05T10:00:00+08:00")),
      ])
    let brief = try Self.brief(lead, F.ctx("2025-07-12T10:00:00+08:00"))  // a Saturday
    #expect(brief.talkingPoints.map(\.kind) == [.buried, .buried, .dugUp, .dugUp, .created, .created])
    #expect(brief.talkingPoints.map(\.source) == ["5", "3", "hobby", "family", "summer_drive", "saturday_club"])
    // The consultant's own note, then what to say, which never repeats the note.
    #expect(brief.talkingPoints[0].text == "X40 stock next week — →: There is news about your car.")
    #expect(brief.talkingPoints[2].text == "Wang Wei loves fishing: ask about the last catch.")
    #expect(brief.talkingPoints[4].text == "Summer test-drive week: Invite Wang Wei to drive the Aurora X40.")
  }

  /// Two facts saying the same thing (one value holds the other) give one dug-up topic; a value of one character
  /// does not count as said.
  @Test func givenAFactThatRepeatsAnEarlierOne_whenBriefed_thenOneDugUpTopic() throws {
    let touched = [F.touch(1, "2025-07-05T10:00:00+08:00")]
    let repeated = F.lead(
      profile: [ProfileFact(key: "hobby", value: "weekend camping"), ProfileFact(key: "family", value: "Camping")],
      touches: touched)
    let ctx = F.ctx("2025-07-12T10:00:00+08:00")
    #expect(try Self.brief(repeated, ctx).talkingPoints.filter { $0.kind == .dugUp }.map(\.source) == ["hobby"])
    let distinct = F.lead(
      profile: [ProfileFact(key: "hobby", value: "weekend camping"), ProfileFact(key: "family", value: "e")],
      touches: touched)
    #expect(
      try Self.brief(distinct, ctx).talkingPoints.filter { $0.kind == .dugUp }.map(\.source) == ["hobby", "family"])
    #expect(TalkingPoints.repeats("露营", "喜欢去莫干山露营") && !TalkingPoints.repeats("营", "露营"))
  }

  @Test func givenCreatedTopics_whenOutsideWindowOrAudience_thenLeftOut() throws {
    let ctx = F.ctx("2025-08-15T10:00:00+08:00")  // a Friday, the 15th, after the July window
    let x40 = F.lead(touches: [F.touch(1, "2025-08-14T10:00:00+08:00")])
    #expect(try Self.brief(x40, ctx).talkingPoints.isEmpty)
    var x60 = x40
    x60.model = "X60"
    #expect(try Self.brief(x60, ctx).talkingPoints.map(\.source) == ["x60_supply"])
  }

  @Test func givenObjectionsHeard_whenBriefed_thenMostRecentFirstThenTypicalForStageAtMostTwo() throws {
    let lead = F.lead(touches: [
      F.touch(1, "2025-07-01T10:00:00+08:00", objections: ["price_too_high"]),
      F.touch(2, "2025-07-05T10:00:00+08:00", objections: ["no_discount", "ask_family"]),
    ])
    let brief = try Self.brief(lead, F.ctx("2025-07-09T10:00:00+08:00"))
    #expect(brief.objections.map(\.code) == ["no_discount", "ask_family"])
    #expect(brief.objections[0].response == "answer to no_discount")
    #expect(brief.objections[0].line == "answer to no_discount")
    #expect(brief.objections.allSatisfy { $0.heard })
    let fresh = try Self.brief(
      F.lead(touches: [F.touch(1, "2025-07-05T10:00:00+08:00")]), F.ctx("2025-07-09T10:00:00+08:00"))
    #expect(fresh.objections.map(\.code) == ["no_discount", "price_too_high"])
    #expect(!fresh.objections.contains { $0.heard })
  }

  @Test func givenModelInStock_whenBriefed_thenNoWaitingObjectionUnlessHeard() throws {
    var lead = F.lead(stage: .deposit, model: "S50", touches: [F.touch(1, "2025-07-05T10:00:00+08:00")])
    lead.events = [StageEvent(from: .prospect, to: .deposit, at: F.at("2025-07-02T09:00:00+08:00"), amount: 5000)]
    let ctx = F.ctx("2025-07-09T10:00:00+08:00")
    #expect(!(try Self.brief(lead, ctx).objections.map(\.code).contains("wait_too_long")))
    lead.model = "X60"  // ten weeks away: waiting is what this customer will raise
    #expect(try Self.brief(lead, ctx).objections.map(\.code).first == "wait_too_long")
    lead.model = "S50"
    lead.touches[0].objections = ["wait_too_long"]  // said it anyway: it stays
    #expect(try Self.brief(lead, ctx).objections.map(\.code).first == "wait_too_long")
  }

  /// "What if you can't deliver?" answers with the promised date: once the car is late it is left out, unless the
  /// customer raised it. A prospect with no model chosen waits for nothing: no waiting objection.
  @Test func givenLateCarOrNoModel_whenBriefed_thenNoObjectionThatNoLongerFits() throws {
    var lead = DeliveryRulesTests.waiting(eta: "2025-07-20")
    lead.model = "X60"
    #expect(try Self.brief(lead, F.ctx("2025-07-10T10:00:00+08:00")).objections.map(\.code).contains("delivery_risk"))
    let late = F.ctx("2025-07-25T10:00:00+08:00")
    #expect(!(try Self.brief(lead, late).objections.map(\.code).contains("delivery_risk")))
    lead.touches[0].objections = ["delivery_risk"]
    #expect(try Self.brief(lead, late).objections.map(\.code).first == "delivery_risk")
    var ctx = F.ctx("2025-07-09T10:00:00+08:00")
    var trim = F.objection("trim_unavailable", stages: ["prospect"])
    trim.aboutWaiting = true
    ctx.playbook.objections.insert(trim, at: 0)
    var prospect = F.lead(touches: [F.touch(1, "2025-07-05T10:00:00+08:00")])
    #expect(try Self.brief(prospect, ctx).objections.map(\.code).first == "trim_unavailable")
    prospect.model = nil
    let codes = try Self.brief(prospect, ctx).objections.map(\.code)
    #expect(!codes.contains("trim_unavailable") && !codes.isEmpty, "\(codes)")
  }

  /// A deposit taken meets the customer: the reason does not say "never contacted" the day after, and counts the
  /// silence from it.
  @Test func givenADepositWithoutATouch_whenBriefed_thenTheSilenceCountsFromTheDeposit() throws {
    var lead = F.lead(stage: .deposit)
    lead.events = [
      StageEvent(from: nil, to: .prospect, at: F.at("2025-06-01T09:00:00+08:00")),
      StageEvent(from: .prospect, to: .deposit, at: F.at("2025-07-01T10:00:00+08:00"), amount: 5000),
    ]
    let reason = try Self.brief(lead, F.ctx("2025-07-09T12:00:00+08:00")).reason
    #expect(!reason.contains("never contacted") && reason.contains("8 days"), "\(reason)")
  }

  /// A call the customer agreed comes before the late car's update: its reason still says the car is late, and
  /// names the promise just made, not an older one.
  @Test func givenAnAgreedCallAtALateCar_whenBriefed_thenTheReasonKeepsTheDelayAndTheLatestPromise() throws {
    var lead = DeliveryRulesTests.waiting(
      eta: "2025-07-05", touches: [F.touch(2, "2025-07-08T10:00:00+08:00", next: "2025-07-10T10:00:00+08:00")])
    lead.topics = [
      Topic(id: 1, text: "360 camera", kind: .tech, buriedAt: F.at("2025-07-03T10:00:00+08:00")),
      Topic(id: 2, text: "new delivery date by Thursday", kind: .supply, buriedAt: F.at("2025-07-08T10:00:00+08:00")),
    ]
    var ctx = F.ctx("2025-07-10T10:30:00+08:00")
    ctx.playbook.labels.goals[BriefBuilder.lateCallGoal] = "the car first"
    let brief = try Self.brief(lead, ctx)
    #expect(brief.action == .agreedFollowup && brief.goal == "the car first")
    #expect(brief.reason.contains("car 5 days late"), "\(brief.reason)")
    #expect(brief.reason.contains("new delivery date by Thursday") && !brief.reason.contains("360"), "\(brief.reason)")
  }

  /// A tier-D prospect gets greetings and good news only (DOMAIN.md): the routine follow-up's goal is the playbook's
  /// light one, with no selling points and only the objections the customer raised.
  @Test func givenATierDProspect_whenBriefed_thenNoSalesPush() throws {
    var ctx = F.ctx("2025-07-20T10:00:00+08:00")
    ctx.playbook.labels.goals[BriefBuilder.lightGoal] = "greet, share good news"
    var lead = F.lead(tier: .d, touches: [F.touch(1, "2025-07-05T10:00:00+08:00", objections: ["ask_family"])])
    let light = try Self.brief(lead, ctx)
    #expect(light.action == .cadenceFollowup && light.goal == "greet, share good news")
    #expect(light.sellingPoints.isEmpty && light.objections.map(\.code) == ["ask_family"])
    lead.tier = .c
    let usual = try Self.brief(lead, ctx)
    #expect(usual.goal != light.goal && usual.objections.count > 1, "\(usual.objections.map(\.code))")
  }

  /// The silence is counted from the customer last reached, not from an unanswered call; a prospect without a grade
  /// is not told as "grade -".
  @Test func givenUnansweredCallsAndNoGrade_whenBriefed_thenTheReasonTellsTheLastReachAndNoDash() throws {
    let lead = F.lead(
      grade: nil,
      touches: [
        F.touch(1, "2025-07-01T10:00:00+08:00"), F.touch(2, "2025-07-19T10:00:00+08:00", .noAnswer),
      ])
    let reason = try Self.brief(lead, F.ctx("2025-07-20T12:00:00+08:00")).reason
    #expect(reason.contains("no contact for 19 days") && reason.contains("not graded"), "\(reason)")
    #expect(!reason.contains("grade -"), "\(reason)")
  }

  @Test func givenThreeUnansweredCalls_whenBriefed_thenUnreachableWarningAndAnotherChannel() throws {
    let touches = (1...3).map { F.touch(Int64($0), "2025-07-0\($0 + 1)T10:00:00+08:00", .noAnswer) }
    var lead = F.lead(touches: [F.touch(9, "2025-07-01T10:00:00+08:00", next: "2025-07-02T10:00:00+08:00")] + touches)
    let ctx = F.ctx("2025-07-09T10:00:00+08:00")
    var brief = try Self.brief(lead, ctx)
    #expect(brief.warnings.contains("unreachable 3 times"))
    #expect(brief.channel == "sms")
    lead.wechat = "wangwei88"
    brief = try Self.brief(lead, ctx)
    #expect(brief.channel == "wechat")
    lead.touches.removeLast()
    brief = try Self.brief(lead, ctx)
    #expect(!brief.warnings.contains { $0.hasPrefix("unreachable") })
    #expect(brief.channel == "call")
  }

  @Test func givenWarningTagAndGaps_whenBriefed_thenWarningFirstAndEveryGapNamed() throws {
    let lead = F.lead(
      stage: .waitingForDelivery, model: nil, tags: ["vip", "warning"],
      events: [StageEvent(from: nil, to: .waitingForDelivery, at: F.at("2025-07-01T09:00:00+08:00"))],
      touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    let brief = try Self.brief(lead, F.ctx("2025-07-09T10:00:00+08:00"))
    #expect(
      brief.warnings == [
        "WARNING customer", "VIP", "no next contact agreed", "deposit amount unknown", "ETA unknown", "model unknown",
      ])
  }

  @Test func givenAgreedNextContact_whenBriefed_thenNoGoldenRuleWarning() throws {
    let lead = F.lead(touches: [F.touch(1, "2025-07-01T10:00:00+08:00", next: "2025-07-03T10:00:00+08:00")])
    #expect(try Self.brief(lead, F.ctx("2025-07-03T10:00:00+08:00")).warnings.isEmpty)
  }

  @Test func givenNoteAndOpenTopic_whenDrafting_thenTheTopicsKindWordingNeverTheNote() throws {
    var lead = F.lead(touches: [F.touch(1, "2025-07-05T10:00:00+08:00", note: "tight with money, no best price")])
    var brief = try Self.brief(lead, F.ctx("2025-07-09T10:00:00+08:00"))
    #expect(brief.messageDraft == "cadence_followup: Dear Wang Wei. Li Na, Aurora Motors East")
    lead.topics = [
      Topic(id: 3, text: "promised to check towing", kind: .tech, buriedAt: F.at("2025-07-05T10:00:00+08:00"))
    ]
    brief = try Self.brief(lead, F.ctx("2025-07-09T10:00:00+08:00"))
    #expect(
      brief.messageDraft
        == "cadence_followup: Dear Wang Wei, the technical question you asked. Li Na, Aurora Motors East")
    #expect(brief.goal == "goal of cadence_followup")
  }

  @Test func givenHoliday_whenDrafting_thenTheHolidaysOwnTemplate() throws {
    let lead = F.lead(created: "2024-12-01T09:00:00+08:00", touches: [F.touch(1, "2024-12-01T10:00:00+08:00")])
    #expect(
      try Self.brief(lead, F.ctx("2026-02-16T09:00:00+08:00")).messageDraft == "Spring Festival wishes, Wang Wei! Li Na"
    )
    #expect(
      try Self.brief(lead, F.ctx("2025-09-30T09:00:00+08:00")).messageDraft == "Happy National Day, Wang Wei! Li Na")
  }

  @Test func givenLateCar_whenBriefed_thenSwitchArgumentsAndContractKeys() throws {
    var lead = DeliveryRulesTests.waiting(eta: "2025-07-05")
    lead.model = "X60"
    let brief = try Self.brief(lead, F.ctx("2025-07-08T10:00:00+08:00"))
    #expect(brief.action == .deliveryLate)
    #expect(!brief.switchArguments.isEmpty)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(brief)) as? [String: Any])
    let contract: Set = [
      "lead_id", "action", "goal", "channel", "talking_points", "objections", "switch", "message_draft", "warnings",
      "due_at", "deadline", "overdue_days",
    ]
    #expect(contract.isSubset(of: Set(json.keys)))
    #expect(json["action"] as? String == "delivery_late")
    let first = try #require((json["switch"] as? [[String: Any]])?.first)
    #expect(Set(first.keys) == ["to_model", "lever", "text"])
  }

  @Test func givenProspectWithShortWait_whenBriefed_thenNoSwitchArguments() throws {
    let lead = F.lead(touches: [F.touch(1, "2025-07-05T10:00:00+08:00")])
    #expect(try Self.brief(lead, F.ctx("2025-07-09T10:00:00+08:00")).switchArguments.isEmpty)
  }

  @Test func givenQueueEntry_whenEncoded_thenContractKeysWithNullGrade() throws {
    let lead = F.lead(grade: nil, touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    let entry = try #require(Queue.build(leads: [lead], ctx: F.ctx("2025-07-09T10:00:00+08:00")).first)
    let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(entry)) as? [String: Any])
    #expect(
      Set(json.keys) == [
        "lead_id", "name", "stage", "grade", "action", "due_at", "deadline", "overdue_days", "priority", "reason",
        "tags",
      ])
    #expect(json["grade"] is NSNull)
    #expect(json["reason"] as? String == "prospect, not graded: follow up every 7 days, no contact for 8 days")
  }
}

/// Keys 1 and 6 of the deck in the brief: why buy this model, and the answer to the competitor the customer named.
@Suite struct BriefSellingTests {
  typealias F = Fixture

  @Test(arguments: ["zh-CN", "en"])
  func givenACompetitorNamedInANote_whenBriefed_thenItsOneLinerFromTheCatalog(lang: String) throws {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(
      playbook: playbook, now: F.at("2025-07-09T10:00:00+08:00"), zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
    let competitor = try #require(playbook.model("X60")?.competitors.first)
    let note = lang == "en" ? "comparing with the voyager s6" : "他在对比远航s6"  // case and spaces ignored
    var lead = F.lead(model: "X60", touches: [F.touch(1, "2025-07-05T10:00:00+08:00", note: note)])
    var brief = try BriefTests.brief(lead, ctx)
    #expect(brief.competitor?.name == competitor.name)
    #expect(brief.competitor?.answer == competitor.answer)
    #expect(brief.sellingPoints.count == BriefBuilder.maxSellingPoints)
    lead.touches[0].note = "no competitor named"
    brief = try BriefTests.brief(lead, ctx)
    #expect(brief.competitor == nil)
  }

  /// A note written in the other language (a Chinese note read in an English brief) names the same rival: the
  /// catalog's `aliases` hold its other names.
  @Test(arguments: ["zh-CN", "en"])
  func givenACompetitorNamedInTheOtherLanguage_whenBriefed_thenFoundAllTheSame(lang: String) throws {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(
      playbook: playbook, now: F.at("2025-07-09T10:00:00+08:00"), zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
    let competitor = try #require(playbook.model("X60")?.competitors.first)
    let note = lang == "en" ? "他在对比远航s6" : "comparing with the Voyager S6"
    let lead = F.lead(model: "X60", touches: [F.touch(1, "2025-07-05T10:00:00+08:00", note: note)])
    #expect(try BriefTests.brief(lead, ctx).competitor?.name == competitor.name)
  }
}

/// The reason of a regular follow-up explains its interval when the customer's tier changes it.
@Suite struct CadenceReasonTests {
  typealias F = Fixture

  static func reason(tier: Tier, _ lang: String) throws -> (DueAction, String) {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(
      playbook: playbook, now: F.at("2025-07-20T10:00:00+08:00"), zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
    let lead = F.lead(grade: .b, tier: tier, touches: [F.touch(1, "2025-07-01T10:00:00+08:00")])
    let action = try #require(FollowUpEngine.nextAction(for: lead, in: ctx))
    return (action, action.reason)
  }

  @Test func givenATierFactor_whenTheCadenceIsDue_thenTheReasonNamesTheFactorAndTheGradesOwnInterval() throws {
    let (action, zh) = try Self.reason(tier: .d, "zh-CN")
    #expect(action.code == .cadenceFollowup)
    #expect(zh.contains("B 级客户每 7 天跟进一次，D 类客户间隔乘 1.5，即每 10.5 天"), "\(zh)")
    let (_, en) = try Self.reason(tier: .d, "en")
    #expect(en.contains("grade B: follow up every 7 days, times 1.5 for a tier D customer: every 10.5 days"), "\(en)")
    let (_, plain) = try Self.reason(tier: .c, "zh-CN")  // tier C: factor 1
    #expect(plain.contains("B 级客户每 7 天跟进一次") && !plain.contains("乘"), "\(plain)")
  }
}

/// A lead lost without a recorded reason (imported at `churned`) is not told as "(reason: )".
@Suite struct WinbackReasonTests {
  typealias F = Fixture

  static func reason(_ why: ChurnReason?, _ lang: String) throws -> (DueAction, String) {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(
      playbook: playbook, now: F.at("2025-12-20T10:00:00+08:00"), zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
    let lost = StageEvent(
      from: why == nil ? nil : .prospect, to: .churned, at: F.at("2025-03-01T09:00:00+08:00"), reason: why)
    let lead = F.lead(created: "2025-03-01T09:00:00+08:00", stage: .churned, events: [lost])
    let action = try #require(FollowUpEngine.nextAction(for: lead, in: ctx))
    return (action, action.reason)
  }

  @Test func givenNoRecordedReason_whenAWinbackIsDue_thenTheReasonSaysSoWithoutAnEmptyBracket() throws {
    let (action, en) = try Self.reason(nil, "en")
    #expect(action.code == .winback)
    #expect(en.contains("the reason was not recorded") && !en.contains("reason: )"), "\(en)")
    let (_, zh) = try Self.reason(nil, "zh-CN")
    #expect(zh.contains("流失原因未记录") && !zh.contains("流失原因：)"), "\(zh)")
    let (_, priced) = try Self.reason(.budgetChanged, "en")
    #expect(priced.contains("(reason: ") && !priced.contains("not recorded"), "\(priced)")
  }
}

/// A next contact agreed with the customer is drafted "as we agreed" on time, and with an apology once its deadline
/// has passed (`agreed_followup_late`): two weeks late, "as we agreed" is untrue.
@Suite struct AgreedDraftTests {
  typealias F = Fixture

  static func draft(now: String, _ lang: String) throws -> (DueAction, String) {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(playbook: playbook, now: F.at(now), zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
    let lead = F.lead(touches: [F.touch(1, "2025-07-02T10:00:00+08:00", next: "2025-07-10T15:00:00+08:00")])
    let action = try #require(FollowUpEngine.nextAction(for: lead, in: ctx))
    return (action, BriefBuilder.build(lead: lead, action: action, ctx: ctx).messageDraft)
  }

  @Test func givenTheAgreedTimeLongPast_whenDrafted_thenTheDraftApologisesInsteadOfSayingAsAgreed() throws {
    let (due, onTime) = try Self.draft(now: "2025-07-10T15:30:00+08:00", "en")
    #expect(due.code == .agreedFollowup && due.overdueDays == 0)
    #expect(onTime.contains("as we agreed") && !onTime.contains("sorry"), "\(onTime)")
    let (late, en) = try Self.draft(now: "2025-07-24T10:00:00+08:00", "en")
    #expect(late.code == .agreedFollowup && late.overdueDays > 1)
    #expect(en.contains("sorry I'm late calling") && !en.contains("as we agreed"), "\(en)")
    let (_, zh) = try Self.draft(now: "2025-07-24T10:00:00+08:00", "zh-CN")
    #expect(zh.contains("抱歉没能按我们约好的时间联系您") && !zh.contains("按我们约好的时间跟您联系"), "\(zh)")
  }
}

/// A draft names the car as a customer is told it, without the catalog's note for consultants.
@Suite struct DraftModelNameTests {
  @Test func theCatalogsBracketedNoteStaysOutOfDrafts() {
    #expect(DraftFacts.customerName("极光 S50 (老款)") == "极光 S50")
    #expect(DraftFacts.customerName("Aurora S50 (previous generation)") == "Aurora S50")
    #expect(DraftFacts.customerName("Aurora S50N（新一代）") == "Aurora S50N")
    #expect(DraftFacts.customerName("Aurora E60") == "Aurora E60")
    #expect(DraftFacts.customerName("(X)") == "(X)")
  }

  @Test func anOwnerOfThePreviousGenerationIsNotToldSo() throws {
    for lang in ["en", "zh-CN"] {
      let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
      let name = try #require(playbook.model("S50")?.name)
      #expect(name.contains("(") || name.contains("（"), "the catalog's own name keeps its note: \(name)")
      let ctx = EngineContext(
        playbook: playbook, now: Fixture.at("2025-07-20T10:00:00+08:00"),
        zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
      let lead = Fixture.lead(
        model: "S50", touches: [Fixture.touch(1, "2025-07-02T10:00:00+08:00", next: "2025-07-20T09:00:00+08:00")])
      let action = try #require(FollowUpEngine.nextAction(for: lead, in: ctx))
      let draft = BriefBuilder.build(lead: lead, action: action, ctx: ctx).messageDraft
      #expect(!draft.contains("老款") && !draft.contains("previous generation"), "\(draft)")
    }
  }
}

/// What a consultant noted about a customer that is not to be raised, and what a care call leaves out.
@Suite struct ProfileTopicTests {
  static func brief(_ lead: LeadSnapshot, now: String, _ lang: String) throws -> Brief {
    let playbook = try #require(try DefaultPlaybook.load().playbook(lang))
    let ctx = EngineContext(
      playbook: playbook, now: Fixture.at(now), zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt)
    let action = try #require(FollowUpEngine.nextAction(for: lead, in: ctx))
    return BriefBuilder.build(lead: lead, action: action, ctx: ctx)
  }

  /// "Kid is in hospital, do not mention" was turned into "ask after them": such a fact is no topic, and the brief
  /// warns instead, in both languages and whichever language the note was written in.
  @Test(arguments: ["en", "zh-CN"])
  func aFactMarkedNotToMentionIsNoTopicButAWarning(lang: String) throws {
    // Marked so, or a life event no one should be sold to over.
    for value in [
      "kid is in hospital, do not mention", "孩子住院了，别提", "Son failed his exams - DON’T MENTION", "父亲刚去世",
      "wife passed away", "kid in hospital - don't bring it up",
    ] {
      let lead = Fixture.lead(
        profile: [ProfileFact(key: "children", value: value), ProfileFact(key: "pet", value: "a cat")],
        touches: [Fixture.touch(1, "2025-07-05T10:00:00+08:00")])
      let brief = try Self.brief(lead, now: "2025-07-12T10:00:00+08:00", lang)
      #expect(brief.talkingPoints.filter { $0.kind == .dugUp }.map(\.source) == ["pet"], "\(value)")
      #expect(brief.warnings.contains { $0.contains(value) && ($0.contains("Sensitive") || $0.contains("敏感")) })
    }
    let plain = Fixture.lead(
      profile: [ProfileFact(key: "children", value: "two kids")],
      touches: [Fixture.touch(1, "2025-07-05T10:00:00+08:00")])
    let brief = try Self.brief(plain, now: "2025-07-12T10:00:00+08:00", lang)
    #expect(brief.talkingPoints.map(\.source).contains("children"))
    #expect(!brief.warnings.contains { $0.contains("two kids") })
  }

  /// A care call asks after the children; a sales call may add what the car does for them.
  @Test(arguments: ["en", "zh-CN"])
  func aCareCallTakesTheRulesCareTextWithoutTheSellingHint(lang: String) throws {
    let owner = Fixture.owner(
      delivered: "2025-03-01T10:00:00+08:00", deliveredOn: "2025-03-01", birthday: "1990-07-20")
    var withKids = owner
    withKids.profile = [ProfileFact(key: "children", value: "two kids")]
    let care = try Self.brief(withKids, now: "2025-07-20T09:00:00+08:00", lang)
    #expect(care.action.isCare, "\(care.action)")
    let point = try #require(care.talkingPoints.first { $0.source == "children" }).text
    #expect(!point.contains("child-seat") && !point.contains("儿童座椅"), "\(point)")
    let prospect = Fixture.lead(
      profile: withKids.profile, touches: [Fixture.touch(1, "2025-07-05T10:00:00+08:00")])
    let sales = try Self.brief(prospect, now: "2025-07-12T10:00:00+08:00", lang)
    let pitch = try #require(sales.talkingPoints.first { $0.source == "children" }).text
    #expect(pitch.contains("child-seat") || pitch.contains("儿童座椅"), "\(pitch)")
  }
}
