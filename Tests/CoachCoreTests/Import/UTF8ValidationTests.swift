import Foundation
import Testing

@testable import CoachCore

/// The decoder's byte-level UTF-8 check gives what `String(validating:as:)` gives, on valid and broken text.
@Suite struct UTF8ValidationTests {
  static let pieces: [[UInt8]] = [
    [], [0x41], [0x00], Array("张伟".utf8), Array("é".utf8), Array("🚗".utf8), [0xEF, 0xBF, 0xBD], [0xC3], [0x80],
    [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F], [0xFF], [0xFE],
    [0xE4, 0xB8], [0xF8, 0x88, 0x80, 0x80, 0x80], Array("李娜,13912345678".utf8),
  ]

  @Test("valid exactly when String(validating:) is, and the same string")
  func sameAsStandardLibrary() {
    var rng = SplitMix64(seed: 17)
    for _ in 0..<20_000 {
      let bytes = (0..<Int(rng.next() % 5)).flatMap { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
      bytes.withUnsafeBufferPointer { b in
        #expect(CSVRecordDecoder.validUTF8(b) == String(validating: b, as: UTF8.self), "\(bytes)")
      }
    }
  }
}
