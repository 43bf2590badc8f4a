import CoachCore
import Foundation

/// An import file read in 1 MiB chunks with `read(2)`: memory stays bounded whatever the file's size.
package struct CSVFile: CSVByteSource {
  package let path: String

  /// Fails now (`unreadable_file`) when the file cannot be opened, before any transaction starts.
  package init(path: String) throws {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Self.unreadable(path) }
    close(fd)
  }

  package func read(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Self.unreadable(path) }
    defer { close(fd) }
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
    defer { buffer.deallocate() }
    while true {
      let n = readBytes(fd, buffer.baseAddress, buffer.count)
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw Self.unreadable(path) }
      if n == 0 { return }
      try body(UnsafeBufferPointer(rebasing: buffer[..<n]))
    }
  }

  private static func unreadable(_ path: String) -> CoachError {
    .refused(.unreadableFile(path: path, missing: !FileManager.default.fileExists(atPath: path)))
  }
}

/// `read(2)` (the name is taken inside `CSVFile`).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
