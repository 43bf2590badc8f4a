import Foundation
import Yams

// MARK: - Key usage

/// What a decode read from each struct-like mapping, to report keys nobody asked for.
final class KeyUsage {
  struct Entry {
    var path: [any CodingKey]
    var mapping: Node.Mapping
    var asked: Set<String> = []
  }
  private(set) var entries: [String: Entry] = [:]

  /// Registers a struct-like mapping; `id` is `YAMLKey.display(path)`, computed once by the caller.
  func register(_ mapping: Node.Mapping, at path: [any CodingKey], id: String) {
    if entries[id] == nil { entries[id] = Entry(path: path, mapping: mapping) }
  }

  func ask(_ key: String, id: String) { entries[id]?.asked.insert(key) }

  /// Keys present in a struct-like mapping that no property asked for, with the keys that were expected.
  func unknownKeys() -> [(key: Node, path: [any CodingKey], allowed: [String])] {
    entries.values.flatMap { entry in
      entry.mapping.keys.compactMap { key -> (Node, [any CodingKey], [String])? in
        guard let name = key.scalar?.string, !entry.asked.contains(name) else { return nil }
        return (key, entry.path, entry.asked.sorted())
      }
    }
  }
}

// MARK: - Decoder

/// Decodes `Decodable` values straight from a Yams `Node`, reading struct properties from their
/// snake_case keys (`followUpDays` from `follow_up_days`) while dictionary keys stay as written.
struct NodeDecoder: Decoder {
  let node: Node
  let codingPath: [any CodingKey]
  let usage: KeyUsage
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .mapping(let mapping) = node else {
      throw DecodingError.typeMismatch(
        [String: Any].self,
        .init(codingPath: codingPath, debugDescription: "expected key: value lines, found \(node.summary)"))
    }
    return KeyedDecodingContainer(NodeKeyedContainer<Key>(mapping: mapping, codingPath: codingPath, usage: usage))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .sequence(let sequence) = node else {
      throw DecodingError.typeMismatch(
        [Any].self,
        .init(
          codingPath: codingPath,
          debugDescription: "expected a list (lines starting with `- `, or [a, b]), found \(node.summary)"))
    }
    return NodeUnkeyedContainer(items: Array(sequence), codingPath: codingPath, usage: usage)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { NodeSingleValue(decoder: self) }

  // MARK: Values

  func decodeNil() -> Bool { node.null != nil }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let value: Any
    switch type {
    case is String.Type: value = try string()
    case is Bool.Type: value = try scalar("true or false", Bool.construct)
    case is Int.Type: value = try scalar("a whole number", Int.construct)
    case is Double.Type: value = try scalar("a number", Double.construct)
    case is Float.Type: value = Float(try scalar("a number", Double.construct))
    default: return try T(from: self)
    }
    guard let typed = value as? T else { throw mismatch(T.self, "a value of type \(T.self)") }
    return typed
  }

  func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
    guard let value = I(exactly: try scalar("a whole number", Int.construct)) else {
      throw mismatch(I.self, "a whole number in the range \(I.min)...\(I.max)")
    }
    return value
  }

  func string() throws -> String {
    guard case .scalar(let s) = node, !decodeNil() else { throw mismatch(String.self, "text") }
    return s.string
  }

  func scalar<V>(_ expected: String, _ construct: (Node.Scalar) -> V?) throws -> V {
    guard case .scalar(let s) = node, !decodeNil(), let value = construct(s) else { throw mismatch(V.self, expected) }
    return value
  }

  func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
    .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(node.summary)"))
  }
}
