import CoachCore
import Foundation
import Testing

@Suite("Default scenarios")
struct DefaultScenariosTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  func scenarios() -> [Scenario] {
    DefaultScenarios.files.flatMap { file in
      let parsed = ScenarioParser.parse(
        file: file.path, text: file.text, now: Date(timeIntervalSince1970: 0), zone: .gmt)
      #expect(parsed.findings.map(\.description) == [])
      return parsed.scenarios
    }
  }

  /// The embedded copy must equal playbooks/tests on disk; run scripts/embed-scenarios after editing a scenario.
  @Test func embeddedCopyIsFresh() throws {
    let folder = Self.root.appendingPathComponent("playbooks/tests")
    var onDisk: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
      onDisk["tests/\(name)"] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    let embedded = Dictionary(DefaultScenarios.files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
    #expect(Set(embedded.keys) == Set(onDisk.keys), "embedded scenarios are stale: run scripts/embed-scenarios")
    for (path, text) in onDisk {
      #expect(embedded[path] == text, "embedded \(path) is stale: run scripts/embed-scenarios")
    }
  }

  /// Each language ships at least 20 scenarios that pin every action code and every objection code.
  @Test(arguments: ["zh-CN", "en"])
  func everyActionAndObjectionIsCovered(language: String) throws {
    let mine = scenarios().filter { $0.language == language }
    #expect(mine.count >= 20)
    let actions = Set(mine.compactMap(\.expect.action))
    #expect(ActionCode.allCases.filter { !actions.contains($0) } == [])
    let objections = Set(mine.flatMap { $0.expect.phrases.map(\.objection) + $0.expect.objections })
    let codes = try #require(try DefaultPlaybook.load().playbook(language)).objections.map(\.code)
    #expect(codes.count == 16)
    #expect(codes.filter { !objections.contains($0) } == [])
    let phrased = Set(mine.flatMap { $0.expect.phrases.map(\.objection) })
    #expect(codes.filter { !phrased.contains($0) } == [], "every objection has a customer phrase to match")
  }
}
