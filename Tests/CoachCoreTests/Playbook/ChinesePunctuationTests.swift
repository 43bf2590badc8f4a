import Foundation
import Testing

@testable import CoachCore

/// The bundled zh-CN playbook is written as Chinese is typeset: `，。：；？！` after Chinese, no ASCII `, : ; ? !`
/// with a space (`目的: 坦诚说明延期原因, 给出…`), in every text a consultant reads, says or sends.
@Suite struct ChinesePunctuationTests {
  /// ASCII punctuation after a Chinese character or a full-width mark, or a space after a full-width mark: the
  /// drafts' check (`CustomerTextTests.looseChinese`).
  static var loose: Regex<Substring> { CustomerTextTests.looseChinese }

  /// Lists of words and customers' own phrasings, which are matched rather than shown (a customer types `,`).
  static let matchedOnly: Set<String> = ["examples", "concepts", "match", "vocabulary", "profileKeys", "typicalStages"]

  /// Every string of `value` (decoded JSON), with its path, outside the `matchedOnly` keys.
  static func strings(_ value: Any, path: String = "") -> [(String, String)] {
    switch value {
    case let s as String: return [(path, s)]
    case let a as [Any]: return a.enumerated().flatMap { strings($1, path: "\(path)[\($0)]") }
    case let d as [String: Any]:
      return d.sorted { $0.key < $1.key }.filter { !matchedOnly.contains($0.key) }.flatMap {
        strings($0.value, path: path + "." + $0.key)
      }
    default: return []
    }
  }

  @Test func everyTextOfTheChinesePlaybookIsTypesetAsChinese() throws {
    let playbook = try #require(DefaultPlaybook.decoded("zh-CN"))
    let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(playbook))
    let texts = Self.strings(json)
    #expect(texts.count > 500)
    for (path, text) in texts {
      // A template folded over several YAML lines is joined as a draft joins it.
      let shown = path.hasPrefix(".messages") ? ChineseText.joiningFoldedLines(text) : text
      #expect(shown.firstMatch(of: Self.loose) == nil, "\(path): \(shown)")
    }
  }

  @Test func theLabelColonFollowsThePlaybooksLanguage() throws {
    #expect(try #require(DefaultPlaybook.decoded("zh-CN")).colon == "：")
    #expect(try #require(DefaultPlaybook.decoded("en")).colon == ": ")
  }

  @Test func theCheckCatchesLoosePunctuation() {
    #expect("目的: 说明原因".firstMatch(of: Self.loose) != nil)
    #expect("说明原因, 给出时间".firstMatch(of: Self.loose) != nil)
    #expect("说明原因， 给出时间".firstMatch(of: Self.loose) != nil)
    #expect("说明原因，给出时间 10:30".firstMatch(of: Self.loose) == nil)
  }
}

/// `coach playbook lint` tells a trainer where Chinese text carries ASCII punctuation, once per file.
@Suite struct ChinesePunctuationLintTests {
  let today = Fixtures.day("2026-01-01")

  func punctuation(_ files: [PlaybookFile]) -> [LintFinding] {
    PlaybookLinter.lint(files: files, today: today).filter {
      if case .asciiPunctuation = $0.text { return true }
      return false
    }
  }

  @Test func theBundledPlaybookHasNone() {
    #expect(punctuation(DefaultPlaybook.files).isEmpty)
  }

  @Test func looseTextsAreCountedOncePerFileAtTheFirst() throws {
    var files = Fixtures.editing(
      "zh-CN/labels.yaml", "delivery_late: 坦诚说明延期原因，给出新的交车时间", "delivery_late: 坦诚说明延期原因, 给出新的交车时间")
    files = Fixtures.editing(files, "zh-CN/labels.yaml", "vip: VIP 客户，按 VIP 标准接待", "vip: VIP 客户, 按 VIP 标准接待")
    files = Fixtures.editing(files, "zh-CN/models.yaml", "首付两成，24 期零利率", "首付两成, 24 期零利率")
    let found = punctuation(files)
    #expect(found.map(\.file) == ["zh-CN/labels.yaml", "zh-CN/models.yaml"])
    let labels = try #require(found.first)
    #expect(labels.severity == .warning)
    #expect(
      labels.line == Fixtures.line(of: "delivery_late: 坦诚说明延期原因, ", in: Fixtures.text(files, "zh-CN/labels.yaml")))
    #expect(labels.message(in: .zh).hasPrefix("2 段中文用了半角标点"))
    #expect(labels.message(in: .en).contains("坦诚说明延期原因，给出新的交车时间"))
  }

  @Test func customersPhrasingsEnglishAndDraftsAreLeftAlone() {
    var files = Fixtures.editing("zh-CN/objections.yaml", "- 别家有现车，凭什么要我等这么久？", "- 别家有现车, 凭什么要我等这么久?")
    files = Fixtures.editing(files, "zh-CN/messages.yaml", "祝您和家人节日愉快、阖家幸福！", "祝您和家人节日愉快, 阖家幸福!")
    files = Fixtures.editing(
      files, "en/labels.yaml", "Explain the delay honestly, give", "Explain the delay honestly: give")
    #expect(punctuation(files).isEmpty)
  }
}
