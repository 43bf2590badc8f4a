import CoachCore
import Foundation

/// What an import did: rows written and rows skipped with their line and reason.
public struct ImportResult: Sendable {
  public var imported: Int
  public var skipped: [RowError]
  public var createdConsultants: [String]
  /// The file's encoding (streamed imports; UTF-8 for rows given already parsed).
  public var encoding: CSVEncoding = .utf8
  /// Header warnings (unknown or unnamed columns) of a streamed import.
  public var warnings: [String] = []
  /// The header as bound: columns recognised and ignored (streamed imports).
  public var header: ImportHeader?
  /// A dry run: everything checked, nothing written (the transaction rolled back).
  public var dryRun = false
  /// Leads imported at `delivered`, whose delivery day the file does not give: taken as their creation.
  public var deliveredWithoutDate = 0

  public init(
    imported: Int, skipped: [RowError], createdConsultants: [String], encoding: CSVEncoding = .utf8,
    warnings: [String] = [], header: ImportHeader? = nil, dryRun: Bool = false
  ) {
    (self.imported, self.skipped, self.createdConsultants) = (imported, skipped, createdConsultants)
    (self.encoding, self.warnings, self.header, self.dryRun) = (encoding, warnings, header, dryRun)
  }

  /// An import's report from its summary, or its strict refusal (`ImportFailure.strict`: the store rolls the
  /// transaction back); the header warnings go to `warn` first. Both engines end an import so. `late`: rows the
  /// writer found bad only after it had counted them in (a batch checked at once), with their problems.
  package init(
    _ summary: ImportSummary, strict: Bool, created: [String], dryRun: Bool, warn: ([String]) -> Void,
    late: [(line: Int, problem: ImportProblem)] = [], language: UILanguage = .en
  ) throws {
    warn(summary.warnings)
    var errors = summary.errors
    if !late.isEmpty {
      let names = summary.header?.names ?? .contract
      errors += late.map { RowError(line: $0.line, reason: $0.problem.text(language, names: names)) }
      errors.sort { $0.line < $1.line }
    }
    if strict, !errors.isEmpty { throw ImportFailure.strict(errors) }
    self.init(
      imported: summary.imported - late.count, skipped: errors, createdConsultants: created,
      encoding: summary.encoding, warnings: summary.warnings, header: summary.header, dryRun: dryRun)
    deliveredWithoutDate = summary.deliveredWithoutDate
  }
}

/// A strict import refused because of bad rows (nothing was written).
public enum ImportFailure: Error, Sendable {
  case strict([RowError])
}
