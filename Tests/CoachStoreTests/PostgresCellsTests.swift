import Foundation
import PostgresNIO
import Testing

@testable import CoachPostgres

/// `PGCursor` reads a record's fields from their binary bytes; it must give what PostgresNIO's own decoding (`PGRow`)
/// gives, for every kind of value the loaders read: NULLs, integers of each width at their limits, times before 1970 and 2000
/// and far ahead, text with tabs and ideographs, and arrays of each with NULL elements or none at all.
@Suite struct PostgresCellsTests {
  /// One array's wire bytes: one dimension, its elements (nil for NULL) each after its length.
  static func array(_ elements: [[UInt8]?], type: Int32 = 25) -> [UInt8] {
    func int32(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
    var out = int32(1) + int32(elements.contains(nil) ? 1 : 0) + int32(type) + int32(Int32(elements.count)) + int32(1)
    for e in elements { out += e.map { int32(Int32($0.count)) + $0 } ?? int32(-1) }
    return out
  }

  @Test func arraysGiveTheirElementsInOrderWithNulls() throws {
    let bytes = Self.array([Array("a".utf8), nil, [], Array("客户\t1".utf8)])
    let texts = try bytes.withUnsafeBytes { raw in
      try PGValue.array(raw) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }
    #expect(texts == ["a", nil, "", "客户\t1"])
    // No dimensions: the empty array.
    let empty: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 25]
    #expect(try empty.withUnsafeBytes { raw in try PGValue.array(raw) { $0 } }.isEmpty)
  }

  /// Rows are gathered as they arrive, every one and in order, however many (PostgresNIO's own gathering copied them
  /// at every read: a million rows took seconds).
  @Test(.enabled(if: PostgresTestDatabase.admin != nil, PostgresTestDatabase.skipNote))
  func manyRowsComeWholeAndInOrder() throws {
    let store = try PostgresTestDatabase.fresh()
    let values = try store.read { c in
      try c.rawRows("SELECT ROW(g::bigint, g::text) FROM generate_series(1, ?::bigint) g ORDER BY g", [Int64(100_000)])
        .map { row -> Int64 in
          var cells = try PGCursor(record: row)
          let n = try cells.int()
          #expect(try cells.text() == String(n))
          return n
        }
    }
    #expect(values.count == 100_000 && values == Array(1...100_000))
    #expect(try store.read { c in try c.rows("SELECT 1 WHERE false") }.isEmpty)
  }

