import CoachCore
import Foundation
import Testing

@Suite("Default playbook")
struct DefaultPlaybookTests {
  @Test func loadsInBothLanguagesWithTheSameIds() throws {
    let set = try DefaultPlaybook.load()
    let zh = try #require(set.playbook("zh-CN"))
    let en = try #require(set.playbook("en"))
    #expect(zh.language == "zh-CN" && en.language == "en")
    #expect(zh.models.map(\.code) == en.models.map(\.code))
    #expect(zh.objections.map(\.code) == en.objections.map(\.code))
    #expect(zh.messages.map(\.id) == en.messages.map(\.id))
    #expect(zh.care.holidays.map(\.id) == en.care.holidays.map(\.id))
    #expect(zh.topics.created.map(\.id) == en.topics.created.map(\.id))
    #expect(zh.topics.dugUp.map(\.id) == en.topics.dugUp.map(\.id))
    #expect(zh.cadence == en.cadence)
  }

  @Test func catalogMatchesTheSharedFacts() throws {
    let en = try #require(try DefaultPlaybook.load().playbook("en"))
    let expected: [(String, String, Int)] = [
      ("S30", "sedan", 129800), ("S50", "sedan", 189800), ("S50N", "sedan", 199800), ("X40", "suv", 159800),
      ("X60", "suv", 229800), ("X70", "suv", 269800), ("M80", "mpv", 289800), ("E20", "ev", 99800),
      ("E50", "ev", 219800), ("E60", "ev", 249800),
    ]
    #expect(en.models.map { "\($0.code) \($0.segment) \($0.price)" } == expected.map { "\($0.0) \($0.1) \($0.2)" })
    #expect(en.model("s50n")?.replaces == "S50")
    #expect(en.cadence.followUpDays(for: .h) == 1 && en.cadence.followUpDays(for: .c) == 14)
    #expect(en.cadence.followUpDays(for: nil) == en.cadence.defaultFollowUpDays)
  }

  @Test func holidayCalendarHasTheRealDates() throws {
    let zh = try #require(try DefaultPlaybook.load().playbook("zh-CN"))
    func dates(_ id: String) -> [String] { zh.care.holidays.first { $0.id == id }?.dates ?? [] }
    #expect(dates("spring_festival") == ["2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26"])
    #expect(dates("mid_autumn") == ["2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03"])
    #expect(dates("dragon_boat") == ["2025-05-31", "2026-06-19", "2027-06-09", "2028-05-28"])
    #expect(dates("qingming") == ["2025-04-04", "2026-04-05", "2027-04-05", "2028-04-04"])
    #expect(zh.care.holidays.first { $0.id == "national_day" }?.fixed == "10-01")
  }

  @Test func lintsWithoutErrors() {
    let findings = PlaybookLinter.lint(files: DefaultPlaybook.files, today: Fixtures.day("2026-01-01"))
    #expect(findings.filter { $0.severity == .error }.map(\.description) == [])
  }

  @Test func forgivingLanguageLookup() throws {
    let set = try DefaultPlaybook.load()
    #expect(set.playbook("en_US.UTF-8")?.language == "en")
    #expect(set.playbook("zh")?.language == "zh-CN")
    #expect(set.playbook("zh_CN.UTF-8")?.language == "zh-CN")
    #expect(set.playbook("fr") == nil)
  }

  /// The embedded copy must equal playbooks/ on disk; run scripts/embed-playbooks after editing a playbook.
  @Test func embeddedCopyIsFresh() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var onDisk: [String: String] = [:]
    for lang in ["zh-CN", "en"] {
      let folder = root.appendingPathComponent("playbooks").appendingPathComponent(lang)
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
        onDisk["\(lang)/\(name)"] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      }
    }
    let embedded = Dictionary(DefaultPlaybook.files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
    #expect(Set(embedded.keys) == Set(onDisk.keys), "embedded playbook is stale: run scripts/embed-playbooks")
    for (path, text) in onDisk {
      #expect(embedded[path] == text, "embedded \(path) is stale: run scripts/embed-playbooks")
    }
  }

  /// The copy decoded ahead of time (DefaultPlaybook+Decoded.swift, which start-up uses) must equal what the
  /// loader makes of the embedded YAML; with `embeddedCopyIsFresh` it can never lag playbooks/ on disk.
  @Test func decodedCopyEqualsTheYAML() throws {
    let set = try PlaybookSet.load(files: DefaultPlaybook.files)
    let stale = "decoded playbook is stale: run scripts/embed-playbooks"
    #expect(DefaultPlaybook.languages == set.languages.keys.sorted(), "\(stale)")
    #expect(DefaultPlaybook.decodedSet.languages.keys.sorted() == DefaultPlaybook.languages)
    #expect(DefaultPlaybook.decoded("fr") == nil)
    for (lang, yaml) in set.languages {
      let decoded = try #require(DefaultPlaybook.decoded(lang), "no decoded \(lang): run scripts/embed-playbooks")
      let stale = "decoded \(lang) playbook is stale: run scripts/embed-playbooks"
      #expect(decoded.language == yaml.language, "\(stale)")
      #expect(decoded.cadence == yaml.cadence, "\(stale)")
      #expect(decoded.care == yaml.care, "\(stale)")
      #expect(decoded.topics == yaml.topics, "\(stale)")
      #expect(decoded.objections == yaml.objections, "\(stale)")
      #expect(decoded.models == yaml.models, "\(stale)")
      #expect(decoded.messages == yaml.messages, "\(stale)")
      #expect(decoded.labels == yaml.labels, "\(stale)")
      #expect(decoded == yaml, "\(stale)")
      #expect(DefaultPlaybook.decodedSet.languages[lang] == yaml)
    }
  }
}
