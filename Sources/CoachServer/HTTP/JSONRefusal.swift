import Foundation
import Hummingbird

/// Decodes a JSON body, or refuses it (400 `usage`) saying what was wrong in both languages: where the JSON breaks
/// (line, column, what was expected there), or which field is missing, null or of the wrong type, what was found
/// and what it takes; and always the document expected (`shape`).
/// With `fields`, a key the document does not have is refused too, naming the fields it takes (a typo such as
/// `"objection"` or `"next_at"` was dropped and the touch kept without it, 201); `nested` names the fields of the
/// objects in an array field (`bury`: `text`, `kind`).
func decodeJSON<T: Decodable>(
  _ type: T.Type, _ body: ByteBuffer, shape: String, fields: [String]? = nil, nested: [String: [String]] = [:]
) throws -> T {
  let data = Data(buffer: body)
  let value: T
  do {
    value = try JSONDecoder().decode(type, from: data)
  } catch let error as DecodingError {
    throw JSONRefusal.explain(error, data: data, shape: shape)
  }
  if let fields, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
    try JSONRefusal.refuseUnknown(object, fields: fields, at: "", shape: shape)
    for (field, inner) in nested {
      for (i, item) in ((object[field] as? [Any]) ?? []).enumerated() {
        if let item = item as? [String: Any] {
          try JSONRefusal.refuseUnknown(item, fields: inner, at: "\(field)[\(i)].", shape: shape)
        }
      }
    }
  }
  return value
}

