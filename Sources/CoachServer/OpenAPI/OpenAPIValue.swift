import CoachCore
import Foundation

/// A JSON value written as Swift literals: the OpenAPI document is built from these, so that its code lists come
/// from the same enums the command line prints (a new action code cannot be left out of the document).
indirect enum OpenAPIValue: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
  case string(String)
  case bool(Bool)
  case int(Int)
  case array([OpenAPIValue])
  case object([String: OpenAPIValue])

  init(stringLiteral value: String) { self = .string(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(integerLiteral value: Int) { self = .int(value) }
  init(arrayLiteral elements: OpenAPIValue...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, OpenAPIValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .string(let s): try c.encode(s)
    case .bool(let b): try c.encode(b)
    case .int(let n): try c.encode(n)
    case .array(let a): try c.encode(a)
    case .object(let o): try c.encode(o)
    }
  }
}

// MARK: - Schema builders (JSON Schema as OpenAPI 3.1 uses it)

/// The small vocabulary the document is written in: every object names its keys, says which are always present,
/// and allows no others (`additionalProperties: false`), which is what the API test holds real responses to.
enum Schema {
  static let string: OpenAPIValue = ["type": "string"]
  static let integer: OpenAPIValue = ["type": "integer"]
  static let number: OpenAPIValue = ["type": "number"]
  static let boolean: OpenAPIValue = ["type": "boolean"]
  /// ISO 8601 with the zone's offset, as every time the command line prints.
  static let dateTime: OpenAPIValue = ["type": "string", "format": "date-time"]
  static let date: OpenAPIValue = ["type": "string", "format": "date"]
  /// A rate in 0…1 or a median; null when there is nothing to measure.
  static let measure: OpenAPIValue = ["type": ["number", "null"]]

  static func array(_ items: OpenAPIValue) -> OpenAPIValue { ["type": "array", "items": items] }

  static func ref(_ name: String) -> OpenAPIValue { ["$ref": .string("#/components/schemas/\(name)")] }

  static func nullable(_ schema: OpenAPIValue) -> OpenAPIValue { ["anyOf": [schema, ["type": "null"]]] }

  /// An object of exactly `properties`: all required except `optional` (keys left out when they have no value).
  static func object(_ properties: [String: OpenAPIValue], optional: Set<String> = [], description: String? = nil)
    -> OpenAPIValue
  {
    var o: [String: OpenAPIValue] = [
      "type": "object", "additionalProperties": false, "properties": .object(properties),
      "required": .array(properties.keys.filter { !optional.contains($0) }.sorted().map(OpenAPIValue.string)),
    ]
    if let description { o["description"] = .string(description) }
    return .object(o)
  }

  /// An object whose keys are data (a count per channel, a profile's fields): every value of one schema.
  static func map(_ values: OpenAPIValue) -> OpenAPIValue { ["type": "object", "additionalProperties": values] }

  /// A closed list of codes, from the enum the command line uses.
  static func codes<T: RawRepresentable & CaseIterable>(_: T.Type) -> OpenAPIValue where T.RawValue == String {
    ["type": "string", "enum": .array(T.allCases.map { .string($0.rawValue) })]
  }
}
