import Foundation

/// Reads a part's XML byte by byte, straight from the zip's chunks, and drives its reader (`XLSXSheetReader`,
/// `XLSXSharedStringsReader`) with the same events `XMLParser` gives it: the fast path (a sheet has a few elements
/// and attributes per cell, and `XMLParser` builds a dictionary and strings for each; element names are matched as
/// bytes, attribute values built only when asked for). `XLSXScannerEquivalenceTests` proves the answers equal.
///
/// Checks what a well-formed part needs: tags nest and close, attributes are quoted, entities are known, text is
/// UTF-8; a document type declaration (never in a workbook, and the door to entity expansion) is refused.
struct XLSXSheetScanner<Sink: XLSXEvents> {
  /// The most bytes held between chunks (an unclosed tag or a long text): beyond it the part is damaged.
  static var maxCarry: Int { 8 << 20 }

  private let sheet: Sink
  private let part: String
  private var carry: [UInt8] = []
  /// Fingerprints of the open elements' names, innermost last.
  private var open: [UInt64] = []
  private var sawRoot = false
  private var sawDeclaration = false
  /// Any element, comment or instruction seen (the XML declaration must come first).
  private var sawAnything = false

  init(sheet: Sink, part: String) {
    self.sheet = sheet
    self.part = part
  }

  typealias Damaged = XLSXScanDamage

  /// Scans the next chunk; what cannot be finished yet waits for the next one.
  mutating func feed(_ chunk: Data) throws {
    if carry.isEmpty {
      let used = try chunk.withUnsafeBytes { try scan($0.bindMemory(to: UInt8.self)) }
      if used < chunk.count { carry = [UInt8](chunk[chunk.startIndex + used..<chunk.endIndex]) }
    } else {
      carry.append(contentsOf: chunk)
      let used = try carry.withUnsafeBufferPointer { try scan($0) }
      carry.removeFirst(used)
    }
    if carry.count > Self.maxCarry { throw Damaged(why: "a tag or text runs longer than 8 MB") }
  }

  /// After the last chunk: everything closed.
  mutating func finish() throws {
    if carry.contains(where: { !Self.isSpace($0) }) { throw Damaged(why: "it ends in the middle of a tag") }
    guard sawRoot, open.isEmpty else { throw Damaged(why: "it ends before its elements close") }
  }

  // MARK: - Scanning

  /// Scans complete constructs of `b`; returns how many bytes were used (the rest is incomplete).
  private mutating func scan(_ b: UnsafeBufferPointer<UInt8>) throws -> Int {
    var i = 0
    let n = b.count
    while i < n {
      guard let lt = Self.find(0x3C, in: b, from: i) else {
        return i  // text without its end: wait for the next chunk
      }
      if lt > i { try text(b, i, lt) }
      // Which construct: `</`, `<?`, `<!--`, `<![CDATA[`, `<!` or an element.
      guard lt + 1 < n else { return lt }
      switch b[lt + 1] {
      case 0x3F:  // <? … ?>
        guard let end = Self.find([0x3F, 0x3E], in: b, from: lt + 2) else { return lt }
        try instruction(b, lt + 2, end)
        i = end + 2
      case 0x21:  // <!
        if Self.matches(b, lt, "<!--") {
          guard let end = Self.find([0x2D, 0x2D, 0x3E], in: b, from: lt + 4) else { return lt }
          sawAnything = true
          i = end + 3
        } else if Self.matches(b, lt, "<![CDATA[") {
          guard let end = Self.find([0x5D, 0x5D, 0x3E], in: b, from: lt + 9) else { return lt }
          guard !open.isEmpty else { throw Damaged(why: "text outside the root element") }
          sheet.characters(try Self.string(b, lt + 9, end))
          i = end + 3
        } else {
          if lt + 9 > n { return lt }
          throw Damaged(why: "a document type declaration, which a workbook never has")
        }
      default:
        guard let gt = Self.find(0x3E, in: b, from: lt + 1) else { return lt }
        try tag(b, lt + 1, gt)
        i = gt + 1
      }
    }
    return i
  }

  /// `<?target …?>`: the XML declaration is checked (first, `version` then `encoding` and `standalone`, quoted);
  /// other instructions are skipped.
  private mutating func instruction(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws {
    var k = from
    while k < to, !Self.isSpace(b[k]) { k += 1 }
    let target = String(decoding: UnsafeBufferPointer(rebasing: b[from..<k]), as: UTF8.self)
    guard target.lowercased() == "xml" else {
      guard let first = target.utf8.first, Self.isNameStart(first),
        target.utf8.allSatisfy({ Self.isNameStart($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E })
      else { throw Damaged(why: "an instruction without a target") }
      return
    }
    guard target == "xml", !sawDeclaration, !sawRoot, !sawAnything else {
      throw Damaged(why: "a misplaced XML declaration")
    }
    sawDeclaration = true
    let attributes = try Self.attributes(b, k, to)
    let names = attributes.map { String(decoding: $0.name, as: UTF8.self) }
    let allowed = [
      ["version"], ["version", "encoding"], ["version", "standalone"], ["version", "encoding", "standalone"],
    ]
    guard allowed.contains(names), k < to else { throw Damaged(why: "a malformed XML declaration") }
    // UTF-8 is the only encoding read (a workbook's parts are UTF-8).
    if let encoding = attributes.first(where: { $0.name == Array("encoding".utf8) })?.value {
      guard encoding.lowercased() == "utf-8" || encoding.lowercased() == "utf8" else {
        throw Damaged(why: "an encoding other than UTF-8")
      }
    }
    if let standalone = attributes.first(where: { $0.name == Array("standalone".utf8) })?.value {
      guard standalone == "yes" || standalone == "no" else { throw Damaged(why: "a malformed XML declaration") }
    }
    guard let version = attributes.first?.value, version.hasPrefix("1."), version.count > 2,
      version.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber })
    else { throw Damaged(why: "a malformed XML declaration") }
  }

