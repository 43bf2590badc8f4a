import Foundation
import Yams

// MARK: - Keyed

/// Reads a mapping. Struct keys (a closed `CodingKeys` set) are looked up in snake_case and counted as asked;
/// dictionary keys (any string is a valid key) are used as written.
struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let mapping: Node.Mapping
  let codingPath: [any CodingKey]
  let usage: KeyUsage
  let isStruct: Bool
  /// Values by key as written (the first of a repeated key), so a look-up is not a scan of the mapping.
  private let values: [String: Node]
  /// `YAMLKey.display(codingPath)`, the mapping's id in `usage`.
  private let pathID: String

  init(mapping: Node.Mapping, codingPath: [any CodingKey], usage: KeyUsage) {
    self.mapping = mapping
    self.codingPath = codingPath
    self.usage = usage
    self.isStruct = Key(stringValue: "\u{1}not a property\u{1}") == nil
    var values = [String: Node](minimumCapacity: mapping.count)
    for (key, value) in mapping {
      if let name = key.scalar?.string, values[name] == nil { values[name] = value }
    }
    self.values = values
    pathID = isStruct ? YAMLKey.display(codingPath) : ""
    if isStruct { usage.register(mapping, at: codingPath, id: pathID) }
  }

  var allKeys: [Key] {
    mapping.keys.compactMap { $0.scalar?.string }.compactMap {
      isStruct ? Key(stringValue: $0.camelCased) : Key(stringValue: $0)
    }
  }

  private func yamlKey(_ key: Key) -> String { isStruct ? key.stringValue.snakeCased : key.stringValue }

  private func child(_ name: String) -> Node? {
    if isStruct { usage.ask(name, id: pathID) }
    return values[name]
  }

  private func decoder(_ key: Key) throws -> NodeDecoder {
    let name = yamlKey(key)
    guard let node = child(name) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key `\(name)`"))
    }
    return NodeDecoder(node: node, codingPath: codingPath + [YAMLKey(stringValue: name)], usage: usage)
  }

  func contains(_ key: Key) -> Bool { child(yamlKey(key)) != nil }
  func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).decodeNil() }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decode(type) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).integer(type) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).integer(type) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).integer(type) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).integer(type) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).integer(type) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).integer(type) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).integer(type) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).integer(type) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).integer(type) }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  { try decoder(key).container(keyedBy: type) }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    NodeDecoder(node: .mapping(mapping), codingPath: codingPath, usage: usage)
  }
  func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

// MARK: - Unkeyed

/// Reads a list item by item.
struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
  let items: [Node]
  let codingPath: [any CodingKey]
  let usage: KeyUsage
  var currentIndex = 0

  init(items: [Node], codingPath: [any CodingKey], usage: KeyUsage) {
    self.items = items
    self.codingPath = codingPath
    self.usage = usage
  }

  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  private mutating func next() throws -> NodeDecoder {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self, .init(codingPath: codingPath, debugDescription: "the list has only \(items.count) items"))
    }
    defer { currentIndex += 1 }
    return NodeDecoder(
      node: items[currentIndex], codingPath: codingPath + [YAMLKey(intValue: currentIndex)], usage: usage)
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, items[currentIndex].null != nil else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }
  mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
    try next().container(keyedBy: type)
  }
  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
  mutating func superDecoder() throws -> any Decoder { try next() }
}

// MARK: - Single value

/// Reads one scalar (or hands the node on to a nested type).
struct NodeSingleValue: SingleValueDecodingContainer {
  let decoder: NodeDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { decoder.decodeNil() }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
}