  @Test func damagedArraysAreRefusedNotReadPastTheirEnd() {
    let whole = Self.array([Array("abc".utf8), Array("de".utf8)])
    for cut in [3, 12, 20, whole.count - 1] {
      let bytes = Array(whole.prefix(cut))
      #expect(throws: PGCellError.self, "cut at \(cut)") {
        try bytes.withUnsafeBytes { raw in try PGValue.array(raw) { $0 } }
      }
    }
    #expect(throws: PGCellError.self) { try PGValue.int([1, 2, 3]) }
    #expect(throws: PGCellError.self) { try PGValue.date([0, 0, 0, 0]) }
  }

  @Test func integersAreBigEndianAndSigned() throws {
    #expect(try PGValue.int([0xFF, 0xFE]) == -2)
    #expect(try PGValue.int([0x00, 0x00, 0x01, 0x00]) == 256)
    #expect(try PGValue.int([0x80, 0, 0, 0, 0, 0, 0, 0]) == Int64.min)
    #expect(try PGValue.int([0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == Int64.max)
  }

  @Test(.enabled(if: PostgresTestDatabase.admin != nil, PostgresTestDatabase.skipNote))
  func theCursorReadsWhatPostgresNIODecodes() throws {
    let store = try PostgresTestDatabase.fresh()
    defer { store.close() }
    let sql = """
      SELECT k, a, b, c, d, e, f, g, h, i, j FROM (VALUES
        (1, 1::bigint, 7::int, '-32768'::smallint, 1.5::float8, 2.25::float4, 'a'::text,
         '2026-11-24 01:02:03.456+00'::timestamptz(3), ARRAY[1, 0, -9223372036854775808]::bigint[],
         ARRAY['x', NULL, '客户\t1']::text[], ARRAY['1969-12-31 23:59:59.999+00', NULL]::timestamptz(3)[]),
        (2, -9223372036854775808, '-2147483648'::int, 32767::smallint, '-0'::float8, NULL, '', '1999-12-31 23:59:59.999+00',
         ARRAY[]::bigint[], NULL, ARRAY['9999-12-31 23:59:59.999+00', '0001-01-01 00:00:00+00']::timestamptz(3)[]),
        (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ARRAY[NULL, NULL]::text[], NULL)
      ) AS v(k, a, b, c, d, e, f, g, h, i, j)
      """
    // Each row as PostgresNIO decodes it, and as one record (`SELECT ROW(…)`, the loader's form).
    let (generic, records) = try store.read { c in
      (try c.rows(sql + " ORDER BY k"), try c.rawRows("SELECT ROW(r.*) FROM (\(sql)) AS r ORDER BY r.k"))
    }
    #expect(generic.count == 3 && records.count == 3)
    let t = { (s: Double) in Date(timeIntervalSince1970: s) }
    let arrays: [([Int64], [String?], [Date?])] = [
      ([1, 0, Int64.min], ["x", nil, "客户\t1"], [t(-0.001), nil]),
      ([], [], [t(253_402_300_799.999), t(-62_135_596_800)]),
      ([], [nil, nil], []),
    ]
    for ((row, record), (ints, texts, dates)) in zip(zip(generic, records), arrays) {
      var fields = try PGCursor(record: record)
      #expect(try fields.int() == row.get(0, Int64.self))
      #expect(try fields.optionalInt() == row.int(1))
      #expect(try fields.optionalInt() == row.cells[2].decode(Int32?.self).map(Int64.init))
      #expect(try fields.optionalInt() == row.cells[3].decode(Int16?.self).map(Int64.init))
      let (d, expected) = (try fields.optionalDouble(), try row.double(4))
      #expect(d == expected && d?.sign == expected?.sign)
      #expect(try fields.optionalDouble() == row.double(5))
      #expect(try fields.optionalText() == row.text(6))
      #expect(try fields.optionalDate() == row.date(7))
      #expect(try fields.ints() == ints)
      #expect(try fields.texts() == texts)
      let read = try fields.dates()
      // The same instants as PostgresNIO's decoding of each time (to the microsecond's floating-point steps).
      #expect(read.count == dates.count)
      for (a, b) in zip(read, dates) {
        let apart = abs((a?.timeIntervalSince1970 ?? 0) - (b?.timeIntervalSince1970 ?? 0))
        #expect(apart < 1e-6 && (a == nil) == (b == nil))
      }
      // Past the last field: refused, not read beyond the record.
      #expect(throws: PGCellError.self) { try fields.skip() }
    }
    // The second row's times hold no NULL, so PostgresNIO decodes them as an array too: the very same `Date`s.
    var fields = try PGCursor(record: records[1])
    for _ in 0..<10 { try fields.skip() }
    #expect(try fields.dates() == generic[1].cells[10].decode([Date].self))
    // A value read as another type, a NULL read as a value, a NULL inside an array of ids, a row that is no record:
    // refused.
    var misread = try PGCursor(record: records[0])
    #expect(throws: PGCellError.self) { try misread.optionalDate() }
    var null = try PGCursor(record: records[2])
    try null.skip()
    #expect(throws: PGCellError.self) { try null.int() }
    let (holes, plain) = try store.read { c in
      (try c.rawRows("SELECT ROW(ARRAY[1, NULL]::bigint[])"), try c.rawRows(sql))
    }
    var hole = try PGCursor(record: try #require(holes.first))
    #expect(throws: PGCellError.self) { try hole.ints() }
    #expect(throws: PGCellError.self) { try PGCursor(record: try #require(plain.first)) }
  }
}
