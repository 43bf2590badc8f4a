import CoachCore
import CoachStoreAPI
import Foundation

/// Hashes of the (phone, name) of the customers an import created: a miss means no such customer exists; a hit
/// is checked in the database. The hashes are of the text as bound (up to a NUL, as GRDB binds a `String`), so
/// byte-equal values, which SQL `=` matches, always hit. Bounded: past `limit` the import stops using it.
struct CreatedCustomers {
  private static let limit = 1 << 20
  private var hashes = Set<Int>()

  var isFull: Bool { hashes.count >= Self.limit }

  func mayHave(phone: String, name: String) -> Bool { hashes.contains(Self.key(phone, name)) }

  mutating func insert(phone: String, name: String) { hashes.insert(Self.key(phone, name)) }

  private static func key(_ phone: String, _ name: String) -> Int {
    var hasher = Hasher()
    func add(_ text: String) {
      var text = text
      text.withUTF8 { utf8 in
        let bound = UnsafeBufferPointer(rebasing: utf8[..<(utf8.firstIndex(of: 0) ?? utf8.count)])
        hasher.combine(bound.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(bound))
      }
    }
    add(phone)
    add(name)
    return hasher.finalize()
  }
}

/// `LocalDate.description` (`%04d-%02d-%02d`) without `String(format:)` for years 0…9999.
enum DayText {
  static func iso(_ d: LocalDate) -> String {
    guard (0...9999).contains(d.year), (0...99).contains(d.month), (0...99).contains(d.day) else {
      return d.description
    }
    var out: (UInt64, UInt64) = (0, 0)
    return withUnsafeMutableBytes(of: &out) { raw in
      func put(_ v: Int, at i: Int, width: Int) {
        var v = v
        for j in stride(from: i + width - 1, through: i, by: -1) {
          raw[j] = UInt8(0x30 + v % 10)
          v /= 10
        }
      }
      put(d.year, at: 0, width: 4)
      raw[4] = 0x2D
      put(d.month, at: 5, width: 2)
      raw[7] = 0x2D
      put(d.day, at: 8, width: 2)
      return String(decoding: raw[..<10], as: UTF8.self)
    }
  }
}

/// The text `StoredDate.value` stores for a date, written once for every column of a row that takes it.
struct StoredDateText {
  let date: Date
  private var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
  /// False when `StoredDate` leaves the date to GRDB's formatter.
  private(set) var isWritten = false

  init(_ date: Date) {
    self.date = date
    isWritten = withUnsafeMutableBytes(of: &bytes) { StoredDate.write(date, into: $0) }
  }

  /// Copies the `StoredDate.length` bytes of the text to the front of `out`.
  func copy(into out: UnsafeMutableRawBufferPointer) {
    withUnsafeBytes(of: bytes) { text in
      if let from = text.baseAddress { out.baseAddress?.copyMemory(from: from, byteCount: StoredDate.length) }
    }
  }
}
