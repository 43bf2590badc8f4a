import CoachApp
import CoachCore
import CoachStore
import CoachStoreAPI
import Foundation
import TestSupport
import Testing

/// The file use cases the command line hands its work to (import, export, backup, restore), called as `coach serve`
/// would: who may do what is decided here, and what each records.
@Suite struct FileUseCaseTests {
  /// A database file with an admin and a consultant, and a session for `user`.
  static func session(as user: String, dir: URL) throws -> Session {
    let path = dir.appendingPathComponent("coach.sqlite").path
    let db = try AppDatabase.open(path: path)
    if try db.userCount() == 0 {
      let now = Date(timeIntervalSince1970: 1_795_000_000)
      _ = try db.addUser(name: "boss", role: .admin, team: nil, now: now)
      _ = try db.addUser(name: "ann", role: .consultant, team: "t1", now: now)
    }
    let env = try RunEnvironment(
      RunOptions(db: path, actingUser: user, now: "2026-11-24T09:00:00+08:00", tz: "Asia/Shanghai", lang: "en"),
      env: [:])
    return try Session.open(env)
  }

  static func csv(_ text: String, in dir: URL) throws -> String {
    let path = dir.appendingPathComponent("leads.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("a consultant may export masked, not unmasked; an admin's unmasked export is recorded as such")
  func exportPermissions() throws {
    let dir = try TempFolder.make(prefix: "coach-usecase")
    let ann = try Self.session(as: "ann", dir: dir)
    #expect(throws: CoachError.self) { try ExportLeads(unmasked: true).run(ann) }
    #expect(try ann.db.exports(from: .distantPast, to: .distantFuture).isEmpty)
    let masked = try ExportLeads(format: .json).run(ann)
    #expect(masked.masked && masked.data != nil)
    let boss = try Self.session(as: "boss", dir: dir)
    let out = dir.appendingPathComponent("all.csv").path
    let full = try ExportLeads(out: out, unmasked: true).run(boss)
    #expect(full.data == nil && !full.masked && FileManager.default.fileExists(atPath: out))
    let log = try boss.db.exports(from: .distantPast, to: .distantFuture)
    #expect(log.map(\.masked) == [true, false])
    #expect(log.map(\.target) == ["stdout", out])
  }

  @Test("only an admin backs up or restores; neither names the database itself")
  func backupPermissions() throws {
    let dir = try TempFolder.make(prefix: "coach-usecase")
    let file = dir.appendingPathComponent("backup.sqlite").path
    let ann = try Self.session(as: "ann", dir: dir)
    #expect(throws: CoachError.self) { try BackupDatabase(file: file).run(ann) }
    #expect(!FileManager.default.fileExists(atPath: file))
    let boss = try Self.session(as: "boss", dir: dir)
    #expect(throws: CoachError.self) { try BackupDatabase(file: boss.env.dbPath).run(boss) }
    let summary = try BackupDatabase(file: file).run(boss)
    #expect(summary.path == file)
    #expect(throws: CoachError.self) { try RestoreDatabase(file: file).run(ann) }
    let (_, kept) = try RestoreDatabase(file: file).run(boss)
    #expect(FileManager.default.fileExists(atPath: kept))
  }

  @Test("an import's dry run writes nothing; strict refuses the file naming its bad lines (bad_rows)")
  func importDryRunAndStrict() throws {
    let dir = try TempFolder.make(prefix: "coach-usecase")
    let boss = try Self.session(as: "boss", dir: dir)
    let path = try Self.csv("name,phone,grade\n王芳,13812345678,H\n张伟,13912345678,Z\n", in: dir)
    var input = ImportFile(.leads, path: path)
    input.dryRun = true
    let dry = try input.run(boss) { _ in }
    #expect(dry.dryRun && dry.imported == 1 && dry.skipped.map(\.line) == [3])
    #expect(try boss.db.leadCount() == 0)
    input.dryRun = false
    input.strict = true
    do {
      _ = try input.run(boss) { _ in }
      Issue.record("strict import of a bad row went through")
    } catch let error as CoachError {
      #expect(error.code == "bad_rows" && error.message.contains("\(path):3"))
    }
    input.strict = false
    let real = try input.run(boss) { _ in }
    #expect(real.imported == 1 && real.format == "UTF-8")
    #expect(try boss.db.leadCount() == 1)
  }
}
