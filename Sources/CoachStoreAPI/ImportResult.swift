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
  /// The row's line in the file, and its external id, else its customer's name (nil: the file's first row of the
  /// phone, named by its line alone).
  public var line: Int
  public var label: String?
  public var phone: String
  public var earlier: Earlier

  public enum Earlier: Sendable, Equatable {
    /// An earlier row of the same file.
    case row(line: Int)
    /// A lead the database held before the import (the earliest with that phone).
    case lead(Int64)
  }

  public init(line: Int, label: String?, phone: String, earlier: Earlier) {
    (self.line, self.label, self.phone, self.earlier) = (line, label, phone, earlier)
  }
}

/// Finds an import's shared phones as its rows are written: a row whose phone an earlier row of the file has, in
/// memory as the rows pass (the line of the file's first row of each phone, by a 64-bit hash of the phone: 100k rows
/// cost the writer a few milliseconds, where a table of the phones' strings cost it 80); then, once, the phones of
/// the file's rows that a lead from before the import has (`beforeQuery`, only when there was one: a first load needs
/// no query). Both engines.
public struct SharedPhoneFinder: Sendable {
  private var first: [UInt64: Int32] = [:]
  public private(set) var found: [SharedPhone] = []

  public init() {}

  /// FNV-1a over the phone's bytes.
  static func key(_ phone: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in phone.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return h
  }

  /// Takes a row the import writes.
  public mutating func see(_ row: ImportedLead) {
    let phone = row.phone
    guard !phone.isEmpty else { return }
    let key = Self.key(phone)
    if let earlier = first[key] {
      found.append(
        SharedPhone(line: row.line, label: row.externalID ?? row.name, phone: phone, earlier: .row(line: Int(earlier))))
    } else {
      first[key] = Int32(clamping: row.line)
    }
  }

  /// The rows found, with the file's first row of each phone (`before`: phone → the earliest lead from before the
  /// import with it) that a lead from before has, by line.
  public func all(before: [String: Int64]) -> [SharedPhone] {
    let old = before.compactMap { phone, lead in
      first[Self.key(phone)].map { SharedPhone(line: Int($0), label: nil, phone: phone, earlier: .lead(lead)) }
    }
    return (found + old).sorted { $0.line < $1.line }
  }

  /// The phones of the new leads (ids from the one bound) that a lead from before the import (ids below it) has,
  /// each with the earliest such lead; the same text on both engines. One search of the phone index per new lead.
  public static let beforeQuery = """
    SELECT c.phone, MIN(e.id) FROM lead n JOIN customer c ON c.id = n.customerId
    JOIN customer ec ON ec.phone = c.phone JOIN lead e ON e.customerId = ec.id
    WHERE n.id >= ? AND e.id < ? AND c.phone IS NOT NULL
    GROUP BY c.phone
    """
}

/// A strict import refused because of bad rows (nothing was written).
public enum ImportFailure: Error, Sendable {
  case strict([RowError])
}