enum JSONRefusal {
  /// 400 naming the first key of `object` (sorted) that is not one of `fields`, and the fields it takes.
  static func refuseUnknown(_ object: [String: Any], fields: [String], at prefix: String, shape: String) throws {
    guard let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) else { return }
    let list = fields.joined(separator: ", ")
    throw FieldRefusal(
      zh: "不认识的字段 \(prefix)\(unknown)：可用的字段是 \(list)；请发送 \(shape)",
      en: "unknown field \(prefix)\(unknown): the fields are \(list); send \(shape)")
  }

  /// The refusal of `data`, which `error` says the decoder could not read as `shape`.
  static func explain(_ error: DecodingError, data: Data, shape: String) -> FieldRefusal {
    let expected = (zh: "请发送 \(shape)", en: "send \(shape)")
    if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
      return FieldRefusal(zh: "请求体是空的：\(expected.zh)", en: "the body is empty: \(expected.en)")
    }
    if let failure = JSONSyntax.firstError(Array(data)) {
      let found =
        failure.found.map(shown).map { (zh: "“\($0)”", en: "'\($0)'") } ?? (zh: "请求体结束", en: "the end of the body")
      let wanted = words(failure.expected)
      return FieldRefusal(
        zh: "请求体不是有效的 JSON：第 \(failure.line) 行第 \(failure.column) 列应为\(wanted.zh)，实际是\(found.zh)；\(expected.zh)",
        en: "the body is not valid JSON: at line \(failure.line), column \(failure.column) expected \(wanted.en), "
          + "found \(found.en); \(expected.en)")
    }
    switch error {
    case .keyNotFound(let key, let context):
      let field = path(context.codingPath + [key])
      return FieldRefusal(zh: "缺少 \(field)：\(expected.zh)", en: "\(field) is missing: \(expected.en)")
    case .valueNotFound(let type, let context):
      let field = path(context.codingPath)
      let kind = words(type)
      return FieldRefusal(
        zh: "\(field) 是 null：应为\(kind.zh)；\(expected.zh)", en: "\(field) is null: give \(kind.en); \(expected.en)")
    case .typeMismatch(let type, let context):
      let kind = words(type)
      let found = words(value(at: context.codingPath, in: data))
      if context.codingPath.isEmpty {
        return FieldRefusal(
          zh: "请求体应为 JSON 对象，实际是\(found.zh)：\(expected.zh)",
          en: "the body must be a JSON object, not \(found.en): \(expected.en)")
      }
      let field = path(context.codingPath)
      return FieldRefusal(
        zh: "\(field) 应为\(kind.zh)，实际是\(found.zh)；\(expected.zh)",
        en: "\(field) must be \(kind.en), not \(found.en); \(expected.en)")
    default:
      return FieldRefusal.notJSON(shape)
    }
  }

  /// A character as a message shows it: a control character by its escape (`\n`) or code (`U+0007`).
  static func shown(_ character: String) -> String {
    guard let scalar = character.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F else {
      return character
    }
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }
  }

  /// `bury[0].text`: the field a coding path leads to.
  static func path(_ keys: [any CodingKey]) -> String {
    keys.enumerated().map { i, key in
      key.intValue.map { "[\($0)]" } ?? (i == 0 ? key.stringValue : "." + key.stringValue)
    }.joined()
  }

  /// The JSON value at `keys` in `data` (valid JSON), as Foundation reads it; nil when it cannot be found.
  static func value(at keys: [any CodingKey], in data: Data) -> Any? {
    var value = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
    for key in keys {
      if let index = key.intValue {
        guard let array = value as? [Any], array.indices.contains(index) else { return nil }
        value = array[index]
      } else {
        value = (value as? [String: Any])?[key.stringValue]
      }
    }
    return value
  }

  /// A JSON value's kind, with the value when it is short.
  static func words(_ value: Any?) -> (zh: String, en: String) {
    switch value {
    case let text as String:
      let shown = text.count <= 20 ? " \"\(text)\"" : ""
      return ("字符串\(shown)", "a string\(shown)")
    case let number as NSNumber:
      // Foundation reads true and false as NSNumber too, of C type char (a JSON number is never one).
      if String(cString: number.objCType) == "c" { return ("\(number.boolValue)", "\(number.boolValue)") }
      return ("数字 \(number)", "the number \(number)")
    case is [Any]: return ("数组", "an array")
    case is [String: Any]: return ("对象", "an object")
    case is NSNull: return ("null", "null")
    default: return ("别的值", "something else")
    }
  }

  /// What a Swift type takes, in JSON's words.
  static func words(_ type: Any.Type) -> (zh: String, en: String) {
    switch type {
    case is String.Type: return ("字符串", "a string")
    case is Int64.Type, is Int.Type: return ("整数", "a whole number")
    case is Double.Type: return ("数字", "a number")
    case is Bool.Type: return ("true 或 false", "true or false")
    case is [Any].Type: return ("数组", "an array")
    default:
      let name = String(describing: type)
      return name.hasPrefix("Array") ? ("数组", "an array") : ("对象", "an object")
    }
  }

  /// What the scan of the body expected where it broke off.
  static func words(_ expected: JSONSyntax.Expected) -> (zh: String, en: String) {
    switch expected {
    case .value:
      return (
        "一个值 (对象、数组、带双引号的字符串、数字、true、false 或 null)",
        "a value (an object, an array, a string in double quotes, a number, true, false or null)"
      )
    case .key: return ("带双引号的键名", "a key in double quotes")
    case .colon: return ("键名后的冒号“:”", "':' after the key")
    case .commaOrObjectEnd: return ("逗号“,”或“}”", "',' or '}'")
    case .commaOrArrayEnd: return ("逗号“,”或“]”", "',' or ']'")
    case .stringEnd: return ("字符串结尾的双引号 (换行请写成 \\n)", "the closing '\"' of the string (a line break is written \\n)")
    case .escape: return ("转义如 \\n、\\\" 或 \\u00e9", "an escape such as \\n, \\\" or \\u00e9")
    case .digit: return ("数字", "a digit")
    case .end: return ("请求体结束 (只能有一个 JSON 值)", "the end of the body (one JSON value only)")
    case .shallower: return ("嵌套更浅的值", "a value nested less deeply")
    }
  }
}

extension String {
  /// This text with `0`s before it up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
