import CoachCore
import CoachStoreAPI
import Foundation
import GRDB

extension AppDatabase {
  /// Streams a leads file into the database in one transaction, row by row as it is read: memory stays bounded
  /// by what must be remembered (external ids seen, bad rows, consultants). Rows whose external id is already
  /// in the database are bad rows, and so are rows without one whose name and phone a lead before the import has. With `strict`, any bad row rejects the whole file (`ImportFailure.strict`,
  /// nothing written); `warn` gets the header warnings first.
  public func importLeads(
    from source: some ImportSource, options: ImportOptions, strict: Bool, now: Date, actor: String?,
    dryRun: Bool = false, warn: ([String]) -> Void = { _ in }
  ) throws -> ImportResult {
    try retryingEncoding { encoding in
      try writeUncheckedReferences(dryRun: dryRun) { db in
        try useImportCache(db)
        var w = try LeadImportWriter(db, now: now, actor: actor, distinctExternalIDs: true)
        let summary = try CSVImport.streamLeads(source, options: options, encoding: encoding) { row, anyBad in
          try w.write(row, insert: !(strict && anyBad))
        }
        try w.finish()
        var result = try ImportResult(summary, strict: strict, created: w.created, dryRun: dryRun, warn: warn)
        result.sharedPhones = try w.sharedPhones()
        return result
      }
    }
  }

  /// Streams a touches file into the database in one transaction (see `importLeads(from:…)`); a row naming a
  /// lead the scope may not see (or no lead) is a bad row, and so is one the database held before the import (the
  /// same lead, time, channel and outcome).
  public func importTouches(
    from source: some ImportSource, options: ImportOptions, strict: Bool, actor: String?, scope: Scope,
    dryRun: Bool = false, warn: ([String]) -> Void = { _ in }
  ) throws -> ImportResult {
    try retryingEncoding { encoding in
      try writeSortingOnDisk(dryRun: dryRun) { db in
        try useImportCache(db)
        var w = try TouchImportWriter(db, actor: actor, scope: scope, zone: options.zone)
        let summary = try CSVImport.streamTouches(source, options: options, encoding: encoding) { row, anyBad in
          try w.write(row, insert: !(strict && anyBad))
        }
        try w.finish()
        return try ImportResult(summary, strict: strict, created: [], dryRun: dryRun, warn: warn)
      }
    }
  }

  /// Imports parsed lead rows in one transaction. Rows whose external id is already in the database are bad rows.
  /// With `strict`, any bad row (these or `parseErrors`) rejects the whole file and nothing is written.
  public func importLeads(
    _ rows: [ImportedLead], parseErrors: [RowError], strict: Bool, now: Date, actor: String?
  ) throws -> ImportResult {
    try writer.write { db in
      var w = try LeadImportWriter(db, now: now, actor: actor)
      let result = try importRows(rows, parseErrors: parseErrors, strict: strict, created: { w.created }) {
        row, insert in try w.write(row, insert: insert)?.text(.en)
      }
      // The new leads' stored follow-ups and deliveries, and the triggers put back (this overload left them out).
      try w.finish()
      return result
    }
  }

  /// Imports parsed touch rows in one transaction; a row naming an unknown lead is a bad row.
  public func importTouches(
    _ rows: [ImportedTouch], parseErrors: [RowError], strict: Bool, actor: String?, scope: Scope
  ) throws -> ImportResult {
    try writeSortingOnDisk { db in
      var w = try TouchImportWriter(db, actor: actor, scope: scope)
      let result = try importRows(rows, parseErrors: parseErrors, strict: strict, created: { [] }) { row, insert in
        try w.write(row, insert: insert)?.text(.en)
      }
      try w.finish()
      return result
    }
  }

