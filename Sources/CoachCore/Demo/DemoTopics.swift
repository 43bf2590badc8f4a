import Foundation

// MARK: - Buried topics and after-sales issues

extension DemoFactory {
  /// Topics left in conversations (some resolved by a later conversation) and issues raised after delivery.
  /// `touches[i]` is `drafts[i]` with its id.
  mutating func topics(
    touches: [Touch], drafts: [DemoDraftTouch], model: String, rival: String, consultant: String
  ) -> [Topic] {
    var topics: [Topic] = []
    var openIssue: Int?
    var buried = 0
    for (i, touch) in touches.enumerated() where touch.outcome.isContact {
      if let issue = drafts[i].issue {
        openIssue = topics.count
        topics.append(newTopic(.issue, text: issue, kind: .tech, at: touch.at, by: consultant))
      } else if drafts[i].fixesIssue, let index = openIssue {
        topics[index].resolvedAt = touch.at
        topics[index].resolvedByTouch = touch.id
        openIssue = nil
      } else if buried < 3, rng.chance(0.22) {
        let kind = rng.weighted(DemoNotes.buriedKinds)
        let text = DemoNotes.fill(rng.pick(DemoNotes.buried[kind] ?? ["答应回复客户的问题"]), model: model, rival: rival)
        guard !topics.contains(where: { $0.text == text }) else { continue }
        var topic = newTopic(.buried, text: text, kind: kind, at: touch.at, by: consultant)
        if let later = touches[(i + 1)...].first(where: { $0.outcome.isContact }), rng.chance(0.6) {
          topic.resolvedAt = later.at
          topic.resolvedByTouch = later.id
        }
        topics.append(topic)
        buried += 1
      }
    }
    return topics
  }

  private mutating func newTopic(_ category: Topic.Category, text: String, kind: TopicKind, at: Date, by: String)
    -> Topic
  {
    defer { nextTopicID += 1 }
    return Topic(id: nextTopicID, category: category, text: text, kind: kind, buriedAt: at, buriedBy: by)
  }
}
