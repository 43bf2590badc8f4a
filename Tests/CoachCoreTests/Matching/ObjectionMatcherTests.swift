import Foundation
import Testing

@testable import CoachCore

@Suite struct ObjectionMatcherTests {
  static let entries: [(code: String, examples: [String])] = [
    (code: "wait_too_long", examples: ["Why must I wait so long for the car?", "别家有现车，凭什么要我等这么久"]),
    (code: "no_discount", examples: ["Other brands give big discounts, why not you?", "别人都打折，你们怎么不优惠"]),
    (code: "ask_family", examples: ["I have to ask my wife first"]),
    (code: "ask_family", examples: ["我得回去跟老婆商量一下"]),
  ]

  @Test func tokensNormaliseFullWidthCaseAndPunctuation() {
    #expect(Tokenizer.tokens("ＷＡＩＴＩＮＧ，Ｗａｉｔｓ！") == ["wait", "wait"])
    #expect(Tokenizer.tokens("Dealer's") == ["dealer"])
    #expect(Tokenizer.tokens("The car, in 2025.") == ["car"])
  }

  @Test func negationsAndOnlyJoinTheWordTheyBearOn() {
    #expect(Tokenizer.tokens("That's not a fair price") == ["fair", "not+fair", "pric"])
    #expect(Tokenizer.tokens("There's only one") == ["one", "only+one"])
    #expect(Tokenizer.tokens("I can't choose, I don't know") == ["choos", "not+choos"])
    #expect(Tokenizer.tokens("Don't") == [])
    // A number, punctuation or Chinese ends the pair; a stop word gets none.
    #expect(Tokenizer.tokens("no 3 cars") == ["car"])
    #expect(Tokenizer.tokens("not. Fair") == ["fair"])
    #expect(Tokenizer.tokens("not 等车") == ["等", "等车", "车"])
    #expect(Tokenizer.tokens("Twelve weeks") == ["week"])
  }

  @Test func aTwoWordTokenNoDocumentHoldsIsLeftOut() {
    let matcher = ObjectionMatcher(entries: [
      (code: "just_looking", examples: ["I hate sales pressure, I am browsing"]),
      (code: "no_choice", examples: ["only one car arrived"]),
    ])
    // "not pressure" is in no document: the text scores as "pressure" alone would.
    #expect(matcher.scoreAll("don't pressure me").first?.score == matcher.scoreAll("pressure").first?.score)
    #expect(matcher.match("there is only one").first?.code == "no_choice")
  }

  @Test func chineseGivesUnigramsWithoutFunctionCharactersAndAllBigrams() {
    #expect(Tokenizer.tokens("等车的") == ["等", "等车", "车", "车的"])
    #expect(Tokenizer.tokens("现车SUV款") == ["现", "现车", "车", "suv", "款"])
  }

  @Test func stemmerJoinsInflectedForms() {
    for (word, stem) in [
      ("waiting", "wait"), ("waited", "wait"), ("prices", "pric"), ("priced", "pric"),
      ("compensation", "compensat"), ("compensated", "compensat"), ("shopping", "shop"),
    ] {
      #expect(EnglishWords.stem(word) == stem, "\(word)")
    }
  }

  @Test func matchesInEitherLanguageBestFirst() {
    let matcher = ObjectionMatcher(entries: Self.entries)
    #expect(matcher.match("why do I have to wait so long").first?.code == "wait_too_long")
    #expect(matcher.match("为什么要等这么久").first?.code == "wait_too_long")
    let scores = matcher.match("别人都打折", limit: 3).map(\.score)
    #expect(scores == scores.sorted(by: >))
    #expect(scores.allSatisfy { $0 > 0 && $0 <= 1 })
  }

  @Test func entriesWithTheSameCodeAreMerged() {
    let matcher = ObjectionMatcher(entries: Self.entries)
    #expect(matcher.match("ask my wife").first?.code == "ask_family")
    #expect(matcher.match("跟老婆商量").first?.code == "ask_family")
    #expect(Set(matcher.scoreAll("anything at all about waiting").map(\.code)).count == 3)
  }

  @Test func emptyAndUnrelatedTextMatchNothing() {
    let matcher = ObjectionMatcher(entries: Self.entries)
    for text in ["", "   ", "？！", "the of and", "asdfgh qwerty", "我想吃火锅", "what's the weather tomorrow"] {
      #expect(matcher.match(text).isEmpty, "\(text)")
    }
  }

  @Test func limitCapsTheResults() {
    let matcher = ObjectionMatcher(entries: Self.entries)
    let text = "别家有现车还打折，我要跟老婆商量"
    #expect(matcher.match(text, limit: 1).count == 1)
    #expect(matcher.match(text, limit: 0).isEmpty)
  }

  @Test func objectionsInitUsesTitlesAndExamples() {
    let objection = Objection(
      code: "financing", title: "Loan and interest", examples: ["Can the down payment be lower?"],
      approach: "", response: "", followUpQuestion: "", typicalStages: nil)
    let matcher = ObjectionMatcher(objections: [objection])
    #expect(matcher.match("loan interest").first?.code == "financing")
    #expect(matcher.match("down payment").first?.code == "financing")
  }

