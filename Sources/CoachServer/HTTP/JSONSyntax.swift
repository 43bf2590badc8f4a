/// Where a body stops being JSON (RFC 8259), and what was expected there: Foundation's decoder says only that the
/// data is not valid JSON, and a client needs the line and column to fix it. A plain recursive scan of the bytes;
/// it judges syntax only (the decoder judges the rest), and allows what Foundation's parser allows beyond RFC 8259 (a
/// comma before a closing bracket, a UTF-8 byte order mark), so that it finds no error where the decoder found none.
struct JSONSyntax {
  /// What the scan expected where it stopped.
  enum Expected: Sendable, Equatable {
    case value, key, colon, commaOrObjectEnd, commaOrArrayEnd, stringEnd, escape, digit, end, shallower
  }

  /// The first error: 1-based line and column (in characters), what was expected, and what was found there (nil:
  /// the end of the body).
  struct Failure: Sendable, Equatable {
    let line: Int
    let column: Int
    let expected: Expected
    let found: String?
  }

  private let bytes: [UInt8]
  private var at = 0
  /// Deeper nesting is refused (the decoder's own limit is higher; no request body of ours nests past 3).
  static let maximumDepth = 128

  /// The first syntax error of `bytes`, or nil when they are one JSON value with white space around it.
  static func firstError(_ bytes: [UInt8]) -> Failure? {
    var scan = JSONSyntax(bytes: bytes)
    // A UTF-8 byte order mark before the value, as the decoder allows.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scan.at = 3 }
    do throws(Stop) {
      try scan.value(depth: 0)
      scan.space()
      if scan.at < bytes.count { throw Stop(expected: .end) }
      return nil
    } catch {
      return scan.failure(error.expected)
    }
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private struct Stop: Error { let expected: Expected }

  // MARK: - The grammar

  private mutating func value(depth: Int) throws(Stop) {
    space()
    guard depth < Self.maximumDepth else { throw Stop(expected: .shallower) }
    guard let byte = peek else { throw Stop(expected: .value) }
    switch byte {
    case UInt8(ascii: "{"): try object(depth: depth + 1)
    case UInt8(ascii: "["): try array(depth: depth + 1)
    case UInt8(ascii: "\""): try string()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    case UInt8(ascii: "t"): try word("true")
    case UInt8(ascii: "f"): try word("false")
    case UInt8(ascii: "n"): try word("null")
    default: throw Stop(expected: .value)
    }
  }

  private mutating func object(depth: Int) throws(Stop) {
    if opensEmpty(closedBy: UInt8(ascii: "}")) { return }
    while true {
      space()
      guard peek == UInt8(ascii: "\"") else { throw Stop(expected: .key) }
      try string()
      space()
      guard peek == UInt8(ascii: ":") else { throw Stop(expected: .colon) }
      at += 1
      try value(depth: depth)
      if try ended(by: UInt8(ascii: "}"), else: .commaOrObjectEnd) { return }
    }
  }

  private mutating func array(depth: Int) throws(Stop) {
    if opensEmpty(closedBy: UInt8(ascii: "]")) { return }
    while true {
      try value(depth: depth)
      if try ended(by: UInt8(ascii: "]"), else: .commaOrArrayEnd) { return }
    }
  }

  /// Past the opening bracket: true (and past `close` too) when the object or array is empty.
  private mutating func opensEmpty(closedBy close: UInt8) -> Bool {
    at += 1
    space()
    guard peek == close else { return false }
    at += 1
    return true
  }

  /// After a member or an element: a comma (and, as Foundation allows, a trailing one before `close`), or `close`.
  /// True when the object or array ended.
  private mutating func ended(by close: UInt8, else expected: Expected) throws(Stop) -> Bool {
    space()
    switch peek {
    case UInt8(ascii: ","):
      at += 1
      space()
      guard peek == close else { return false }
      at += 1
      return true
    case close:
      at += 1
      return true
    default: throw Stop(expected: expected)
    }
  }

  private mutating func string() throws(Stop) {
    at += 1
    while let byte = peek {
      switch byte {
      case UInt8(ascii: "\""):
        at += 1
        return
      case UInt8(ascii: "\\"):
        at += 1
        guard let escaped = peek, Array("\"\\/bfnrtu".utf8).contains(escaped) else { throw Stop(expected: .escape) }
        at += 1
        if escaped == UInt8(ascii: "u") {
          for _ in 0..<4 {
            guard let hex = peek, Self.isHex(hex) else { throw Stop(expected: .escape) }
            at += 1
          }
        }
      case 0..<0x20: throw Stop(expected: .stringEnd)
      default: at += 1
      }
    }
    throw Stop(expected: .stringEnd)
  }

  private mutating func number() throws(Stop) {
    if peek == UInt8(ascii: "-") { at += 1 }
    if peek == UInt8(ascii: "0") {
      at += 1
    } else {
      try digits()
    }
    if peek == UInt8(ascii: ".") {
      at += 1
      try digits()
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      at += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
      try digits()
    }
  }

  private mutating func digits() throws(Stop) {
    guard let first = peek, Self.isDigit(first) else { throw Stop(expected: .digit) }
    while let d = peek, Self.isDigit(d) { at += 1 }
  }

  private mutating func word(_ word: String) throws(Stop) {
    for expected in word.utf8 {
      guard peek == expected else { throw Stop(expected: .value) }
      at += 1
    }
  }

  // MARK: - Bytes

  private var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

  private mutating func space() {
    while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { at += 1 }
  }

  private static func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }

  private static func isHex(_ b: UInt8) -> Bool {
    isDigit(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(b)
  }

  /// The line and column of the scan's position, and the character there.
  private func failure(_ expected: Expected) -> Failure {
    let before = bytes[..<min(at, bytes.count)]
    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let line = before.filter { $0 == 0x0A }.count + 1
    // Characters, not bytes: a UTF-8 continuation byte (10xxxxxx) starts none.
    let column = bytes[lineStart..<min(at, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
    var found: String?
    if at < bytes.count {
      var end = at + 1
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
      found = String(decoding: bytes[at..<end], as: UTF8.self)
    }
    return Failure(line: line, column: column, expected: expected, found: found)
  }
}
