import CoachCore
import Foundation
import NIOCore
import PostgresNIO

/// A row read as one record (`SELECT ROW(a, b, …)`), its fields in order from their binary bytes (the format
/// PostgresNIO asks the server for), for the loader's reads, which take hundreds of thousands of rows (an audit's).
/// `PGRow` decodes each cell through PostgresNIO's generic decoding, which copied and released the row's buffers
/// several times per cell: a 30-day audit of 100k leads spent more of coach's CPU turning rows into values than
/// counting them. Read cell by cell from their raw bytes, PostgresNIO's own work per cell (a cell value made and
/// dropped, the row's buffer retained and released) was still a sixth of the audit's CPU; a record's fields are read
/// in place from its one cell.
struct PGCursor {
  /// The record's bytes, where the next field starts, and how many fields are left.
  private let record: ByteBuffer
  private var at: Int
  private var left: Int

  /// The fields of the row's one cell, a record.
  init(record row: PostgresRow) throws {
    var cells = row.makeIterator()
    guard let cell = cells.next() else { throw PGCellError.missingColumn }
    guard cell.format == .binary, cell.dataType == .record, let bytes = cell.bytes,
      let count = bytes.getInteger(at: bytes.readerIndex, as: Int32.self)
    else {
      throw PGCellError.unexpectedType(column: cell.columnName, type: cell.dataType)
    }
    record = bytes
    left = Int(count)
    at = bytes.readerIndex + 4
  }

  /// The next field's bytes as `read` takes them (nil for NULL), once its type is checked against `expected`: a
  /// type id, then a 4-byte length (-1 for NULL) and the value's bytes.
  private mutating func next<T>(
    _ expected: PGCellType?, _ read: (UnsafeRawBufferPointer) throws -> T
  ) throws -> T? {
    guard left > 0, let type = record.getInteger(at: at, as: UInt32.self),
      let length = record.getInteger(at: at + 4, as: Int32.self)
    else { throw PGCellError.missingColumn }
    left -= 1
    at += 8
    if let expected, !expected.accepts(PostgresDataType(type)) {
      throw PGCellError.unexpectedType(column: "field", type: PostgresDataType(type))
    }
    guard length >= 0 else { return nil }
    let start = at - record.readerIndex
    guard start + Int(length) <= record.readableBytes else { throw PGCellError.badValue }
    at += Int(length)
    return try record.withUnsafeReadableBytes { raw in
      try read(UnsafeRawBufferPointer(rebasing: raw[start..<start + Int(length)]))
    }
  }

  /// Passes over a field whatever its type.
  mutating func skip() throws { _ = try next(nil) { _ in () } }

  mutating func optionalInt() throws -> Int64? { try next(.integer) { try PGValue.int($0) } }
  mutating func optionalText() throws -> String? { try next(.text) { String(decoding: $0, as: UTF8.self) } }
  mutating func optionalDate() throws -> Date? { try next(.time) { try PGValue.date($0) } }

  mutating func optionalDouble() throws -> Double? {
    try next(.double) { bytes in
      let bits = try PGValue.int(bytes)
      guard bytes.count == 8 else { return Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) }
      return Double(bitPattern: UInt64(bitPattern: bits))
    }
  }

  mutating func int() throws -> Int64 { try required(optionalInt()) }
  mutating func text() throws -> String { try required(optionalText()) }
  mutating func date() throws -> Date { try required(optionalDate()) }

  private func required<T>(_ value: T?) throws -> T {
    guard let value else { throw PGCellError.unexpectedNull }
    return value
  }

  /// The elements of a one-dimensional array field (`array_agg(…)`), each as `element` reads its bytes (nil for a
  /// NULL element). An empty or NULL array gives no elements.
  mutating func array<T>(
    of type: PGCellType, _ element: (UnsafeRawBufferPointer?) throws -> T
  ) throws -> [T] {
    try next(.array(of: type)) { bytes in try PGValue.array(bytes, element) } ?? []
  }

  mutating func ints() throws -> [Int64] {
    try array(of: .integer) { e in
      guard let e else { throw PGCellError.unexpectedNull }
      return try PGValue.int(e)
    }
  }
  mutating func texts() throws -> [String?] {
    try array(of: .text) { $0.map { String(decoding: $0, as: UTF8.self) } }
  }
  mutating func dates() throws -> [Date?] { try array(of: .time) { try $0.map(PGValue.date) } }
}

