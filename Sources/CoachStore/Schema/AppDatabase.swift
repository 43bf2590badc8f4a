import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Synchronization

/// The coach database: one writer, migrated on open. Each write is one method, one transaction.
public final class AppDatabase: Sendable {
  /// The underlying connection (a pool on disk, a queue in memory).
  public let writer: any DatabaseWriter
  /// The sales windows' whole-day sums per model, by window and `deliveryVersion` (`salesStats`).
  let wholeDayCounts = Mutex<[WholeDays: [String: Int]]>([:])

  /// Wraps `writer` and migrates it to the current schema.
  public init(_ writer: any DatabaseWriter) throws {
    self.writer = writer
    try Migrations.migrate(writer)
  }

  /// Opens (creating with mode 0600 if needed) the database file at `path`.
  ///
  /// `mappedBytes` (a long-running server) lets SQLite read the file through a shared memory map of that many bytes
  /// instead of copying each page into every connection's own small cache: a request that reads a consultant's
  /// 2,500 index rows touches about 1,500 pages, more than a connection's 2 MB cache holds, so without the map each
  /// request read them again from the kernel. Commands that run once keep the default (no map): a map's pages count
  /// in the process's resident memory, and an audit reads most of the file.
  ///
  /// Processes opening the same folder at once take turns (an exclusive `flock` on the folder) through
  /// creation, the WAL switch and the migrations; a fresh file is created in place, never renamed over
  /// a file another process has begun to write.
  /// A file that is there but empty (0 bytes, and no log beside it holding pages) is refused unless
  /// `emptyFileIsNew` (a restore into it): a database truncated by a full disk or a bad copy was opened as a new
  /// one, `doctor` called it healthy and every read showed an empty dealership.
  public static func open(path: String, mappedBytes: Int = 0, emptyFileIsNew: Bool = false) throws -> AppDatabase {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let turn = FolderTurn(folder)
    defer { turn.end() }
    // Inside the folder's turn: another coach creating this file right now (empty until its schema is written) has
    // finished by then, so only a file left empty is refused.
    if !emptyFileIsNew, isEmptyFile(path) { throw CoachError.refused(.emptyDatabaseFile(path: path)) }
    try createIfMissing(path: path)
    let head = try checkIsCoachDatabase(path: path)
    try refuseForeignBeforeWriting(path: path, head: head)
    var config = Configuration()
    config.busyMode = .timeout(15)
    config.foreignKeysEnabled = true
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY")
      // Readers only: the writer (migrations, imports, every change) keeps its own cache, so that a migration or a
      // burst of writes does not map the tables it rewrites into the server's memory.
      if mappedBytes > 0, db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = \(mappedBytes)") }
    }
    do {
      return try AppDatabase(DatabasePool(path: path, configuration: config))
    } catch let error as DatabaseError {
      throw CoachError.refused(.databaseUnreadable(path: path, detail: error.message ?? "\(error)"))
    }
  }

  /// Closes the connections (a command that removes the file it created, having written nothing, closes it first).
  public func closeConnections() throws { try writer.close() }

  /// Whether a file is at `path` with no bytes, and no write-ahead log with any beside it.
  static func isEmptyFile(_ path: String) -> Bool {
    func size(_ p: String) -> Int? { (try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? Int }
    guard size(path) == 0 else { return false }
    return (size(path + "-wal") ?? 0) == 0
  }

  /// Creates an empty file with mode 0600 unless one exists (`O_CREAT` without `O_TRUNC`: an existing file is untouched).
  static func createIfMissing(path: String) throws {
    if FileManager.default.fileExists(atPath: path) { return }
    let fd = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw CoachError.refused(.databaseUnwritable(path: path, reason: String(cString: strerror(errno))))
    }
    close(fd)
  }

  /// An empty in-memory database, for tests and `playbook test`.
  public static func inMemory() throws -> AppDatabase {
    var config = Configuration()
    config.foreignKeysEnabled = true
    return try AppDatabase(DatabaseQueue(configuration: config))
  }

  /// Refuses another program's SQLite file (or one of a newer coach) before anything is written to it. Opening the
  /// pool switches a file in rollback-journal mode to WAL, a write to its header, and only then did the migrations'
  /// first read refuse it: the other program's file was left changed. So a file in rollback-journal mode (the
  /// header's write version, byte 18, is 1; a backup is one) is read first through a read-only connection, which
  /// changes nothing. A file already in WAL mode keeps its mode when the pool opens; the migrations' read refuses it.
  /// `head`: the file's first bytes, as `checkIsCoachDatabase` read them.
  static func refuseForeignBeforeWriting(path: String, head: Data) throws {
    guard head.count > 18, head[head.startIndex + 18] == 1 else { return }
    var config = Configuration()
    config.readonly = true
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      defer { try? queue.close() }
      try queue.read { db in
        try Migrations.refuseNewer(db)
        try Migrations.refuseForeign(db, path: path)
      }
    } catch is DatabaseError {
      // SQLite cannot read it this way (a journal to roll back, which needs a writer): the pool's open and the
      // migrations' read decide, as before.
    }
  }

  /// Refuses a file that is neither empty nor SQLite, before SQLite touches it; returns its first 19 bytes (the
  /// header's magic and, at byte 18, its write version), fewer for a shorter file.
  @discardableResult static func checkIsCoachDatabase(path: String) throws -> Data {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CoachError.refused(.databaseUnreadable(path: path, detail: nil))
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 19)) ?? Data()
    if !head.isEmpty && head.prefix(16) != Data("SQLite format 3\0".utf8) {
      throw CoachError.refused(.notADatabase(path: path, backup: false))
    }
    return head
  }
}

/// An exclusive `flock` on a folder, held while a database in it is created and migrated.
///
/// A lock on the folder rather than the database file: closing any descriptor of the database file would
/// drop SQLite's own POSIX locks in this process. Where the folder cannot be locked, opening goes on unserialised.
struct FolderTurn {
  private let fd: Int32

  init(_ folder: String) {
    fd = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }
  }

  func end() {
    if fd >= 0 { close(fd) }
  }
}

extension AppDatabase: CoachDataStore {}
