import Foundation

/// What the engine will use of one playbook section after loading (`coach playbook show SECTION [ID]`):
/// the decoded values, as YAML-like text for people and as JSON, so a trainer sees the effect of an edit.
public struct PlaybookView {
  /// Sections a trainer can show.
  public static let sections = ["cadence", "care", "holidays", "topics", "objections", "models", "messages", "labels"]

  /// What is shown, e.g. `objections.wait_too_long`.
  public let title: String
  /// The selected value, for JSON.
  let value: any Encodable
  /// The text for people.
  public let text: String

  /// The decoded value as JSON (keys snake_case like the YAML files, dictionary keys as written).
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .custom { path in
      let key = path.last?.stringValue ?? ""
      let snake = key.first?.isLowercase == true ? key.snakeCased : key
      return YAMLKey(stringValue: snake)
    }
    return try encoder.encode(AnyEncodable(value: value))
  }

  init(title: String, value: any Encodable, text: String? = nil) {
    self.title = title
    self.value = value
    self.text = text ?? ValueText.lines(value).joined(separator: "\n")
  }
}

struct AnyEncodable: Encodable {
  let value: any Encodable
  func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// Renders any decoded playbook value as indented YAML-like lines (struct fields in declaration order, snake_case).
enum ValueText {
  static func lines(_ value: Any, indent: String = "") -> [String] {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      return mirror.children.first.map { lines($0.value, indent: indent) } ?? []
    case .collection, .set:
      return mirror.children.flatMap { child -> [String] in
        let body = lines(child.value, indent: indent + "  ")
        guard let first = body.first else { return [] }
        return ["\(indent)- " + first.dropFirst(indent.count + 2)] + body.dropFirst()
      }
    case .dictionary:
      let pairs = mirror.children.compactMap { child -> (String, Any)? in
        let kv = Array(Mirror(reflecting: child.value).children)
        guard kv.count == 2 else { return nil }
        return ("\(kv[0].value)", kv[1].value)
      }
      return pairs.sorted { $0.0 < $1.0 }.flatMap { field($0.0, $0.1, indent) }
    case .struct, .class:
      return mirror.children.flatMap { child in field((child.label ?? "?").snakeCased, child.value, indent) }
    default:
      return ["\(indent)\(value)"]
    }
  }

  static func field(_ key: String, _ value: Any, _ indent: String) -> [String] {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional, mirror.children.isEmpty { return [] }
    let string = (value as? String) ?? (mirror.children.first?.value as? String)
    if let string, string.contains("\n") {
      let text = string.trimmingCharacters(in: .whitespacesAndNewlines).split(
        separator: "\n", omittingEmptySubsequences: false)
      return ["\(indent)\(key): |"] + text.map { "\(indent)  \($0)" }
    }
    let body = lines(value, indent: indent + "  ")
    let style =
      (mirror.displayStyle == .optional ? mirror.children.first.map { Mirror(reflecting: $0.value) } : mirror)?
      .displayStyle
    let nested = style == .struct || style == .dictionary || style == .collection || style == .class
    if nested { return body.isEmpty ? ["\(indent)\(key): []"] : ["\(indent)\(key):"] + body }
    let text = body.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    return ["\(indent)\(key): \(text)"]
  }
}