  /// The text between two tags: only white space outside the root.
  private func text(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws {
    guard !open.isEmpty else {
      for k in from..<to where !Self.isSpace(b[k]) { throw Damaged(why: "text outside the root element") }
      return
    }
    sheet.characters(try Self.decoded(b, from, to))
  }

  /// A start, end or empty tag: `b[from..<to]` is what lies between `<` and `>`.
  private mutating func tag(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws {
    if b[from] == 0x2F {  // </name>
      var end = to
      while end > from + 1, Self.isSpace(b[end - 1]) { end -= 1 }
      guard let top = open.popLast(), top == Self.key(b, from + 1, end) else {
        throw Damaged(why: "a closing tag that does not match")
      }
      try sheet.end(Self.element(b, from + 1, end))
      return
    }
    var end = to
    let empty = b[to - 1] == 0x2F
    if empty { end -= 1 }
    var k = from
    while k < end, !Self.isSpace(b[k]) { k += 1 }
    guard k > from, Self.isNameStart(b[from]) else { throw Damaged(why: "a tag without a name") }
    if open.isEmpty {
      guard !sawRoot else { throw Damaged(why: "a second root element") }
      sawRoot = true
    }
    try Self.attributes(b, k, end, into: &spans)
    sawAnything = true
    let element = Self.element(b, from, k)
    let spans = self.spans
    // Attribute values are decoded only when the reader asks for them (`r`, `t`, `s` of rows and cells).
    var failure: (any Error)?
    sheet.start(element) { wanted in
      guard let span = spans.first(where: { Self.localName(b, $0.name, is: wanted) }) else { return nil }
      if span.plain { return String(decoding: UnsafeBufferPointer(rebasing: b[span.value]), as: UTF8.self) }
      do { return try Self.decoded(b, span.value.lowerBound, span.value.upperBound) } catch {
        failure = error
        return nil
      }
    }
    if let failure { throw failure }
    if empty {
      try sheet.end(element)
    } else {
      open.append(Self.key(b, from, k))
    }
  }

  /// Where each attribute's name and value lie in the tag being read (reused from tag to tag); `plain`: the value
  /// is ASCII text without entities, its bytes are its text.
  private var spans: [Span] = []
  typealias Span = (name: Range<Int>, value: Range<Int>, plain: Bool)

  /// The element named by `b[from..<to]` (its local name, after any `x:` prefix), without building a string.
  private static func element(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> XLSXElement {
    var start = from
    for k in from..<to where b[k] == 0x3A { start = k + 1 }
    return XLSXElement(UnsafeBufferPointer(rebasing: b[start..<to]))
  }

  /// Whether the local name (after any prefix) of the attribute name at `range` is `wanted`.
  private static func localName(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, is wanted: String) -> Bool {
    var start = range.lowerBound
    for k in range where b[k] == 0x3A { start = k + 1 }
    var k = start
    for u in wanted.utf8 {
      guard k < range.upperBound, b[k] == u else { return false }
      k += 1
    }
    return k == range.upperBound
  }

  /// A name's fingerprint (FNV-1a over its bytes and length) for matching an end tag to its start tag.
  private static func key(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in from..<to { h = (h ^ UInt64(b[k])) &* 0x100_0000_01b3 }
    return h ^ UInt64(to - from)
  }

  /// `attributes(b, from, to)` checked, their places kept in `spans` (no strings built).
  private static func attributes(
    _ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into spans: inout [Span]
  ) throws {
    spans.removeAll(keepingCapacity: true)
    var k = from
    while true {
      let spaced = k < to && isSpace(b[k])
      while k < to, isSpace(b[k]) { k += 1 }
      if k >= to { break }
      guard spaced else { throw Damaged(why: "attributes without white space between them") }
      let nameStart = k
      while k < to, b[k] != 0x3D, !isSpace(b[k]) { k += 1 }
      let name = nameStart..<k
      while k < to, isSpace(b[k]) { k += 1 }
      guard k < to, b[k] == 0x3D, !name.isEmpty, isNameStart(b[nameStart]),
        name.allSatisfy({ isNameStart(b[$0]) || (b[$0] >= 0x30 && b[$0] <= 0x39) || b[$0] == 0x2D || b[$0] == 0x2E })
      else { throw Damaged(why: "an attribute without a value") }
      k += 1
      while k < to, isSpace(b[k]) { k += 1 }
      guard k < to, b[k] == 0x22 || b[k] == 0x27 else { throw Damaged(why: "an attribute value without quotes") }
      let quote = b[k]
      let valueStart = k + 1
      k = valueStart
      while k < to, b[k] != quote {
        if b[k] == 0x3C { throw Damaged(why: "a < inside an attribute value") }
        k += 1
      }
      guard k < to else { throw Damaged(why: "an attribute value without its closing quote") }
      let same = { (other: Range<Int>) in
        other.count == name.count && zip(other, name).allSatisfy { b[$0] == b[$1] }
      }
      guard !spans.contains(where: { same($0.name) }) else { throw Damaged(why: "an attribute given twice") }
      // Values are checked now (entities, UTF-8) as XMLParser would, decoded later only if asked for.
      let plain = !b[valueStart..<k].contains(where: { $0 == 0x26 || $0 >= 0x80 || $0 < 0x20 })
      if !plain { _ = try decoded(b, valueStart, k) }
      spans.append((name, valueStart..<k, plain))
      k += 1
    }
  }

  /// `name="value" name='value' …` in `b[from..<to]`: white space between them, each name once; the checked spans
  /// of `attributes(_:_:_:into:)` with their values decoded.
  private static func attributes(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws
    -> [(name: [UInt8], value: String)]
  {
    var spans: [Span] = []
    try attributes(b, from, to, into: &spans)
    return try spans.map { ([UInt8](b[$0.name]), try decoded(b, $0.value.lowerBound, $0.value.upperBound)) }
  }

  // MARK: - Bytes

  /// A character XML 1.0 allows.
  private static func isXMLChar(_ v: UInt32) -> Bool {
    v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
      || (0x10000...0x10FFFF).contains(v)
  }

  private static func isSpace(_ u: UInt8) -> Bool { u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 }

  private static func isNameStart(_ u: UInt8) -> Bool {
    (u | 0x20 >= 0x61 && u | 0x20 <= 0x7A) || u == 0x5F || u == 0x3A || u >= 0x80
  }

  private static func find(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard from < b.count, let base = b.baseAddress else { return nil }
    guard let p = memchr(base + from, Int32(byte), b.count - from) else { return nil }
    return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
  }

  private static func find(_ bytes: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var i = from
    while let at = find(bytes[0], in: b, from: i) {
      guard at + bytes.count <= b.count else { return nil }
      if (1..<bytes.count).allSatisfy({ b[at + $0] == bytes[$0] }) { return at }
      i = at + 1
    }
    return nil
  }

  private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ text: String) -> Bool {
    let t = Array(text.utf8)
    return at + t.count <= b.count && (0..<t.count).allSatisfy { b[at + $0] == t[$0] }
  }

  /// `b[from..<to]` as UTF-8 text, checked; line ends read as XML reads them (`\r\n` and `\r` are `\n`).
  private static func string(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws -> String {
    let slice = UnsafeBufferPointer(rebasing: b[from..<to])
    // Printable ASCII (a number, a reference, most of a sheet): its bytes are its text, nothing to check.
    if !slice.contains(where: { $0 >= 0x80 || $0 < 0x20 }) { return String(decoding: slice, as: UTF8.self) }
    guard let s = String(validating: slice, as: UTF8.self) else { throw Damaged(why: "text that is not UTF-8") }
    // Control characters other than tab and line ends are not XML text.
    for u in slice where u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D { throw Damaged(why: "a control character") }
    guard slice.contains(0x0D) else { return s }
    return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  /// Text with its entities (`&amp;`, `&#20320;`, …) decoded; `<` or a lone `&` is damage.
  private static func decoded(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws -> String {
    guard let amp = find(0x26, in: UnsafeBufferPointer(rebasing: b[..<to]), from: from) else {
      return try string(b, from, to)
    }
    var out = try string(b, from, amp)
    var k = amp
    while k < to {
      if b[k] != 0x26 {
        let next = find(0x26, in: UnsafeBufferPointer(rebasing: b[..<to]), from: k) ?? to
        out += try string(b, k, next)
        k = next
        continue
      }
      guard let semi = find(0x3B, in: UnsafeBufferPointer(rebasing: b[..<to]), from: k), semi - k <= 12 else {
        throw Damaged(why: "an & that starts no entity")
      }
      let name = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<semi]), as: UTF8.self)
      switch name {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        let hex = name.hasPrefix("#x") || name.hasPrefix("#X")
        guard name.hasPrefix("#"), let v = UInt32(name.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
          let scalar = Unicode.Scalar(v), isXMLChar(v)
        else { throw Damaged(why: "an unknown entity &\(name);") }
        out.unicodeScalars.append(scalar)
      }
      k = semi + 1
    }
    return out
  }
}

/// Why a part's XML is not well-formed (`XLSXSheetScanner`).
struct XLSXScanDamage: Error {
  let why: String
}
