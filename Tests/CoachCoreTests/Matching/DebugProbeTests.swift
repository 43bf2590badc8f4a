import Foundation
import Testing

@testable import CoachCore

@Suite struct DebugProbeTests {
  @Test func probe() throws {
    guard let texts = ProcessInfo.processInfo.environment["PROBE"] else { return }
    let set = DefaultPlaybook.decodedSet
    let t0 = Date()
    let vocab = MatchVocabulary(vocabularies: set.languages.values.compactMap(\.vocabulary))
    let t1 = Date()
    let matcher = set.objectionMatcher()
    let t2 = Date()
    for text in texts.split(separator: "|").map(String.init) {
      print("PROBE \(text): \(matcher.debugRank(text))")
    }
    let t3 = Date()
    print("PROBE vocab \(t1.timeIntervalSince(t0)) matcher \(t2.timeIntervalSince(t1)) match \(t3.timeIntervalSince(t2))")
    let texts2 = set.languages.values.flatMap { $0.objections.flatMap { $0.examples + [$0.response, $0.approach] + ($0.concepts ?? []) } }
    let v2 = set.objectionMatcherVocabulary()
    let t4 = Date()
    for t in texts2 { _ = v2.prepare(t) }
    let t5 = Date()
    for t in texts2 { _ = Tokenizer.tokens(t) }
    let t6 = Date()
    print("PROBE \(texts2.count) texts: prepare \(t5.timeIntervalSince(t4)) tokenize \(t6.timeIntervalSince(t5))")
    let t7 = Date()
    for t in texts2 { _ = MatchVocabulary.fold(t) }
    let t8 = Date()
    for t in texts2 { _ = ChineseScript.simplified(t) }
    let t9 = Date()
    print("PROBE fold \(t8.timeIntervalSince(t7)) simplified \(t9.timeIntervalSince(t8))")
    _ = vocab
  }
}
