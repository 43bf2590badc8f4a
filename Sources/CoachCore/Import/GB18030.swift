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
    if bytes.isEmpty { return "" }
    _ = iconv(handle, nil, nil, nil, nil)
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 2 + 8)
    let outCapacity = output.count
    let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
      output.withUnsafeMutableBufferPointer { outBuf in
        guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return nil }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(
          to: CChar.self)
        var inLeft = inBuf.count
        var outLeft = outCapacity
        let result = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
        guard result != size_t.max, inLeft == 0 else { return nil }
        return outCapacity - outLeft
      }
    }
    guard let written else { return nil }
    return String(validating: output[..<written], as: UTF8.self)
  }
}