/// The column types `PGCursor` reads, as PostgreSQL's type ids.
enum PGCellType {
  case integer, double, text, time
  indirect case array(of: PGCellType)

  /// (A `switch`, not `[…].contains`: this runs for every cell read, and an array literal may be allocated per call.)
  func accepts(_ type: PostgresDataType) -> Bool {
    switch (self, type) {
    case (.integer, .int2), (.integer, .int4), (.integer, .int8): true
    case (.double, .float4), (.double, .float8): true
    case (.text, .text), (.text, .varchar), (.text, .bpchar), (.text, .name): true
    case (.time, .timestamptz): true
    case (.array(.integer), .int2Array), (.array(.integer), .int4Array), (.array(.integer), .int8Array): true
    case (.array(.text), .textArray), (.array(.text), .varcharArray): true
    case (.array(.time), .timestamptzArray): true
    default: false
    }
  }
}

enum PGCellError: Error, CustomStringConvertible {
  case missingColumn, unexpectedNull, badValue
  case unexpectedType(column: String, type: PostgresDataType)

  var description: String {
    switch self {
    case .missingColumn: "a row has fewer columns than read"
    case .unexpectedNull: "a NULL where a value was expected"
    case .badValue: "a value's bytes are not of its type"
    case .unexpectedType(let column, let type): "column \(column) is of type \(type), not the one read"
    }
  }
}

/// Binary values of PostgreSQL's wire format.
enum PGValue {
  /// A big-endian integer of 2, 4 or 8 bytes.
  static func int<C: Collection<UInt8>>(_ bytes: C) throws -> Int64 {
    switch bytes.count {
    case 2, 4, 8: break
    default: throw PGCellError.badValue
    }
    var value: Int64 = (bytes.first ?? 0) & 0x80 != 0 ? -1 : 0
    for b in bytes { value = value << 8 | Int64(b) }
    return value
  }

  /// A `timestamptz`: microseconds since 2000-01-01 UTC, turned into a `Date` as PostgresNIO turns it (the same
  /// floating-point steps, so the same `Date` as `PGRow.get(_, Date.self)`).
  static func date<C: Collection<UInt8>>(_ bytes: C) throws -> Date {
    guard bytes.count == 8 else { throw PGCellError.badValue }
    let microseconds = try int(bytes)
    return Date(timeInterval: Double(microseconds) / Double(1_000_000), since: start)
  }

  static let start = Date(timeIntervalSince1970: 946_684_800)

  /// A one-dimensional array: its dimension count, a NULL flag, the element type, then per dimension its length and
  /// lower bound, then each element as a 4-byte length (-1 for NULL) and its bytes.
  static func array<T>(
    _ bytes: UnsafeRawBufferPointer, _ element: (UnsafeRawBufferPointer?) throws -> T
  ) throws -> [T] {
    var at = 0
    func int32() throws -> Int {
      guard at + 4 <= bytes.count else { throw PGCellError.badValue }
      defer { at += 4 }
      return Int(Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self)))
    }
    let dimensions = try int32()
    _ = try int32()  // has NULLs
    _ = try int32()  // element type
    guard dimensions <= 1 else { throw PGCellError.badValue }
    guard dimensions == 1 else { return [] }
    let count = try int32()
    _ = try int32()  // lower bound
    guard count >= 0 else { throw PGCellError.badValue }
    var out: [T] = []
    out.reserveCapacity(count)
    for _ in 0..<count {
      let length = try int32()
      if length < 0 {
        out.append(try element(nil))
        continue
      }
      guard at + length <= bytes.count else { throw PGCellError.badValue }
      out.append(try element(UnsafeRawBufferPointer(rebasing: bytes[at..<at + length])))
      at += length
    }
    return out
  }
}
