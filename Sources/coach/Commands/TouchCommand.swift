import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension Channel: ExpressibleByArgument {}
extension Outcome: ExpressibleByArgument {}
extension TopicKind: ExpressibleByArgument {}

extension CoachCommand {
  /// `coach touch ID`: record a contact (or an attempt) with a customer.
  struct TouchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "touch", abstract: "Record a contact or contact attempt with a lead.")
    @Argument(help: "Lead id.") var id: String
    @Option(help: "call, sms, wechat, visit, email or test_drive.") var channel: Channel
    @Option(help: "reached, no_answer, declined or visited.") var outcome: Outcome
    @Option(help: "What was said.") var note: String?
    @Option(help: "Bury a topic for next time; repeatable. Each takes the --bury-kind after it (default other).")
    var bury: [String] = []
    @Option(help: "Kind of the preceding --bury: tech, brochure, supply, policy or other.") var buryKind: [TopicKind] =
      []
    @Option(help: "Resolve an open topic or issue by id; repeatable.") var resolve: [Int64] = []
    @Option(help: "Objection code the customer raised; repeatable (`coach objection` finds codes).") var objection:
      [String] = []
    @Option(
      help: "What the customer said, word for word, for the --objection before it; repeatable. Teaches the matcher.")
    var said: [String] = []
    @Option(
      help:
        "Switch lever you argued with (code or label, e.g. availability); repeatable (`coach switch ID` offers them).")
    var lever: [String] = []
    @Option(help: "Record an after-sales problem the customer raised; repeatable.") var issue: [String] = []
    @Option(help: "Agreed next contact: ISO 8601 (in --tz without an offset).") var next: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if buryKind.count > bury.count {
        throw ValidationError(
          OptionRuleText.buryKindsPastTopics(kinds: buryKind.count, topics: bury.count).text(global.ui))
      }
      if said.count > objection.count {
        throw ValidationError(
          OptionRuleText.saidPastObjections(said: said.count, objections: objection.count).text(global.ui))
      }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      var input = RecordTouch(channel: channel, outcome: outcome, note: note)
      input.bury = bury.enumerated().map { (i, text) in
        (text: text, kind: i < buryKind.count ? buryKind[i] : TopicKind.other)
      }
      input.resolve = resolve
      input.objections = objection
      input.levers = lever
      input.issues = issue
      input.next = next
      input.said = zip(objection, said).map { (code: $0, text: $1.trimmed) }
      try input.checkTexts()
      let session = try Output.reading(env)
      let (result, lifted, asksForNext) = try input.run(session, leadID: id)
      if env.json {
        try Output(env: env).json(TouchResultJSON(result))
      } else {
        let done = UIText.touchRecorded(
          touchID: result.touchID, leadID: try LeadID.typed(id), topics: result.buriedTopicIDs, issues: result.issueIDs)
        print(done.text(env.ui))
        if asksForNext { print(Output.yellow(UIText.noNextAgreed.text(env.ui))) }
        if let lifted { print(Output.yellow(UIText.snoozeLiftedByNext(until: lifted.until).text(env.ui))) }
      }
    }
  }
}
