import Foundation

/// A JSON document as parsed for checking: numbers keep whether they were written whole.
public indirect enum JSONValue: Decodable, Equatable, Sendable {
  case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? c.decode(Int64.self) {
      self = .int(n)
    } else if let d = try? c.decode(Double.self) {
      self = .double(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  public static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

  public subscript(key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }
}

/// Checks a JSON value against a JSON Schema the way an OpenAPI 3.1 document writes one: `$ref` (to
/// `#/components/schemas/…`), `anyOf`, `type` (one or a list), `enum`, `format` (`date-time`, `date`),
/// `properties`, `required`, `additionalProperties` (false, or a schema for every other key) and `items`.
/// Returns every mismatch with its JSON path; an empty list means the value fits. A keyword it does not know is
/// itself reported, so that a schema it cannot judge never passes silently.
public struct JSONSchemaCheck {
  public let document: JSONValue

  public init(document: JSONValue) { self.document = document }

  static let known: Set<String> = [
    "$ref", "anyOf", "type", "enum", "format", "properties", "required", "additionalProperties", "items",
    "description", "minimum",
  ]

  public func problems(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
    guard case .object(let s) = schema else { return ["\(path): the schema is not an object"] }
    if let unknown = s.keys.first(where: { !Self.known.contains($0) }) {
      return ["\(path): the checker does not know the keyword \(unknown)"]
    }
    if let ref = s["$ref"]?.stringValue {
      guard ref.hasPrefix("#/components/schemas/"),
        let target = document["components"]?["schemas"]?[String(ref.dropFirst("#/components/schemas/".count))]
      else { return ["\(path): unresolved \(ref)"] }
      return problems(value, against: target, at: path)
    }
    if case .array(let options)? = s["anyOf"] {
      let each = options.map { problems(value, against: $0, at: path) }
      return each.contains { $0.isEmpty }
        ? [] : ["\(path): fits none of anyOf: " + each.flatMap { $0 }.joined(separator: "; ")]
    }
    if let type = s["type"] {
      let types: [String]
      switch type {
      case .string(let t): types = [t]
      case .array(let list): types = list.compactMap(\.stringValue)
      default: return ["\(path): bad type keyword"]
      }
      guard types.contains(where: { Self.fits(value, type: $0) }) else {
        return ["\(path): \(Self.describe(value)) where the schema says \(types.joined(separator: " or "))"]
      }
    }
    var found: [String] = []
    if case .array(let allowed)? = s["enum"], !allowed.contains(value) {
      found.append("\(path): \(Self.describe(value)) is not one of the enum")
    }
    if let format = s["format"]?.stringValue, case .string(let text) = value, !Self.matches(text, format: format) {
      found.append("\(path): \"\(text)\" is not a \(format)")
    }
    if case .object(let fields) = value {
      let properties: [String: JSONValue]
      if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
      if case .array(let required)? = s["required"] {
        for key in required.compactMap(\.stringValue) where fields[key] == nil {
          found.append("\(path): the required key \"\(key)\" is missing")
        }
      }
      for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
        if let p = properties[key] {
          found += problems(field, against: p, at: "\(path).\(key)")
        } else {
          switch s["additionalProperties"] {
          case .bool(false)?: found.append("\(path): the key \"\(key)\" is not in the schema")
          case .object?: found += problems(field, against: s["additionalProperties"] ?? .null, at: "\(path).\(key)")
          default: break
          }
        }
      }
    }
    if case .array(let elements) = value, let items = s["items"] {
      for (i, element) in elements.enumerated() { found += problems(element, against: items, at: "\(path)[\(i)]") }
    }
    return found
  }

  static func fits(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
      ("string", .string), ("array", .array), ("object", .object):
      return true
    default: return false
    }
  }

  static func matches(_ text: String, format: String) -> Bool {
    let pattern: String
    switch format {
    case "date-time": pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#
    case "date": pattern = #"^\d{4}-\d{2}-\d{2}$"#
    default: return false
    }
    return text.range(of: pattern, options: .regularExpression) != nil
  }

  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return "boolean \(b)"
    case .int(let n): return "integer \(n)"
    case .double(let d): return "number \(d)"
    case .string(let s): return "string \"\(s.prefix(40))\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
