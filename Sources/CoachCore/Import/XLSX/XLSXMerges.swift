import Foundation

/// A sheet's cells merged down several rows (`<mergeCell ref="A2:A6"/>`, listed after the rows): the value is in the
/// range's top cell only, and the rows below it read it too, as the sheet shows it (one 销售顾问 merged over all of that
/// consultant's rows, one 建档时间 over a day's). Merges across one row only (a title over the top, a header over two
/// columns) are left as they are: filled across, a header would name its column twice.
struct XLSXMerges: Sendable, Hashable {
  /// One range merged down: its first column (0-based) from the row below `top` to `bottom`.
  struct Down: Sendable, Hashable {
    var column: Int
    var top: Int
    var bottom: Int
  }

  /// The ranges merged down, by their top row.
  private(set) var byTop: [Int: [Down]] = [:]
  var isEmpty: Bool { byTop.isEmpty }

  init(_ ranges: [Down] = []) {
    for range in ranges where range.bottom > range.top { byTop[range.top, default: []].append(range) }
  }

  /// The ranges of `<mergeCell ref="…">` in a sheet's XML, read as `stream` hands it over chunk by chunk (a pass
  /// before the rows: the list comes after them). The bytes of an element cut between two chunks are kept for the next.
  static func scan(_ stream: ((Data) throws -> Void) throws -> Bool) rethrows -> XLSXMerges {
    var ranges: [Down] = []
    var carry: [UInt8] = []
    _ = try stream { chunk in
      var bytes = carry
      bytes.append(contentsOf: chunk)
      let kept = read(bytes, into: &ranges)
      carry = Array(bytes[kept...].suffix(512))
    }
    return XLSXMerges(ranges)
  }

  /// Adds the ranges of the whole `<mergeCell …>` elements in `xml`; where the last whole one ends (or where an
  /// element begins that `xml` does not hold to its end).
  static func read(_ xml: [UInt8], into ranges: inout [Down]) -> Int {
    let tag = Array("<mergeCell ".utf8)
    let ref = Array("ref=\"".utf8)
    var i = 0
    var kept = max(0, xml.count - tag.count)
    while let at = find(tag, in: xml, from: i) {
      guard let end = xml[at...].firstIndex(of: UInt8(ascii: ">")) else {
        kept = at
        break
      }
      if let r = find(ref, in: xml, from: at), r < end,
        let close = xml[(r + ref.count)..<end].firstIndex(of: UInt8(ascii: "\"")),
        let range = down(String(decoding: xml[(r + ref.count)..<close], as: UTF8.self))
      {
        ranges.append(range)
      }
      i = end + 1
      kept = max(i, kept)
    }
    return min(kept, xml.count)
  }

  /// `A2:A6` → column 0, rows 2 to 6.
  static func down(_ reference: String) -> Down? {
    let parts = reference.filter { $0 != "$" }.split(separator: ":")
    guard parts.count == 2, let column = XLSXCells.column(String(parts[0])), let top = row(parts[0]),
      let bottom = row(parts[1])
    else { return nil }
    return Down(column: column, top: min(top, bottom), bottom: max(top, bottom))
  }

  private static func row(_ cell: Substring) -> Int? { Int(cell.drop { $0.isLetter }) }

  /// Where `needle` first occurs in `haystack` from `start`: `memchr` for its rarest byte (one the cells of a sheet's
  /// XML seldom hold: `g` of `<mergeCell`, `f` of `ref="`), then a comparison.
  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    let pivot = needle.firstIndex { $0 == UInt8(ascii: "g") || $0 == UInt8(ascii: "f") } ?? 0
    return haystack.withUnsafeBytes { h -> Int? in
      guard let base = h.baseAddress else { return nil }
      var i = start + pivot
      while i < h.count {
        guard let hit = memchr(base + i, Int32(needle[pivot]), h.count - i) else { return nil }
        let at = base.distance(to: UnsafeRawPointer(hit)) - pivot
        if at >= start, at + needle.count <= h.count,
          memcmp(base + at, needle, needle.count) == 0
        {
          return at
        }
        i = at + pivot + 1
      }
      return nil
    }
  }
}

/// The values merged down into the rows being read (`XLSXSheetReader`).
struct XLSXMergeFill {
  private let merges: XLSXMerges
  /// Ranges under way: their column, last row and the top cell's value.
  private var open: [(column: Int, bottom: Int, value: String)] = []

  init(_ merges: XLSXMerges) { self.merges = merges }

  /// Fills row `row`'s empty cells that a range above covers, then keeps its own ranges' top values.
  mutating func fill(_ fields: inout [String], row: Int) {
    guard !merges.isEmpty else { return }
    open.removeAll { $0.bottom < row }
    for range in open where range.column >= fields.count || fields[range.column].isEmpty {
      while fields.count <= range.column { fields.append("") }
      fields[range.column] = range.value
    }
    for range in merges.byTop[row] ?? [] where range.column < fields.count && !fields[range.column].isEmpty {
      open.append((range.column, range.bottom, fields[range.column]))
    }
  }
}
