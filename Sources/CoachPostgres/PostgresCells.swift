import CoachCore
import Foundation
import NIOCore
import PostgresNIO

/// A row's cells read in order from their binary bytes (the format PostgresNIO asks the server for), for the reads
/// that take hundreds of thousands of rows: the audit's. `PGRow` decodes each cell through PostgresNIO's generic
/// decoding, which copied and released the row's buffers several times per cell; a 30-day audit of 100k leads spent
/// more of coach's CPU turning rows into values than counting them.
struct PGCursor {
  private var cells: PostgresRow.Iterator

  init(_ row: PostgresRow) { cells = row.makeIterator() }

  /// The next cell's bytes (nil for NULL).
  private mutating func next(_ expected: PGCellType) throws -> ByteBuffer? {
    guard let cell = cells.next() else { throw PGCellError.missingColumn }
    guard cell.format == .binary, expected.accepts(cell.dataType) else {
      throw PGCellError.unexpectedType(column: cell.columnName, type: cell.dataType)
    }
    return cell.bytes
  }

  /// Passes over a cell whatever its type.
  mutating func skip() throws {
    guard cells.next() != nil else { throw PGCellError.missingColumn }
  }

  mutating func optionalInt() throws -> Int64? { try next(.integer).map { try PGValue.int($0.readableBytesView) } }
  mutating func optionalText() throws -> String? { try next(.text).map { String(buffer: $0) } }
  mutating func optionalDate() throws -> Date? { try next(.time).map { try PGValue.date($0.readableBytesView) } }

  mutating func optionalDouble() throws -> Double? {
    try next(.double).map { cell in
      let bits = try PGValue.int(cell.readableBytesView)
      guard cell.readableBytes == 8 else { return Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) }
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

  /// The elements of a one-dimensional array cell (`array_agg(…)`), each as `element` reads its bytes (nil for a
  /// NULL element). An empty or NULL array gives no elements.
  mutating func array<T>(
    of type: PGCellType, _ element: (UnsafeRawBufferPointer?) throws -> T
  ) throws -> [T] {
    guard let buffer = try next(.array(of: type)) else { return [] }
    return try buffer.withUnsafeReadableBytes { bytes in try PGValue.array(bytes, element) }
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
