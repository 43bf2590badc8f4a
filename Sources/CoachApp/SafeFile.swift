import CoachCore
import Foundation

/// Writes files with mode 0600, all or nothing: a temp file beside the target, then a rename.
package struct SafeFile {
  let tmp: URL
  let target: URL

  package static func prepare(_ data: Data, for path: String) throws -> SafeFile {
    let url = URL(fileURLWithPath: path)
    let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: tmp.path, contents: data, attributes: [.posixPermissions: 0o600])
    else {
      throw CoachError.refused(.unwritable(path: path))
    }
    return SafeFile(tmp: tmp, target: url)
  }

  package static func write(_ data: Data, to path: String) throws { try prepare(data, for: path).commit() }

  package func commit() throws {
    if rename(tmp.path, target.path) != 0 {
      try? FileManager.default.removeItem(at: tmp)
      throw CoachError.refused(.unwritable(path: target.path))
    }
  }
}
