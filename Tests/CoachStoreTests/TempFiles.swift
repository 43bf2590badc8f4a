import Foundation
import TestSupport

/// A fresh temp folder per test (removed when the tests exit), and the committed fixtures.
struct TempDir {
  let url: URL

  init() throws {
    url = try TempFolder.make(prefix: "coach-store")
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Copies `Tests/Fixtures/NAME` here and returns the copy's path.
  func fixture(_ name: String) throws -> String {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures").appendingPathComponent(name)
    let target = path(name)
    try FileManager.default.copyItem(atPath: source.path, toPath: target)
    return target
  }

  /// POSIX permission bits of a file.
  static func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }
}
