import CoachCore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

@testable import CoachPostgres
@testable import CoachStore

/// A first load on PostgreSQL (no customer before it) finds the customers of earlier batches in memory instead of by a
/// statement per batch; rows naming an earlier batch's customer reuse it, fill its blanks and replace its facts
/// exactly as on SQLite.
@Suite struct PostgresLeadImportTests {
  /// Each table's rows (ids, names, texts; no times, which each engine writes its own way) in id order.
  static let tables = [
    "customer": "SELECT id || '|' || name || '|' || phone || '|' || COALESCE(birthday, '-') FROM customer ORDER BY id",
    "lead":
      "SELECT id || '|' || customerId || '|' || externalId || '|' || COALESCE(consultantId, 0) || '|' || stage FROM lead ORDER BY id",
    "profileFact": "SELECT id || '|' || customerId || '|' || key || '|' || value FROM profileFact ORDER BY id",
    "followUp": "SELECT leadId || '|' || COALESCE(consultantId, 0) FROM followUp ORDER BY leadId",
    "leadTag": "SELECT leadId || '|' || tag FROM leadTag ORDER BY leadId, tag",
    "stageEvent": "SELECT id || '|' || leadId || '|' || toStage FROM stageEvent ORDER BY id",
  ]

  /// An import vacuums and analyzes the tables it filled when it brought many rows and at least a tenth of what was
  /// there; a store's monthly leads into a group of a million leave it to autovacuum.
  @Test func onlyAnImportThatChangesATableMuchTidiesIt() {
    #expect(!PostgresStore.tidies(imported: 9_999, before: 0))
    #expect(PostgresStore.tidies(imported: 10_000, before: 0))
    #expect(PostgresStore.tidies(imported: 10_000, before: 100_000))
    #expect(!PostgresStore.tidies(imported: 10_000, before: 1_000_000))
  }

  @Test(.enabled(if: PostgresTestDatabase.admin != nil, PostgresTestDatabase.skipNote))
  func customersOfEarlierBatchesAreReusedAsOnSQLite() throws {
    // 12,000 rows: three of the import's batches, one row in forty naming an earlier row's customer.
    let text = LeadImportBatchTests.csv(12_000, seed: 7, firstConsultant: 3)
    let options = ImportOptions(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, knownModels: ["X40"])
    let dir = try TempDir()
    let sqlite = try AppDatabase.open(path: dir.path("coach.sqlite"))
    guard let admin = PostgresTestDatabase.admin else { return }
    let url = try PostgresStore.createScratchDatabase(admin: admin)
    let postgres = try PostgresStore.open(url)
    var results: [ImportResult] = []
    for store in [sqlite, postgres] as [any CoachDataStore] {
      results.append(
        try store.importLeads(
          from: CSVBytes(Array(text.utf8), chunkSize: 65_536), options: options, strict: false,
          now: Date(timeIntervalSince1970: 1_780_000_000), actor: "总部"))
    }
    #expect(results[0].imported == results[1].imported && results[0].skipped == results[1].skipped)
    #expect(results[0].imported > 11_000)
    for (table, sql) in Self.tables.sorted(by: { $0.key < $1.key }) {
      let a = try sqlite.writer.read { db in try String.fetchAll(db, sql: sql) }
      let b = try PostgresStore.scratchQuery(url, sql)
      #expect(a.count == b.count && a == b, "\(table): \(a.count) rows on SQLite, \(b.count) on PostgreSQL")
    }
    // The rows that reuse a customer are there (else this test would check nothing of them).
    let reused = try PostgresStore.scratchQuery(
      url, "SELECT count(*)::text FROM (SELECT customerId FROM lead GROUP BY customerId HAVING count(*) > 1) x")
    #expect(Int(reused.first ?? "") ?? 0 > 100, "\(reused)")
    // Analyzed once, after the commit (not also inside the import): the planner has the tables' statistics.
    for table in ["lead", "customer", "stageevent", "followup"] {
      let columns = try PostgresStore.scratchQuery(
        url, "SELECT count(*)::text FROM pg_stats WHERE schemaname = 'public' AND tablename = '\(table)'")
      #expect(columns != ["0"], "no statistics for \(table)")
    }
    try PostgresStore.dropScratchDatabase(url, admin: admin)
  }
}
