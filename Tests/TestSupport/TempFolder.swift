import Foundation

/// Fresh temp folders for tests, all removed when the test process exits, so a test run leaves nothing behind.
///
/// Removal waits for exit rather than for the owner's release: Swift may end a value's lifetime at its last use,
/// while SQLite still writes journals next to a database opened from a path in the folder.
public enum TempFolder {
  /// Creates `<temp>/<prefix>-<uuid>` and returns it.
  public static func make(prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    Created.shared.add(url)
    return url
  }

  private final class Created: @unchecked Sendable {
    static let shared: Created = {
      let created = Created()
      atexit { Created.shared.removeAll() }
      return created
    }()

    private let lock = NSLock()
    private var urls: [URL] = []

    func add(_ url: URL) { lock.withLock { urls.append(url) } }

    func removeAll() {
      let all = lock.withLock { () -> [URL] in
        defer { urls.removeAll() }
        return urls
      }
      for url in all { try? FileManager.default.removeItem(at: url) }
    }
  }
}
