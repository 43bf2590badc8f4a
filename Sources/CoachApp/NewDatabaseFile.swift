import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation

/// A SQLite file a command is about to create (with the folders above it), and takes away again when the command
/// fails: the file is created on the first write (CONTRACT.md), so a refused command leaves none behind, not even an
/// empty one. Nothing to do for PostgreSQL, or for a file that exists already.
package struct NewDatabaseFile {
  /// The file, when it does not exist yet.
  private let path: String?
  /// The folders `AppDatabase.open` will create for it, innermost first.
  private let folders: [String]

  package init(_ env: RunEnvironment) {
    let fm = FileManager.default
    guard env.postgres == nil, !fm.fileExists(atPath: env.dbPath) else {
      (path, folders) = (nil, [])
      return
    }
    path = env.dbPath
    var missing: [String] = []
    var folder = URL(fileURLWithPath: env.dbPath).deletingLastPathComponent()
    while !fm.fileExists(atPath: folder.path), folder.path != "/" {
      missing.append(folder.path)
      folder = folder.deletingLastPathComponent()
    }
    folders = missing
  }

  /// Closes `store` and removes the file, its journals and the folders made for it (those still empty).
  package func remove(_ store: any CoachDataStore) {
    guard let path else { return }
    try? (store as? AppDatabase)?.closeConnections()
    let fm = FileManager.default
    for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: path + suffix) }
    for folder in folders where (try? fm.contentsOfDirectory(atPath: folder))?.isEmpty == true {
      try? fm.removeItem(atPath: folder)
    }
  }
}
