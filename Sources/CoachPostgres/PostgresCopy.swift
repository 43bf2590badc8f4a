import Foundation
import NIOCore
import PostgresNIO

/// Rows for `COPY … FROM STDIN` in PostgreSQL's text format: fields separated by tabs, rows ended by a newline,
/// `\N` for NULL, and a backslash, tab, newline or carriage return inside a value written as its escape. Times go in
/// as UTC text with milliseconds (`2025-07-10 02:00:00.123+00`), cut as `Date`'s bound parameter cuts them.
struct PGCopyRows {
  let table: String
  let columns: [String]
  private(set) var buffer = ByteBuffer()
  private(set) var count = 0
  private var atRowStart = true

  /// `table` and `columns` as PostgreSQL's catalog spells them (lower case: the schema's names are unquoted).
  init(_ table: String, _ columns: [String]) {
    self.table = table
    self.columns = columns
  }

  var isEmpty: Bool { count == 0 }

  private mutating func separate() {
    if atRowStart { atRowStart = false } else { buffer.writeInteger(UInt8(ascii: "\t")) }
  }

  mutating func null() {
    separate()
    buffer.writeStaticString("\\N")
  }

  mutating func text(_ value: String?) {
    guard var value else { return null() }
    separate()
    value.withUTF8 { bytes in
      // A value is text up to a NUL, as SQLite's binding takes it (PostgreSQL's text holds none).
      let end = bytes.firstIndex(of: 0) ?? bytes.count
      var start = 0
      for i in 0..<end {
        let escape: UInt8
        switch bytes[i] {
        case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
        case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
        case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
        case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
        default: continue
        }
        buffer.writeBytes(bytes[start..<i])
        buffer.writeInteger(UInt8(ascii: "\\"))
        buffer.writeInteger(escape)
        start = i + 1
      }
      buffer.writeBytes(bytes[start..<end])
    }
  }

  mutating func int(_ value: Int64?) {
    guard let value else { return null() }
    separate()
    buffer.writeString(String(value))
  }

  mutating func date(_ value: Date?) {
    guard let value else { return null() }
    separate()
    PGTimeText.write(value, into: &buffer)
  }

  mutating func endRow() {
    buffer.writeInteger(UInt8(ascii: "\n"))
    atRowStart = true
    count += 1
  }

  /// Sends the rows (one `COPY` statement) and empties the buffer.
  mutating func send(_ c: PGConnection) throws {
    guard let batch = take() else { return }
    try c.copy([batch])
  }

  /// The rows as one `COPY` statement's batch (nil when there is none), the buffer emptied.
  mutating func take() -> PGCopyBatch? {
    guard count > 0 else { return nil }
    defer {
      buffer = ByteBuffer()
      count = 0
    }
    return PGCopyBatch(table: table, columns: columns, data: buffer)
  }
}

/// `COPY` statements sent without waiting for the server, one lot at a time: an import reads and formats its next
/// rows while the server takes the last ones (the two took turns before: the 2,000,000 touches' import took 17.7 s
/// that way, 15.2 s this way).
/// `send` and `wait` are the only ways to the lot under way: every other statement on the connection waits for it
/// first (`wait`), and an import that stops on an error waits for it before its transaction rolls back (`deinit`).
final class PGCopySender {
  private let c: PGConnection
  private var sending: EventLoopFuture<Void>?

  init(_ c: PGConnection) { self.c = c }

  /// Waits for the lot under way, then starts `batches`, each in turn (empty ones left out).
  func send(_ batches: [PGCopyBatch?]) throws {
    try wait()
    let lot = batches.compactMap { $0 }
    if !lot.isEmpty { sending = c.startCopy(lot) }
  }

  /// Waits for the lot under way, if any, and throws its error.
  func wait() throws {
    defer { sending = nil }
    try sending?.wait()
  }

  deinit { try? sending?.wait() }
}

/// One `COPY` statement's rows, in `PGCopyRows`' text format.
struct PGCopyBatch: Sendable {
  let table: String
  let columns: [String]
  let data: ByteBuffer
}

/// A UTC time as PostgreSQL's `timestamptz` input text, milliseconds cut down (`Date`'s parameter binding does the
/// same), without a formatter.
enum PGTimeText {
  /// The milliseconds since 1970 that `write` writes (and the server keeps) for `date`.
  static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

  static func write(_ date: Date, into buffer: inout ByteBuffer) {
    let ms = milliseconds(date)
    let (days, msOfDay) = floorDivide(ms, 86_400_000)
    let (y, m, d) = civil(fromDays: days)
    guard (1...9999).contains(y) else {
      // Years outside 1…9999 AD (never from a parsed file): PostgreSQL's own notation.
      buffer.writeString(ISO8601DateFormatter().string(from: date))
      return
    }
    // `yyyy-MM-dd HH:mm:ss.SSS+00`, written in place: this runs for every time of every imported row.
    buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 26) { out in
      var i = 0
      func put(_ value: Int64, width: Int) {
        var v = value
        for k in stride(from: width - 1, through: 0, by: -1) {
          out[i + k] = UInt8(48 + v % 10)
          v /= 10
        }
        i += width
      }
      func mark(_ c: UInt8) {
        out[i] = c
        i += 1
      }
      put(y, width: 4)
      mark(UInt8(ascii: "-"))
      put(m, width: 2)
      mark(UInt8(ascii: "-"))
      put(d, width: 2)
      mark(UInt8(ascii: " "))
      put(msOfDay / 3_600_000, width: 2)
      mark(UInt8(ascii: ":"))
      put(msOfDay / 60_000 % 60, width: 2)
      mark(UInt8(ascii: ":"))
      put(msOfDay / 1000 % 60, width: 2)
      mark(UInt8(ascii: "."))
      put(msOfDay % 1000, width: 3)
      mark(UInt8(ascii: "+"))
      put(0, width: 2)
      return i
    }
  }

  static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
    let q = a / b
    let r = a % b
    return r < 0 ? (q - 1, r + b) : (q, r)
  }

  /// The proleptic Gregorian day of `days` since 1970-01-01 (H. Hinnant's `civil_from_days`).
  static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

extension PGConnection {
  /// `COPY table (columns) FROM STDIN` of each batch in turn (text format), waited for on the calling thread like
  /// every statement of this client.
  func copy(_ batches: [PGCopyBatch]) throws {
    try startCopy(batches).wait()
  }

  /// `COPY` of each batch in turn, started and not waited for: the caller goes on (reading and formatting the next
  /// rows) while the server takes these, and waits for the returned future before its next statement on this
  /// connection. postgres-nio's `copyFrom` is async: it runs as a task whose end the future reports.
  func startCopy(_ batches: [PGCopyBatch]) -> EventLoopFuture<Void> {
    let connection = self.connection
    let logger = self.logger
    let promise = connection.eventLoop.makePromise(of: Void.self)
    promise.completeWithTask {
      for batch in batches {
        try await connection.copyFrom(table: batch.table, columns: batch.columns, logger: logger) { writer in
          var rest = batch.data
          // The rows go in slices of 1 MiB: the server reads the stream as it comes.
          while rest.readableBytes > 0, let slice = rest.readSlice(length: min(rest.readableBytes, 1 << 20)) {
            try await writer.write(slice)
          }
        }
      }
    }
    return promise.futureResult
  }
}