  /// Gives the connection a 32 MiB page cache for the rest of its life (SQLite's default is 2 MiB): an import
  /// inserts at random places of the touch index, and every page evicted before the commit is written to the
  /// WAL and read back. The process's peak stays bounded (the cache is a fixed size whatever the file).
  private func useImportCache(_ db: Database) throws {
    try db.execute(sql: "PRAGMA cache_size = -32768")
  }

  /// `writer.write` with foreign-key enforcement off for the transaction: every reference a lead import writes is
  /// made valid by construction (the customer it just inserted or found, a consultant read from or inserted into
  /// `user`, the lead and event ids SQLite just assigned), and it deletes only profile facts, which nothing
  /// references. So the checks could never fail, and they cost a parent look-up per reference and a statement
  /// journal for the event insert.
  private func writeUncheckedReferences<T>(dryRun: Bool = false, _ body: (Database) throws -> T) throws -> T {
    try writeWithSettings(
      dryRun: dryRun,
      { db in
        let enforced = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        return { if enforced { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
      }, body)
  }

  /// `writer.write` for a touch import: SQLite's temporary files on disk for the transaction (a large import builds
  /// the touch index again (`TouchImportWriter`), and SQLite sorts the whole table for that in temporary files,
  /// which in memory would grow with the table: 330 MB at 2M touches, against 70 MB on disk), and foreign-key
  /// enforcement off as for a lead import (`writeUncheckedReferences`): each touch's lead is the one the import
  /// just read in this transaction, each lever's touch the row SQLite just inserted, and nothing is deleted, so the
  /// checks could never fail; they cost a look-up in `lead` per touch, whose pages the new touches keep pushing out
  /// of the page cache (2M touches: 3 s of CPU, half the writer's work in SQLite).
  private func writeSortingOnDisk<T>(dryRun: Bool = false, _ body: (Database) throws -> T) throws -> T {
    try writeWithSettings(
      dryRun: dryRun,
      { db in
        let store = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
        let enforced = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
        try db.execute(sql: "PRAGMA temp_store = FILE; PRAGMA foreign_keys = OFF")
        return {
          try? db.execute(sql: "PRAGMA temp_store = \(store)")
          if enforced { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        }
      }, body)
  }

  /// `writer.write` with connection settings changed by `set` for the one transaction and restored by what it
  /// returns after it, whatever happens. Such pragmas are no-ops or errors inside a transaction, hence outside it.
  /// `dryRun`: the transaction is rolled back, so the body's checks run against the real database (its external
  /// ids, consultants and leads in scope) and nothing is kept.
  private func writeWithSettings<T>(
    dryRun: Bool = false, _ set: (Database) throws -> () -> Void, _ body: (Database) throws -> T
  ) throws -> T {
    try writer.writeWithoutTransaction { db in
      let restore = try set(db)
      defer { restore() }
      var result: T?
      try db.inTransaction {
        result = try body(db)
        return dryRun ? .rollback : .commit
      }
      guard let result else { throw CoachError.internalError("import transaction ended without a result") }
      return result
    }
  }

  /// A pass that read the file in the wrong encoding rolled back by throwing: run it again in the right one.
  private func retryingEncoding<T>(_ pass: (CSVEncoding?) throws -> T) throws -> T {
    do {
      return try pass(nil)
    } catch let retry as CSVEncodingRetry {
      return try pass(retry.encoding)
    }
  }

  private func importRows<Row: ImportedRow>(
    _ rows: [Row], parseErrors: [RowError], strict: Bool, created: () -> [String],
    write: (Row, Bool) throws -> String?
  ) throws -> ImportResult {
    var errors = parseErrors
    var imported = 0
    for row in rows {
      if let reason = try write(row, !(strict && !errors.isEmpty)) {
        errors.append(RowError(line: row.line, reason: reason))
      } else {
        imported += 1
      }
    }
    errors.sort { $0.line < $1.line }
    if strict, !errors.isEmpty { throw ImportFailure.strict(errors) }
    return ImportResult(imported: imported, skipped: errors, createdConsultants: created())
  }
}
