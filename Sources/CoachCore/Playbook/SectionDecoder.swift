import Foundation
import Yams

/// Decodes one section file, turning YAML and schema errors into findings at file:line:column.
struct SectionDecoder {
  let file: PlaybookFile
  let section: String

  /// No implicit tag rules (Yams' own decoder keeps only `.merge`): NodeDecoder reads numbers, nulls and booleans
  /// from a scalar's text and style, and the default rules cost a regular expression per rule on every key (Yams
  /// hashes keys to find duplicates). One difference: a plain `1:` and a quoted `"1":` in one mapping are now
  /// reported as a key written twice instead of the second being silently ignored.
  static let resolver = Resolver.basic

  func decode<T: Decodable>(_ type: T.Type, findings: inout [LintFinding]) -> T? {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: file.text, Self.resolver) else {
        findings.append(finding(nil, .emptyFile(section: section)))
        return nil
      }
      root = node
    } catch let error as YamlError {
      findings.append(yamlFinding(error))
      return nil
    } catch {
      findings.append(finding(nil, .unreadableYAML(detail: "\(error)")))
      return nil
    }
    guard case .mapping(let top) = root, let body = root.value(forKey: section) else {
      findings.append(finding(root.mark, .expectedTopKey(section: section)))
      return nil
    }
    for key in top.keys where key.scalar?.string != section {
      findings.append(
        finding(key.mark, .unknownTopKey(key: key.scalar?.string ?? "?", section: section), .warning))
    }
    let usage = KeyUsage()
    let decoder = NodeDecoder(node: body, codingPath: [YAMLKey(stringValue: section)], usage: usage)
    do {
      let value = try decoder.decode(type)
      for unknown in usage.unknownKeys().sorted(by: { ($0.key.mark?.line ?? 0) < ($1.key.mark?.line ?? 0) }) {
        let name = unknown.key.scalar?.string ?? "?"
        findings.append(
          finding(
            unknown.key.mark,
            .unknownKey(
              path: YAMLKey.display(unknown.path), key: name, allowed: unknown.allowed.joined(separator: ", ")),
            .warning))
      }
      return value
    } catch let error as DecodingError {
      findings.append(decodingFinding(error, root: root))
      return nil
    } catch {
      findings.append(finding(body.mark, "\(error)"))
      return nil
    }
  }

  // MARK: - Errors to findings

  func finding(_ mark: Mark?, _ message: String, _ severity: LintFinding.Severity = .error) -> LintFinding {
    LintFinding(severity: severity, file: file.path, line: mark?.line, column: mark?.column, message: message)
  }

  func finding(_ mark: Mark?, _ text: LintText, _ severity: LintFinding.Severity = .error) -> LintFinding {
    LintFinding(severity: severity, file: file.path, line: mark?.line, column: mark?.column, text: text)
  }

  func yamlFinding(_ error: YamlError) -> LintFinding {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let ctx = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
      return finding(mark, .invalidYAML(detail: "\(problem)\(ctx)", hint: true))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return finding(context.mark, .keyTwice(keys: duplicates.joined(separator: ", ")))
    case .reader(let problem, _, _, _):
      return finding(nil, .unreadableFile(detail: problem))
    default:
      return finding(nil, .invalidYAML(detail: "\(error)", hint: false))
    }
  }

  func decodingFinding(_ error: DecodingError, root: Node) -> LintFinding {
    switch error {
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
      let node = root.deepest(along: ctx.codingPath)
      return finding(node.mark, "\(YAMLKey.display(ctx.codingPath)): \(ctx.debugDescription)")
    case .keyNotFound(let key, let ctx):
      let node = root.deepest(along: ctx.codingPath)
      let name = key.stringValue.snakeCased
      let item = node.value(forKey: "id") ?? node.value(forKey: "code")
      let which = item?.scalar.map { " (\($0.string))" } ?? ""
      return finding(node.mark, .missingKey(path: YAMLKey.display(ctx.codingPath) + which, key: name))
    @unknown default:
      return finding(root.mark, "\(error)")
    }
  }
}
