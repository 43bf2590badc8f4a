import CoachCore
import CoachStoreAPI
import Foundation

/// What an import did (or, dry, would do): rows in, rows skipped with line and reason, the columns as read, the
/// consultants created.
package struct ImportReport: Sendable {
  package let kind: ImportSchema.Kind
  package let imported: Int
  package let skipped: [RowError]
  package let dryRun: Bool
  /// `xlsx` for a workbook, else the CSV file's encoding as named in messages (`UTF-8`, `GB18030`).
  package let format: String
  /// Header cells and the fields they were read as, in file order.
  package let columns: [(header: String, field: String)]
  package let ignoredColumns: [String]
  package let newConsultants: [String]
  /// What the user should know about the rows imported (delivered leads without a delivery date), in their language.
  package internal(set) var warnings: [String]

  init(_ result: ImportResult, kind: ImportSchema.Kind, workbook: Bool, language: UILanguage = .en) {
    self.kind = kind
    imported = result.imported
    skipped = result.skipped
    dryRun = result.dryRun
    format = workbook ? "xlsx" : result.encoding.rawValue
    columns = (result.header?.recognised ?? []).map { (header: $0.header, field: $0.column) }
    ignoredColumns = result.header?.ignoredColumns ?? []
    newConsultants = result.createdConsultants
    let n = result.deliveredWithoutDate
    warnings = n > 0 ? [ImportReportText.deliveredWithoutDate(count: n, dryRun: result.dryRun).text(language)] : []
  }
}

/// `{"imported": N, "skipped": [{"line", "reason"}]}` plus what a user checks before importing for real.
package struct ImportReportJSON: Encodable {
  struct Skipped: Encodable {
    let line: Int
    let reason: String
  }
  /// A header cell and the field it was read as.
  struct Column: Encodable {
    let header: String
    let field: String
  }
  let imported: Int
  let skipped: [Skipped]
  let dryRun: Bool
  let columns: [Column]
  let ignoredColumns: [String]
  let newConsultants: [String]
  let warnings: [String]

  enum CodingKeys: String, CodingKey {
    case imported, skipped, columns, warnings
    case dryRun = "dry_run"
    case ignoredColumns = "ignored_columns"
    case newConsultants = "new_consultants"
  }

  package init(_ r: ImportReport) {
    imported = r.imported
    skipped = r.skipped.map { Skipped(line: $0.line, reason: $0.reason) }
    dryRun = r.dryRun
    columns = r.columns.map { Column(header: $0.header, field: $0.field) }
    ignoredColumns = r.ignoredColumns
    newConsultants = r.newConsultants
    warnings = r.warnings
  }
}
