import Foundation
import Testing

/// `coach playbook test` and `coach playbook show`, run as a trainer would.
@Suite("playbook test and show")
struct PlaybookCLITests {
  /// The repository's playbooks/ folder.
  static let repoPlaybooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("playbooks")

  /// A copy of the repository's playbooks/ (with tests/) in the CLI's temp folder, edited by `edit`.
  func copyOfPlaybooks(_ cli: CLI, edit: (URL) throws -> Void) throws -> URL {
    let copy = cli.dir.appendingPathComponent("playbooks")
    try FileManager.default.copyItem(at: Self.repoPlaybooks, to: copy)
    try edit(copy)
    return copy
  }

  func replace(_ file: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains(old), "the edit must apply to \(file.lastPathComponent): \(old)")
    try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
  }

  @Test func shippedScenariosPassInTheRepoFolderAndBundled() throws {
    let cli = try CLI()
    let repo = try cli.run(["playbook", "test", Self.repoPlaybooks.path, "--json"])
    #expect(repo.status == 0, "\(repo.stdout)\(repo.stderr)")
    let json = try repo.json()
    #expect(json["failed"] as? Int == 0)
    #expect((json["passed"] as? Int ?? 0) >= 40)
    let bundled = try cli.run(["playbook", "test"])
    #expect(bundled.status == 0, "\(bundled.stdout)")
    #expect(bundled.stdout.contains("PASS tests/zh-CN-sales.yaml"))
    #expect(bundled.stdout.hasSuffix("\(json["passed"] as? Int ?? 0) passed, 0 failed\n"))
  }

  @Test func aSlowerCadenceFailsTheScenarioThatPinsIt() throws {
    let cli = try CLI()
    let dir = try copyOfPlaybooks(cli) { dir in
      try replace(dir.appendingPathComponent("en/cadence.yaml"), "    A: 3\n", "    A: 10\n")
    }
    let r = try cli.run(["playbook", "test", dir.path])
    #expect(r.status == 65)
    #expect(r.stdout.contains("FAIL tests/en-sales.yaml:"))
    #expect(r.stdout.contains("an A prospect is called again after three days"))
    #expect(r.stdout.contains("  - due: due now\n  + due: not due yet\n"))
    #expect(r.stderr.contains("1 failed: \"an A prospect is called again after three days\""))
  }

  /// The English examples and the concepts of both languages are what teach the matcher trade-in talk in English.
  @Test func deletingAnObjectionsExamplesFailsItsPhrase() throws {
    let cli = try CLI()
    let dir = try copyOfPlaybooks(cli) { dir in
      for language in ["en", "zh-CN"] {
        let file = dir.appendingPathComponent("\(language)/objections.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let code = try #require(lines.firstIndex(of: "  - code: trade_in_value"))
        let concepts = try #require((code..<lines.count).first { lines[$0].hasPrefix("    concepts:") })
        lines[concepts] = "    concepts: []"
        if language == "en" {
          let start = try #require((code..<lines.count).first { lines[$0] == "    examples:" })
          let end = ((start + 1)..<lines.count).first { !lines[$0].hasPrefix("      ") } ?? start + 1
          lines.replaceSubrange(start..<end, with: ["    examples: []"])
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
      }
    }
    let r = try cli.run(["playbook", "test", dir.path, "--json"])
    #expect(r.status == 65)
    let json = try r.json()
    #expect(json["failed"] as? Int == 1)
    let scenarios = json["scenarios"] as? [[String: Any]] ?? []
    let failed = try #require(scenarios.first { $0["passed"] as? Bool == false })
    #expect(failed["name"] as? String == "money questions about trade-in and finance")
    #expect(failed["file"] as? String == "tests/en-objections.yaml")
    let failures = failed["failures"] as? [[String: String]] ?? []
    #expect(failures.first?["check"]?.hasPrefix("phrase \"My old car is worth more") == true)
    #expect(failures.first?["expected"] == "trade_in_value")
  }

  @Test func aScenarioSchemaErrorNamesFileLineAndColumn() throws {
    let cli = try CLI()
    let file = cli.dir.appendingPathComponent("draft.yaml")
    try """
    now: 2026-11-24T09:00:00+08:00
    scenarios:
      - name: typo in the action
        lead: {grade: A, created: -2h}
        expect:
          action: first_contakt
    """.write(to: file, atomically: true, encoding: .utf8)
    let r = try cli.run(["playbook", "test", "--scenarios", file.path])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "draft.yaml:6:15: scenarios[0].expect.action: unknown action code `first_contakt`; use one of delivery_late,"))
  }

  // MARK: - show

  @Test func showPrintsWhatTheEngineUsesAfterAnEdit() throws {
    let cli = try CLI()
    let dir = try copyOfPlaybooks(cli) { dir in
      try replace(dir.appendingPathComponent("en/cadence.yaml"), "    A: 3\n", "    A: 4\n")
    }
    let text = try cli.run(["playbook", "show", "cadence", "follow_up_days", "--playbooks", dir.path])
    #expect(text.status == 0)
    #expect(text.stdout == "cadence.follow_up_days (en)\nfollow_up_days:\n  A: 4\n  B: 7\n  C: 14\n  H: 1\n")
    let json = try cli.run(["playbook", "show", "cadence", "--json", "--playbooks", dir.path]).json()
    #expect((json["follow_up_days"] as? [String: Int])?["A"] == 4)
    #expect(json["first_contact_hours"] as? Int == 24)
    let model = try cli.run(["playbook", "show", "models", "X60", "--json"]).json()
    #expect(model["wait_weeks"] as? Int == 12 && model["segment"] as? String == "suv")
    let zh = try cli.run(["playbook", "show", "objections", "wait_too_long", "--lang", "zh-CN"])
    #expect(zh.stdout.hasPrefix("objections.wait_too_long (zh-CN)\ncode: wait_too_long\ntitle: 等车时间太长\n"))
  }

  @Test func showNamesWhatExistsForAnUnknownSectionOrId() throws {
    let cli = try CLI()
    let section = try cli.run(["playbook", "show", "cadense"])
    #expect(section.status == 64)
    #expect(
      section.stderr.contains(
        "unknown section `cadense`; sections: cadence, care, holidays, topics, objections, models, messages, labels"))
    let id = try cli.run(["playbook", "show", "models", "X99", "--json"])
    #expect(id.status == 65)
    #expect(
      try id.json()["error"] as? [String: String] == [
        "code": "unknown_id", "message": "no `X99` in models; known: S30, S50, S50N, X40, X60, X70, M80, E20, E50, E60",
      ])
    let holiday = try cli.run(["playbook", "show", "holidays", "national_day"])
    #expect(holiday.stdout.contains("next: 2027-10-01"))
  }
}
