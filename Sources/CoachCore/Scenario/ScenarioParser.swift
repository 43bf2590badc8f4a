import Foundation
import Yams

/// Reads scenario files. Pure: text in, scenarios and findings (file:line:column) out.
public enum ScenarioParser {
  /// The scenarios in one file, or the problems that keep it from being run (an empty list when there are errors).
  /// `now`, `zone` and `language` apply where neither the file nor the scenario sets them.
  public static func parse(
    file path: String, text: String, now: Date, zone: TimeZone, language: String? = nil
  ) -> (scenarios: [Scenario], findings: [LintFinding]) {
    let helper = SectionDecoder(file: PlaybookFile(path: path, text: text), section: "scenarios")
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        return ([], [helper.finding(nil, "the file is empty; it must hold `scenarios:` with a list under it")])
      }
      root = node
    } catch let error as YamlError {
      return ([], [helper.yamlFinding(error)])
    } catch {
      return ([], [helper.finding(nil, "cannot read YAML: \(error)")])
    }
    let usage = KeyUsage()
    let spec: ScenarioFileSpec
    do {
      spec = try NodeDecoder(node: root, codingPath: [], usage: usage).decode(ScenarioFileSpec.self)
    } catch let error as DecodingError {
      return ([], [helper.decodingFinding(error, root: root)])
    } catch {
      return ([], [helper.finding(root.mark, "\(error)")])
    }
    var findings = usage.unknownKeys().map { unknown in
      helper.finding(
        unknown.key.mark,
        "\(location(unknown.path))unknown key `\(unknown.key.scalar?.string ?? "?")`; keys allowed here: "
          + unknown.allowed.joined(separator: ", "))
    }
    let resolver = ScenarioResolver(path: path, root: root, defaults: (now, zone, language))
    let scenarios = resolver.scenarios(spec)
    findings += resolver.findings
    findings.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
    return (findings.isEmpty ? scenarios : [], findings)
  }

  static func location(_ path: [any CodingKey]) -> String {
    path.isEmpty ? "" : YAMLKey.display(path) + ": "
  }
}