  /// Issue 13: a competitor named in the text is evidence for `vs_competitor`. A model name no playbook text spells
  /// out (星越L) counts through its class token only: its characters, unknown to every document, do not lower the
  /// score as unknown words would.
  @Test func aModelNameNoTextSpellsOutCountsThroughItsClass() {
    let objection = { (code: String, example: String, concepts: [String]) in
      Objection(
        code: code, title: example, examples: [example], approach: "", response: "", followUpQuestion: "",
        typicalStages: nil, concepts: concepts)
    }
    let matcher = ObjectionMatcher(
      objections: [
        objection("vs_competitor", "吉利配置比你们高", ["@competitor", "比"]),
        objection("price_too_high", "价格太高了", ["贵"]),
      ], competitorNames: ["吉利", "星越", "博越"])
    let brand = matcher.scoreAll("吉利配置比你们高").first
    let model = matcher.scoreAll("吉利星越L配置比你们高").first
    #expect(brand?.code == "vs_competitor")
    #expect(model?.code == "vs_competitor")
    #expect((model?.score ?? 0) >= (brand?.score ?? 1))
  }

  @Test func namedTokensAreOneClassStretchAndAModelSuffix() {
    let vocabulary = MatchVocabulary(
      vocabularies: [], extraWords: ["competitor": ["吉利", "星越"], "colour": ["颜色"], "trim": ["配置"]])
    let model = vocabulary.prepare("吉利星越L配置比这个高", named: true).namedTokens
    #expect(model.isSuperset(of: ["吉利", "利星", "星越", "l", "配置"]))
    #expect(!model.contains("置比") && !model.contains("比"))
    // Words of two classes side by side stay apart: the bigram across them is an ordinary word of the text.
    let twoClasses = vocabulary.prepare("颜色配置都定死了", named: true).namedTokens
    #expect(twoClasses.isSuperset(of: ["颜色", "配置"]))
    #expect(!twoClasses.contains("色配"))
    #expect(vocabulary.prepare("价格还便宜", named: true).namedTokens.isEmpty)
    #expect(vocabulary.prepare("吉利星越L配置比这个高").namedTokens.isEmpty)
  }
}

/// How much a number says: a percentage or "off" asks for a discount, and is no evidence that the price is too high
/// or the trade-in valued too low; an amount with a trade-in word is about the trade-in.
@Suite struct MoneyWordsTests {
  @Test(arguments: [
    ("10% off", "no_discount"), ("can you knock 10% off", "no_discount"), ("能便宜10%吗", "no_discount"),
    ("打9折就买", "no_discount"), ("the trade-in is 5000 too low", "trade_in_value"),
    ("旧车才给3万太低了", "trade_in_value"),
  ])
  func aDiscountAsksForADiscountOnly(text: String, code: String) throws {
    let matcher = try MatchingFixtures.playbookSet().objectionMatcher()
    let matches = matcher.match(text, limit: 3)
    #expect(matches.first?.code == code, "\(text): \(matches)")
    if code == "no_discount" {
      #expect(!matches.contains { $0.code == "trade_in_value" }, "\(text): \(matches)")
    }
  }
}

/// A customer ready to buy, or asking a plain question, raised no objection: answering "what if the price drops after
/// I buy?" to "sign me up" can cost the sale. The vocabulary's small talk holds such words.
@Suite struct BuyingSignalTests {
  @Test(arguments: [
    "sign me up", "Let's do it, where do I sign?", "I want to buy today", "When will my car arrive?",
    "How long is the warranty?", "hold on", "我想买车", "我很喜欢这台车", "这台我要了，怎么签合同",
    "What colours do you have?", "How long is the delivery time?", "你们有什么颜色",
  ])
  func aBuyingSignalMatchesNoObjection(text: String) throws {
    let matches = try MatchingFixtures.playbookSet().objectionMatcher().match(text, limit: 3)
    #expect(matches.isEmpty, "\(text): \(matches)")
  }

  @Test(arguments: ["我不太确定", "I'm not sure", "I am not sure about this", "let me think", "I'm unsure"])
  func doubtIsThinkingItOver(text: String) throws {
    let matches = try MatchingFixtures.playbookSet().objectionMatcher().match(text, limit: 1)
    #expect(matches.first?.code == "think_it_over", "\(text): \(matches)")
  }

  /// Ways of asking QA found matched to the wrong answer: a better price asks for a discount, "only asking" is
  /// browsing, deals next month are a promotion to wait for.
  @Test(arguments: [
    ("Can you do a better price?", "no_discount"), ("I'm only asking", "just_looking"),
    ("Any deals next month?", "wait_for_promo"),
  ])
  func aWayOfAskingMatchesItsObjection(text: String, code: String) throws {
    let first = try MatchingFixtures.playbookSet().objectionMatcher().match(text, limit: 1).first?.code
    #expect(first == code, "\(text): \(String(describing: first))")
  }

  /// Unsure of a thing named is that thing, not putting the decision off.
  @Test(arguments: [
    ("I'm not sure about the price", ["price_drop_after_purchase", "price_too_high", "no_discount"]),
    ("not sure if my wife will like it", ["ask_family"]),
  ])
  func doubtAboutAThingIsThatThing(text: String, codes: [String]) throws {
    let first = try MatchingFixtures.playbookSet().objectionMatcher().match(text, limit: 1).first?.code
    #expect(first.map(codes.contains) == true, "\(text): \(String(describing: first))")
  }
}
