import Testing

@testable import CoachCore

/// Every `labels.ui` key the code reads is defined in both bundled languages.
@Suite struct UIKeyTests {
  @Test func bothBundledLanguagesDefineEveryKey() throws {
    let set = DefaultPlaybook.decodedSet
    for lang in ["zh-CN", "en"] {
      let labels = try #require(set.playbook(lang)).labels
      let missing = UIKey.allCases.filter { labels.ui($0) == nil }.map(\.rawValue)
      #expect(missing == [], "\(lang) labels.ui lacks \(missing)")
    }
  }

  @Test func familiesNameEveryCode() throws {
    let set = DefaultPlaybook.decodedSet
    for lang in ["zh-CN", "en"] {
      let labels = try #require(set.playbook(lang)).labels
      let codes: [(UIFamily, [String])] = [
        (.action, ActionCode.allCases.map(\.rawValue)), (.channel, Channel.allCases.map(\.rawValue)),
        (.churn, ChurnReason.allCases.map(\.rawValue)), (.lever, Lever.allCases.map(\.rawValue)),
        (.outcome, Outcome.allCases.map(\.rawValue)), (.stage, Stage.allCases.map(\.rawValue)),
        (.topicKind, TopicKind.allCases.map(\.rawValue)),
      ]
      for (family, all) in codes {
        let missing = all.filter { labels.ui(family, $0) == nil }
        #expect(missing == [], "\(lang) labels.ui lacks \(family.rawValue)_\(missing)")
      }
    }
  }
}
