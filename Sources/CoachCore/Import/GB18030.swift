#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// GB18030 (a superset of GBK and GB2312) to UTF-8 through the C library's `iconv`: pure conversion, no I/O.
final class GB18030Decoder {
  private let handle: iconv_t

  /// Nil when the C library has no GB18030 converter (e.g. glibc without gconv modules).
  init?() {
    guard let h = iconv_open("UTF-8", "GB18030"), Int(bitPattern: h) != -1 else { return nil }
    handle = h
  }

  deinit { iconv_close(handle) }

  /// The text of `bytes`, or nil when they are not valid GB18030 (invalid or incomplete sequence).
  func decode(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// The text of `bytes`, or nil when they are not valid GB18030 (invalid or incomplete sequence).
  func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let inBase = bytes.baseAddress, !bytes.isEmpty else { return "" }
    _ = iconv(handle, nil, nil, nil, nil)
    let outCapacity = bytes.count * 2 + 8
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: outCapacity) { outBuf -> String? in
      guard let outBase = outBuf.baseAddress else { return nil }
      // iconv's input pointer is not const in its C signature, but it only reads through it.
      var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(
        to: CChar.self)
      var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
      var inLeft = bytes.count
      var outLeft = outCapacity
      let result = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
      guard result != size_t.max, inLeft == 0 else { return nil }
      return String(validating: UnsafeBufferPointer(rebasing: outBuf[..<(outCapacity - outLeft)]), as: UTF8.self)
    }
  }
}
