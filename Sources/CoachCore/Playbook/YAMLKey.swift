import Foundation
import Yams

/// A coding key exactly as written in the YAML file (snake_case), or a list index.
struct YAMLKey: CodingKey, Hashable {
  var stringValue: String
  var intValue: Int?

  init(stringValue: String) {
    self.stringValue = stringValue
    self.intValue = nil
  }

  init(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }

  /// `models[3].wait_weeks` for display in messages.
  static func display(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
      if let i = key.intValue {
        out += "[\(i)]"
      } else {
        out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return out
  }
}

extension String {
  /// `followUpDays` → `follow_up_days`; a number starts a word: `runningCostPer100km` → `running_cost_per_100km`.
  var snakeCased: String {
    var out = ""
    var previous: Character?
    for ch in self {
      if ch.isUppercase {
        if !out.isEmpty { out.append("_") }
        out += ch.lowercased()
      } else if ch.isNumber, let p = previous, p.isLetter {
        out += "_" + String(ch)
      } else {
        out.append(ch)
      }
      previous = ch
    }
    return out
  }

  /// `follow_up_days` → `followUpDays`.
  var camelCased: String {
    let parts = split(separator: "_", omittingEmptySubsequences: true)
    guard let first = parts.first else { return self }
    return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}

extension Node {
  /// The value under `key` when this node is a mapping (keys compared as written).
  func value(forKey key: String) -> Node? {
    guard case .mapping(let m) = self else { return nil }
    return m.first { $0.key.scalar?.string == key }?.value
  }

  /// The key node for `key` when this node is a mapping.
  func keyNode(_ key: String) -> Node? {
    guard case .mapping(let m) = self else { return nil }
    return m.first { $0.key.scalar?.string == key }?.key
  }

  /// Follows `path` (YAML keys and list indices) as far as it goes; returns the deepest node reached.
  func deepest(along path: [any CodingKey]) -> Node {
    var node = self
    for key in path {
      if let i = key.intValue, case .sequence(let s) = node {
        guard i >= 0, i < s.count else { return node }
        node = s[s.index(s.startIndex, offsetBy: i)]
      } else if let next = node.value(forKey: key.stringValue) {
        node = next
      } else {
        return node
      }
    }
    return node
  }

  /// A short description of what this node is, for "found …" in messages.
  var summary: String {
    switch self {
    case .scalar(let s):
      if self.null != nil { return "nothing" }
      return "\"\(s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string)\""
    case .mapping: return "a mapping (key: value lines)"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }
}
