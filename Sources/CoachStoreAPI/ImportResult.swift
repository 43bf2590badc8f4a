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
  /// Leads imported with a phone an earlier lead has (one of the database, or an earlier row of the file), in order.
  public var sharedPhones: [SharedPhone] = []

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

/// A lead an import wrote with a phone number an earlier lead already has: the same customer entered again (two
/// consultants working one customer), or two people sharing a phone. Imported all the same, as rows may share a
/// customer; the report names them so that someone checks.
public struct SharedPhone: Sendable, Equatable {
  public var lead: Int64
  public var externalID: String?
  public var name: String
  public var phone: String
  /// The earliest lead with that phone, its external id, and whether this import wrote it (an earlier row of the file).
  public var other: Int64
  public var otherExternalID: String?
  public var otherName: String
  public var otherIsNew: Bool

  public init(
    lead: Int64, externalID: String?, name: String, phone: String, other: Int64, otherExternalID: String?,
    otherName: String, otherIsNew: Bool
  ) {
    (self.lead, self.externalID, self.name, self.phone) = (lead, externalID, name, phone)
    (self.other, self.otherExternalID, self.otherName, self.otherIsNew) = (
      other, otherExternalID, otherName, otherIsNew
    )
  }

  /// The new leads (ids from the one bound, given twice, in order) whose customer's phone an earlier lead's customer
  /// has, with the earliest such lead; the same text on both engines, columns: the lead, its external id, its
  /// customer's name and phone, the earlier lead, its external id and customer's name, whether it is new too. One search of the phone
  /// index per new lead (100k leads: about 40 ms on SQLite).
  public static let query = """
    SELECT s.lead, s.externalId, s.name, s.phone, s.other, o.externalId, oc.name,
      CASE WHEN s.other >= ? THEN 1 ELSE 0 END
    FROM (
      SELECT n.id AS lead, n.externalId AS externalId, c.name AS name, c.phone AS phone,
        (SELECT MIN(e.id) FROM customer ec JOIN lead e ON e.customerId = ec.id
          WHERE ec.phone = c.phone AND e.id < n.id) AS other
      FROM lead n JOIN customer c ON c.id = n.customerId
      WHERE n.id >= ? AND c.phone IS NOT NULL) s
    JOIN lead o ON o.id = s.other JOIN customer oc ON oc.id = o.customerId
    ORDER BY s.lead
    """
}

/// A strict import refused because of bad rows (nothing was written).
public enum ImportFailure: Error, Sendable {
  case strict([RowError])
}
