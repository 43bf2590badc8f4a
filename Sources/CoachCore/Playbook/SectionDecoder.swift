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
        findings.append(finding(nil, "the file is empty; it must start with `\(section):`"))
        return nil
      }
      root = node
    } catch let error as YamlError {
      findings.append(yamlFinding(error))
      return nil
    } catch {
      findings.append(finding(nil, "cannot read YAML: \(error)"))
      return nil
    }
    guard case .mapping(let top) = root, let body = root.value(forKey: section) else {
      findings.append(finding(root.mark, "expected the top-level key `\(section):` with the section under it"))
      return nil
    }
    for key in top.keys where key.scalar?.string != section {
      findings.append(
        finding(
          key.mark, "unknown top-level key `\(key.scalar?.string ?? "?")` is ignored; this file holds `\(section):`",
          .warning))
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
            "\(YAMLKey.display(unknown.path)): unknown key `\(name)` is ignored; keys allowed here: "
              + unknown.allowed.joined(separator: ", "), .warning))
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

  func yamlFinding(_ error: YamlError) -> LintFinding {
    let hint = "; check the indentation, and put texts containing `: ` or starting with `{`, `[`, `*` or `&` in quotes"
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let ctx = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
      return finding(mark, "invalid YAML: \(problem)\(ctx)" + hint)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return finding(
        context.mark,
        "key written twice in one mapping: \(duplicates.joined(separator: ", ")); each key may appear once")
    case .reader(let problem, _, _, _):
      return finding(nil, "cannot read the file: \(problem); files must be UTF-8 text")
    default:
      return finding(nil, "invalid YAML: \(error)")
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
      return finding(
        node.mark,
        "\(YAMLKey.display(ctx.codingPath))\(which): missing key `\(name)`; add `\(name):` to this entry")
    @unknown default:
      return finding(root.mark, "\(error)")
    }
  }
}
